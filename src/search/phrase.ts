// Who said a phrase: the statements whose text holds it, words in order, with case, quotes,
// punctuation and diacritics folded away (`comparable`). Candidates come from Orama's postings (every
// stem of the phrase, stop words included); each is tested on the index's folded copy of its text,
// read in corpus order from one buffer (columns.ts), so a phrase of common words found in tens of
// thousands of statements is still counted exactly.

import { documentFrequency, type StatementIndex, terms } from './index.js';
import { phraseNeedle } from './columns.js';
import { internalWithTerms } from './postings.js';

/** Positions of the live statements whose text contains `phrase`, in corpus order. */
export function findPhrase(index: StatementIndex, phrase: string): number[] {
  const needle = phraseNeedle(phrase);
  if (!needle) return [];
  const { columns, removed } = index;
  const live = (k: number): boolean => k >= 0 && k < index.statements.length && !removed.has(k);
  const phraseTerms = terms(index, phrase);
  if (phraseTerms.length === 0) return index.statements.map((_, k) => k).filter((k) => live(k) && columns.holds(k, needle));
  if (phraseTerms.some((t) => documentFrequency(index, t) === 0)) return [];
  // Internal ids follow Orama's (shuffled) insertion order: test in corpus order, front to back of the buffer.
  const ids = internalWithTerms(index.db, phraseTerms);
  const candidates = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) candidates[i] = index.positionOf[ids[i] as number] as number;
  candidates.sort();
  const found: number[] = [];
  for (const k of candidates) if (live(k) && columns.holds(k, needle)) found.push(k);
  return found;
}

/** How many of `positions` each speaker said, most first (corpus order of first statement on a tie), read from the index's columns. */
export function speakerCounts(index: StatementIndex, positions: readonly number[]): [speaker: string, count: number][] {
  const { columns } = index;
  const counts = new Map<number, number>();
  for (const k of positions) {
    const code = columns.speakerCode(k);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .filter(([code]) => code >= 0)
    .map(([code, n]): [string, number] => [columns.speakerIds[code] as string, n])
    .sort((a, b) => b[1] - a[1]);
}
