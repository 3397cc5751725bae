import { tokenizer as oramaTokenizer } from '@orama/orama/components';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { stemCachingTokenizer } from '../src/search/stem-cache.js';
import { seedEngineOnce } from './helpers.js';

let texts: string[];
beforeAll(async () => {
  const engine: Engine = await seedEngineOnce();
  texts = engine.corpus.index.statements.map((s) => s.text);
});

describe('stems remembered while inserting', () => {
  it('gives exactly the tokens stock Orama gives, inserting (no cache) or asking', () => {
    const stock = oramaTokenizer.createTokenizer({ stemming: true, language: 'english' });
    const ours = stemCachingTokenizer();
    expect(texts.length).toBeGreaterThan(50);
    for (const text of [...texts, ...texts]) {
      expect(ours.tokenize(text, 'english', 'text', false)).toEqual(stock.tokenize(text, 'english', 'text', false));
    }
    expect(ours.normalizationCache.size).toBeGreaterThan(100);
  });

  it('stays within its bound and still gives the same tokens after starting over', () => {
    const stock = oramaTokenizer.createTokenizer({ stemming: true, language: 'english' });
    const ours = stemCachingTokenizer(40);
    for (const text of texts) {
      expect(ours.tokenize(text, 'english', 'text', false)).toEqual(stock.tokenize(text, 'english', 'text', false));
      expect(ours.normalizationCache.size).toBeLessThanOrEqual(40 + text.length);
    }
  });
});
