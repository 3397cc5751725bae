// What a shard and its manager (src/cli/shard.ts) share: which shard this worker thread is, the
// per-shard state file, and the messages they exchange over the channel discord.js opens (engine calls
// the manager relays to the one engine process, charts its one chart worker draws, reload requests, stop).
// discord.js's own messages on that channel are objects with `_`-prefixed keys; ours carry `whosaid`.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { EngineRequest } from '../answer/worker-protocol.js';
import type { ReloadReport } from '../types.js';

/** One shard among `count`: Discord sends it the guilds where (guild_id >> 22) % count === id. */
export interface ShardPlace {
  id: number;
  count: number;
}

/**
 * The shard this thread runs, when a ShardingManager started it as a worker (it hands the worker
 * SHARDING_MANAGER, SHARDS and SHARD_COUNT as workerData; the environment is the manager's, where SHARDS
 * is the operator's setting); null for a plain `npm start`, whatever SHARDS holds then.
 */
export function shardOfProcess(data: unknown = isMainThread ? null : workerData): ShardPlace | null {
  if (typeof data !== 'object' || data === null) return null;
  const env = data as Record<string, unknown>;
  if (String(env.SHARDING_MANAGER) !== 'true') return null;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || count < 1 || id >= count) {
    throw new Error(`started by a ShardingManager but SHARDS=${String(env.SHARDS)} SHARD_COUNT=${String(env.SHARD_COUNT)} is not one shard`);
  }
  return { id, count };
}

/** How the manager names the folder of a shard's compiled command modules, on the shard's argv. */
export const COMMANDS_DIR_FLAG = '--commands-dir';

/**
 * The folder a shard loads its commands from: a shard runs compiled JavaScript and no TypeScript loader,
 * so the manager compiles commands/ too and names the folder; undefined means the project's commands/.
 */
export function commandsDirOfShard(argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf(COMMANDS_DIR_FLAG);
  return at === -1 ? undefined : argv[at + 1];
}

/** Each shard keeps its own threads and views; unsharded keeps the original name so old state loads. */
export function stateFileName(shard: ShardPlace | null): string {
  return shard === null ? 'whosaid-state.json' : `whosaid-state.shard-${shard.id}.json`;
}

/** Manager → shard. */
export type ToShard =
  /** Stop: finish the answers in flight, save state, exit 0 (a worker gets no signals). */
  | { whosaid: 'stop'; reason: string }
  /** The answer to a shard's `engine` call: its result as JSON text, the engine's error, or that the engine is restarting. */
  | { whosaid: 'engine-reply'; id: number; json?: string; error?: string; unavailable?: string }
  /** The answer to a shard's `reload-request`: the report of the one engine's reload. */
  | { whosaid: 'fleet-reloaded'; requestId: number; report: ReloadReport }
  /** The answer to a shard's `chart`: the PNG, or why it could not be drawn. */
  | { whosaid: 'chart-reply'; id: number; png?: Uint8Array; error?: string };

/** Shard → manager. */
export type FromShard =
  | { whosaid: 'ready'; shard: number; servers: number; summary: string }
  /** A call to the one engine every shard shares (src/answer/engine-process.ts), relayed by the manager. */
  | (EngineRequest & { whosaid: 'engine' })
  /** /reload in one guild: the manager reloads the shared engine once, for every shard. */
  | { whosaid: 'reload-request'; requestId: number; by: string }
  /** A chart for the manager's one chart worker to draw (one worker and cache for every shard). */
  | { whosaid: 'chart'; id: number; spec: TopLevelSpec };

const TO_SHARD = new Set(['stop', 'engine-reply', 'fleet-reloaded', 'chart-reply']);
const FROM_SHARD = new Set(['ready', 'engine', 'reload-request', 'chart']);

export function isToShard(message: unknown): message is ToShard {
  return typeof message === 'object' && message !== null && 'whosaid' in message && TO_SHARD.has(String((message as { whosaid: unknown }).whosaid));
}

export function isFromShard(message: unknown): message is FromShard {
  return typeof message === 'object' && message !== null && 'whosaid' in message && FROM_SHARD.has(String((message as { whosaid: unknown }).whosaid));
}

/** A shard's line to its manager. */
export interface ManagerChannel {
  send(message: FromShard): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

/** The channel of a shard worker thread: its parent port (discord.js's own messages use it too). */
export function managerChannel(): ManagerChannel {
  const port = parentPort;
  if (!port) throw new Error('a shard runs in a worker thread of the shard manager');
  let open = true;
  port.once('close', () => (open = false));
  return {
    send: (message) => {
      if (open) port.postMessage(message);
    },
    onMessage: (listener) => void port.on('message', listener),
    onDisconnect: (listener) => void port.once('close', listener),
  };
}
