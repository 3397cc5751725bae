// A statement's word pairs as small integers: grouping compares each statement of a 1,000-excerpt
// answer with the clusters it shares pairs with, and sorted integer arrays compare and index far
// cheaper than sets of "word word" strings (no string hashed per lookup, no set per statement).

import { words } from '../text/normalize.js';

/** One text's distinct word pairs as ids: in the order each first occurs, and ascending. */
export interface PairIds {
  order: Int32Array;
  sorted: Int32Array;
}

export const NO_PAIRS: PairIds = { order: new Int32Array(0), sorted: new Int32Array(0) };

/** Texts whose pairs are kept, so answers that repeat statements do not split them again. */
const CACHED_TEXTS = 20_000;
/**
 * Distinct words named before the table starts over (ids are only compared within one table). A pair
 * of two words below this bound is its own id (first × MAX_WORDS + second: under 2^30, a small
 * integer to V8), so naming a pair costs one lookup per word and no "word word" string. Kept small:
 * a corpus of varied prose meets a few new words per statement shown, and the synthetic corpus a few
 * thousand over all the bench questions.
 */
export const MAX_WORDS = 1 << 15;
/** Ids of pairs with a word past MAX_WORDS (met only within a grouping that crosses the bound) start here. */
const OVERFLOW_IDS = MAX_WORDS * MAX_WORDS;

/** Hands out pair ids; ids from one table are comparable with each other only. */
export class PairTable {
  private wordIds = new Map<string, number>();
  /** Pairs with a word id past MAX_WORDS, by both ids, to their id (from OVERFLOW_IDS on). */
  private overflow = new Map<number, number>();
  private readonly byText = new Map<string, PairIds>();

  /**
   * Starts over when the table has grown past its bound. Only between groupings, never during one:
   * ids handed out before and after starting over would compare as if they named the same pairs.
   */
  bound(): void {
    if (this.wordIds.size < MAX_WORDS) return;
    // Cached ids belong to the old table: both start over together.
    this.wordIds = new Map();
    this.overflow = new Map();
    this.byText.clear();
  }

  /**
   * Forgets each text's pairs but keeps the words named so far: a vocabulary, not anything worked out
   * for a statement (see warm-up.ts). Ids stay comparable: the words keep theirs.
   */
  forgetTexts(): void {
    this.byText.clear();
  }

  /** The pairs of consecutive folded words of `text` (see `words`). */
  pairsOf(text: string): PairIds {
    const cached = this.byText.get(text);
    if (cached) return cached;
    if (this.byText.size >= CACHED_TEXTS) this.byText.clear();
    const pairs = this.idsOf(plainWords(text) ?? words(text));
    this.byText.set(text, pairs);
    return pairs;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordIds.size;
      this.wordIds.set(word, id);
    }
    return id;
  }

  private pairId(first: number, second: number): number {
    if (first < MAX_WORDS && second < MAX_WORDS) return first * MAX_WORDS + second;
    // Exact as a double: word ids stay far below 2^26.
    const key = first * 2 ** 26 + second;
    let id = this.overflow.get(key);
    if (id === undefined) {
      id = OVERFLOW_IDS + this.overflow.size;
      this.overflow.set(key, id);
    }
    return id;
  }

  private idsOf(w: string[]): PairIds {
    if (w.length < 2) return NO_PAIRS;
    const all = new Int32Array(w.length - 1);
    let previous = this.wordId(w[0] as string);
    for (let i = 0; i + 1 < w.length; i++) {
      const next = this.wordId(w[i + 1] as string);
      all[i] = this.pairId(previous, next);
      previous = next;
    }
    const sorted = all.slice().sort();
    let distinct = sorted.length;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) distinct--;
    if (distinct === sorted.length) return { order: all, sorted };
    // A repeated pair counts once, where it first occurs.
    const seen = new Set<number>();
    const order: number[] = [];
    for (const id of all) {
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
    }
    return { order: Int32Array.from(order), sorted: Int32Array.from(order).sort() };
  }
}

/** Characters beyond ASCII that folding turns into ASCII punctuation (straightenQuotes): never part of a word. */
const FOLDS_TO_PUNCTUATION = new Set(
  [...'\u2018\u2019\u201A\u201B\u2032\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212'].map((c) => c.charCodeAt(0)),
);

/**
 * `words(text)` for text whose letters and digits are all ASCII (nearly every statement; curly quotes
 * and dashes allowed), read in one pass: folding such text only lowercases it and makes the rest
 * separators, while `words` normalises, replaces and matches the whole text five times over. Null
 * for any other text, which takes the full fold.
 */
export function plainWords(text: string): string[] | null {
  const out: string[] = [];
  let start = -1;
  let upper = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const lower = c >= 97 && c <= 122;
    const capital = c >= 65 && c <= 90;
    if (lower || capital || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        upper = false;
      }
      if (capital) upper = true;
      continue;
    }
    if (c >= 128 && !FOLDS_TO_PUNCTUATION.has(c)) return null;
    if (start >= 0) {
      const word = text.slice(start, i);
      out.push(upper ? word.toLowerCase() : word);
      start = -1;
    }
  }
  return out;
}

/** How many ids two ascending arrays share. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * Whether at least `share` of `part`'s ids are in `whole` (both ascending). Stops at the first id too
 * many that is missing: most pairs of statements compared are not parts of each other.
 */
export function containsShare(part: Int32Array, whole: Int32Array, share: number): boolean {
  if (part.length === 0) return false;
  const missesAllowed = part.length - Math.ceil(share * part.length - 1e-9);
  let misses = 0;
  let j = 0;
  for (let i = 0; i < part.length; i++) {
    const x = part[i] as number;
    while (j < whole.length && (whole[j] as number) < x) j++;
    if (j < whole.length && whole[j] === x) j++;
    else if (++misses > missesAllowed) return false;
  }
  return true;
}

/** Same ids (both ascending). */
export function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
