// Runs inside a worker thread: turns Vega-Lite specs into PNG bytes, so a chart never holds up the
// bot's event loop (vega and resvg are synchronous for ~100 ms of CPU a chart).
import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { renderPng } from './render.js';

if (!parentPort) throw new Error('chart-worker must run in a worker thread');
const port = parentPort;
// Loading vega and resvg is the slow part of starting: say when it is done, so time limits count from here.
port.postMessage({ id: 0, ready: true });

port.on('message', (req: { id: number; spec: TopLevelSpec }) => {
  renderPng(req.spec).then(
    (png) => {
      // Copied into a fresh ArrayBuffer that is moved, not cloned, to the main thread.
      const bytes = new Uint8Array(png);
      port.postMessage({ id: req.id, png: bytes }, [bytes.buffer]);
    },
    (err: unknown) => port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
