import type { Article } from '../types.js';
import type { ArticleAttribution, ExtractOptions } from './extract.js';
import { extractArticle } from './extract.js';
import type { CorpusAttribution } from './registry.js';
import { buildRegistry } from './registry.js';

export type { ArticleAttribution, ExtractOptions } from './extract.js';
export type { CorpusAttribution } from './registry.js';
export { SIEVE_NAMES } from './sieves/index.js';

/**
 * Attributes statements in every article and merges the people across articles. `cache` (content
 * hash → extraction) lets a reload redo only the files that changed; a run with sieves switched off
 * (for measurement) neither reads nor fills it.
 */
export function attributeCorpus(articles: Article[], cache?: Map<string, ArticleAttribution>, options: ExtractOptions = {}): CorpusAttribution {
  const cached = options.disabled && options.disabled.size > 0 ? undefined : cache;
  const extractions = articles.map((article) => {
    const key = `${article.hash}\u0000${article.file}`;
    const hit = cached?.get(key);
    if (hit) return hit;
    const x = extractArticle(article, options);
    cached?.set(key, x);
    return x;
  });
  return buildRegistry(extractions, new Map(articles.map((a) => [a.file, a.date])));
}
