// The engine in a worker thread, for the bot: index builds and heavy queries never block the
// gateway, and a reload builds a second worker while the first one keeps answering.
import { Worker } from 'node:worker_threads';
import type { AnswerResult, ArticleSummary, Comparison, CorpusStats, Coverage, EngineApi, PersonChoice, ReloadReport, Timeline } from '../types.js';
import { newlyQuoted, REBUILD_NEEDED } from './reload.js';
import type { AnswerRequest, SerializedAnswer, WorkerReply, WorkerRequest } from './worker-protocol.js';
import { refusedReload } from './reload-report.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Method = WorkerRequest['method'];
type ArgsOf<M extends Method> = Extract<WorkerRequest, { method: M }>['args'];

class EngineWorker {
  private pending = new Map<number, Pending>();
  private nextId = 1;
  readonly ready: Promise<CorpusStats>;
  private exited: Error | null = null;
  private retired = false;
  startInfo: StartInfo = { source: 'built', reason: null };
  /** Called once when the worker dies without being retired (a crash, or out of memory). */
  onDeath: ((err: Error) => void) | null = null;

  constructor(readonly worker: Worker) {
    let startup: Pending | undefined;
    this.ready = new Promise<CorpusStats>((resolve, reject) => {
      startup = {
        resolve: (v) => {
          const started = v as { stats: CorpusStats; source: StartInfo['source']; reason: string | null };
          this.startInfo = { source: started.source, reason: started.reason };
          resolve(started.stats);
        },
        reject,
      };
    });
    this.pending.set(0, startup as Pending);
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.bytes ? ({ bytes: reply.bytes, spoolError: reply.spoolError } satisfies SerializedAnswer) : reply.result);
    });
    const failAll = (err: Error): void => {
      if (this.exited) return;
      this.exited = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      if (!this.retired) this.onDeath?.(err);
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`engine worker exited (code ${code})`)));
  }

  call<M extends Method>(method: M, ...args: ArgsOf<M>): Promise<unknown> {
    return this.send({ method, args } as Omit<WorkerRequest, 'id'>);
  }

  /** The request's result as V8's serialiser writes it, written to `spoolTo` when given. */
  serialized(request: Omit<AnswerRequest, 'id'>, spoolTo?: string): Promise<SerializedAnswer> {
    return this.send({ ...request, serialized: true, ...(spoolTo ? { spoolTo } : {}) }) as Promise<SerializedAnswer>;
  }

  private send(request: Omit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request } as WorkerRequest);
    });
  }

  /** Stops after the requests already sent have been answered. */
  async retire(): Promise<void> {
    this.retired = true;
    const inFlight = [...this.pending.values()].length;
    if (inFlight > 0)
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (this.pending.size === 0) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      });
    await this.worker.terminate();
  }
}

function startWorker(corpusDir: string, snapshotDir: string | null, snapshotWrite: boolean, onProblem: (message: string) => void): EngineWorker {
  const worker = new Worker(new URL('./engine-worker-boot.mjs', import.meta.url), {
    workerData: { corpusDir, snapshotDir, snapshotWrite },
    // Worker output goes to our streams; an uncaught error reaches the 'error' handler.
    stdout: false,
    stderr: false,
  });
  worker.on('message', (reply: WorkerReply) => {
    if (reply.id === -1 && reply.error) onProblem(reply.error);
  });
  return new EngineWorker(worker);
}

export interface WorkerEngineOptions {
  corpusDir: string;
  /** Folder for the saved index: start-up restores it when the corpus is unchanged. Null: never saved. */
  snapshotDir?: string | null;
  /** False: restore the saved index but never write it (one writer among several shard processes). */
  snapshotWrite?: boolean;
  /** Problems the engine meets on its own (e.g. the index could not be saved), for the log. */
  onProblem?: (message: string) => void;
}

/** How the first index was made: restored from the saved one, or built (and why not restored). */
export interface StartInfo {
  source: 'snapshot' | 'built';
  reason: string | null;
}

/** The worker engine: the EngineApi, and each answer serialised for a caller that passes it on unread. */
export type WorkerEngine = EngineApi & {
  startInfo: StartInfo;
  worker: () => Worker;
  serialized: (request: Omit<AnswerRequest, 'id'>, spoolTo?: string) => Promise<SerializedAnswer>;
};

