// The same statement as each outlet worded it: cluster near-identical statements across outlets,
// then mark, word by word, where each version departs from the first.

import { words } from '../text/normalize.js';
import type { ComparedStatement, ComparedVersion, DiffPiece, Excerpt, OutletExcerpts } from '../types.js';

/** Share of the shorter version's word pairs found in the other: word pairs keep order, so two
 * statements that merely use the same vocabulary ("security guarantees", "Europe") stay apart. */
const SAME_STATEMENT = 0.5;

function wordPairs(text: string): Set<string> {
  const w = words(text);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) pairs.add(`${w[i]} ${w[i + 1]}`);
  return pairs;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const p of a) if (b.has(p)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

interface Cluster {
  pairs: Set<string>;
  versions: { outlet: string; excerpt: Excerpt }[];
}

export function compareStatements(groups: OutletExcerpts[]): ComparedStatement[] {
  const clusters: Cluster[] = [];
  for (const group of groups) {
    for (const excerpt of group.excerpts) {
      const pairs = wordPairs(excerpt.text);
      if (pairs.size < 2) continue;
      let best: Cluster | null = null;
      let bestScore = SAME_STATEMENT;
      for (const c of clusters) {
        if (c.versions.some((v) => v.outlet === group.outlet)) continue;
        const score = similarity(pairs, c.pairs);
        if (score >= bestScore) {
          best = c;
          bestScore = score;
        }
      }
      if (best) best.versions.push({ outlet: group.outlet, excerpt });
      else clusters.push({ pairs, versions: [{ outlet: group.outlet, excerpt }] });
    }
  }
  return clusters
    .filter((c) => c.versions.length >= 2)
    .sort((a, b) => b.versions.length - a.versions.length)
    .map((c) => {
      // Each version is marked against the most common wording (the one closest to all the others),
      // which is itself marked against the next most common: the outlier's changes stand out.
      const pairs = c.versions.map((v) => wordPairs(v.excerpt.text));
      const centrality = pairs.map((p, i) => pairs.reduce((sum, q, j) => (i === j ? sum : sum + similarity(p, q)), 0) + c.versions[i]!.excerpt.text.length * 1e-6);
      const ranked = c.versions.map((v, i) => ({ text: v.excerpt.text, score: centrality[i] as number })).sort((a, b) => b.score - a.score);
      const fullest = ranked[0]?.text ?? '';
      const next = ranked[1]?.text ?? '';
      return {
        versions: c.versions.map((v): ComparedVersion => ({
          outlet: v.outlet,
          text: v.excerpt.text,
          kind: v.excerpt.kind === 'passage' || v.excerpt.kind === 'mention' ? 'direct' : v.excerpt.kind,
          paragraph: v.excerpt.paragraph,
          article: v.excerpt.article,
          diff: wordDiff(v.excerpt.text === fullest ? next : fullest, v.excerpt.text),
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
