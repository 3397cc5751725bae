import { create, insertMultiple, load, remove, save, search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { statementDoc, statementSchema } from '../src/search/index.js';
import { derivedFrequencyIndex } from '../src/search/term-frequencies.js';
import { seedEngineOnce } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngineOnce();
});

const tokenizer = { stemming: true, language: 'english' } as const;

function stockDb() {
  return create({ schema: statementSchema, components: { tokenizer } });
}

function derivedDb() {
  return create({ schema: statementSchema, components: { tokenizer, index: derivedFrequencyIndex() } });
}

type Db = ReturnType<typeof stockDb>;

async function filled(db: Db): Promise<Db> {
  await insertMultiple(
    db,
    engine.corpus.index.statements.map((s, k) => statementDoc(s, k)),
    500,
  );
  return db;
}

/** Every hit with its score, for questions readers ask: single words, several words, a filter. */
async function answers(db: Db, words: string[]): Promise<Array<[string, number][]>> {
  const out: Array<[string, number][]> = [];
  for (const term of words) {
    const result = await search(db, { term, properties: ['text'], limit: 1000, threshold: 1 });
    out.push(result.hits.map((h) => [h.id, h.score]));
  }
  return out;
}

const QUESTIONS = ['Ukraine', 'sanctions', 'NATO security', 'peace talks Russia', 'said', 'energy prices', 'war'];

describe('term frequencies derived from field lengths', () => {
  it('ranks and scores exactly as stock Orama does', async () => {
    const stock = await answers(await filled(stockDb()), QUESTIONS);
    const derived = await answers(await filled(derivedDb()), QUESTIONS);
    expect(stock.flat().length).toBeGreaterThan(20);
    expect(derived).toEqual(stock);
  });

  it('keeps the same scores after documents are removed', async () => {
    const a = await filled(stockDb());
    const b = await filled(derivedDb());
    for (const id of ['0', '3', '7', '11']) {
      await remove(a, id);
      await remove(b, id);
    }
    expect(await answers(b, QUESTIONS)).toEqual(await answers(a, QUESTIONS));
  });

  it('saves no per-term data and scores the same after a save and load', async () => {
    const original = await filled(derivedDb());
    const raw = save(original);
    const json = JSON.parse(JSON.stringify(raw));
    expect(json.index.frequencies).toEqual({ text: {} });
    const restored = derivedDb();
    load(restored, json);
    expect(await answers(restored, QUESTIONS)).toEqual(await answers(await filled(stockDb()), QUESTIONS));
  });
});
