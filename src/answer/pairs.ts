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
/** Distinct pairs named before the table starts over (ids are only compared within one table). */
const MAX_PAIRS = 2_000_000;

/** Hands out pair ids; ids from one table are comparable with each other only. */
export class PairTable {
  private ids = new Map<string, number>();
  private readonly byText = new Map<string, PairIds>();

  /** The pairs of consecutive folded words of `text` (see `words`). */
  pairsOf(text: string): PairIds {
    const cached = this.byText.get(text);
    if (cached) return cached;
    if (this.byText.size >= CACHED_TEXTS) this.byText.clear();
    if (this.ids.size >= MAX_PAIRS) {
      // Cached ids belong to the old table: both start over together.
      this.ids = new Map();
      this.byText.clear();
    }
    const pairs = this.idsOf(words(text));
    this.byText.set(text, pairs);
    return pairs;
  }

  private idsOf(w: string[]): PairIds {
    if (w.length < 2) return NO_PAIRS;
    const all = new Int32Array(w.length - 1);
    for (let i = 0; i + 1 < w.length; i++) {
      const key = `${w[i]} ${w[i + 1]}`;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(key, id);
      }
      all[i] = id;
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
