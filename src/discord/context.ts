// What every command handler is given: the engine, settings, logger, persisted state, and the small
// bits of shared bookkeeping (cooldowns, the reload gate, in-flight work for a clean shutdown).
import type { Client } from 'discord.js';
import type { Config } from '../config.js';
import type { ChartRenderer } from '../charts/renderer.js';
import type { Logger } from '../log.js';
import type { EngineApi } from '../types.js';
import type { ReloadGate } from './reload.js';
import type { StateStore } from './state.js';

export interface BotContext {
  client: Client;
  engine: EngineApi;
  config: Config;
  log: Logger;
  state: StateStore;
  cooldowns: Cooldowns;
  reloads: ReloadGate;
  lifecycle: Lifecycle;
  /** How long an answer may take before the interaction is deferred rather than answered in its acknowledgement. */
  quickAnswerMs: number;
  /** Draws charts off the event loop (a worker thread), keeping the last ones drawn. */
  charts: ChartRenderer;
}

/** Per-user pause between expensive requests, so one person cannot keep the engine busy. */
export class Cooldowns {
  private readonly lastUse = new Map<string, number>();

  constructor(readonly seconds: number) {}

  /** Seconds the user still has to wait (0 = go ahead, and the clock restarts now). */
  take(userId: string, now = Date.now()): number {
    if (this.seconds <= 0) return 0;
    const last = this.lastUse.get(userId);
    const waitMs = last === undefined ? 0 : last + this.seconds * 1000 - now;
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    this.lastUse.set(userId, now);
    if (this.lastUse.size > 10_000) {
      for (const [id, at] of this.lastUse) if (at + this.seconds * 1000 < now) this.lastUse.delete(id);
    }
    return 0;
  }
}

/** Tracks work in flight so shutdown can stop taking new requests and wait for the ones running. */
export class Lifecycle {
  accepting = true;
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Waits for running work, at most `timeoutMs`; resolves true when everything finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const all = Promise.allSettled([...this.running]).then(() => true as const);
    const finished = await Promise.race([all, timeout]);
    clearTimeout(timer);
    return finished;
  }
}
