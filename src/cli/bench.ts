// `npm run bench`: builds synthetic corpora (1k, 10k, 100k articles, cached in bench/out) plus the
// seed corpus, and measures the engine against the same documents in a bare Orama db, each task in
// its own process. Prints the tables, writes bench/results.json and bench/latency.svg.
//
//   npm run bench -- [--sizes 1000,10000,100000] [--seed N] [--no-seed-corpus] [--no-sharded] [--budget SECONDS]
//
// Ratios are the claims (they hold across machines); absolute figures are for this machine.

import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latencyChart, type ChartSeries } from '../../bench/chart.js';
import { runTask, type ChildResult } from '../../bench/child.js';
import { goals } from '../../bench/goals.js';
import { runShardedBench, SHARDED_ROUNDS } from '../../bench/sharded-run.js';
import { bareP99, buildOf, type CorpusRun, label, latencyOf, problemNote, reloadFigures, table, type LoopDelay } from '../../bench/summary.js';
import type { SizeTask } from '../../bench/protocol.js';
import { QUERY_CLASSES, seedQueries, syntheticQueries, type QueryClass } from '../../bench/queries.js';
import { formatBytes, formatMs, formatRatio, type LatencySummary } from '../../bench/stats.js';
import { DEFAULT_SEED, ensureCorpus } from '../../bench/synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DIR = join(ROOT, 'bench');

interface Options {
  sizes: number[];
  seed: number;
  seedCorpus: boolean;
  budgetMs: number;
  /** Run the sharded comparison (bench/sharded.ts) at 10k: a few minutes more. */
  sharded: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [1000, 10_000, 100_000], seed: DEFAULT_SEED, seedCorpus: true, budgetMs: 540_000, sharded: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--sizes' && value) {
      options.sizes = value.split(',').map((s) => Number(s.replace(/k$/i, '000')));
      i++;
    } else if (arg === '--seed' && value) {
      options.seed = Number(value);
      i++;
    } else if (arg === '--budget' && value) {
      options.budgetMs = Number(value) * 1000;
      i++;
    } else if (arg === '--no-seed-corpus') {
      options.seedCorpus = false;
    } else if (arg === '--no-sharded') {
      options.sharded = false;
    } else {
      console.error(
        `bench: unknown argument ${arg}. Usage: npm run bench -- [--sizes 1000,10000,100000] [--seed N] [--no-seed-corpus] [--no-sharded] [--budget SECONDS]`,
      );
      process.exit(2);
    }
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n <= 0) || Number.isNaN(options.seed) || !(options.budgetMs > 0)) {
    console.error('bench: sizes must be positive integers, seed a number, budget a positive number of seconds');
    process.exit(2);
  }
  return options;
}

/** How long each task may run, by corpus size: the 100k bare-Orama queries take minutes otherwise. */
function planFor(articles: number): { classBudgetMs: number; reps: number; deadlineMs: number } {
  if (articles <= 1000) return { classBudgetMs: 2000, reps: 5, deadlineMs: 60_000 };
  if (articles <= 10_000) return { classBudgetMs: 6000, reps: 5, deadlineMs: 120_000 };
  return { classBudgetMs: 15_000, reps: 3, deadlineMs: 300_000 };
}

function chartSeries(runs: CorpusRun[]): ChartSeries[] {
  const colours: Record<QueryClass, string> = { person: '#1f77b4', topic: '#2ca02c', phrase: '#d62728', common: '#9467bd', dated: '#ff7f0e' };
  const series: ChartSeries[] = [];
  for (const { cls } of QUERY_CLASSES) {
    const ours: [number, number][] = [];
    const bare: [number, number][] = [];
    const bareCut: [number, number][] = [];
    for (const run of runs) {
      const l = latencyOf(run, cls);
      if (l.ours) ours.push([run.articles, l.ours.p99]);
      if (l.bareAtLeastMs !== null) bareCut.push([run.articles, Math.max(l.bareAtLeastMs, l.bare?.p99 ?? 0)]);
      else if (l.bare) bare.push([run.articles, l.bare.p99]);
    }
    series.push({ label: `ours: ${cls}`, colour: colours[cls], dashed: false, points: ours });
    series.push({ label: `bare Orama: ${cls}`, colour: colours[cls], dashed: true, points: bare, lowerBounds: bareCut });
  }
  return series;
}

