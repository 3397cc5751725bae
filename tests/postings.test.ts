import { search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { scoreByPostings } from '../src/search/postings.js';
import { terms } from '../src/search/index.js';
import { seedEngineOnce } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngineOnce();
});

describe('reading Orama postings directly', () => {
  it('scores exactly as Orama search does, for every word of the seed statements', async () => {
    const { index } = engine.corpus;
    const vocabulary = new Set(index.statements.flatMap((s) => terms(index, s.text)));
    const rawWords = new Set(index.statements.flatMap((s) => s.text.match(/[A-Za-z]{3,}/g) ?? []));
    expect(rawWords.size).toBeGreaterThan(300);
    let compared = 0;
    for (const word of rawWords) {
      const [term] = terms(index, word);
      // Orama matches prefixes; compare where the stem is no other indexed word's prefix.
      if (!term || [...vocabulary].some((other) => other !== term && other.startsWith(term))) continue;
      const viaSearch = await search(index.db, { term: word, properties: ['text'], limit: 1000, threshold: 1 });
      const direct = scoreByPostings(index.db, [term]);
      expect(direct.map((h) => h.id).sort(), word).toEqual(viaSearch.hits.map((h) => h.id).sort());
      for (const hit of viaSearch.hits) expect(direct.find((d) => d.id === hit.id)?.score).toBeCloseTo(hit.score, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});
