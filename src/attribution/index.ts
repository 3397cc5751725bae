import type { Article } from '../types.js';
import type { ArticleAttribution } from './extract.js';
import { extractArticle } from './extract.js';
import type { CorpusAttribution } from './registry.js';
import { buildRegistry } from './registry.js';

export type { ArticleAttribution } from './extract.js';
export type { CorpusAttribution } from './registry.js';

/**
 * Attributes statements in every article and merges the people across articles. `cache` (content
 * hash → extraction) lets a reload redo only the files that changed.
 */
export function attributeCorpus(articles: Article[], cache?: Map<string, ArticleAttribution>): CorpusAttribution {
  const extractions = articles.map((article) => {
    const key = `${article.hash}\u0000${article.file}`;
    const hit = cache?.get(key);
    if (hit) return hit;
    const x = extractArticle(article);
    cache?.set(key, x);
    return x;
  });
  return buildRegistry(extractions, new Map(articles.map((a) => [a.file, a.date])));
}
