// Adding one article to the corpus folder: from a link (fetched safely), a local file, or bytes (a
// Discord attachment). The file lands under <corpus>/added/ with where and when it came from, is
// written atomically, never replaces a file, and is refused when the corpus already has that article.
// Reloading is the caller's business: this module only writes files.
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { articleFromText, decodeArticleBytes, loadCorpus, MAX_ARTICLE_BYTES, type FileStamp } from '../corpus/load.js';
import { originComment, type PageOrigin } from '../corpus/html.js';
import type { Article } from '../types.js';
import { decodeBody, FetchError, type Fetcher } from './fetch.js';

export const ADDED_DIR = 'added';
export const ADDABLE_EXTENSIONS = ['.md', '.txt', '.html', '.htm'];

export interface AddedArticle {
  title: string;
  outlet: string;
  date: string | null;
  url: string | null;
}

export type AddOutcome =
  | { input: string; status: 'added'; file: string; article: AddedArticle }
  | { input: string; status: 'duplicate'; file: string; article: AddedArticle }
  | { input: string; status: 'refused'; reason: string };

/** "added: …" / "already in the corpus: …" / "refused: …", one line per input. */
export function describeOutcome(o: AddOutcome): string {
  const what = (a: AddedArticle): string => `${a.title} — ${a.outlet}, ${a.date ?? 'date not given'}`;
  if (o.status === 'added') return `added: ${what(o.article)} (${o.file})`;
  if (o.status === 'duplicate') return `already in the corpus: ${o.input} is ${o.file}`;
  return `refused: ${o.input}: ${o.reason}`;
}

/** A URL as two links to the same article compare: no fragment, no tracking parameters, no trailing slash. */
export function urlKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|ref$|cmp$)/i.test(key)) u.searchParams.delete(key);
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return null;
  }
}

function textKey(article: Article): string {
  return createHash('sha256')
    .update(article.paragraphs.map((p) => p.text).join('\n'))
    .digest('hex');
}

/**
 * What the corpus already holds, by canonical URL and by text. Kept between adds in one process; a
 * refresh re-reads only files whose size or time changed.
 */
export class CorpusCatalog {
  private readonly stamps = new Map<string, FileStamp>();
  private readonly cache = new Map<string, Article>();
  private byUrl = new Map<string, string>();
  private byText = new Map<string, string>();

  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly corpusDir: string) {}

  /** Runs saves one at a time, so two copies of one article fetched at once are not both kept. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async refresh(): Promise<void> {
    const { articles } = await loadCorpus(this.corpusDir, { stamps: this.stamps, cache: this.cache });
    this.cache.clear();
    this.byUrl = new Map();
    this.byText = new Map();
    for (const a of articles) {
      this.cache.set(a.hash, a);
      this.note(a);
    }
  }

  note(a: Article): void {
    const key = urlKey(a.url);
    if (key && !this.byUrl.has(key)) this.byUrl.set(key, a.file);
    const text = textKey(a);
    if (!this.byText.has(text)) this.byText.set(text, a.file);
  }

  /** Whether an article with this URL is in the corpus (before fetching it again). */
  knowsUrl(url: string): boolean {
    const key = urlKey(url);
    return key !== null && this.byUrl.has(key);
  }

  /** The file already holding this article (same canonical URL or same text), or null. */
  holder(a: Article, alsoUrls: (string | null | undefined)[] = []): string | null {
    for (const u of [a.url, ...alsoUrls]) {
      const key = urlKey(u);
      const file = key ? this.byUrl.get(key) : undefined;
      if (file) return file;
    }
    return this.byText.get(textKey(a)) ?? null;
  }
}

/** A file name from a URL's last path segment or a title: lowercase words and digits, ≤ 80 characters. */
export function slugOf(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\.(html?|php|aspx?)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

function slugFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop();
  return slugOf(last ? decodeURIComponent(last) : url.hostname);
}

/**
 * Writes `content` as `dir/base.ext` (or base-2, base-3 … when taken) atomically: a dot-named temp
 * file (which the loader and watcher skip) is hard-linked to the final name, which fails rather than
 * replace an existing file, then removed.
 */
