// What a shard process and its manager (src/cli/shard.ts) share: which shard this process is, the
// per-shard state file, and the messages they exchange over the IPC channel discord.js opens (engine
// calls the manager relays to the one engine process, reload requests).
// discord.js's own messages on that channel are objects with `_`-prefixed keys; ours carry `whosaid`.
import type { EngineRequest } from '../answer/worker-protocol.js';
import type { ReloadReport } from '../types.js';

/** One shard among `count`: Discord sends it the guilds where (guild_id >> 22) % count === id. */
export interface ShardPlace {
  id: number;
  count: number;
}

/**
 * The shard this process runs, when a ShardingManager spawned it (it sets SHARDING_MANAGER, and SHARDS
 * and SHARD_COUNT to this shard's id and the total, overwriting whatever the operator's SHARDS said);
 * null for a plain `npm start`, whatever SHARDS holds then.
 */
export function shardOfProcess(env: NodeJS.ProcessEnv = process.env, hasIpc = typeof process.send === 'function'): ShardPlace | null {
  if (env.SHARDING_MANAGER !== 'true' || !hasIpc) return null;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || count < 1 || id >= count) {
    throw new Error(`spawned by a ShardingManager but SHARDS=${String(env.SHARDS)} SHARD_COUNT=${String(env.SHARD_COUNT)} is not one shard`);
  }
  return { id, count };
}

/** Each shard keeps its own threads and views; unsharded keeps the original name so old state loads. */
export function stateFileName(shard: ShardPlace | null): string {
  return shard === null ? 'whosaid-state.json' : `whosaid-state.shard-${shard.id}.json`;
}

/** Manager → shard. */
export type ToShard =
  /** The answer to a shard's `engine` call: its result, the engine's error, or that the engine is restarting. */
  | { whosaid: 'engine-reply'; id: number; result?: unknown; error?: string; unavailable?: string }
  /** The answer to a shard's `reload-request`: the report of the one engine's reload. */
  | { whosaid: 'fleet-reloaded'; requestId: number; report: ReloadReport };

/** Shard → manager. */
export type FromShard =
  | { whosaid: 'ready'; shard: number; servers: number; summary: string }
  /** A call to the one engine every shard shares (src/answer/engine-process.ts), relayed by the manager. */
  | (EngineRequest & { whosaid: 'engine' })
  /** /reload in one guild: the manager reloads the shared engine once, for every shard. */
  | { whosaid: 'reload-request'; requestId: number; by: string };

const TO_SHARD = new Set(['engine-reply', 'fleet-reloaded']);
const FROM_SHARD = new Set(['ready', 'engine', 'reload-request']);

export function isToShard(message: unknown): message is ToShard {
  return typeof message === 'object' && message !== null && 'whosaid' in message && TO_SHARD.has(String((message as { whosaid: unknown }).whosaid));
}

export function isFromShard(message: unknown): message is FromShard {
  return typeof message === 'object' && message !== null && 'whosaid' in message && FROM_SHARD.has(String((message as { whosaid: unknown }).whosaid));
}
