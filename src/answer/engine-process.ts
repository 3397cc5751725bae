// The one engine of a sharded bot, in its own process: the worker-backed engine (index builds and
// reloads off its main thread, a dead worker replaced) served over the IPC channel of the process that
// forked it (src/answer/shared-engine.ts, in the shard manager, where every shard runs), so a fleet
// holds one index, builds or restores it once and reloads it once.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createWorkerEngine, type WorkerEngine } from './worker-engine.js';
import type { EngineReply, EngineRequest } from './worker-protocol.js';

export interface EngineProcessOptions {
  corpusDir: string;
  /** Where the index is saved after a build and restored from at start; this process is its only writer. */
  snapshotDir: string | null;
  /**
   * A folder in memory (tmpfs) the manager made for this process, where an answer's bytes are left for
   * it to read instead of crossing the channel; null: they cross the channel. See `spooled` below.
   */
  spoolDir?: string | null;
}

function send(reply: EngineReply): void {
  if (process.connected) process.send?.(reply);
}

/**
 * A request's reply: a reload's report as it is; anything else as the worker serialised it, passed on
 * unread (see EngineReply): left in the spool folder when there is one, else across the channel.
 *
 * Why a file: the channel is a socket a few hundred KB deep, so the 1 MB answer of a much-quoted person
 * crossed it in a dozen turns of both processes' event loops, each waiting for the other to be
 * scheduled; on a busy machine that hop cost 10-40 ms. One write to memory and one read is a
 * millisecond (docs/scaling.md, "the answer left in memory"). The worker writes it: handed to this
 * thread first, the bytes waited for it to be scheduled and then for the write, 1-6 ms on a busy machine.
 */
async function serve(engine: WorkerEngine, req: EngineRequest): Promise<EngineReply> {
  if (req.method === 'reload') return { id: req.id, result: await engine.reload() };
  const { id, ...request } = req;
  const name = String(id);
  const answer = await engine.serialized(request, spoolDir ? path.join(spoolDir, name) : undefined);
  if ('spooled' in answer) return { id, spooled: name };
  // A full tmpfs: the bytes cross the channel, and the manager hears why the first time.
  if (answer.spoolError) {
    if (!spoolFailed) send({ id: -1, error: `an answer crossed the IPC channel: could not write it to ${spoolDir} (${answer.spoolError})` });
    spoolFailed = true;
  }
  return { id, bytes: answer.bytes };
}

let spoolDir: string | null = null;
let spoolFailed = false;

if (typeof process.send !== 'function') {
  process.stderr.write('engine-process must be started by the shard manager (it answers over IPC)\n');
  process.exit(2);
}
const options = JSON.parse(process.argv[2] ?? '{}') as EngineProcessOptions;
spoolDir = options.spoolDir ?? null;

// Signals from a terminal reach every process of the group: the manager decides when this one stops
// (after the shards finished the answers in flight), by closing the channel.
for (const signal of ['SIGINT', 'SIGHUP'] as const) process.on(signal, () => undefined);

let engine: WorkerEngine | null = null;
let closing = false;
async function close(code: number): Promise<void> {
  if (closing) return;
  closing = true;
  await engine?.close().catch(() => undefined);
  // The manager removes it too; this is for a manager that was killed.
  if (options.spoolDir) rmSync(options.spoolDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('disconnect', () => void close(0));
process.on('SIGTERM', () => void close(0));

process.on('message', (req: EngineRequest) => {
  if (!engine) {
    send({ id: req.id, error: 'engine not ready' });
    return;
  }
  serve(engine, req).then(
    (reply) => send(reply),
    (err: unknown) => send({ id: req.id, error: err instanceof Error ? err.message : String(err) }),
  );
});

try {
  engine = await createWorkerEngine({
    corpusDir: options.corpusDir,
    snapshotDir: options.snapshotDir,
    snapshotWrite: true,
    onProblem: (message) => send({ id: -1, error: message }),
  });
  send({ id: 0, result: { stats: await engine.stats(), source: engine.startInfo.source, reason: engine.startInfo.reason, pid: process.pid } });
} catch (err) {
  send({ id: 0, error: err instanceof Error ? err.message : String(err) });
  await close(1);
}
