import { search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { scoreByPostings, topScored } from '../src/search/postings.js';
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

describe('the best of the scored statements', () => {
  // Scores by internal id; 0 is never touched.
  const scores = Float64Array.from([0, 2.5, 1, 2.5, 4, 1, 2.5, 0.5]);
  const touched = [6, 2, 1, 7, 4, 3, 5];

  it("come best first, equal scores in the order they were met (a person's newest first)", () => {
    expect(topScored(scores, touched, Number.POSITIVE_INFINITY).map((h) => h.internalId)).toEqual([4, 6, 1, 3, 2, 5, 7]);
    expect(topScored(scores, touched, Number.POSITIVE_INFINITY).map((h) => h.score)).toEqual([4, 2.5, 2.5, 2.5, 1, 1, 0.5]);
  });

  it('are cut at the limit, inside a tie too, as a stable sort of them all would cut them', () => {
    const sorted = touched.map((id) => ({ internalId: id, score: scores[id] as number })).sort((a, b) => b.score - a.score);
    for (let limit = 0; limit <= touched.length + 1; limit++) expect(topScored(scores, touched, limit)).toEqual(sorted.slice(0, limit));
    expect(topScored(scores, [], 10)).toEqual([]);
  });
});
