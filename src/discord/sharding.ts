// Which shard a bot of `npm run start:sharded` is, and the state file each keeps. The manager
// (src/cli/shard.ts) runs one bot per shard in its own process, each a client of its own.
/** One shard among `count`: Discord sends it the guilds where (guild_id >> 22) % count === id. */
export interface ShardPlace {
  id: number;
  count: number;
}

/** Each shard keeps its own threads and views; unsharded keeps the original name so old state loads. */
export function stateFileName(shard: ShardPlace | null): string {
  return shard === null ? 'whosaid-state.json' : `whosaid-state.shard-${shard.id}.json`;
}
