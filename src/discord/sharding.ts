// What a shard process and its manager (src/cli/shard.ts) share: which shard this process is, the
// per-shard state file, and the messages they exchange over the IPC channel discord.js opens.
// discord.js's own messages on that channel are objects with `_`-prefixed keys; ours carry `whosaid`.
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
  /** Reload this shard's engine and answer with `reloaded`. */
  | { whosaid: 'reload'; requestId: number; by: string }
  /** The answer to a shard's `reload-request`: the fleet's merged report. */
  | { whosaid: 'fleet-reloaded'; requestId: number; report: ReloadReport };

/** Shard → manager. */
export type FromShard =
  | { whosaid: 'ready'; shard: number; servers: number; summary: string }
  | { whosaid: 'reloaded'; requestId: number; report: ReloadReport }
  /** /reload in one guild: every shard must reload, so the shard asks the manager. */
  | { whosaid: 'reload-request'; requestId: number; by: string };

export function isToShard(message: unknown): message is ToShard {
  return typeof message === 'object' && message !== null && 'whosaid' in message && ['reload', 'fleet-reloaded'].includes(String((message as { whosaid: unknown }).whosaid));
}

export function isFromShard(message: unknown): message is FromShard {
  return typeof message === 'object' && message !== null && 'whosaid' in message && ['ready', 'reloaded', 'reload-request'].includes(String((message as { whosaid: unknown }).whosaid));
}

export interface ShardReloadOutcome {
  shard: number;
  ok: boolean;
  ms: number;
  mode?: ReloadReport['mode'];
  error?: string;
}

export type FleetReloadReport = ReloadReport & { shards: ShardReloadOutcome[] };

/**
 * One report for the whole fleet. Every shard reads the same corpus folder, so the corpus side (files
 * added, changed, removed, counts, problems) is shard 0's; it is ok only when every shard swapped in
 * its new index, and the error names the shards that did not.
 */
export function mergeReloadReports(reports: { shard: number; report: ReloadReport }[], ms: number): FleetReloadReport {
  const sorted = [...reports].sort((a, b) => a.shard - b.shard);
  const first = sorted[0];
  if (!first) throw new Error('no shard reported');
  const failed = sorted.filter((r) => !r.report.ok);
  const shards = sorted.map(({ shard, report }) => ({ shard, ok: report.ok, ms: report.ms, ...(report.mode ? { mode: report.mode } : {}), ...(report.error ? { error: report.error } : {}) }));
  const corpusSide: ReloadReport = { ...first.report };
  delete corpusSide.error;
  return {
    ...corpusSide,
    ok: failed.length === 0,
    ms,
    ...(failed.length > 0 ? { error: failed.map((r) => `shard ${r.shard}: ${r.report.error ?? 'failed'}`).join('; ') } : {}),
    shards,
  };
}
