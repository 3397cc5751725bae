// The corpus: every article file of a folder read (or taken from the last load's cache), the same
// text in two files made one article, and yearless dates given their year.

import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, LoadProblem } from '../types.js';
import type { FileStamp, Metadata, YearlessDate } from './article-file.js';
import { ARTICLE_EXTENSIONS, errorCode, problemReason, readArticleFile, yearless } from './article-file.js';
import { dateNear } from './clean.js';
import { corpusNamer, listArticleFiles, mapLimited, readSources, SOURCES_FILE } from './folder.js';

export type { FileFacts, FileStamp, Metadata, YearlessDate } from './article-file.js';
export { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, articleFromText, dateFromUrl, decodeArticleBytes, splitFrontmatter } from './article-file.js';
export { SOURCES_FILE } from './folder.js';

/** What reading one file gave when another thread read it (see LoadOptions.readFresh): null when it is gone. */
export type FreshRead = { article: Article; stamp: FileStamp; yearless: YearlessDate | null; contentKey: string } | { problem: string } | null;

/** A file to read afresh: its name relative to the folder and its sources.json entry. */
export interface FreshFile {
  name: string;
  listed: Metadata | undefined;
}

export interface CorpusLoad {
  articles: Article[];
  problems: LoadProblem[];
}

export interface LoadOptions {
  /** Reuse work for files whose bytes have not changed (keyed by content hash). */
  cache?: Map<string, Article>;
  /** Size and modification time per file at the last load: an unchanged file is not read again. */
  stamps?: Map<string, FileStamp>;
  /**
   * The files that changed since the last load with these stamps (names relative to the folder, as
   * the folder watcher reports them). Only they are looked at: the others are taken from the cache
   * without even a stat. Ignored (a full scan) for a first load or when sources.json or a folder changed.
   */
  changed?: string[];
  /** Problems of the last load, by file: a hinted load keeps those of the files it does not look at. */
  lastProblems?: LoadProblem[];
  /**
   * Reads the files no stamp knows (on a first load, all of them) elsewhere, e.g. in worker threads:
   * their outcomes in the order given, or null to read them here. Not used by a load told what changed.
   */
  readFresh?: (root: string, files: FreshFile[]) => Promise<FreshRead[] | null>;
}

/** Whether a hinted load can answer for these changes: only article files, known stamps and problems. */
function hintUsable(
  options: LoadOptions,
): options is LoadOptions & { changed: string[]; stamps: Map<string, FileStamp>; cache: Map<string, Article>; lastProblems: LoadProblem[] } {
  const { changed, stamps, cache, lastProblems } = options;
  if (!changed || !stamps || !cache || !lastProblems || stamps.size === 0) return false;
  return changed.every((name) => {
    const base = path.posix.basename(name);
    return (
      !name.split('/').some((part) => part.startsWith('.') || part === '..') &&
      base !== SOURCES_FILE &&
      ARTICLE_EXTENSIONS.includes(path.extname(base).toLowerCase())
    );
  });
}

/** The files no stamp knows, read by `options.readFresh`, by name; empty when it chose to leave them here. */
async function readFreshFiles(root: string, files: string[], sources: Record<string, Metadata>, options: LoadOptions): Promise<Map<string, FreshRead>> {
  const fresh: FreshFile[] = [];
  const nameOf = corpusNamer(root);
  for (const full of files) {
    const name = nameOf(full);
    if (!options.stamps?.has(name)) fresh.push({ name, listed: sources[name] });
  }
  const reads = fresh.length > 0 && options.readFresh ? await options.readFresh(root, fresh) : null;
  return new Map(reads ? fresh.map((f, i) => [f.name, reads[i] ?? null]) : []);
}

/**
 * Gives a yearless date ("December 14") the year that puts it nearest the corpus's dated articles
 * (their median date: a folder of news is about one stretch of time), else nearest when the page was
 * fetched or the file saved.
 */
function resolveDayMonths(articles: Article[]): void {
  const dated = articles
    .map((a) => a.date)
    .filter((d): d is string => d !== null)
    .sort();
  const median = dated[Math.floor(dated.length / 2)];
  for (const article of articles) {
    const found = article.date === null ? yearless.get(article) : undefined;
    if (found) article.date = dateNear(found.dayMonth, median ?? found.reference);
  }
}

/**
 * Reads every article under `root`. A file that cannot be read or parsed is reported with its reason
 * and the rest still load; identical files are one article.
 */
