// Reloads: re-read the corpus, then patch the serving index or build a new engine; the current
// engine serves until the new one is swapped in, and a failure leaves it untouched.

import { buildStatementIndex, patchStatementIndex } from '../search/index.js';
import type { Article, EngineApi, LoadProblem, ReloadReport } from '../types.js';
import type { BuildCaches } from './build.js';
import { buildCorpus, corpusFrom, newCaches, prepareCorpus } from './build.js';
import { letOthersIn } from '../let-others-in.js';
import { Engine } from './engine.js';
import { engineWithNewFiles } from './new-files.js';
import { coverageOf, timelineOf } from './timeline.js';
import { refusedReload } from './reload-report.js';

/** Diff of two reloads, by file and content hash. */
export function diffArticles(before: Article[], after: Article[]): Pick<ReloadReport, 'added' | 'changed' | 'removed'> {
  const old = new Map(before.map((a) => [a.file, a.hash]));
  const now = new Map(after.map((a) => [a.file, a.hash]));
  return {
    added: [...now.keys()].filter((f) => !old.has(f)),
    changed: [...now].filter(([f, h]) => old.has(f) && old.get(f) !== h).map(([f]) => f),
    removed: [...old.keys()].filter((f) => !now.has(f)),
  };
}

/** The engine in this process: for the CLI and for tests. The bot uses the worker-backed one. */
export async function createEngine(options: { corpusDir: string; now?: () => Date }): Promise<EngineApi & { engine(): Engine }> {
  const caches = newCaches();
  const clocked = (e: Engine): Engine => {
    if (options.now) e.now = options.now;
    return e;
  };
  let engine = clocked(new Engine((await buildCorpus(options.corpusDir, caches)).corpus));
  let reloading: Promise<ReloadReport> | null = null;
  return {
    engine: () => engine,
    ask: async (q) => engine.ask(q),
    suggestPeople: async (typed, limit) => engine.suggest(typed, limit),
    outlets: async () => engine.outletNames,
    stats: async () => engine.stats(),
    compare: async (person, topic, span) => engine.compare(person, topic, span ?? null),
    timeline: async (question) => timelineOf(engine, question),
    coverage: async () => coverageOf(engine.corpus.articles),
    articleSummary: async (file) => engine.articleSummary(file),
    reload: async (changed) => {
      if (reloading) return refusedReload('A reload is already running.');
      reloading = reloadInto(options.corpusDir, caches, engine, (next) => (engine = clocked(next)), changed);
      try {
        return await reloading;
      } finally {
        reloading = null;
      }
    },
    close: async () => {},
  };
}

export type ReloadOutcome = { report: ReloadReport; next: Engine | null };

/**
 * Re-reads the corpus and makes the next engine: by patching the current index when few statements
 * changed, else (when `rebuild` is allowed) by building a new one. The current engine serves until
 * the caller swaps; a failure leaves it untouched. With `rebuild: false` a large change returns
 * `next: null` and `report.error === REBUILD_NEEDED`, for callers that rebuild elsewhere (a new worker).
 */
export async function nextEngine(
  corpusDir: string,
  caches: BuildCaches,
  current: Engine,
  options: { rebuild: boolean; changed?: string[] },
): Promise<ReloadOutcome> {
  const started = performance.now();
  const failed = (error: string, problems: LoadProblem[] = []): ReloadOutcome => {
    const s = current.stats();
    return {
      next: null,
      report: refusedReload(error, s, performance.now() - started, problems),
    };
  };
  try {
    const added = options.changed ? await engineWithNewFiles(corpusDir, caches, current, options.changed) : null;
    if (added) return { next: added.next, report: { ...added.report, newlyQuoted: newlyQuoted(quotedPeople(current), quotedPeople(added.next)) } };
    const prepared = await prepareCorpus(corpusDir, caches, options.rebuild ? {} : { maxNewArticles: MAX_PATCH_ARTICLES }, options.changed);
    if (prepared === 'too many new articles') return failed(REBUILD_NEEDED);
    if (prepared.articles.length === 0 && current.corpus.articles.length > 0) {
      return failed(`no article could be read from ${corpusDir}; the previous corpus is still in use`, prepared.problems);
    }
    await letOthersIn();
    let index = patchStatementIndex(current.corpus.index, prepared.statements);
    const mode = index ? 'patched' : 'rebuilt';
    if (!index) {
      if (!options.rebuild) return failed(REBUILD_NEEDED, prepared.problems);
      index = await buildStatementIndex(prepared.statements);
    }
    const next = new Engine(corpusFrom(prepared, index));
    const s = next.stats();
    return {
      next,
      report: {
        ok: true,
        ...diffArticles(current.corpus.articles, prepared.articles),
        articles: s.articles,
        statements: s.statements,
        people: s.people,
        problems: prepared.problems,
        ms: performance.now() - started,
        mode,
        newlyQuoted: newlyQuoted(quotedPeople(current), quotedPeople(next)),
      },
    };
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

/** Everyone with a statement in the engine's index, as [id, name]. */
export function quotedPeople(engine: Engine): [string, string][] {
  return [...engine.corpus.index.bySpeaker].filter(([, list]) => list.length > 0).map(([id]) => [id, engine.directory.byId.get(id)?.name ?? id]);
}

/** Names of the people quoted `after` who were not `before` (by person id). */
export function newlyQuoted(before: [string, string][], after: [string, string][]): string[] {
  const had = new Set(before.map(([id]) => id));
  return after.filter(([id]) => !had.has(id)).map(([, name]) => name);
}

export const REBUILD_NEEDED = 'too many statements changed to patch the index';
/** More new or changed articles than this are not patched in the serving worker: a new worker builds. */
export const MAX_PATCH_ARTICLES = 200;

/** Builds the next engine and swaps it in only when that succeeded; the old one serves meanwhile. */
export async function reloadInto(
  corpusDir: string,
  caches: BuildCaches,
  current: Engine,
  swap: (next: Engine) => void,
  changed?: string[],
): Promise<ReloadReport> {
  const { report, next } = await nextEngine(corpusDir, caches, current, { rebuild: true, changed });
  if (next) swap(next);
  return report;
}
