import { search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { internalWithTerms, scoreInternal, scoreByPostings, topScored } from '../src/search/postings.js';
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

describe("scoring a topic over some statements only (a person's)", () => {
  it("gives the same hits in the same order whichever side is walked: equal scores in the statements' order, term by term", () => {
    const { db } = engine.corpus.index;
    const index = engine.corpus.index;
    const all = [...index.internalOf].filter((id) => id >= 0);
    // The two most common terms: their postings are long enough for each way of walking them.
    const byFrequency = [...new Set(index.statements.flatMap((s) => terms(index, s.text)))]
      .map((term) => ({ term, ids: internalWithTerms(db, [term]) }))
      .sort((a, b) => b.ids.length - a.ids.length);
    const [first, second] = byFrequency as [{ term: string; ids: number[] }, { term: string; ids: number[] }];
    expect(first.ids.length).toBeGreaterThan(20);
    const everyScore = new Map(scoreInternal(db, [first.term, second.term], Number.POSITIVE_INFINITY, null).map((h) => [h.internalId, h.score]));
    let seed = 7;
    const shuffled = [...all].sort(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed % 3) - 1;
    });
    // Fewer statements than either term's postings: each statement looked up in them, or (up to three times
    // as many postings) the postings walked; both must add hits in the statements' order.
    const fewest = second.ids.length;
    expect(fewest).toBeGreaterThan(8);
    for (const size of [1, 5, Math.ceil(fewest / 4), Math.ceil(fewest / 3), Math.ceil(fewest / 2), fewest - 1]) {
      const allowed = Int32Array.from(shuffled.slice(0, size));
      const touched: number[] = [];
      for (const { ids } of [first, second]) for (const id of allowed) if (ids.includes(id) && !touched.includes(id)) touched.push(id);
      const expected = touched.map((id) => ({ internalId: id, score: everyScore.get(id) as number })).sort((a, b) => b.score - a.score);
      expect(scoreInternal(db, [first.term, second.term], Number.POSITIVE_INFINITY, allowed), `${size} statements`).toEqual(expected);
    }
  });
});

describe('the statements holding every word of a phrase', () => {
  it('are the exact intersection of the words’ postings, in the order of the shortest, whichever way each list is read', () => {
    const { index } = engine.corpus;
    const { db } = index;
    const vocabulary = [...new Set(index.statements.flatMap((s) => terms(index, s.text)))];
    const postings = new Map(vocabulary.map((term) => [term, internalWithTerms(db, [term])]));
    const byFrequency = [...vocabulary].sort((a, b) => (postings.get(b)?.length ?? 0) - (postings.get(a)?.length ?? 0));
    // The most common words (lists of similar length: walked) with words from common to rare (lists many
    // times longer than the shortest: looked up), and a word with no postings.
    const common = byFrequency.slice(0, 4);
    const phrases = [
      common.slice(0, 2),
      common,
      [common[0]!, byFrequency[20]!, byFrequency[200]!],
      [byFrequency[300]!, common[1]!, common[2]!, common[3]!],
      [common[0]!, 'zzzznotaword'],
    ];
    let nonEmpty = 0;
    for (const words of phrases) {
      const lists = words.map((w) => postings.get(w) ?? []);
      const shortest = [...lists].sort((a, b) => a.length - b.length)[0]!;
      const expected = shortest.filter((id) => lists.every((l) => l.includes(id)));
      if (expected.length > 0) nonEmpty++;
      expect(internalWithTerms(db, words), words.join(' ')).toEqual(expected);
      // The board it counts on is left clear: asked again, the same answer.
      expect(internalWithTerms(db, words), `${words.join(' ')}, again`).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(2);
  });
});