export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<CorpusLoad> {
  const problems: LoadProblem[] = [];
  let rootStat: Stats;
  try {
    rootStat = await lstat(root);
  } catch (err) {
    throw new Error(`corpus folder ${root} cannot be read (${errorCode(err)})`);
  }
  if (!rootStat.isDirectory() && !rootStat.isSymbolicLink()) throw new Error(`corpus path ${root} is not a folder`);

  let hinted = hintUsable(options);
  if (hinted) {
    // A changed path that is now a folder or a symlink needs the full scan's checks (loops, links out).
    for (const name of options.changed ?? []) {
      const st = await lstat(path.join(root, ...name.split('/'))).catch(() => null);
      if (st && !st.isFile()) hinted = false;
    }
  }
  const nameOf = corpusNamer(root);
  let files: string[];
  let sources: Record<string, Metadata>;
  const fromCache = new Map<string, Article>();
  if (hinted && hintUsable(options)) {
    // The watcher knows what changed: everything else is as the last load left it (sources.json too).
    const changed = new Set(options.changed);
    sources = await readSources(root, []);
    const failed = new Set<string>();
    for (const p of options.lastProblems) {
      if (changed.has(p.file)) continue;
      problems.push(p);
      failed.add(p.file);
    }
    for (const [name, stamp] of options.stamps) {
      if (changed.has(name) || failed.has(name)) continue;
      const cached = options.cache.get(stamp.hash);
      if (cached && (cached.file === name || cached.alsoAt?.includes(name))) fromCache.set(name, cached.file === name ? cached : { ...cached, file: name });
      else changed.add(name);
    }
    files = [...new Set([...fromCache.keys(), ...changed])].sort().map((name) => path.join(root, ...name.split('/')));
  } else {
    [files, sources] = await Promise.all([listArticleFiles(root, problems), readSources(root, problems)]);
    const names = new Set(files.map(nameOf));
    for (const listed of Object.keys(sources)) {
      if (!names.has(listed)) problems.push({ file: SOURCES_FILE, reason: `names ${listed}, which is not in the corpus` });
    }
  }

  const nextStamps = new Map<string, FileStamp>();
  const readElsewhere = hinted || !options.readFresh ? new Map<string, FreshRead>() : await readFreshFiles(root, files, sources, options);
  const loaded = await mapLimited(files, 32, async (full): Promise<Article | null> => {
    const name = nameOf(full);
    const unchanged = fromCache.get(name);
    if (unchanged) {
      nextStamps.set(name, options.stamps?.get(name) as FileStamp);
      return unchanged;
    }
    if (readElsewhere.has(name)) {
      const read = readElsewhere.get(name) as FreshRead;
      if (read === null) return null;
      if ('problem' in read) {
        problems.push({ file: name, reason: read.problem });
        return null;
      }
      nextStamps.set(name, read.stamp);
      // As readArticleFile: the same bytes at the same place are the article already held.
      const cached = options.cache?.get(read.stamp.hash);
      if (cached && cached.file === name) return cached;
      if (read.yearless) yearless.set(read.article, read.yearless);
      contentKeys.set(read.article, read.contentKey);
      return read.article;
    }
    try {
      const read = await readArticleFile(root, name, sources[name], { stamp: options.stamps?.get(name), cache: options.cache, told: hinted });
      if (!read) return null;
      nextStamps.set(name, read.stamp);
      return read.article;
    } catch (err) {
      problems.push({ file: name, reason: problemReason(err) });
      return null;
    }
  });

  if (options.stamps) {
    options.stamps.clear();
    for (const [name, stamp] of nextStamps) options.stamps.set(name, stamp);
  }
  const byContent = new Map<string, Article[]>();
  const articles: Article[] = [];
  for (const article of loaded) {
    if (!article) continue;
    const key = contentKey(article);
    const same = byContent.get(key)?.find((first) => sameArticle(first, article));
    if (same) {
      same.alsoAt = [...(same.alsoAt ?? []), article.file];
      continue;
    }
    const copy = corpusCopy(article);
    byContent.set(key, [...(byContent.get(key) ?? []), copy]);
    articles.push(copy);
  }
  resolveDayMonths(articles);
  return { articles, problems };
}

const contentKeys = new WeakMap<Article, string>();

/** The corpus's copy of a read article, so that noting duplicates never alters one held in the cache. */
export function corpusCopy(article: Article): Article {
  const copy = { ...article, alsoAt: undefined };
  contentKeys.set(copy, contentKey(article));
  const found = yearless.get(article);
  if (found) yearless.set(copy, found);
  return copy;
}

/** Whether the article's date still waits for a year (see resolveDayMonths). */
export function awaitsYear(article: Article): boolean {
  return article.date === null && yearless.has(article);
}

/** Two files with the same paragraphs have the same text, whatever their names or line ends. */
export function contentKey(article: Article): string {
  // Remembered per article object: a reload reuses the unchanged ones, and hashing 10k texts again costs.
  let key = contentKeys.get(article);
  if (key === undefined) {
    key = createHash('sha256')
      .update(article.paragraphs.map((p) => p.text).join('\n'))
      .digest('hex');
    contentKeys.set(article, key);
  }
  return key;
}

/** The outlet was only guessed from the file name: nothing in or about the file named one. */
function outletFromStem(article: Article): boolean {
  return article.outlet === path.basename(article.file, path.extname(article.file));
}

/**
 * Same text is the same article when the outlets agree or one was only guessed from a file name;
 * the same wire copy printed by two named outlets is two articles, since each outlet reported it.
 */
function sameArticle(a: Article, b: Article): boolean {
  return a.outlet === b.outlet || outletFromStem(a) || outletFromStem(b);
}
