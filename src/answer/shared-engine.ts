// The shard manager's side of the one engine every shard asks: forks src/answer/engine-process.ts
// (compiled to plain JavaScript by the manager, or through engine-process-boot.mjs, which registers the
// TypeScript loader), forwards calls to it over IPC, and starts it again when it dies. While it is gone, calls fail at
// once with EngineUnavailableError, so a shard can tell its user to try again in a moment instead of
// leaving them waiting for a build. An answer's bytes are left in a memory-backed folder (/dev/shm)
// for this process to read, rather than sent through the channel in pieces (see engine-process.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import type { CorpusStats, ReloadReport } from '../types.js';
import type { EngineProcessOptions } from './engine-process.js';
import type { EngineReply, EngineRequest } from './worker-protocol.js';
import { refusedReload } from './reload-report.js';

/** The engine process is not running (it died and is being started again, or the bot is stopping). */
export class EngineUnavailableError extends Error {
  constructor(message = 'the engine is starting again') {
    super(message);
    this.name = 'EngineUnavailableError';
  }
}

export type EngineMethod = EngineRequest['method'];
export type EngineArgs<M extends EngineMethod> = Extract<EngineRequest, { method: M }>['args'];
/** One call: a method and its arguments (an EngineRequest without its id). */
export type EngineCall = { [M in EngineMethod]: { method: M; args: EngineArgs<M> } }[EngineMethod];

export interface EngineStart {
  pid: number;
  stats: CorpusStats;
  source: 'snapshot' | 'built';
  reason: string | null;
  ms: number;
}

/** What the supervisor tells its owner (the manager logs each). */
export type EngineEvent =
  | { type: 'starting'; pid: number; attempt: number }
  | ({ type: 'ready' } & EngineStart)
  | { type: 'died'; pid: number; code: number | null; signal: string | null }
  | { type: 'failed'; error: string }
  | { type: 'gave-up'; deaths: number }
  | { type: 'problem'; message: string };

/** One forked engine process and its outstanding calls. */
class EngineChild {
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private gone: Error | null = null;
  readonly ready: Promise<EngineStart>;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;

  constructor(
    readonly child: ChildProcess,
    onProblem: (message: string) => void,
    /** Where the process leaves answers (see engine-process.ts); removed with everything in it when it exits. */
    readonly spoolDir: string | null,
  ) {
    const started = performance.now();
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, {
        resolve: (v) => resolve({ ...(v as Omit<EngineStart, 'ms'>), ms: performance.now() - started }),
        reject,
      });
    });
    child.on('message', (reply: EngineReply) => {
      if (reply.id === -1) {
        if (reply.error) onProblem(reply.error);
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else if (reply.spooled !== undefined) {
        try {
          p.resolve(deserialize(this.unspool(reply.spooled)));
        } catch (error) {
          p.reject(new Error(`the engine's answer could not be read: ${error instanceof Error ? error.message : String(error)}`));
        }
      } else p.resolve(reply.bytes ? deserialize(reply.bytes) : reply.result);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
        this.gone = new EngineUnavailableError(`the engine process exited (${signal ?? `code ${code}`})`);
        for (const p of this.pending.values()) p.reject(this.gone);
        this.pending.clear();
        resolve({ code, signal });
      });
    });
    // A send to a process that just died errors here instead of throwing; 'exit' follows.
    child.on('error', (error) => onProblem(`engine process: ${error.message}`));
  }

  /** The bytes the process left under `name`, which are removed: each is read once. */
  private unspool(name: string): Buffer {
    const file = path.join(this.spoolDir ?? '', path.basename(name));
    try {
      return readFileSync(file);
    } finally {
      rmSync(file, { force: true });
    }
  }

  call(call: EngineCall): Promise<unknown> {
    if (this.gone || !this.child.connected) return Promise.reject(this.gone ?? new EngineUnavailableError());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, ...call } satisfies EngineRequest);
    });
  }
}

export interface SharedEngineOptions extends EngineProcessOptions {
  /**
   * The engine process's entry: engine-process.ts compiled to JavaScript (src/cli/compile-entries.ts),
   * so the process runs without the TypeScript loader; by default engine-process-boot.mjs, which
   * registers it.
   */
  entry?: string;
  /** Node flags for the engine process (the manager passes its own: the TypeScript loader, heap size). */
  execArgv?: string[];
  onEvent?: (event: EngineEvent) => void;
  /** More deaths than this within `deathWindowMs` and it is not started again. */
  maxDeaths?: number;
  deathWindowMs?: number;
  /** Called when the engine is not started again (it keeps dying, or cannot start): the bot cannot answer. */
  onGiveUp?: () => void;
  /**
   * The memory-backed folder (tmpfs) in which each engine process gets a folder of its own to leave
   * answers in; null: answers cross the IPC channel. By default /dev/shm where there is one to write to.
   */
  spoolBase?: string | null;
}

/** /dev/shm when it is a folder this process may write to (Linux), else null. */
function memoryFolder(): string | null {
  try {
    if (!statSync('/dev/shm').isDirectory()) return null;
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return null;
  }
}

const STOP_TIMEOUT_MS = 5_000;

