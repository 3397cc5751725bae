import type { Article } from '../types.js';
import type { ArticleAttribution, ExtractOptions } from './extract.js';
import { extractArticle } from './extract.js';
import type { LearnedModel } from './learned/model.js';
import { shippedModel } from './learned/model.js';
import { applyLearned } from './learned/pass.js';
import type { CorpusAttribution } from './registry.js';
import { buildRegistry } from './registry.js';
import { SIEVE_NAMES } from './sieves/index.js';

export type { ArticleAttribution, ExtractOptions } from './extract.js';
export type { CorpusAttribution } from './registry.js';
export { SIEVE_NAMES } from './sieves/index.js';

/** The learned pass runs after every rule sieve; it is switched off by this name like a sieve. */
export const LEARNED_PASS = 'learned';
/** Every pass of the attribution in order, by the names `disabled` takes: the rule sieves, then the learned pass. */
export const PASS_NAMES: readonly string[] = [...SIEVE_NAMES, LEARNED_PASS];

export interface AttributionOptions extends Omit<ExtractOptions, 'learned'> {
  /**
   * Run the learned pass after the rules with the shipped model (true, the default), not at all (false:
   * the rules alone), or with a model chosen per article (training's cross-validation).
   */
  learned?: boolean | ((article: Article) => LearnedModel | null);
}

/**
 * Attributes statements in every article and merges the people across articles. `cache` (content
 * hash → extraction) lets a reload redo only the files that changed; a run with passes switched off
 * or another model (for measurement) neither reads nor fills it.
 */
export function attributeCorpus(articles: Article[], cache?: Map<string, ArticleAttribution>, options: AttributionOptions = {}): CorpusAttribution {
  const disabled = new Set(options.disabled ?? []);
  const learnedOff = disabled.delete(LEARNED_PASS);
  const learned = options.learned ?? true;
  const modelFor = typeof learned === 'function' ? learned : learned ? shippedModel : () => null;
  const measuring = learnedOff || disabled.size > 0 || options.learned !== undefined;
  const cached = measuring ? undefined : cache;
  const extractions = articles.map((article) => {
    const key = extractionKey(article);
    const hit = cached?.get(key);
    if (hit) return hit;
    const x = extractWith(article, disabled, modelFor, learnedOff);
    cached?.set(key, x);
    return x;
  });
  return buildRegistry(extractions, new Map(articles.map((a) => [a.file, a.date])));
}

/** Where an article's extraction is cached: its content and its place (the cited file). */
export function extractionKey(article: Article): string {
  return `${article.hash}\u0000${article.file}`;
}

/** One article's statements and entities with every pass (the shipped model), through `cache`. */
export function attributeArticle(article: Article, cache: Map<string, ArticleAttribution>): ArticleAttribution {
  const key = extractionKey(article);
  const x = cache.get(key) ?? extractionOf(article);
  cache.set(key, x);
  return x;
}

/** One article's statements and entities with every pass (the shipped model), as a build caches them. */
export function extractionOf(article: Article): ArticleAttribution {
  return extractWith(article, new Set(), shippedModel);
}

function extractWith(
  article: Article,
  disabled: ReadonlySet<string>,
  modelFor: (article: Article) => LearnedModel | null,
  learnedOff = false,
): ArticleAttribution {
  // The model judges cue candidates inside the pipeline (sieve `learned-cues`) and, after it, the
  // rules' statements and that-only verbs (pass `learned`): each is switched off by its own name.
  const model = modelFor(article);
  const rules = extractArticle(article, { disabled, learned: { model } });
  return model && !learnedOff ? applyLearned(article, rules, model) : rules;
}
