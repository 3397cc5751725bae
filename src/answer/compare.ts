// The same statement as each outlet worded it: cluster near-identical statements across outlets,
// then mark, word by word, where each version departs from the first.

import { words } from '../text/normalize.js';
import type { ComparedStatement, ComparedVersion, DiffPiece, Excerpt, OutletExcerpts } from '../types.js';

const SAME_STATEMENT = 0.45;

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

interface Cluster {
  words: Set<string>;
  versions: { outlet: string; excerpt: Excerpt }[];
}

export function compareStatements(groups: OutletExcerpts[]): ComparedStatement[] {
  const clusters: Cluster[] = [];
  for (const group of groups) {
    for (const excerpt of group.excerpts) {
      const w = new Set(words(excerpt.text));
      if (w.size < 3) continue;
      let best: Cluster | null = null;
      let bestScore = SAME_STATEMENT;
      for (const c of clusters) {
        if (c.versions.some((v) => v.outlet === group.outlet)) continue;
        const score = similarity(w, c.words);
        if (score >= bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best) best.versions.push({ outlet: group.outlet, excerpt });
      else clusters.push({ words: w, versions: [{ outlet: group.outlet, excerpt }] });
    }
  }
  return clusters
    .filter((c) => c.versions.length >= 2)
    .sort((a, b) => b.versions.length - a.versions.length)
    .map((c) => {
      const first = c.versions[0]?.excerpt.text ?? '';
      const second = c.versions[1]?.excerpt.text ?? '';
      return {
        versions: c.versions.map((v, i): ComparedVersion => ({
          outlet: v.outlet,
          text: v.excerpt.text,
          kind: v.excerpt.kind === 'passage' || v.excerpt.kind === 'mention' ? 'direct' : v.excerpt.kind,
          paragraph: v.excerpt.paragraph,
          article: v.excerpt.article,
          diff: wordDiff(i === 0 ? second : first, v.excerpt.text),
        })),
      };
    });
}

/** Splits `text` into runs of words, marking those not in its longest common word sequence with `base`. */
export function wordDiff(base: string, text: string): DiffPiece[] {
  const tokens = text.match(/\S+\s*/g) ?? [];
  const key = (t: string): string => words(t).join(' ');
  const a = (base.match(/\S+/g) ?? []).map(key);
  const b = tokens.map(key);
  // LCS table over words; statements are short, so the quadratic table is small.
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (dp[i] as number[])[j] = a[i] === b[j] ? (dp[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(dp[i + 1]?.[j] ?? 0, dp[i]?.[j + 1] ?? 0);
    }
  }
  const kept = new Array<boolean>(b.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept[j] = true;
      i++;
      j++;
    } else if ((dp[i + 1]?.[j] ?? 0) >= (dp[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  const pieces: DiffPiece[] = [];
  tokens.forEach((t, k) => {
    const changed = !kept[k] && (b[k] ?? '') !== '';
    const last = pieces[pieces.length - 1];
    if (last && last.changed === changed) last.text += t;
    else pieces.push({ text: t, changed });
  });
  return pieces;
}
