// Issue goals as the bench prints them: each with what was measured and whether it holds.

import { QUERY_CLASSES } from './queries.js';
import type { ShardedFigures } from './sharded-run.js';
import { formatBytes, formatMs } from './stats.js';
import { bareP99, buildOf, type CorpusRun, label, latencyOf, type ReloadFigures } from './summary.js';

export interface Goal {
  goal: string;
  measured: string;
  holds: boolean | null;
}

export function goals(runs: CorpusRun[], reload: ReloadFigures | null, reloadLabel: string, sharded: ShardedFigures | { error: string } | null): Goal[] {
  const out: Goal[] = [];
  const bySize = (n: number): CorpusRun | undefined => runs.find((r) => r.articles === n && r.generated);
  for (const [n, limit] of [
    [10_000, 20],
    [100_000, 50],
  ] as const) {
    const run = bySize(n);
    if (!run) continue;
    const p99s = QUERY_CLASSES.map(({ cls }) => latencyOf(run, cls).ours?.p99 ?? Number.NaN);
    const worst = Math.max(...p99s.filter((v) => !Number.isNaN(v)));
    const complete = p99s.every((v) => !Number.isNaN(v));
    out.push({
      // Each class's first question is asked before any other of it: first-time answers are in the samples.
      goal: `p99 answer ≤ ${limit} ms at ${label(n)}, every question class, first asking included`,
      measured: `worst class p99 ${formatMs(worst)}${complete ? '' : ' (some classes not measured)'}`,
      holds: complete ? worst <= limit : null,
    });
  }
  for (const run of runs.filter((r) => r.generated)) {
    const ratios = QUERY_CLASSES.map(({ cls }) => {
      const l = latencyOf(run, cls);
      const bare = bareP99(l);
      return l.ours && bare ? l.ours.p99 / bare : Number.NaN;
    }).filter((v) => !Number.isNaN(v));
    if (ratios.length === 0) continue;
    const worst = Math.max(...ratios);
    out.push({
      goal: `p99 ≤ 1.5x bare Orama at ${run.label}, every class`,
      measured: `worst class ${worst.toFixed(2)}x`,
      holds: ratios.length === QUERY_CLASSES.length ? worst <= 1.5 : null,
    });
  }
  const ten = bySize(10_000);
  const tenBuild = ten ? buildOf(ten) : null;
  if (tenBuild) out.push({ goal: 'full build of 10k articles ≤ 10 s', measured: formatMs(tenBuild.totalMs), holds: tenBuild.totalMs <= 10_000 });
  for (const run of [ten, bySize(100_000)]) {
    const build = run ? buildOf(run) : null;
    const insert = run?.baseline?.phases.insert?.ms;
    if (!run || !build || !insert) continue;
    out.push({
      goal: `full build of ${run.label} (reading and hashing the files included) ≤ 1.5x bare Orama insert`,
      measured: `${(build.totalMs / insert).toFixed(2)}x (${formatMs(build.totalMs)} vs ${formatMs(insert)})`,
      holds: build.totalMs / insert <= 1.5,
    });
  }
  if (reload) {
    const el = reload.eventLoopDuringWorkerReload;
    out.push({
      goal: `main-thread event-loop delay p99 ≤ 50 ms during a full reload (${reloadLabel})`,
      measured: el ? `p99 ${formatMs(el.p99)}, max ${formatMs(el.max)}` : 'n/a',
      holds: el ? el.p99 <= 50 : null,
    });
    const answers = reload.answerDuringReload;
    if (answers)
      out.push({
        goal: '(not an issue goal) answers keep flowing during a full reload',
        measured: `p99 ${formatMs(answers.p99)} (n=${answers.n})`,
        holds: null,
      });
    const one = reload.workerReloadOneFileMs;
    // Judged on the bot's path (the worker); the CLI's in-process figure is shown for contrast.
    out.push({
      goal: `reload after one changed file ≤ 1 s (${reloadLabel})`,
      measured: `bot (worker) ${formatMs(one)}, CLI (in-process, cached extraction) ${formatMs(reload.inProcessReloadOneFileMs)}`,
      holds: one !== null ? one <= 1000 : null,
    });
    const fresh = reload.newFileAnswerableMs;
    out.push({
      goal: `a new file answerable ≤ 1 s after it lands, the watcher's reload (${reloadLabel}; plus WATCH_QUIET_SECONDS)`,
      measured: fresh !== null ? formatMs(fresh) : 'n/a',
      holds: fresh !== null ? fresh <= 1000 : null,
    });
  }
  const hundred = bySize(100_000);
  const heap = hundred?.engine?.memory?.heapUsed;
  if (hundred) {
    const perArticle = heap ? heap / hundred.articles / 1024 : null;
    out.push({
      goal: 'heap after build ≤ 12 KB per article at 100k',
      measured: heap && perArticle ? `${perArticle.toFixed(1)} KB (${formatBytes(heap)})` : 'n/a',
      holds: perArticle ? perArticle <= 12 : null,
    });
  }
  out.push({ goal: `start-up from a saved snapshot (${reloadLabel})`, measured: reload?.snapshotStart ?? 'n/a', holds: null });
  if (sharded && 'error' in sharded) {
    out.push({ goal: 'sharded bot: total RSS ≤ 1.5x and p99 answer ≤ 1.2x `npm start`', measured: `not measured: ${sharded.error}`, holds: null });
  } else if (sharded) {
    const at = `${label(sharded.articles)}, SHARDS=${sharded.shards}`;
    out.push({ goal: `sharded bot: total RSS ≤ 1.5x \`npm start\` (${at})`, measured: `${sharded.rssRatio.toFixed(2)}x`, holds: sharded.rssRatio <= 1.5 });
    out.push({
      goal: `sharded bot: p99 answer through Discord ≤ 1.2x \`npm start\` (${at})`,
      measured: `${sharded.p99Ratio.toFixed(2)}x (${formatMs(sharded.shardedP99)} vs ${formatMs(sharded.unshardedP99)})`,
      holds: sharded.p99Ratio <= 1.2,
    });
  }
  return out;
}
