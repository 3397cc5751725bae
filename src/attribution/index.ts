import type { Article } from '../types.js';
import type { ArticleAttribution } from './extract.js';
import { extractArticle } from './extract.js';
import type { LearnedModel } from './learned/model.js';
import { shippedModel } from './learned/model.js';
import { applyLearned } from './learned/pass.js';
import type { CorpusAttribution } from './registry.js';
import { buildRegistry } from './registry.js';

export type { ArticleAttribution } from './extract.js';
export type { CorpusAttribution } from './registry.js';

export interface AttributionOptions {
  /**
   * Run the learned sieve after the rules with the shipped model (true, the default), not at all (false:
   * the rules alone), or with a model chosen per article (training's cross-validation).
   */
  learned?: boolean | ((article: Article) => LearnedModel | null);
}

/**
 * Attributes statements in every article and merges the people across articles. `cache` (content
 * hash → extraction) lets a reload redo only the files that changed.
 */
export function attributeCorpus(articles: Article[], cache?: Map<string, ArticleAttribution>, options: AttributionOptions = {}): CorpusAttribution {
  const { learned = true } = options;
  const modelFor = typeof learned === 'function' ? learned : learned ? shippedModel : () => null;
  const extractions = articles.map((article) => {
    const key = `${article.hash}\u0000${article.file}`;
    const hit = cache?.get(key);
    if (hit) return hit;
    const rules = extractArticle(article);
    const model = modelFor(article);
    const x = model ? applyLearned(article, rules, model) : rules;
    cache?.set(key, x);
    return x;
  });
  return buildRegistry(extractions);
}
