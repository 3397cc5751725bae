// Where charts are drawn: in a worker thread for the bot (off the event loop), in-process for the
// CLI and scripts. Both keep the last PNGs by spec: a spec holds all of a chart's data, so the same
// question on the same corpus draws once, and a reload that changes the counts changes the spec.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';

export interface ChartRenderer {
  /** PNG bytes of the spec; rejects with the reason when it cannot be drawn. */
  render(spec: TopLevelSpec): Promise<Buffer>;
  /** Starts what the first chart needs (the worker and its libraries) ahead of time. */
  warm(): void;
  close(): Promise<void>;
}

const CACHE_SIZE = 64;
/** A chart that takes longer than this is abandoned: the text answer goes out without it. */
export const CHART_TIMEOUT_MS = 10_000;

function cached(draw: (spec: TopLevelSpec) => Promise<Buffer>): (spec: TopLevelSpec) => Promise<Buffer> {
  const pngs = new Map<string, Promise<Buffer>>();
  return (spec) => {
    const key = createHash('sha256').update(JSON.stringify(spec)).digest('base64');
    const hit = pngs.get(key);
    if (hit) {
      // Most recently used last, so the oldest is dropped first.
      pngs.delete(key);
      pngs.set(key, hit);
      return hit;
    }
    const drawing = draw(spec);
    pngs.set(key, drawing);
    drawing.catch(() => pngs.delete(key));
    if (pngs.size > CACHE_SIZE) pngs.delete(pngs.keys().next().value as string);
    return drawing;
  };
}

export function inProcessRenderer(): ChartRenderer {
  // Imported on first use: vega and resvg take a while to load, and the bot's main thread never needs them.
  const draw = async (spec: TopLevelSpec): Promise<Buffer> => (await import('./render.js')).renderPng(spec);
  return { render: cached(draw), warm: () => {}, close: async () => {} };
}

/** A renderer in its own worker thread, started on the first chart and restarted if it dies. */
export function workerRenderer(): ChartRenderer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
  const failAll = (err: Error): void => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./chart-worker-boot.mjs', import.meta.url), { stdout: false, stderr: false });
    w.on('message', (reply: { id: number; png?: Uint8Array; error?: string }) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.png) p.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else p.reject(new Error(reply.error ?? 'chart worker gave no picture'));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new Error(`chart worker exited (code ${code})`)));
    // The bot may stop while no chart is pending: the worker must not keep the process alive.
    w.unref();
    return w;
  };
  const draw = (spec: TopLevelSpec): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`chart took longer than ${CHART_TIMEOUT_MS / 1000} s`));
      }, CHART_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, spec });
    });
  return {
    render: cached(draw),
    warm: () => {
      worker ??= start();
    },
    close: async () => {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
