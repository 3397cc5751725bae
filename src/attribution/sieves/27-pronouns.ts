// Sieve (reference): who "he" or "she" is — the subject of its own sentence named before it, else the most
// recent subject or speaker of a matching gender within three paragraphs. Asked by the speaker sieves;
// teaches the found person the pronoun's gender. Switched off, a pronoun names no one.

import { lastColonBefore, opensClause } from '../clauses.js';
import type { ArticleContext, Sieve } from '../context.js';
import { enabled } from '../context.js';
import { keyForRun } from '../entities.js';
import type { Gender, LocalEntity, NameRun } from '../mentions.js';
import type { Unit } from '../tokens.js';

export function resolvePronoun(ctx: ArticleContext, gender: Gender | null, paragraph: number, unit?: Unit, runs?: NameRun[], at = 0): string | null {
  if (!enabled(ctx, 'pronouns')) return null;
  // "Trump has blasted the system, which he said …": the sentence's own subject, named before the pronoun,
  // comes first; not in "Trump will win, he said", where the words before the comma are the content, nor an
  // apposition ("On another tough guy, Mr. Putin, Mr. Trump was asked why he …").
  // After a mark ("…,” she said") only a label before a colon counts: "Sen. Roe scolded him: “…,” she said".
  const prev = unit?.tokens[at - 1];
  const colon = prev?.punct && unit ? lastColonBefore(unit.tokens, at) : at;
  if (unit && runs && prev && colon > 0) {
    let apposed: LocalEntity | undefined;
    for (const run of runs) {
      if (run.to > colon) break;
      if (run.possessive || !opensClause(unit.tokens, run.phraseFrom)) continue;
      const key = keyForRun(ctx, run, false);
      const e = key ? ctx.entities.get(key) : undefined;
      if (e?.kind !== 'person' || (gender && e.gender && e.gender !== gender)) continue;
      if (unit.tokens[run.to]?.text !== ',') return e.key;
      apposed ??= e;
    }
    if (apposed) return apposed.key;
  }
  for (let k = ctx.salience.length - 1; k >= 0; k--) {
    const s = ctx.salience[k] as { key: string; paragraph: number; gender?: Gender | null };
    if (paragraph - s.paragraph > 3) break;
    const e = ctx.entities.get(s.key);
    if (e?.kind !== 'person') continue;
    if (gender && ((e.gender && e.gender !== gender) || (s.gender && s.gender !== gender))) continue;
    if (gender) e.gender ??= gender;
    return e.key;
  }
  return null;
}

export const sieve: Sieve = { name: 'pronouns', kind: 'reference' };