async function writeNew(dir: string, base: string, ext: string, content: string | Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.whosaid-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, content, { flag: 'wx' });
  try {
    for (let n = 1; n < 1000; n++) {
      const target = path.join(dir, `${n === 1 ? base : `${base}-${n}`}${ext}`);
      try {
        await link(temp, target);
        return target;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    throw new Error(`no free file name for ${base}${ext}`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function rel(corpusDir: string, file: string): string {
  return path.relative(corpusDir, file).split(path.sep).join('/');
}

function summary(a: Article): AddedArticle {
  return { title: a.title, outlet: a.outlet, date: a.date, url: a.url };
}

function refusal(input: string, err: unknown): AddOutcome {
  return { input, status: 'refused', reason: err instanceof Error ? err.message : String(err) };
}

/**
 * Reads the article the way the loader will (so a page with no article text is refused now, not at
 * the reload), checks it is new, and saves it.
 */
async function saveArticle(
  catalog: CorpusCatalog,
  input: string,
  target: { dir: string; base: string; ext: string },
  content: string,
  alsoUrls: (string | null)[] = [],
): Promise<AddOutcome> {
  const name = `${ADDED_DIR}/${target.base}${target.ext}`;
  let article: Article;
  try {
    article = articleFromText(name, content, 'new', undefined, { savedAt: new Date().toISOString() });
  } catch (err) {
    return refusal(input, err);
  }
  return catalog.serial(async (): Promise<AddOutcome> => {
    const holder = catalog.holder(article, alsoUrls);
    if (holder) return { input, status: 'duplicate', file: holder, article: summary(article) };
    const file = rel(catalog.corpusDir, await writeNew(target.dir, target.base, target.ext, content));
    catalog.note({ ...article, file });
    return { input, status: 'added', file, article: summary(article) };
  });
}

/** Fetches a page and saves it under added/<host>/<slug>.html with an origin comment. */
export async function addUrl(catalog: CorpusCatalog, fetcher: Fetcher, input: string, via: string): Promise<AddOutcome> {
  try {
    const res = await fetcher.get(input);
    const type = String(res.headers['content-type'] ?? '');
    if (type && !/html|xml/i.test(type)) throw new FetchError(`not a web page (${type.split(';')[0]})`);
    const html = decodeBody(res.body, type);
    const final = new URL(res.url);
    const origin: PageOrigin = { url: input, fetched: new Date().toISOString(), via };
    const dir = path.join(catalog.corpusDir, ADDED_DIR, final.hostname.replace(/^www\./, '').replace(/[^a-z0-9.-]/gi, '_'));
    return await saveArticle(catalog, input, { dir, base: slugFromUrl(final), ext: '.html' }, originComment(origin) + html, [input, res.url]);
  } catch (err) {
    return refusal(input, err);
  }
}

/** Copies article bytes (a local file or an attachment) under added/files/ with where it came from. */
export async function addBytes(catalog: CorpusCatalog, input: string, fileName: string, bytes: Buffer, via: string): Promise<AddOutcome> {
  try {
    const ext = path.extname(fileName).toLowerCase();
    if (!ADDABLE_EXTENSIONS.includes(ext)) throw new Error(`only ${ADDABLE_EXTENSIONS.join(' ')} files are articles`);
    if (bytes.length > MAX_ARTICLE_BYTES)
      throw new Error(`too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`);
    const text = decodeArticleBytes(bytes).replace(/^\uFEFF/, '');
    const added = new Date().toISOString();
    const content = ext === '.html' || ext === '.htm' ? originComment({ url: input, fetched: added, via }) + text : withOrigin(text, input, added, via);
    const dir = path.join(catalog.corpusDir, ADDED_DIR, 'files');
    return await saveArticle(catalog, input, { dir, base: slugOf(path.basename(fileName, ext)), ext }, content);
  } catch (err) {
    return refusal(input, err);
  }
}

/** Text and Markdown files say where they came from in their frontmatter (added when there is none). */
function withOrigin(text: string, source: string, added: string, via: string): string {
  if (/^---[ \t]*\r?\n[\s\S]*?\bwhosaid_added:/.test(text)) return text;
  const lines = `whosaid_source: ${JSON.stringify(source)}\nwhosaid_added: ${JSON.stringify(added)}\nwhosaid_via: ${JSON.stringify(via)}\n`;
  return /^---[ \t]*\r?\n/.test(text) ? text.replace(/^---[ \t]*\r?\n/, `---\n${lines}`) : `---\n${lines}---\n${text}`;
}

export async function addFile(catalog: CorpusCatalog, input: string, via: string): Promise<AddOutcome> {
  try {
    const st = await stat(input);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > MAX_ARTICLE_BYTES) throw new Error(`too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB)`);
    return await addBytes(catalog, input, path.basename(input), await readFile(input), via);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refusal(input, code ? new Error(`cannot read it (${code})`) : err);
  }
}

/** A link or a path: what `npm run add` was given. */
export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}
