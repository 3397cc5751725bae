// A reload told that files arrived which the corpus did not have (the folder watcher's usual case):
// only those files are read, attributed, merged into the people and appended to the live index, so
// the cost is the new article's, not the corpus's. Anything it cannot do exactly as a full reload
// would (a changed or removed file, a duplicate text, a yearless date, a merge of people that could
// come out differently) returns null, and the caller takes the full path.

import { attributeArticle } from '../attribution/index.js';
import { addToRegistry } from '../attribution/registry-add.js';
import { problemReason, readArticleFile } from '../corpus/article-file.js';
import { readSources } from '../corpus/folder.js';
import { ARTICLE_EXTENSIONS, awaitsYear, contentKey, corpusCopy, SOURCES_FILE } from '../corpus/load.js';
import { appendStatements } from '../search/append.js';
import type { IndexedStatement } from '../search/index.js';
import { liveStatementCount, MAX_PATCH } from '../search/index.js';
import type { Article, LoadProblem, ReloadReport } from '../types.js';
import type { BuildCaches } from './build.js';
import { Engine } from './engine.js';
import { indexedStatements } from './shown.js';
import { lstat } from 'node:fs/promises';
import path from 'node:path';

/** More new files than this at once go the full way: the watcher's quiet period rarely gathers more. */
const MAX_NEW_FILES = 50;

function isArticleName(name: string): boolean {
  const base = path.posix.basename(name);
  return (
    !name.split('/').some((part) => part.startsWith('.') || part === '..' || part === '') &&
    base !== SOURCES_FILE &&
    ARTICLE_EXTENSIONS.includes(path.extname(base).toLowerCase())
  );
}

/**
 * The next engine when every file in `changed` is new to the corpus, else null (nothing changed:
 * the caches and the current engine are as they were, except that a refused merge drops the kept
 * registry, so the full path that follows builds it again).
 */
export async function engineWithNewFiles(
  corpusDir: string,
  caches: BuildCaches,
  current: Engine,
  changed: string[],
): Promise<{ report: ReloadReport; next: Engine } | null> {
  const started = performance.now();
  const { registry, contents, problems: lastProblems } = caches;
  if (!registry || !contents || !lastProblems || caches.stamps.size === 0 || changed.length > MAX_NEW_FILES) return null;
  if (!changed.every((name) => isArticleName(name) && !caches.stamps.has(name))) return null;
  // A new folder or symlink needs the full walk's checks (loops, links out of the folder).
  const kinds = await Promise.all(changed.map((name) => lstat(path.join(corpusDir, ...name.split('/'))).catch(() => null)));
  if (kinds.some((st) => st && !st.isFile())) return null;

  const sources = await readSources(corpusDir, []);
  const told = new Set(changed);
  const problems: LoadProblem[] = lastProblems.filter((p) => !told.has(p.file));
  const read: { name: string; article: Article; stamp: NonNullable<Awaited<ReturnType<typeof readArticleFile>>>['stamp'] }[] = [];
  for (const name of [...told].sort()) {
    try {
      const got = await readArticleFile(corpusDir, name, sources[name], { cache: caches.articles, told: true });
      if (got) read.push({ name, ...got });
    } catch (err) {
      problems.push({ file: name, reason: problemReason(err) });
    }
  }
  const keys = read.map(({ article }) => contentKey(article));
  if (read.some(({ article }) => awaitsYear(article)) || new Set(keys).size < keys.length || keys.some((k) => contents.has(k))) return null;

  let people = current.corpus.people;
  let mentionedIn = current.corpus.mentionedIn;
  const statements: IndexedStatement[] = [];
  const articles = read.map(({ article }) => corpusCopy(article));
  for (const article of articles) {
    const merged = addToRegistry(registry, { people, mentionedIn }, attributeArticle(article, caches.extractions), article.date);
    if (!merged) {
      if (article !== articles[0]) caches.registry = undefined;
      return null;
    }
    ({ people, mentionedIn } = merged);
    for (const s of indexedStatements(merged.statements, () => article)) statements.push(s);
  }
  if (statements.length > MAX_PATCH) {
    caches.registry = undefined;
    return null;
  }

  const index = appendStatements(current.corpus.index, statements);
  const next = new Engine(
    { articles: [...current.corpus.articles, ...articles], people, index, mentionedIn, problems, loadedAt: new Date().toISOString() },
    current,
  );
  for (const [i, { name, article, stamp }] of read.entries()) {
    caches.stamps.set(name, stamp);
    caches.articles.set(article.hash, article);
    contents.add(keys[i] as string);
  }
  caches.problems = problems;
  return {
    next,
    report: {
      ok: true,
      added: articles.map((a) => a.file),
      changed: [],
      removed: [],
      articles: next.corpus.articles.length,
      statements: liveStatementCount(index),
      people: people.filter((p) => p.kind === 'person').length,
      problems,
      ms: performance.now() - started,
      mode: 'patched',
    },
  };
}