export async function createWorkerEngine(options: WorkerEngineOptions): Promise<WorkerEngine> {
  const snapshotDir = options.snapshotDir ?? null;
  const snapshotWrite = options.snapshotWrite ?? true;
  const onProblem = options.onProblem ?? (() => undefined);
  let current = startWorker(options.corpusDir, snapshotDir, snapshotWrite, onProblem);
  try {
    await current.ready;
  } catch (err) {
    await current.worker.terminate();
    throw err;
  }
  let reloading = false;

  // A worker that dies (a crash, out of memory) is replaced: questions wait for the new one instead of
  // failing for good. Three deaths in ten minutes means something is wrong with the corpus or machine.
  let restarting: Promise<void> | null = null;
  const deaths: number[] = [];
  const watch = (worker: EngineWorker): void => {
    worker.onDeath = (err) => {
      if (worker !== current) return;
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && (deaths[0] as number) < now - 10 * 60_000) deaths.shift();
      if (deaths.length > 3) {
        onProblem(`engine worker died again (${err.message}); not restarting after ${deaths.length} deaths in 10 minutes`);
        return;
      }
      onProblem(`engine worker died (${err.message}); starting a new one`);
      const next = startWorker(options.corpusDir, snapshotDir, snapshotWrite, onProblem);
      watch(next);
      restarting = next.ready.then(
        () => {
          current = next;
          restarting = null;
        },
        (startErr: unknown) => {
          restarting = null;
          onProblem(`engine worker could not be restarted: ${startErr instanceof Error ? startErr.message : String(startErr)}`);
        },
      );
    };
  };
  watch(current);
  async function call<M extends Method>(method: M, ...args: ArgsOf<M>): Promise<unknown> {
    if (restarting) await restarting;
    // TypeScript cannot spread a generic rest tuple into the same generic signature; the types match
    // by construction (both are ArgsOf<M>), so apply the call directly.
    return Reflect.apply(current.call, current, [method, ...args]) as Promise<unknown>;
  }
  async function serialized(request: Omit<AnswerRequest, 'id'>, spoolTo?: string): Promise<SerializedAnswer> {
    if (restarting) await restarting;
    return current.serialized(request, spoolTo);
  }

  return {
    startInfo: current.startInfo,
    worker: () => current.worker,
    serialized,
    ask: async (q) => (await call('ask', q)) as AnswerResult,
    suggestPeople: async (typed, limit) => (await call('suggestPeople', typed, limit)) as PersonChoice[],
    outlets: async () => (await call('outlets')) as string[],
    stats: async () => (await call('stats')) as CorpusStats,
    compare: async (person, topic, span) => (await call('compare', person, topic, span ?? null)) as Comparison,
    timeline: async (question) => (await call('timeline', question)) as Timeline,
    coverage: async () => (await call('coverage')) as Coverage,
    articleSummary: async (file) => (await call('articleSummary', file)) as ArticleSummary | null,
    reload: async (changed?: string[]): Promise<ReloadReport> => {
      const started = performance.now();
      const failed = async (error: string): Promise<ReloadReport> => {
        const s = (await call('stats')) as CorpusStats;
        return refusedReload(error, s, performance.now() - started);
      };
      if (reloading) return failed('A reload is already running.');
      reloading = true;
      let next: EngineWorker | null = null;
      try {
        // Few changes: the serving worker patches its index in place in one synchronous step.
        const patched = (await call('patch', changed)) as ReloadReport;
        if (patched.ok || patched.error !== REBUILD_NEEDED) return { ...patched, ms: performance.now() - started };
        // Asked only now: a refused patch left the serving engine as it was, and listing 100k files costs.
        const before = (await call('files')) as { file: string; hash: string }[];
        const quotedBefore = (await call('quoted')) as [string, string][];
        next = startWorker(options.corpusDir, snapshotDir, snapshotWrite, onProblem);
        const stats = await next.ready;
        if (stats.articles === 0 && before.length > 0) {
          await next.worker.terminate();
          return { ...(await failed(`no article could be read from ${options.corpusDir}; the previous corpus is still in use`)), problems: stats.problems };
        }
        const after = (await next.call('files')) as { file: string; hash: string }[];
        const quotedAfter = (await next.call('quoted')) as [string, string][];
        const old = current;
        current = next;
        watch(next);
        void old.retire();
        const oldMap = new Map(before.map((a) => [a.file, a.hash]));
        const newMap = new Map(after.map((a) => [a.file, a.hash]));
        return {
          ok: true,
          added: after.filter((a) => !oldMap.has(a.file)).map((a) => a.file),
          changed: after.filter((a) => oldMap.has(a.file) && oldMap.get(a.file) !== a.hash).map((a) => a.file),
          removed: before.filter((a) => !newMap.has(a.file)).map((a) => a.file),
          articles: stats.articles,
          statements: stats.statements,
          people: stats.people,
          problems: stats.problems,
          ms: performance.now() - started,
          mode: 'rebuilt',
          newlyQuoted: newlyQuoted(quotedBefore, quotedAfter),
        };
      } catch (err) {
        await next?.worker.terminate().catch(() => undefined);
        return failed(`reload failed, the previous corpus is still in use: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        reloading = false;
      }
    },
    close: async () => {
      await current.retire();
    },
  };
}
