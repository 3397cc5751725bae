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

/** How long the worker may take to load vega and resvg before charts are given up for now. */
const START_TIMEOUT_MS = 120_000;

/** A renderer in its own worker thread, started on the first chart (or warm()) and again if it dies. */
export function workerRenderer(): ChartRenderer {
  type Pending = { resolve: (png: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout | null; spec: TopLevelSpec };
  let worker: { thread: Worker; ready: boolean } | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const send = (id: number, p: Pending): void => {
    // The time limit is for drawing; it starts once the worker has loaded its libraries.
    p.timer = setTimeout(() => {
      pending.delete(id);
      p.reject(new Error(`chart took longer than ${CHART_TIMEOUT_MS / 1000} s`));
    }, CHART_TIMEOUT_MS);
    worker?.thread.postMessage({ id, spec: p.spec });
  };
  const failAll = (from: { thread: Worker }, err: Error): void => {
    // Only the current worker's death fails what is pending (an old one may exit after a restart).
    if (worker !== from) return;
    for (const p of pending.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
    worker = null;
  };
  const start = (): { thread: Worker; ready: boolean } => {
    const thread = new Worker(new URL('./chart-worker-boot.mjs', import.meta.url), { stdout: false, stderr: false });
    const started = { thread, ready: false };
    const startTimer = setTimeout(() => {
      if (!started.ready) void thread.terminate();
    }, START_TIMEOUT_MS);
    startTimer.unref();
    thread.on('message', (reply: { id: number; ready?: boolean; png?: Uint8Array; error?: string }) => {
      if (reply.id === 0 && reply.ready) {
        started.ready = true;
        clearTimeout(startTimer);
        for (const [id, p] of pending) if (!p.timer) send(id, p);
        return;
      }
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (p.timer) clearTimeout(p.timer);
      if (reply.png) p.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else p.reject(new Error(reply.error ?? 'chart worker gave no picture'));
    });
    thread.on('error', (err) => failAll(started, err));
    thread.on('exit', (code) =>
      failAll(started, new Error(started.ready ? `chart worker exited (code ${code})` : `chart worker did not start (code ${code})`)),
    );
    // The bot may stop while no chart is pending: the worker must not keep the process alive.
    thread.unref();
    return started;
  };
  const draw = (spec: TopLevelSpec): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      const p: Pending = { resolve, reject, timer: null, spec };
      pending.set(id, p);
      if (worker.ready) send(id, p);
    });
  return {
    render: cached(draw),
    warm: () => {
      worker ??= start();
    },
    close: async () => {
      const w = worker;
      if (!w) return;
      await w.thread.terminate();
      worker = null;
    },
  };
}
