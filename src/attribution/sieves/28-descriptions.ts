// Sieve (reference): who a description is — "the chancellor", "the senator" (for a "Sen." role) — the one
// person given that role, or the most salient of several. Asked by the speaker sieves. Switched off, a
// description names no one.

import type { ArticleContext, Sieve } from '../context.js';
import { enabled } from '../context.js';
import { TITLE_ABBREVIATIONS } from '../lexicon.js';
import { foldName } from '../mentions.js';
import type { Token } from '../tokens.js';

export function resolveDescription(ctx: ArticleContext, words: Token[], paragraph: number): string | null {
  if (!enabled(ctx, 'descriptions')) return null;
  const head = (words[words.length - 1] as Token).lower;
  const modifiers = words.filter((w) => !['the', 'a', 'an'].includes(w.lower)).map((w) => foldName(w.text.replace(/['’]s$/, '')));
  const candidates = [...ctx.entities.values()].filter(
    (e) =>
      e.kind === 'person' &&
      [...e.roles].some((r) => {
        const role = expandTitles(foldName(r));
        return role.includes(head) && modifiers.every((m) => role.includes(m) || ['former', 'current', 'new'].includes(m));
      }),
  );
  if (candidates.length === 1) return candidates[0]?.key ?? null;
  if (candidates.length > 1) {
    for (let k = ctx.salience.length - 1; k >= 0; k--) {
      const s = ctx.salience[k];
      if (s && candidates.some((c) => c.key === s.key) && paragraph - s.paragraph <= 5) return s.key;
    }
  }
  return null;
}

/** "sen. tim kaine" → "senator tim kaine": a role written with an abbreviated title matches "the senator". */
export function expandTitles(role: string): string {
  return role.replace(/\b(sen|rep|gov|gen|adm|col|capt|lt|sgt|sec|pres|prof|supt|atty)\b\.?/g, (_, abbr: string) => TITLE_ABBREVIATIONS[abbr] ?? abbr);
}

export const sieve: Sieve = { name: 'descriptions', kind: 'reference' };
