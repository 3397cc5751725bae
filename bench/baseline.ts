// The bare-Orama baseline: the same paragraph documents in a plain Orama db with default settings,
// inserted the obvious way, searched the obvious way. Our engine's figures are judged against it.

import { create, insertMultiple, search, type Orama } from '@orama/orama';
import type { ParagraphDoc } from './corpus-files.js';

const SCHEMA = {
  text: 'string',
  outlet: 'enum',
  date: 'number',
  paragraph: 'number',
} as const;

export type BaselineDb = Orama<typeof SCHEMA>;

/**
 * `file` is carried on each document but left out of the schema: Orama stores properties it does not
 * index, and tokenising paths would only slow the baseline down for nothing.
 */
export async function buildBaseline(docs: ParagraphDoc[]): Promise<{ db: BaselineDb; ms: number }> {
  const started = performance.now();
  const db = create({ schema: SCHEMA });
  await insertMultiple(db, docs);
  return { db, ms: performance.now() - started };
}

export interface BaselineQuery {
  /** Orama term. */
  term: string;
  outlet?: string;
  /** Days since 1970-01-01 (as the documents' `date`), both ends included. */
  days?: [number, number];
}

/** One plain full-text search, as a user of bare Orama would write it (default limit, all hits scored). */
export async function searchBaseline(db: BaselineDb, query: BaselineQuery): Promise<number> {
  const results = await search(db, {
    term: query.term,
    properties: ['text'],
    where: { ...(query.outlet ? { outlet: { eq: query.outlet } } : {}), ...(query.days ? { date: { between: query.days } } : {}) },
  });
  return results.count;
}
