// `npm run bench` runs the sharded comparison (bench/sharded.ts) as a child process and reads back what
// it wrote, so issue 14's sharding goals are measured in the same run as every other goal.

import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'sharded-results.json');
/** Rounds of the bench's questions each bot is asked (bench/sharded.ts says why this many). */
export const SHARDED_ROUNDS = 30;

export interface ShardedFigures {
  articles: number;
  shards: number;
  rssRatio: number;
  p99Ratio: number;
  unshardedP99: number;
  shardedP99: number;
}

/** Runs bench/sharded.ts (its own output goes to this process's stderr); null with a reason when it fails. */
export async function runShardedBench(articles: number, rounds: number, deadlineMs: number): Promise<ShardedFigures | { error: string }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', 'sharded.ts'), '--articles', String(articles), '--rounds', String(rounds)],
    {
      cwd: ROOT,
      // Its table goes to stderr with the bench's progress: stdout is the bench's own report.
      stdio: ['ignore', 2, 2],
      env: process.env,
    },
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  if (code !== 0) return { error: `bench/sharded.ts exited with ${code ?? 'a signal (deadline)'}` };
  // Only a file written by this run counts: an older one would pass off another day's figures.
  if (statSync(RESULTS).mtimeMs < started) return { error: 'bench/sharded.ts wrote no results' };
  const raw = JSON.parse(readFileSync(RESULTS, 'utf8')) as {
    options: { articles: number; shards: number };
    rssRatio: number;
    p99Ratio: number;
    unsharded: { answer: { p99: number } };
    sharded: { answer: { p99: number } };
  };
  return {
    articles: raw.options.articles,
    shards: raw.options.shards,
    rssRatio: raw.rssRatio,
    p99Ratio: raw.p99Ratio,
    unshardedP99: raw.unsharded.answer.p99,
    shardedP99: raw.sharded.answer.p99,
  };
}
