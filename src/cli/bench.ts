// `npm run bench`: builds synthetic corpora (1k, 10k, 100k articles, cached in bench/out) plus the
// seed corpus, and measures the engine against the same documents in a bare Orama db, each task in
// its own process. Prints the tables, writes bench/results.json and bench/latency.svg.
//
//   npm run bench -- [--sizes 1000,10000,100000] [--seed N] [--no-seed-corpus] [--budget SECONDS]
//
// Ratios are the claims (they hold across machines); absolute figures are for this machine.

import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latencyChart, type ChartSeries } from '../../bench/chart.js';
import { runTask, type ChildResult } from '../../bench/child.js';
import type { SizeTask } from '../../bench/protocol.js';
import { QUERY_CLASSES, seedQueries, syntheticQueries, type BenchQuery, type QueryClass } from '../../bench/queries.js';
import { formatBytes, formatMs, formatRatio, summarise, type LatencySummary } from '../../bench/stats.js';
import { DEFAULT_SEED, ensureCorpus } from '../../bench/synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DIR = join(ROOT, 'bench');

interface Options {
  sizes: number[];
  seed: number;
  seedCorpus: boolean;
  budgetMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [1000, 10_000, 100_000], seed: DEFAULT_SEED, seedCorpus: true, budgetMs: 540_000 };
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
    } else {
      console.error(`bench: unknown argument ${arg}. Usage: npm run bench -- [--sizes 1000,10000,100000] [--seed N] [--no-seed-corpus] [--budget SECONDS]`);
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

interface CorpusRun {
  label: string;
  articles: number;
  dir: string;
  queries: BenchQuery[];
  generated: { ms: number; reused: boolean; bytes: number; paragraphs: number; truthStatements: number } | null;
  engine: ChildResult | null;
  baseline: ChildResult | null;
  skipped: string[];
}

function label(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

// ------------------------------------------------------------------ summaries

interface ClassLatency {
  ours: LatencySummary | null;
  bare: LatencySummary | null;
  /** The bare class did not finish: its p99 is at least this (a query was cut off). */
  bareAtLeastMs: number | null;
}

function latencyOf(run: CorpusRun, cls: QueryClass): ClassLatency {
  const ours = run.engine?.samples[cls];
  const bare = run.baseline?.samples[cls];
  const cut = run.baseline?.cutOff?.cls === cls ? run.baseline.cutOff.atLeastMs : null;
  return {
    ours: ours?.length ? summarise(ours) : null,
    bare: bare?.length ? summarise(bare) : null,
    bareAtLeastMs: cut,
  };
}

/** Bare p99 as used for ratios: a cut-off query counts with its time so far (so ours/bare is an upper bound). */
function bareP99(l: ClassLatency): number | null {
  const values = [l.bare?.p99 ?? null, l.bareAtLeastMs].filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
}

/** The build's phases (wall ms), and its CPU time over every thread and how many threads read and attributed (null before they were recorded). */
function buildOf(run: CorpusRun): { loadMs: number; extractMs: number; indexMs: number; totalMs: number; cpuMs: number | null; threads: number | null } | null {
  const detail = run.engine?.phases.build?.detail;
  if (!detail || !run.engine?.phases.build) return null;
  return {
    loadMs: Number(detail.loadMs),
    extractMs: Number(detail.extractMs),
    indexMs: Number(detail.indexMs),
    totalMs: run.engine.phases.build.ms,
    cpuMs: detail.cpuMs === undefined ? null : Number(detail.cpuMs),
    threads: detail.threads === undefined ? null : Number(detail.threads),
  };
}

// ------------------------------------------------------------------ printing

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function problemNote(run: CorpusRun): string[] {
  const notes: string[] = [...run.skipped.map((s) => `${run.label}: ${s}`)];
  for (const [who, child] of [
    ['engine', run.engine],
    ['bare Orama', run.baseline],
  ] as const) {
    if (!child) continue;
    if (child.error) notes.push(`${run.label} ${who}: error: ${child.error.split('\n')[0]}`);
    if (child.killed)
      notes.push(
        `${run.label} ${who}: stopped at its deadline after ${formatMs(child.wallMs)}${child.cutOff ? ` (query "${child.cutOff.question}" still running after ${formatMs(child.cutOff.atLeastMs)})` : ''}`,
      );
  }
  return notes;
}

type LoopDelay = { p50: number; p99: number; max: number } | null;

interface ReloadFigures {
  workerStartMs: number | null;
  eventLoopDuringWorkerStart: LoopDelay;
  workerFullReloadMs: number | null;
  fullReloadChangedFiles: number | null;
  eventLoopDuringWorkerReload: LoopDelay;
  answerDuringReload: LatencySummary | null;
  workerReloadOneFileMs: number | null;
  eventLoopDuringOneFileReload: LoopDelay;
  answerDuringOneFileReload: LatencySummary | null;
  inProcessBuildMs: number | null;
  eventLoopDuringInProcessBuild: LoopDelay;
  inProcessReloadOneFileMs: number | null;
  /** A new file written, a reload told its name (as the folder watcher does), and the answer quoting it. */
  newFileAnswerableMs: number | null;
  snapshotStart: string;
  error: string | null;
}

/** Start → first answer from the saved index, next to the cold start it replaces. */
function snapshotFigure(child: ChildResult): string {
  const restored = child.phases['worker-start-snapshot'];
  const cold = child.phases['worker-start-and-save']?.ms;
  if (!restored) return 'n/a (not measured)';
  if (restored.detail?.source !== 'snapshot') return `not restored (${restored.detail?.reason ?? 'unknown'})`;
  return `${formatMs(restored.ms)} vs ${formatMs(cold ?? null)} cold with save${cold ? ` (${formatRatio(restored.ms, cold)})` : ''}`;
}

function reloadFigures(child: ChildResult | null): ReloadFigures | null {
  if (!child) return null;
  const during = (name: string): LatencySummary | null => {
    const samples = child.latencyDuring[name];
    return samples?.length ? summarise(samples) : null;
  };
  const changed = child.phases['worker-full-reload']?.detail?.changed;
  return {
    workerStartMs: child.phases['worker-start']?.ms ?? null,
    eventLoopDuringWorkerStart: child.eventLoop['worker-start'] ?? null,
    workerFullReloadMs: child.phases['worker-full-reload']?.ms ?? null,
    fullReloadChangedFiles: changed === undefined ? null : Number(changed),
    eventLoopDuringWorkerReload: child.eventLoop['worker-full-reload'] ?? null,
    answerDuringReload: during('worker-full-reload'),
    workerReloadOneFileMs: child.phases['worker-reload-1-file']?.ms ?? null,
    eventLoopDuringOneFileReload: child.eventLoop['worker-reload-1-file'] ?? null,
    answerDuringOneFileReload: during('worker-reload-1-file'),
    inProcessBuildMs: child.phases['in-process-build']?.ms ?? null,
    eventLoopDuringInProcessBuild: child.eventLoop['in-process-build'] ?? null,
    inProcessReloadOneFileMs: child.phases['in-process-reload-1-file']?.ms ?? null,
    newFileAnswerableMs: child.phases['worker-new-file-answerable']?.detail?.ok === 'true' ? (child.phases['worker-new-file-answerable']?.ms ?? null) : null,
    snapshotStart: snapshotFigure(child),
    error: child.error ?? (child.killed ? `stopped at its deadline after ${formatMs(child.wallMs)}` : null),
  };
}

interface Goal {
  goal: string;
  measured: string;
  holds: boolean | null;
}

function goals(runs: CorpusRun[], reload: ReloadFigures | null, reloadLabel: string): Goal[] {
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
  return out;
}

function chartSeries(runs: CorpusRun[]): ChartSeries[] {
  const colours: Record<QueryClass, string> = { person: '#1f77b4', topic: '#2ca02c', phrase: '#d62728', common: '#9467bd' };
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

  const goalList = goals(runs, reload, reloadRun?.label ?? '?');
  console.log('\nGoals (issue 5)');
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
    goals: goalList,
  };
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(BENCH_DIR, 'latency.svg'), latencyChart('whosaid: p99 answer latency vs corpus size (ours solid, bare Orama dashed)', chartSeries(runs)));
  log(`wrote bench/results.json and bench/latency.svg (total ${formatMs(Date.now() - started)})`);
}

await main();
