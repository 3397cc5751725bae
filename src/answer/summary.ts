// What one article yielded: who is quoted in it and how often (the /news command's per-file view).

import type { StatementIndex } from '../search/index.js';
import type { Article, ArticleSummary } from '../types.js';

/** `nameOf` turns a speaker id into the name readers know. */
export function summaryOf(article: Article, index: StatementIndex, nameOf: (speakerId: string) => string): ArticleSummary {
  const counts = new Map<string, number>();
  const { statements, removed } = index;
  statements.forEach((s, k) => {
    if (s.file !== article.file || removed.has(k)) return;
    const name = nameOf(s.speaker);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  const speakers = [...counts].map(([name, n]) => ({ name, statements: n })).sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name));
  return {
    file: article.file,
    title: article.title,
    outlet: article.outlet,
    date: article.date,
    url: article.url,
    statements: speakers.reduce((n, s) => n + s.statements, 0),
    speakers,
  };
}
