// Statement positions in the order person answers read them: newest article first, then corpus order.

import type { IndexedStatement, StatementIndex } from './index.js';
import { dayNumber } from './columns.js';

/** One speaker's positions, newest article first, then corpus order. */
export function newestFirst(index: StatementIndex, positions: number[]): number[] {
  const keys = new Float64Array(
    positions.filter((k) => !index.removed.has(k)).map((k) => (99_999_999 - dayNumber((index.statements[k] as IndexedStatement).date)) * 1e7 + k),
  );
  keys.sort();
  return Array.from(keys, (key) => key % 1e7);
}

/** Live statements per speaker in newest-first order, sorted once with a native numeric sort. */
export function newestFirstBySpeaker(index: StatementIndex): Map<string, number[]> {
  const { statements, removed, columns } = index;
  // Days and speakers from the index's columns: every statement object read (and every date string
  // parsed again) at each engine start cost more than the sort.
  const fromColumns = columns.size === statements.length;
  // One number per statement orders by date descending, then position: (99999999 - yyyymmdd) * 1e7 + position.
  const keys = new Float64Array(statements.length - removed.size);
  let n = 0;
  for (let k = 0; k < statements.length; k++) {
    if (removed.has(k)) continue;
    const day = fromColumns ? columns.dayOf(k) : dayNumber((statements[k] as IndexedStatement).date);
    keys[n++] = (99_999_999 - day) * 1e7 + k;
  }
  keys.sort();
  const speakerIds = columns.speakerIds;
  const out = new Map<string, number[]>();
  for (const key of keys) {
    const k = key % 1e7;
    const speaker = fromColumns ? (speakerIds[columns.speakerCode(k)] as string) : (statements[k] as IndexedStatement).speaker;
    const list = out.get(speaker);
    if (list) list.push(k);
    else out.set(speaker, [k]);
  }
  return out;
}