// ------------------------------------------------------------------ main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const remaining = (): number => options.budgetMs - (Date.now() - started);
  const log = (text: string): void => console.error(`[bench ${formatMs(Date.now() - started).padStart(6)}] ${text}`);

  const runs: CorpusRun[] = [];
  if (options.seedCorpus) {
    runs.push({
      label: 'seed',
      articles: 5,
      dir: join(ROOT, 'corpus'),
      queries: seedQueries(join(ROOT, 'tests', 'fixtures', 'seed-statements.jsonl')),
      generated: null,
      engine: null,
      baseline: null,
      skipped: [],
    });
  }
  const synthetic = syntheticQueries(options.seed);
  for (const n of [...options.sizes].sort((a, b) => a - b)) {
    const t = Date.now();
    const { dir, marker, reused } = ensureCorpus(n, options.seed);
    log(`${reused ? 'reused' : 'generated'} corpus of ${marker.files} articles in ${formatMs(Date.now() - t)} (${dir})`);
    runs.push({
      label: label(n),
      articles: n,
      dir,
      queries: synthetic,
      generated: { ms: Date.now() - t, reused, bytes: marker.bytes, paragraphs: marker.paragraphs, truthStatements: marker.statements },
      engine: null,
      baseline: null,
      skipped: [],
    });
  }

  const run = async (r: CorpusRun, mode: 'engine' | 'baseline'): Promise<void> => {
    const plan = planFor(r.articles);
    const left = remaining();
    if (left < 15_000) {
      r.skipped.push(`${mode} skipped: the ${formatMs(options.budgetMs)} budget is spent`);
      log(`${r.label} ${mode}: skipped (budget spent)`);
      return;
    }
    const task: SizeTask = { mode, corpusDir: r.dir, queries: r.queries, classBudgetMs: plan.classBudgetMs, reps: plan.reps };
    log(`${r.label} ${mode}: running (deadline ${formatMs(Math.min(plan.deadlineMs, left))})`);
    const result = await runTask(task, Math.min(plan.deadlineMs, left));
    r[mode] = result;
    log(
      `${r.label} ${mode}: done in ${formatMs(result.wallMs)}${result.error ? ` — error: ${result.error.split('\n')[0]}` : ''}${result.killed ? ' — stopped at deadline' : ''}`,
    );
  };

  let reloadChild: ChildResult | null = null;
  const reloadRun = [...runs].filter((r) => r.generated && r.articles <= 10_000).sort((a, b) => b.articles - a.articles)[0];
  for (const r of runs) {
    // At 100k the engine goes first: the bare baseline's quadratic queries get whatever time is left.
    const order: ('engine' | 'baseline')[] = r.articles > 10_000 ? ['engine', 'baseline'] : ['baseline', 'engine'];
    for (const mode of order) await run(r, mode);
    if (r === reloadRun) {
      if (remaining() < 30_000) {
        log('reload: skipped (budget spent)');
      } else {
        log(`${r.label} reload: worker reload, event-loop delay, one-file reloads`);
        const task: SizeTask = {
          mode: 'reload',
          corpusDir: r.dir,
          queries: r.queries,
          classBudgetMs: 0,
          reps: 0,
          scratchDir: join(BENCH_DIR, 'out', `reload-${r.articles}`),
        };
        reloadChild = await runTask(task, Math.min(300_000, remaining()));
        log(`${r.label} reload: done in ${formatMs(reloadChild.wallMs)}${reloadChild.error ? ` — error: ${reloadChild.error.split('\n')[0]}` : ''}`);
      }
    }
  }

  // ---------------------------------------------------------------- report
  let sharded: Awaited<ReturnType<typeof runShardedBench>> | null = null;
  if (options.sharded && options.sizes.includes(10_000)) {
    // Not within the budget: it is its own measurement, with its own deadline.
    log('10k sharded: npm start and npm run start:sharded (SHARDS=4) side by side through the fake Discord');
    sharded = await runShardedBench(10_000, SHARDED_ROUNDS, 900_000);
    log(`10k sharded: ${'error' in sharded ? sharded.error : `RSS ${sharded.rssRatio.toFixed(2)}x, p99 ${sharded.p99Ratio.toFixed(2)}x`}`);
  }

  const reload = reloadFigures(reloadChild);
  const buildRows = runs.map((r) => {
    const b = buildOf(r);
    const insert = r.baseline?.phases.insert?.ms;
    const paragraphs = r.baseline?.phases.insert?.detail?.docs ?? r.generated?.paragraphs;
    return [
      r.label,
      String(b ? r.engine?.phases.build?.detail?.articles : r.articles),
      String(paragraphs ?? 'n/a'),
      String(r.engine?.phases.build?.detail?.statements ?? 'n/a'),
      formatMs(b?.loadMs),
      formatMs(b?.extractMs),
      formatMs(b?.indexMs),
      formatMs(b?.totalMs),
      // Wall time falls with more threads; CPU time does not.
      b?.cpuMs == null ? 'n/a' : `${formatMs(b.cpuMs)} (${b.threads} thread${b.threads === 1 ? '' : 's'})`,
      formatMs(insert),
      formatRatio(b?.totalMs, insert),
      formatBytes(r.engine?.memory?.heapUsed),
      formatBytes(r.engine?.memory?.rss),
      formatBytes(r.baseline?.memory?.heapUsed),
      formatMs(Number(r.engine?.phases.build?.detail?.warmUpMs ?? Number.NaN)),
      formatMs(r.engine?.phases['cold-start']?.ms),
    ];
  });
  console.log('\nBuild (ours: load + extract + index, in-process, load and extract on BUILD_WORKERS threads; bare: insertMultiple of one doc per paragraph)');
  console.log(
    table(
      [
        'corpus',
        'articles',
        'paragraphs',
        'statements',
        'load',
        'extract',
        'index',
        'ours total',
        'ours CPU',
        'bare insert',
        'ours/bare',
        'heap',
        'RSS',
        'bare heap',
        'warm-up',
        'cold start→1st answer',
      ],
      buildRows,
    ),
  );

  const latencyRows: string[][] = [];
  for (const r of runs) {
    for (const { cls, label: clsLabel } of QUERY_CLASSES) {
      const l = latencyOf(r, cls);
      const bare = bareP99(l);
      const cut = l.bareAtLeastMs !== null;
      latencyRows.push([
        r.label,
        clsLabel,
        formatMs(l.ours?.p50),
        formatMs(l.ours?.p99),
        formatMs(l.bare?.p50),
        cut ? `≥${formatMs(bare)}` : formatMs(l.bare?.p99),
        formatRatio(l.ours?.p99, bare, cut),
        `${l.ours?.n ?? 0}/${(l.bare?.n ?? 0) + (cut ? 1 : 0)}`,
      ]);
    }
  }
  console.log('\nAnswer latency (ours: engine.ask in-process; bare: Orama search of the same need on paragraph docs)');
  console.log(table(['corpus', 'question class', 'ours p50', 'ours p99', 'bare p50', 'bare p99', 'p99 ours/bare', 'samples'], latencyRows));
  const largest = [...runs].reverse().find((r) => r.engine && Object.keys(r.engine.slowest).length);
  if (largest?.engine) {
    console.log(`\nSlowest question per class at ${largest.label} (ours)`);
    console.log(
      table(
        ['class', 'question', 'time', 'excerpts'],
        QUERY_CLASSES.flatMap(({ cls }) => {
          const worst = largest.engine?.slowest[cls];
          return worst ? [[cls, worst.question, formatMs(worst.ms), String(worst.results)]] : [];
        }),
      ),
    );
  }

  if (reload) {
    console.log(`\nReload at ${reloadRun?.label ?? '?'} (scratch copy of the corpus)`);
    const el = (e: LoopDelay): string => (e ? `p50 ${formatMs(e.p50)}, p99 ${formatMs(e.p99)}, max ${formatMs(e.max)}` : 'n/a');
    const answers = (l: LatencySummary | null): string => (l ? `p50 ${formatMs(l.p50)}, p99 ${formatMs(l.p99)} (n=${l.n})` : 'n/a');
    console.log(
      table(
        ['measure', 'value'],
        [
          ['worker engine start → first answer (full build in a worker)', formatMs(reload.workerStartMs)],
          ['  main-thread event-loop delay meanwhile', el(reload.eventLoopDuringWorkerStart)],
          [`full reload, every file changed (${reload.fullReloadChangedFiles ?? '?'} files)`, formatMs(reload.workerFullReloadMs)],
          ['  main-thread event-loop delay meanwhile', el(reload.eventLoopDuringWorkerReload)],
          ['  answers meanwhile (old worker serving)', answers(reload.answerDuringReload)],
          ['reload after 1 changed file (bot, worker)', formatMs(reload.workerReloadOneFileMs)],
          ['  main-thread event-loop delay meanwhile', el(reload.eventLoopDuringOneFileReload)],
          ['  answers meanwhile', answers(reload.answerDuringOneFileReload)],
          ['in-process build (CLI) on the main thread', formatMs(reload.inProcessBuildMs)],
          ['  event-loop delay meanwhile', el(reload.eventLoopDuringInProcessBuild)],
          ['reload after 1 changed file (CLI, in-process)', formatMs(reload.inProcessReloadOneFileMs)],
          ['start-up from a saved snapshot', reload.snapshotStart],
          ...(reload.error ? [['error', reload.error.split('\n')[0] as string]] : []),
        ],
      ),
    );
  }

  const goalList = goals(runs, reload, reloadRun?.label ?? '?', sharded);
  console.log('\nGoals (issues 5 and 14)');
  console.log(
    table(
      ['goal', 'measured', 'holds'],
      goalList.map((g) => [g.goal, g.measured, g.holds === null ? 'n/a' : g.holds ? 'yes' : 'NO']),
    ),
  );

  const notes = runs.flatMap(problemNote);
  if (notes.length) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);

  const results = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', totalMemory: totalmem(), node: process.version, platform: process.platform },
    seed: options.seed,
    totalMs: Date.now() - started,
    corpora: runs.map((r) => ({
      label: r.label,
      articles: r.articles,
      dir: r.dir.startsWith(ROOT) ? r.dir.slice(ROOT.length + 1) : r.dir,
      generated: r.generated,
      engine: r.engine && {
        build: buildOf(r),
        details: r.engine.phases.build?.detail ?? null,
        coldStartToFirstAnswerMs: r.engine.phases['cold-start']?.ms ?? null,
        memory: r.engine.memory,
        latency: Object.fromEntries(QUERY_CLASSES.map(({ cls }) => [cls, latencyOf(r, cls).ours])),
        slowest: r.engine.slowest,
        error: r.engine.error,
        killed: r.engine.killed,
      },
      baseline: r.baseline && {
        readMs: r.baseline.phases.read?.ms ?? null,
        insertMs: r.baseline.phases.insert?.ms ?? null,
        docs: r.baseline.phases.insert?.detail?.docs ?? null,
        memory: r.baseline.memory,
        latency: Object.fromEntries(QUERY_CLASSES.map(({ cls }) => [cls, latencyOf(r, cls).bare])),
        slowest: r.baseline.slowest,
        cutOff: r.baseline.cutOff,
        error: r.baseline.error,
        killed: r.baseline.killed,
      },
      ratios: Object.fromEntries(
        QUERY_CLASSES.map(({ cls }) => {
          const l = latencyOf(r, cls);
          const bare = bareP99(l);
          return [cls, l.ours && bare ? { p99OursOverBare: l.ours.p99 / bare, bareIsLowerBound: l.bareAtLeastMs !== null } : null];
        }),
      ),
      queries: r.queries,
      skipped: r.skipped,
    })),
    reload: reload && { corpus: reloadRun?.label ?? null, ...reload },
    sharded,
    goals: goalList,
  };
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(BENCH_DIR, 'latency.svg'), latencyChart('whosaid: p99 answer latency vs corpus size (ours solid, bare Orama dashed)', chartSeries(runs)));
  log(`wrote bench/results.json and bench/latency.svg (total ${formatMs(Date.now() - started)})`);
}

await main();
