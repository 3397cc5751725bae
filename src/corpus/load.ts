import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Article, LoadProblem } from '../types.js';
import { cleanArticleText, dateNear, isMasthead, titleFromProse, titleFromSlug, type DayMonth } from './clean.js';
import { readHtmlArticle } from './html.js';

export const ARTICLE_EXTENSIONS = ['.md', '.txt', '.html', '.htm'];
const HTML_EXTENSIONS = ['.html', '.htm'];
export const SOURCES_FILE = 'sources.json';
/** Larger files are refused: no news article is this long, and one such file must not stall a reload. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

const metadataSchema = z
  .object({
    outlet: z.string().trim().min(1).optional(),
    title: z.string().trim().min(1).optional(),
    date: z.union([z.string(), z.date()]).optional(),
    url: z.string().trim().min(1).optional(),
    author: z.string().trim().min(1).optional(),
  })
  .passthrough();
type Metadata = z.infer<typeof metadataSchema>;

const sourcesSchema = z.record(z.string(), metadataSchema);

export interface CorpusLoad {
  articles: Article[];
  problems: LoadProblem[];
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** The file's sources.json entry when it was read: a change there changes the article too. */
  listed: string;
  hash: string;
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

/** Files under `root` with an article extension; symlinks that leave the folder or loop are reported. */
async function listArticleFiles(root: string, problems: LoadProblem[]): Promise<string[]> {
  const realRoot = await realpath(root);
  const seenDirs = new Set<string>();
  const files: string[] = [];

  async function walk(dir: string): Promise<void> {
    const realDir = await realpath(dir);
    if (seenDirs.has(realDir)) {
      problems.push({ file: rel(dir), reason: 'symlink loop: this folder was already read' });
      return;
    }
    seenDirs.add(realDir);
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(full);
        } catch (err) {
          problems.push({ file: rel(full), reason: `broken or looping symlink (${errorCode(err)})` });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          problems.push({ file: rel(full), reason: 'refused: symlink points outside the corpus folder' });
          continue;
        }
        const st = await stat(target);
        isDir = st.isDirectory();
        isFile = st.isFile();
      }
      const isArticleName = ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase());
      if (isDir) await walk(full);
      else if (isFile && isArticleName) files.push(full);
      // A pipe, socket or device with an article's name would block or mislead a read: say so instead.
      else if (isArticleName) problems.push({ file: rel(full), reason: 'not a regular file' });
    }
  }

  function rel(p: string): string {
    return path.relative(root, p).split(path.sep).join('/');
  }

  await walk(root);
  return files;
}

function errorCode(err: unknown): string {
  return err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : String(err);
}

/** Decodes UTF-8 (with or without BOM) and UTF-16 with BOM; anything else is refused with a reason. */
export function decodeArticleBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new Error('empty file');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new Error('binary file (contains NUL bytes)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 text');
  }
}

/** Splits optional YAML frontmatter (between --- lines at the top) from the body. */
export function splitFrontmatter(text: string): { meta: Metadata; body: string } {
  if (!/^---[ \t]*\n/.test(text)) return { meta: {}, body: text };
  const end = text.search(/\n---[ \t]*(\n|$)/);
  if (end < 0) throw new Error('frontmatter opened with --- but never closed');
  const yamlText = text.slice(text.indexOf('\n') + 1, end);
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    throw new Error(`bad frontmatter: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const parsed = metadataSchema.safeParse(data ?? {});
  if (!parsed.success) throw new Error(`bad frontmatter: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim());
  const after = text.slice(end + 1).replace(/^---[ \t]*\n?/, '');
  return { meta: parsed.data, body: after };
}

function normaliseDate(value: string | Date | undefined): string | null {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const m = value.match(/^(\d{4}-\d{2}-\d{2})/);
  return m?.[1] ?? null;
}

async function readSources(root: string, problems: LoadProblem[]): Promise<Record<string, Metadata>> {
  let raw: string;
  try {
    raw = await readFile(path.join(root, SOURCES_FILE), 'utf8');
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') problems.push({ file: SOURCES_FILE, reason: `unreadable (${errorCode(err)})` });
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    problems.push({ file: SOURCES_FILE, reason: `invalid JSON, ignored: ${err instanceof Error ? err.message : String(err)}` });
    return {};
  }
  const parsed = sourcesSchema.safeParse(json);
  if (!parsed.success) {
    problems.push({ file: SOURCES_FILE, reason: `ignored: expected {"<file>": {"outlet": …}}; ${parsed.error.issues[0]?.message ?? ''}` });
    return {};
  }
  return parsed.data;
}

/**
 * Articles whose only date was a day and month without a year ("on December 14"): the year is chosen
 * once the whole corpus is read (see resolveDayMonths). Keyed by object, so cached articles keep theirs.
 */
const yearless = new WeakMap<Article, { dayMonth: DayMonth; reference: string }>();