/** Node flags minus `--import tsx`: the engine's entry is compiled JavaScript or registers the loader itself. */
function withoutTsx(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (arg === '--import' && /tsx/.test(execArgv[i + 1] ?? '')) i++;
    else if (!/^--import=.*tsx/.test(arg)) out.push(arg);
  }
  return out;
}

/**
 * Starts the engine process and keeps one running: a death fails the calls in flight with
 * EngineUnavailableError and starts a new one (which restores the saved index when the corpus is
 * unchanged). More than `maxDeaths` (3) deaths in `deathWindowMs` (10 minutes) means something is wrong
 * with the corpus or the machine: it gives up and says so.
 */
export class SharedEngine {
  private current: EngineChild | null = null;
  private serving = false;
  /** Until the first start succeeds, a death fails start() instead of starting another. */
  private everReady = false;
  private stopping = false;
  private deaths: number[] = [];
  private attempt = 0;
  private readonly emit: (event: EngineEvent) => void;

  constructor(private readonly options: SharedEngineOptions) {
    this.emit = options.onEvent ?? (() => undefined);
  }

  /** True while a started engine answers (false during a restart). */
  get available(): boolean {
    return this.serving;
  }

  get pid(): number | null {
    return this.current?.child.pid ?? null;
  }

  /** The first start: resolves when the index is built or restored; rejects if it cannot start. */
  async start(): Promise<EngineStart> {
    return this.launch();
  }

  private launch(): Promise<EngineStart> {
    this.attempt += 1;
    const file = this.options.entry ?? fileURLToPath(new URL('./engine-process-boot.mjs', import.meta.url));
    const spoolDir = this.spoolFolder();
    const config: EngineProcessOptions = { corpusDir: this.options.corpusDir, snapshotDir: this.options.snapshotDir, spoolDir };
    // V8's serialiser on the channel: an answer crosses (or is left in the spool folder) as the engine's
    // worker serialised it, with no JSON text made in the engine process and parsed in this one.
    const child = fork(file, [JSON.stringify(config)], { execArgv: withoutTsx(this.options.execArgv ?? process.execArgv), serialization: 'advanced' });
    const engine = new EngineChild(child, (message) => this.emit({ type: 'problem', message }), spoolDir);
    this.current = engine;
    this.emit({ type: 'starting', pid: child.pid ?? 0, attempt: this.attempt });
    void engine.exited.then(({ code, signal }) => this.onExit(engine, code, signal));
    return engine.ready.then((started) => {
      if (this.current === engine) {
        this.serving = true;
        this.everReady = true;
      }
      this.emit({ type: 'ready', ...started });
      return started;
    });
  }

  /** A new folder for one engine process's answers, or null (none configured, or it cannot be made). */
  private spoolFolder(): string | null {
    const base = this.options.spoolBase === undefined ? memoryFolder() : this.options.spoolBase;
    if (!base) return null;
    try {
      return mkdtempSync(path.join(base, 'whosaid-answers-'));
    } catch (error) {
      this.emit({
        type: 'problem',
        message: `answers cross the IPC channel: no folder for them in ${base} (${error instanceof Error ? error.message : String(error)})`,
      });
      return null;
    }
  }

  private onExit(engine: EngineChild, code: number | null, signal: string | null): void {
    if (engine !== this.current) return;
    this.serving = false;
    if (this.stopping || !this.everReady) return;
    this.emit({ type: 'died', pid: engine.child.pid ?? 0, code, signal });
    const now = Date.now();
    this.deaths = [...this.deaths.filter((t) => t >= now - (this.options.deathWindowMs ?? 10 * 60_000)), now];
    if (this.deaths.length > (this.options.maxDeaths ?? 3)) {
      this.current = null;
      this.emit({ type: 'gave-up', deaths: this.deaths.length });
      this.options.onGiveUp?.();
      return;
    }
    this.launch().catch((error: unknown) => this.emit({ type: 'failed', error: error instanceof Error ? error.message : String(error) }));
  }

  /** The result of one call; fails at once with EngineUnavailableError while no engine process serves. */
  call(call: EngineCall): Promise<unknown> {
    if (!this.serving || !this.current)
      return Promise.reject(new EngineUnavailableError(this.stopping ? 'the bot is stopping' : 'the engine is starting again'));
    return this.current.call(call);
  }

  /** Reloads the one index; a reload the engine could not finish (it died meanwhile) fails with its reason. */
  async reload(): Promise<ReloadReport> {
    const started = performance.now();
    try {
      return (await this.call({ method: 'reload', args: [] })) as ReloadReport;
    } catch (error) {
      const reason =
        error instanceof EngineUnavailableError
          ? `${error.message}; try again in a moment`
          : `reload failed: ${error instanceof Error ? error.message : String(error)}`;
      return refusedReload(reason, undefined, performance.now() - started);
    }
  }

  /** Closes the channel (the engine process exits on it) and waits; kills it past 5 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.serving = false;
    const engine = this.current;
    if (!engine || engine.child.exitCode !== null || engine.child.signalCode !== null) return;
    const killer = setTimeout(() => engine.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    if (engine.child.connected) engine.child.disconnect();
    else engine.child.kill('SIGTERM');
    await engine.exited;
    clearTimeout(killer);
  }
}
