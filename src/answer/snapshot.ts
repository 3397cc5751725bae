// A saved index: start-up restores it instead of re-reading, re-attributing and re-indexing the
// corpus, when the corpus files are unchanged since it was written (same names, sizes, mtimes and
// hashes). Anything else — missing, partial, stale, from another version — means a normal build.

import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStamp } from '../corpus/load.js';
import { loadCorpus } from '../corpus/load.js';
import type { IndexedStatement } from '../search/index.js';
import { restoreStatementIndex, saveStatementIndex } from '../search/index.js';
import type { Article, LoadProblem, PersonRecord } from '../types.js';
import type { BuildCaches, BuiltCorpus } from './engine.js';

/**
 * Bumped whenever what is saved would differ for the same corpus — its shape, or the attribution rules that
 * produced the statements — so an upgraded bot rebuilds instead of serving the old rules' answers.
 * 2: the attribution rules of issue 7. 3: statements carry their cue. 4: the learned sieve of issue 11.
 */
const VERSION = 6;

interface SnapshotMeta {
  version: number;
  corpusDir: string;
  loadedAt: string;
  articles: number;
  statements: number;
}

/**
 * Each part is its own JSON file so that no single string approaches V8's string size limit on a
 * large corpus; `meta.json` is written last and names the version, so a half-written folder is ignored.
 */
const PARTS = ['articles', 'people', 'mentions', 'statements', 'removed', 'stamps', 'orama'] as const;

export async function writeSnapshot(dir: string, corpusDir: string, corpus: BuiltCorpus, stamps: Map<string, FileStamp>): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const orama = saveStatementIndex(corpus.index);
  const parts: Record<(typeof PARTS)[number], unknown> = {
    articles: corpus.articles,
    people: corpus.people,
    mentions: corpus.mentionedIn,
    statements: corpus.index.statements,
    removed: [...corpus.index.removed],
    stamps: [...stamps],
    orama,
  };
  for (const name of PARTS) {
    if (name === 'orama') {
      // The index is the largest part: one file per Orama component.
      for (const [key, value] of Object.entries(orama)) await writeFile(path.join(tmp, `orama-${key}.json`), JSON.stringify(value));
    } else {
      await writeFile(path.join(tmp, `${name}.json`), JSON.stringify(parts[name]));
    }
  }
  const meta: SnapshotMeta = {
    version: VERSION,
    corpusDir: path.resolve(corpusDir),
    loadedAt: corpus.loadedAt,
    articles: corpus.articles.length,
    statements: corpus.index.statements.length,
  };
  await writeFile(path.join(tmp, 'meta.json'), JSON.stringify(meta));
  const old = `${dir}.old-${process.pid}`;
  await rename(dir, old).catch(() => undefined);
  await rename(tmp, dir);
  await rm(old, { recursive: true, force: true });
}

async function readPart<T>(dir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')) as T;
}

export type SnapshotOutcome = { corpus: BuiltCorpus; reason: null } | { corpus: null; reason: string };

/** Restores the saved index when it matches the corpus as it is now on disk. Fills `caches` either way it can. */
export async function readSnapshot(dir: string, corpusDir: string, caches: BuildCaches): Promise<SnapshotOutcome> {
  let meta: SnapshotMeta;
  try {
    meta = await readPart<SnapshotMeta>(dir, 'meta');
  } catch {
    return { corpus: null, reason: 'no saved index' };
  }
  if (meta.version !== VERSION) return { corpus: null, reason: `saved index has format ${meta.version}, this version reads ${VERSION}` };
  if (meta.corpusDir !== path.resolve(corpusDir)) return { corpus: null, reason: `saved index is for ${meta.corpusDir}` };
  try {
    const articles = await readPart<Article[]>(dir, 'articles');
    const stamps = new Map(await readPart<[string, FileStamp][]>(dir, 'stamps'));
    // Stat every file; unchanged ones are not read again. Any difference means the snapshot is stale.
    const cache = new Map(articles.map((a) => [a.hash, a]));
    for (const [name, stamp] of stamps) caches.stamps.set(name, stamp);
    for (const a of articles) caches.articles.set(a.hash, a);
    const now = await loadCorpus(corpusDir, { cache, stamps: caches.stamps });
    const key = (list: Article[]): string =>
      list
        .map((a) => `${a.file}\u0000${a.hash}`)
        .sort()
        .join('\n');
    if (key(now.articles) !== key(articles)) return { corpus: null, reason: 'corpus changed since the index was saved' };
    const statements = await readPart<IndexedStatement[]>(dir, 'statements');
    const removed = new Set(await readPart<number[]>(dir, 'removed'));
    const orama: Record<string, unknown> = {};
    for (const component of ['internalDocumentIDStore', 'index', 'docs', 'sorting', 'pinning', 'language']) {
      orama[component] = await readPart<unknown>(dir, `orama-${component}`);
    }
    const index = restoreStatementIndex(orama, statements, removed);
    const corpus: BuiltCorpus = {
      articles: now.articles,
      people: await readPart<PersonRecord[]>(dir, 'people'),
      mentionedIn: await readPart<Record<string, string[]>>(dir, 'mentions'),
      index,
      problems: now.problems satisfies LoadProblem[],
      loadedAt: new Date().toISOString(),
    };
    return { corpus, reason: null };
  } catch (err) {
    return { corpus: null, reason: `saved index unreadable: ${err instanceof Error ? err.message : String(err)}` };
  }
}
