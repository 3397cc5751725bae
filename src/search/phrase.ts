// Who said a phrase: the statements whose text holds it, words in order, with case, quotes,
// punctuation and diacritics folded away (`comparable`). No folded copy of the texts is kept (it would
// cost a sizeable share of the heap): candidates come from Orama's postings, and each is tested on its
// text as written, which for text without accented letters is one precompiled regular expression
// (no string is built), so a phrase of common words found in tens of thousands of statements is still
// counted exactly.

import { comparable } from '../text/normalize.js';
import { documentFrequency, type StatementIndex, terms } from './index.js';
import { internalWithTerms } from './postings.js';

/**
 * A letter, digit or combining mark outside ASCII. Text without one folds to its ASCII letters and
 * digits, lowercased, every other run of characters a separator; text with one needs the full fold.
 */
const WORDISH_BEYOND_ASCII = /[\u0080-\u{10FFFF}](?<=[\p{L}\p{N}\p{M}])/u;
/** Any character outside ASCII: most texts have none, and this test costs half the one above. */
const BEYOND_ASCII = /[\u0080-\uFFFF]/;
const needsFold = (text: string): boolean => BEYOND_ASCII.test(text) && WORDISH_BEYOND_ASCII.test(text);

/** A test for "this text holds the phrase", as ` comparable(text) ` holding ` comparable(phrase) `. */
export function phraseTest(phrase: string): ((text: string) => boolean) | null {
  const needle = comparable(phrase);
  if (needle.length === 0) return null;
  const padded = ` ${needle} `;
  const words = needle.split(' ');
  // Unfolded text can hold only ASCII words: a phrase with any other letter never matches it.
  const plain = words.every((w) => /^[a-z0-9]+$/.test(w)) ? new RegExp(`(?<![A-Za-z0-9])${words.join('[^A-Za-z0-9]+')}(?![A-Za-z0-9])`, 'i') : null;
  return (text) => (needsFold(text) ? ` ${comparable(text)} `.includes(padded) : plain?.test(text) === true);
}

/**
 * Positions of the statements whose text contains `phrase`, in corpus order. Candidates hold every
 * stem of the phrase, stop words included (posting lists intersected, smallest first).
 */
export async function findPhrase(index: StatementIndex, phrase: string): Promise<number[]> {
  const holds = phraseTest(phrase);
  if (!holds) return [];
  const text = (k: number): string | undefined => index.statements[k]?.text;
  const phraseTerms = terms(index, phrase);
  if (phraseTerms.length === 0) {
    return index.statements.map((_, k) => k).filter((k) => !index.removed.has(k) && holds(text(k) ?? ''));
  }
  if (phraseTerms.some((t) => documentFrequency(index, t) === 0)) return [];
  // Internal ids follow Orama's (shuffled) insertion order: test the texts in corpus order instead,
  // which reads the statements in the order they sit in memory.
  const ids = internalWithTerms(index.db, phraseTerms);
  const candidates = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) candidates[i] = index.positionOf[ids[i] as number] as number;
  candidates.sort();
  const found: number[] = [];
  for (const k of candidates) {
    const t = k >= 0 ? text(k) : undefined;
    if (t !== undefined && holds(t)) found.push(k);
  }
  return found;
}
