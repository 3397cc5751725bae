// The corpus folder: which article files it holds (walked, with symlinks checked) and what
// sources.json says of them. Reading one file is article-file.ts.

import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LoadProblem } from '../types.js';
import { ARTICLE_EXTENSIONS, errorCode, metadataSchema, type Metadata } from './article-file.js';
import { letOthersIn } from '../let-others-in.js';

export const SOURCES_FILE = 'sources.json';

const sourcesSchema = z.record(z.string(), metadataSchema);

/**
 * A file's corpus name ("outlet/2024-01-01-story.md", always with "/") from its path as
 * listArticleFiles gives it (joined onto `root`). A reload names every file of the corpus: cutting the
 * joined root off is a tenth of the cost of path.relative, which resolves both paths each time.
 */
export function corpusNamer(root: string): (full: string) => string {
  const prefix = path.join(root, 'x').slice(0, -1);
  const posix = (name: string): string => (path.sep === '/' ? name : name.split(path.sep).join('/'));
  return (full) => posix(full.startsWith(prefix) ? full.slice(prefix.length) : path.relative(root, full));
}

/** Files under `root` with an article extension; symlinks that leave the folder or loop are reported. */
export async function listArticleFiles(root: string, problems: LoadProblem[]): Promise<string[]> {
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

  const rel = corpusNamer(root);

  await walk(root);
  return files;
}

export async function readSources(root: string, problems: LoadProblem[]): Promise<Record<string, Metadata>> {
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

/** Items mapLimited handles between two pauses. */
const PAUSE_EVERY = 256;

/** Runs `fn` over `items` with at most `limit` in flight: 100k files must not open 100k handles. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  // Reading a file is synchronous (see readWhole): every few hundred, all workers pause together so
  // that questions waiting on this thread are answered while a reload reads thousands of files.
  let pause: Promise<void> | null = null;
  async function worker(): Promise<void> {
    while (next < items.length) {
      if (pause) await pause;
      // The others may have taken the last items meanwhile.
      if (next >= items.length) return;
      const i = next++;
      out[i] = await fn(items[i] as T);
      if (++done % PAUSE_EVERY === 0 && !pause) {
        pause = letOthersIn().then(() => {
          pause = null;
        });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
