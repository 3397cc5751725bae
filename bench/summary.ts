// What the bench's child runs measured, summarised: per corpus run, per question class, the build,
// the reload figures, and how they print. Shared by the bench's tables and its goals.

import type { ChildResult } from './child.js';
import type { BenchQuery, QueryClass } from './queries.js';
import { formatMs, formatRatio, summarise, type LatencySummary } from './stats.js';

export interface CorpusRun {
  label: string;
  articles: number;
  dir: string;
  queries: BenchQuery[];
  generated: { ms: number; reused: boolean; bytes: number; paragraphs: number; truthStatements: number } | null;
  engine: ChildResult | null;
  baseline: ChildResult | null;
  skipped: string[];
}

export function label(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

// ------------------------------------------------------------------ summaries

export interface ClassLatency {
  ours: LatencySummary | null;
  bare: LatencySummary | null;
  /** The bare class did not finish: its p99 is at least this (a query was cut off). */
  bareAtLeastMs: number | null;
}

export function latencyOf(run: CorpusRun, cls: QueryClass): ClassLatency {
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
export function bareP99(l: ClassLatency): number | null {
  const values = [l.bare?.p99 ?? null, l.bareAtLeastMs].filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
}

/** The build's phases (wall ms), and its CPU time over every thread and how many threads read and attributed (null before they were recorded). */
export function buildOf(
  run: CorpusRun,
): { loadMs: number; extractMs: number; indexMs: number; totalMs: number; cpuMs: number | null; threads: number | null } | null {
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

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function problemNote(run: CorpusRun): string[] {
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

export type LoopDelay = { p50: number; p99: number; max: number } | null;

export interface ReloadFigures {
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

export function reloadFigures(child: ChildResult | null): ReloadFigures | null {
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