/** A page title often ends with the site's name ("Talks resume | The Harbour Times"): that part is not the title. */
function withoutSiteSuffix(title: string, names: (string | null | undefined)[]): string {
  const parts = title.split(/\s+[|–—•·-]\s+/);
  while (parts.length > 1 && isMasthead(parts[parts.length - 1] as string, names)) parts.pop();
  while (parts.length > 1 && isMasthead(parts[0] as string, names)) parts.shift();
  return parts.join(' - ');
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** News URLs often carry the publication date: `/2025/12/19/slug`, `/2025-12-19/slug`. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = url.match(/\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export interface FileFacts {
  /** When the file was last written (ISO): the last resort for the year of a yearless date. */
  savedAt?: string;
}

/** Builds one article from a file's text and whatever metadata the corpus gives for it. */
export function articleFromText(file: string, text: string, hash: string, listed: Metadata | undefined, facts: FileFacts = {}): Article {
  const normalised = text.replace(/\r\n?/g, '\n');
  const isHtml = HTML_EXTENSIONS.includes(path.extname(file).toLowerCase());
  const page = isHtml ? readHtmlArticle(normalised) : null;
  const { meta, body } = page ? { meta: {} as Metadata, body: page.text } : splitFrontmatter(normalised);
  const url = listed?.url ?? meta.url ?? page?.url ?? null;
  const named = listed?.outlet ?? meta.outlet ?? page?.siteName ?? null;
  const mastheads = [named, page?.siteName, hostOf(url), hostOf(page?.origin?.url)];
  const cleaned = cleanArticleText(body, { mastheads });
  if (cleaned.paragraphs.length === 0) throw new Error('no article text after removing page furniture');
  const stem = path.basename(file, path.extname(file));
  const firstParagraph = cleaned.paragraphs[0] ?? '';
  const pageTitle = page?.title ? withoutSiteSuffix(page.title, mastheads) : null;
  const headline = pageTitle && !isMasthead(pageTitle, mastheads) ? pageTitle : cleaned.headline;
  const fullText = cleaned.paragraphs.join('\n');
  const article: Article = {
    file,
    outlet: named ?? cleaned.footerOutlet ?? stem,
    title: listed?.title ?? meta.title ?? headline ?? (url ? titleFromSlug(url, fullText) : null) ?? titleFromProse(firstParagraph),
    date: normaliseDate(listed?.date ?? meta.date) ?? page?.date ?? dateFromUrl(url) ?? cleaned.date,
    url,
    author: listed?.author ?? meta.author ?? page?.byline ?? null,
    paragraphs: cleaned.paragraphs.map((t, i) => ({ n: i + 1, text: t })),
    hash,
  };
  const reference = page?.origin?.fetched ?? facts.savedAt;
  if (article.date === null && cleaned.dayMonth && reference) yearless.set(article, { dayMonth: cleaned.dayMonth, reference });
  return article;
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

/** Runs `fn` over `items` with at most `limit` in flight: 100k files must not open 100k handles. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
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
    const names = files.map((f) => path.relative(root, f).split(path.sep).join('/'));
    for (const listed of Object.keys(sources)) {
      if (!names.includes(listed)) problems.push({ file: SOURCES_FILE, reason: `names ${listed}, which is not in the corpus` });
    }
  }

  const nextStamps = new Map<string, FileStamp>();
  const loaded = await mapLimited(files, 32, async (full): Promise<Article | null> => {
    const name = path.relative(root, full).split(path.sep).join('/');
    const unchanged = fromCache.get(name);
    if (unchanged) {
      nextStamps.set(name, options.stamps?.get(name) as FileStamp);
      return unchanged;
    }
    try {
      let st: Stats;
      try {
        st = await stat(full);
      } catch (err) {
        // A file the watcher saw go away is simply gone; a hinted load is not told twice.
        if (hinted && errorCode(err) === 'ENOENT') return null;
        throw err;
      }
      if (hinted && !st.isFile()) throw new Error('not a regular file');
      if (st.size > MAX_ARTICLE_BYTES) throw new Error(`too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`);
      const listed = JSON.stringify(sources[name] ?? null);
      const stamp = options.stamps?.get(name);
      if (stamp && stamp.size === st.size && stamp.mtimeMs === st.mtimeMs && stamp.listed === listed) {
        const cached = options.cache?.get(stamp.hash);
        if (cached && cached.file === name) {
          nextStamps.set(name, stamp);
          return cached;
        }
      }
      const bytes = await readFile(full);
      const hash = createHash('sha256').update(bytes).update(listed).digest('hex');
      nextStamps.set(name, { size: st.size, mtimeMs: st.mtimeMs, listed, hash });
      const cached = options.cache?.get(hash);
      if (cached && cached.file === name) return cached;
      return articleFromText(name, decodeArticleBytes(bytes), hash, sources[name], { savedAt: new Date(st.mtimeMs).toISOString() });
    } catch (err) {
      const reason = err instanceof Error ? (errorCode(err) !== String(err) && 'code' in err ? `unreadable (${errorCode(err)})` : err.message) : String(err);
      problems.push({ file: name, reason });
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
    // A copy, so that noting duplicates never alters an article held in the extraction cache.
    const copy = { ...article, alsoAt: undefined };
    contentKeys.set(copy, key);
    const found = yearless.get(article);
    if (found) yearless.set(copy, found);
    byContent.set(key, [...(byContent.get(key) ?? []), copy]);
    articles.push(copy);
  }
  resolveDayMonths(articles);
  return { articles, problems };
}

const contentKeys = new WeakMap<Article, string>();

/** Two files with the same paragraphs have the same text, whatever their names or line ends. */
function contentKey(article: Article): string {
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
