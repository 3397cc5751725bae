// Runs inside a worker thread: owns one Engine and answers requests from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, buildCorpus, newCaches, nextEngine } from './engine.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('engine-worker must run in a worker thread');
const { corpusDir } = workerData as { corpusDir: string };

let engine: Engine | null = null;
const caches = newCaches();

async function handle(req: WorkerRequest): Promise<unknown> {
  if (!engine) throw new Error('engine not ready');
  switch (req.method) {
    case 'ask':
      return engine.ask(req.args[0]);
    case 'suggestPeople':
      return engine.suggest(req.args[0], req.args[1]);
    case 'outlets':
      return engine.outletNames;
    case 'stats':
      return engine.stats();
    case 'compare':
      return engine.compare(req.args[0], req.args[1]);
    case 'files':
      return engine.corpus.articles.map((a) => ({ file: a.file, hash: a.hash }));
    case 'patch': {
      // Patch in place when few statements changed; the main thread rebuilds in a new worker otherwise.
      const { report, next } = await nextEngine(corpusDir, caches, engine, { rebuild: false });
      if (next) engine = next;
      return report;
    }
  }
}

port.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (result) => port.postMessage({ id: req.id, result } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
  );
});

try {
  const { corpus } = await buildCorpus(corpusDir, caches);
  engine = new Engine(corpus);
  port.postMessage({ id: 0, result: { ready: true, stats: engine.stats() } } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ id: 0, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
}
