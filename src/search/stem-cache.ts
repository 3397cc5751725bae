// Orama's English tokenizer with its stems remembered while documents are inserted too.
//
// Why: Orama caches each token's normalised, stemmed form for queries but not for inserts
// (`tokenize(…, withCache = false)` on the insert path), so building the index stemmed every word of
// every statement again: news repeats its words, and stemming was the largest part of the index
// phase after Orama's radix tree. The cache is Orama's own (`normalizationCache`, keyed by property
// and token); this bounds it, because a long-running bot keeps inserting new articles' words.

import { tokenizer as oramaTokenizer } from '@orama/orama/components';

type OramaTokenizer = ReturnType<typeof oramaTokenizer.createTokenizer>;

/** Distinct tokens remembered at most (~100 bytes each): past it the cache starts over. */
const MAX_REMEMBERED = 500_000;

export function stemCachingTokenizer(maxRemembered = MAX_REMEMBERED): OramaTokenizer {
  const base = oramaTokenizer.createTokenizer({ stemming: true, language: 'english' });
  return {
    ...base,
    tokenize(input: string, language?: string, prop?: string) {
      if (base.normalizationCache.size > maxRemembered) base.normalizationCache.clear();
      return base.tokenize(input, language, prop, true);
    },
  };
}
