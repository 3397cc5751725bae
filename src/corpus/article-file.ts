// One article file: its bytes decoded, its frontmatter or page read, and the article built from them.
// The folder walk and the stat cache are in folder.ts; the corpus of all files in load.ts.

import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Article } from '../types.js';
import { cleanArticleText, isMasthead, type DayMonth } from './clean.js';
import { parseFrontmatter } from './frontmatter.js';
import { readHtmlArticle } from './html.js';
import { titleFromProse, titleFromSlug } from './titles.js';

export const ARTICLE_EXTENSIONS = ['.md', '.txt', '.html', '.htm'];
const HTML_EXTENSIONS = ['.html', '.htm'];
/** Larger files are refused: no news article is this long, and one such file must not stall a reload. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export const metadataSchema = z
  .object({
    outlet: z.string().trim().min(1).optional(),
    title: z.string().trim().min(1).optional(),
    date: z.union([z.string(), z.date()]).optional(),
    url: z.string().trim().min(1).optional(),
    author: z.string().trim().min(1).optional(),
  })
  .passthrough();
export type Metadata = z.infer<typeof metadataSchema>;

export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** The file's sources.json entry when it was read: a change there changes the article too. */
  listed: string;
  hash: string;
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
    data = parseFrontmatter(yamlText);
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

/**
 * Articles whose only date was a day and month without a year ("on December 14"): the year is chosen
 * once the whole corpus is read (see resolveDayMonths). Keyed by object, so cached articles keep theirs.
 */
export const yearless = new WeakMap<Article, YearlessDate>();

/** A day and month without a year, and when the page was fetched or the file saved (the fallback reference). */
export interface YearlessDate {
  dayMonth: DayMonth;
  reference: string;
}

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

/** What a read of one file gives: the article and its stamp, or null when the file is gone. */
export interface ReadArticle {
  article: Article;
  stamp: FileStamp;
}

/**
 * Reads the article file `name` (relative to `root`, with `/`). A file whose size, time and sources.json
 * entry match `stamp` is taken from `cache` unread. Throws with a one-line reason (see problemReason).
 * `told`: the folder watcher named this file, so a file gone meanwhile is null rather than a problem.
 */
export async function readArticleFile(
  root: string,
  name: string,
  listedMeta: Metadata | undefined,
  options: { stamp?: FileStamp; cache?: Map<string, Article>; told?: boolean },
): Promise<ReadArticle | null> {
  const full = path.join(root, ...name.split('/'));
  let st: Stats;
  try {
    st = statSync(full);
  } catch (err) {
    // A file the watcher saw go away is simply gone; a told load is not told twice.
    if (options.told && errorCode(err) === 'ENOENT') return null;
    throw err;
  }
  if (options.told && !st.isFile()) throw new Error('not a regular file');
  if (st.size > MAX_ARTICLE_BYTES) throw new Error(`too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`);
  const listed = JSON.stringify(listedMeta ?? null);
  const { stamp, cache } = options;
  if (stamp && stamp.size === st.size && stamp.mtimeMs === st.mtimeMs && stamp.listed === listed) {
    const cached = cache?.get(stamp.hash);
    if (cached && cached.file === name) return { article: cached, stamp };
  }
  const bytes = readWhole(full, st.size);
  const hash = createHash('sha256').update(bytes).update(listed).digest('hex');
  const fresh: FileStamp = { size: st.size, mtimeMs: st.mtimeMs, listed, hash };
  const cached = cache?.get(hash);
  if (cached && cached.file === name) return { article: cached, stamp: fresh };
  return { article: articleFromText(name, decodeArticleBytes(bytes), hash, listedMeta, { savedAt: new Date(st.mtimeMs).toISOString() }), stamp: fresh };
}

/**
 * The bytes of the file at `full`, whose size a stat just gave: one open, reads and a close (readFile
 * would stat it again). Synchronous: for a folder in the page cache, the promise API's hand-offs to
 * libuv's threads cost three times the CPU of the reads themselves (10k files: 830 against 250 ms).
 */
function readWhole(full: string, size: number): Buffer {
  // O_NONBLOCK: a file swapped for a pipe since the stat must not block the thread.
  const fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // One byte more than expected, to see a file that grew since the stat.
    let bytes = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) bytes = Buffer.concat([bytes, Buffer.allocUnsafe(bytes.length)]);
      const wanted = bytes.length - length;
      const read = readSync(fd, bytes, length, wanted, null);
      length += read;
      // A regular file gives less than asked only at its end: no second read to see nothing more.
      if (read < wanted) return bytes.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

export function errorCode(err: unknown): string {
  return err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : String(err);
}

/** The one line a load reports for a file that failed. */
export function problemReason(err: unknown): string {
  return err instanceof Error ? (errorCode(err) !== String(err) && 'code' in err ? `unreadable (${errorCode(err)})` : err.message) : String(err);
}
