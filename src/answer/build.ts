// Building a corpus: files read, statements attributed, people merged, the statement index built.
// The engine answers over what this builds; a reload builds again off the serving path.

import type { ArticleAttribution } from '../attribution/index.js';
import { attributeCorpus } from '../attribution/index.js';
import type { RegistryState } from '../attribution/registry.js';
import type { FileStamp } from '../corpus/load.js';
import { contentKey, loadCorpus } from '../corpus/load.js';
import type { IndexedStatement, StatementIndex } from '../search/index.js';
import { buildStatementIndex } from '../search/index.js';
import type { BuildThreads } from './build-pool.js';
import { buildThreadsFromEnv, readInThreads } from './build-pool.js';
import { letOthersIn } from '../let-others-in.js';
import { indexedStatements } from './shown.js';
import type { Article, LoadProblem, PersonRecord } from '../types.js';

export interface BuiltCorpus {
  articles: Article[];
  people: PersonRecord[];
  index: StatementIndex;
  mentionedIn: Record<string, string[]>;
  problems: LoadProblem[];
  loadedAt: string;
}

export interface BuildCaches {
  articles: Map<string, Article>;
  extractions: Map<string, ArticleAttribution>;
  stamps: Map<string, FileStamp>;
  /** The last load's problems: a reload told which files changed keeps those of the others. */
  problems?: LoadProblem[];
  /** How the last build merged people, and the texts it holds: a reload that only adds files builds on them. */
  registry?: RegistryState;
  contents?: Set<string>;
}

export function newCaches(): BuildCaches {
  return { articles: new Map(), extractions: new Map(), stamps: new Map() };
}

export interface BuildTimings {
  /** Reading the files; with more than one thread, attributing the articles too (see `threads`). */
  loadMs: number;
  /** Attributing the articles not attributed while loading, and merging the people. */
  extractMs: number;
  indexMs: number;
  /** Threads that read and attributed articles (1: this one alone). */
  threads: number;
  /** CPU time of the whole build, every thread of the process counted (wall time falls with threads, this does not). */
  cpuMs: number;
}

export interface PreparedCorpus {
  articles: Article[];
  problems: LoadProblem[];
  people: PersonRecord[];
  mentionedIn: Record<string, string[]>;
  statements: IndexedStatement[];
  timings: Omit<BuildTimings, 'indexMs'>;
}

export interface PrepareOptions {
  /** A reload that patches: more new articles than this and it stops (it never uses worker threads). */
  maxNewArticles?: number;
  /** Threads to read and attribute on; by default as BUILD_WORKERS says. */
  threads?: BuildThreads;
}

/** Process CPU time so far, in ms (every thread). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Reads and attributes a corpus folder (no index yet). Throws only when the folder itself cannot be read. */
export async function prepareCorpus(
  corpusDir: string,
  caches?: BuildCaches,
  limits: PrepareOptions = {},
  changed?: string[],
): Promise<PreparedCorpus | 'too many new articles'> {
  const t0 = performance.now();
  const cpu0 = cpuNow();
  // A patching reload is small by construction and counts new articles before attributing any.
  const threads = limits.maxNewArticles === undefined ? (limits.threads ?? buildThreadsFromEnv()) : { threads: 1, minFiles: Infinity };
  const extracted = caches?.extractions ?? new Map<string, ArticleAttribution>();
  const fromThreads = new Map<string, ArticleAttribution>();
  const readFresh = readInThreads(threads, fromThreads);
  const { articles, problems } = await loadCorpus(corpusDir, {
    cache: caches?.articles,
    stamps: caches?.stamps,
    changed,
    lastProblems: caches?.problems,
    readFresh,
  });
  if (caches) caches.problems = problems;
  for (const [key, x] of fromThreads) if (!extracted.has(key)) extracted.set(key, x);
  await letOthersIn();
  const t1 = performance.now();
  if (limits.maxNewArticles !== undefined && caches) {
    // Counted before extracting: attributing thousands of changed articles here would hold up questions.
    const fresh = articles.filter((a) => !caches.extractions.has(`${a.hash}\u0000${a.file}`)).length;
    if (fresh > limits.maxNewArticles) return 'too many new articles';
  }
  const attribution = attributeCorpus(articles, extracted);
  if (caches) {
    caches.registry = attribution.state;
    caches.contents = new Set(articles.map(contentKey));
    caches.articles.clear();
    for (const a of articles) caches.articles.set(a.hash, a);
    const live = new Set(articles.map((a) => `${a.hash}\u0000${a.file}`));
    for (const key of caches.extractions.keys()) if (!live.has(key)) caches.extractions.delete(key);
  }
  await letOthersIn();
  const t2 = performance.now();
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const statements = indexedStatements(attribution.statements, (file) => byFile.get(file) as Article);
  return {
    articles,
    problems,
    people: attribution.people,
    mentionedIn: attribution.mentionedIn,
    statements,
    timings: { loadMs: t1 - t0, extractMs: t2 - t1, threads: fromThreads.size > 0 ? threads.threads : 1, cpuMs: cpuNow() - cpu0 },
  };
}

export function corpusFrom(prepared: PreparedCorpus, index: StatementIndex): BuiltCorpus {
  return {
    articles: prepared.articles,
    people: prepared.people,
    index,
    mentionedIn: prepared.mentionedIn,
    problems: prepared.problems,
    loadedAt: new Date().toISOString(),
  };
}

/** Reads, attributes and indexes a corpus folder. Throws only when the folder itself cannot be read. */
export async function buildCorpus(
  corpusDir: string,
  caches?: BuildCaches,
  onBatch?: () => Promise<void>,
  options: { threads?: BuildThreads } = {},
): Promise<{ corpus: BuiltCorpus; timings: BuildTimings }> {
  const prepared = (await prepareCorpus(corpusDir, caches, { threads: options.threads })) as PreparedCorpus;
  const t = performance.now();
  const cpu = cpuNow();
  const index = await buildStatementIndex(prepared.statements, onBatch);
  const timings = { ...prepared.timings, indexMs: performance.now() - t, cpuMs: prepared.timings.cpuMs + cpuNow() - cpu };
  return { corpus: corpusFrom(prepared, index), timings };
}
