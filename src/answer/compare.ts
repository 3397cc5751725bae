// The same statement as each outlet worded it: the answer's groups (see groups.ts) that more than one
// outlet carried, each version marked, word by word, where it departs from the most common wording.

import { words } from '../text/normalize.js';
import type { ComparedStatement, ComparedVersion, DiffPiece, StatementGroup } from '../types.js';

/**
 * Statements two or more outlets carried, most widely carried first: the reference wording (the one
 * closest to all the others, which the answer shows) first and unmarked, then each other outlet's
 * version marked against it, words it adds and words it leaves out.
 */
export function compareGroups(groups: StatementGroup[]): ComparedStatement[] {
  return groups
    .filter((g) => g.versions.length >= 2)
    .map((g) => ({
      versions: [g.shown, ...g.versions.filter((v) => v !== g.shown)].map(
        (v): ComparedVersion => ({
          outlet: v.outlet,
          text: v.text,
          kind: v.kind === 'passage' || v.kind === 'mention' ? 'indirect' : v.kind,
          cue: v.cue,
          verbatim: v.verbatim,
          reference: v === g.shown,
          paragraph: v.paragraph,
          article: v.article,
          diff: v === g.shown ? [{ text: v.text, changed: false }] : wordDiff(g.shown.text, v.text),
        }),
      ),
    }));
}

/**
 * Splits `text` into runs of words, marking those not in its longest common word sequence with `base`
 * (`changed`), with the words of `base` it leaves out set in between where they would have been
 * (`omitted`; their text is not part of `text`).
 */
export function wordDiff(base: string, text: string): DiffPiece[] {
  const tokens = text.match(/\S+\s*/g) ?? [];
  const baseTokens = base.match(/\S+\s*/g) ?? [];
  const key = (t: string): string => words(t).join(' ');
  const a = baseTokens.map(key);
  const b = tokens.map(key);
  // LCS table over words; statements are short, so the quadratic table is small.
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (dp[i] as number[])[j] = a[i] === b[j] ? (dp[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(dp[i + 1]?.[j] ?? 0, dp[i]?.[j + 1] ?? 0);
    }
  }
  const pieces: DiffPiece[] = [];
  const push = (t: string, changed: boolean, omitted = false): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.changed === changed && (last.omitted ?? false) === omitted) last.text += t;
    else pieces.push(omitted ? { text: t, changed, omitted } : { text: t, changed });
  };
  let i = 0;
  let j = 0;
  while (j < b.length || i < a.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(tokens[j] as string, false);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && (dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0))) {
      // A word of the base this version does not have; punctuation-only tokens are not worth showing.
      if (a[i] !== '') push(baseTokens[i] as string, false, true);
      i++;
    } else {
      push(tokens[j] as string, b[j] !== '');
      j++;
    }
  }
  return pieces;
}
