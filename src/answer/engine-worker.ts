// Runs inside a worker thread: owns one Engine and answers requests from the main thread.
import { writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, buildCorpus, newCaches } from './engine.js';
import { REBUILD_NEEDED, nextEngine, quotedPeople } from './reload.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { coverageOf, timelineOf } from './timeline.js';
import type { SerializedAnswer, WorkerReply, WorkerRequest } from './worker-protocol.js';
import { refusedReload } from './reload-report.js';
import { warmUp } from './warm-up.js';

if (!parentPort) throw new Error('engine-worker must run in a worker thread');
const port = parentPort;
const { corpusDir, snapshotDir, snapshotWrite } = workerData as { corpusDir: string; snapshotDir: string | null; snapshotWrite: boolean };

let engine: Engine | null = null;
const caches = newCaches();

async function handle(req: WorkerRequest): Promise<unknown> {
  if (!engine) throw new Error('engine not ready');
  switch (req.method) {
    case 'ask':
      return engine.ask(req.args[0]);
    case 'suggestPeople':
      // (A caller that spoke JSON sends a missing limit as null.)
      return engine.suggest(req.args[0], req.args[1] ?? undefined);
    case 'outlets':
      return engine.outletNames;
    case 'stats':
      return engine.stats();
    case 'compare':
      return engine.compare(req.args[0], req.args[1], req.args[2]);
    case 'timeline':
      return timelineOf(engine, req.args[0]);
    case 'coverage':
      return coverageOf(engine.corpus.articles);
    case 'articleSummary':
      return engine.articleSummary(req.args[0]);
    case 'files':
      return engine.corpus.articles.map((a) => ({ file: a.file, hash: a.hash }));
    case 'quoted':
      return quotedPeople(engine);
    case 'patch': {
      // Patch in place when few statements changed; the main thread rebuilds in a new worker otherwise.
      // After a restore from a snapshot no extraction is cached: re-extracting every article here
      // would hold up questions, so that first reload goes to a new worker too.
      if (caches.extractions.size === 0 && engine.corpus.articles.length > 0) {
        return refusedReload(REBUILD_NEEDED, engine.stats());
      }
      // A patched index is not saved: writing it here would hold up questions for seconds. The saved
      // copy is then stale, and the next start sees that and builds.
      const { report, next } = await nextEngine(corpusDir, caches, engine, { rebuild: false, changed: req.args[0] });
      if (next) engine = next;
      return report;
    }
  }
}

/** The reply to `req`: the result as it is, or serialised (its buffer handed over, not copied). */
function reply(req: WorkerRequest, result: unknown): void {
  if (!req.serialized) {
    port.postMessage({ id: req.id, result } satisfies WorkerReply);
    return;
  }
  const bytes = serialize(result);
  let spoolError: string | undefined;
  if (req.spoolTo) {
    try {
      writeFileSync(req.spoolTo, bytes);
      port.postMessage({ id: req.id, result: { spooled: true } satisfies SerializedAnswer } satisfies WorkerReply);
      return;
    } catch (err) {
      spoolError = err instanceof Error ? err.message : String(err);
    }
  }
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  port.postMessage({ id: req.id, bytes, ...(spoolError ? { spoolError } : {}) } satisfies WorkerReply, own ? [bytes.buffer as ArrayBuffer] : []);
}

port.on('message', (req: WorkerRequest) => {
  handle(req).then(
    (result) => reply(req, result),
    (err: unknown) => port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
  );
});

/** Saves the built index before this worker serves: the write blocks its thread for seconds on a large corpus. */
async function save(): Promise<void> {
  if (!snapshotDir || !snapshotWrite || !engine) return;
  try {
    await writeSnapshot(snapshotDir, corpusDir, engine.corpus, caches.stamps);
  } catch (err) {
    port.postMessage({ id: -1, error: `could not save the index: ${err instanceof Error ? err.message : String(err)}` } satisfies WorkerReply);
  }
}

try {
  const restored = snapshotDir ? await readSnapshot(snapshotDir, corpusDir, caches) : null;
  const source = restored?.corpus ? 'snapshot' : 'built';
  engine = new Engine(restored?.corpus ?? (await buildCorpus(corpusDir, caches)).corpus);
  if (source === 'built') await save();
  // Before ready, so no user question waits behind it; a reload that patches keeps this worker's compiled
  // code. A failure here only leaves the first answers slower: the engine still serves.
  await warmUp(engine).catch((err: unknown) =>
    port.postMessage({ id: -1, error: `could not warm up: ${err instanceof Error ? err.message : String(err)}` } satisfies WorkerReply),
  );
  port.postMessage({ id: 0, result: { ready: true, stats: engine.stats(), source, reason: restored?.reason ?? null } } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ id: 0, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
}
