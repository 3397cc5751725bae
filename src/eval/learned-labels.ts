// Labels for the learned attribution layer, from gold attributions in the attribution-dev format.
// - A rule-made statement is right to keep when ≥ 50% of its content tokens lie in gold content whose
//   named source is its speaker (the precision rule of dev.ts) or whose source is unnamed (a pronoun, a
//   description, a group, none): there the gold cannot check our speaker, but it says the words were
//   attributed, which is what the model decides — speakers are the rules' work, right 98% of the time.
// - A new statement is right to add when ≥ 50% of it is gold content its speaker is named for (again
//   the precision rule of dev.ts); it is left out of training when it is mostly content of an unnamed
//   source (the gold cannot tell whose it is), and wrong otherwise.

import type { Article, Span } from '../types.js';
import type { GoldAttribution } from './gold.js';
import { goldSurname, placeParagraphs, tokensIn, wordTokens } from './gold.js';
import { fold } from '../text/normalize.js';

export type Label = boolean | null;

export interface ArticleGold {
  /** Labels one site: its paragraph, content span in that paragraph, and its speaker's names. */
  label(paragraph: number, content: Span, speakerNames: readonly string[], decision: 'keep' | 'add'): Label;
}

/** Surname of a name as the gold compares it: its last word, folded, without a trailing period. */
function lastWord(name: string): string {
  const parts = fold(name)
    .split(/\s+/)
    .map((w) => w.replace(/[.,'’]+$/, '').replace(/['’]s$/, ''));
  return parts.filter((w) => !['jr', 'sr', 'ii', 'iii', 'iv'].includes(w)).pop() ?? '';
}

export function articleGold(raw: string, article: Article, golds: readonly GoldAttribution[]): ArticleGold {
  const tokens = wordTokens(raw);
  const placed = placeParagraphs(raw, article.paragraphs);
  const owners = new Map<number, number[]>();
  golds.forEach((g, gi) => {
    for (const t of tokensIn(tokens, g.content_span)) owners.set(t, [...(owners.get(t) ?? []), gi]);
  });
  const surnames = golds.map((g) => (g.source_kind === 'name' && g.source ? goldSurname(g.source) : null));
  return {
    label(paragraph, [s, e], speakerNames, decision) {
      const at = placed.get(paragraph);
      if (!at) return null;
      const ts = tokensIn(tokens, [[at(s), at(e)]]);
      if (ts.length === 0) return null;
      const mine = new Set(speakerNames.map(lastWord));
      const share = (test: (g: GoldAttribution, gi: number) => boolean): number =>
        ts.filter((t) => (owners.get(t) ?? []).some((gi) => test(golds[gi] as GoldAttribution, gi))).length / ts.length;
      const named = (g: GoldAttribution, gi: number): boolean => g.source_kind === 'name' && mine.has(surnames[gi] ?? '\u0000');
      const attributed = share((g, gi) => named(g, gi) || g.source_kind !== 'name') >= 0.5;
      if (decision === 'keep') return attributed;
      if (share(named) >= 0.5) return true;
      return attributed ? null : false;
    },
  };
}
