// The report of a reload that did not happen: nothing added, changed or removed, the corpus as it still
// is, and why. Every engine (in-process, worker, shared process) refuses a reload the same way.

import type { LoadProblem, ReloadReport } from '../types.js';

export function refusedReload(
  error: string,
  corpus: { articles: number; statements: number; people: number } = { articles: 0, statements: 0, people: 0 },
  ms = 0,
  problems: LoadProblem[] = [],
): ReloadReport {
  return {
    ok: false,
    added: [],
    changed: [],
    removed: [],
    articles: corpus.articles,
    statements: corpus.statements,
    people: corpus.people,
    problems,
    ms,
    error,
  };
}
