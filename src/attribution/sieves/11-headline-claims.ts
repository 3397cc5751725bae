// Sieve: headline claims. "Biden calls Trump risk to U.S. safety" in a first paragraph that repeats the title
// reports the words of the person before a present-tense verb of saying. Claims the unit when it speaks.

import type { Span } from '../../types.js';
import { contentEnd, trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make } from '../context.js';
import { earliest, keyForRun, sameSurnamePeople } from '../entities.js';
import { CUE_FORMS, HEADLINE_ADVERBS, PARTICLE_CUES } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import type { Token, Unit } from '../tokens.js';
import { claimUnit } from './10-colon-labels.js';

/**
 * "Biden calls Trump risk to U.S. safety", "Clinton blasts Trump over deportation idea": in a headline a
 * person followed by a present-tense verb of saying reports that person's words, even with verbs
 * ("calls", "slams", "praises") that need a "that" or a quotation in running text.
 */
export function headlineClaim(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
  if (para.n !== 1 || unit.start !== 0 || !sameHeadline(para.text, ctx.article.title)) return null;
  const toks = unit.tokens;
  // "The Latest: Trump urges …": a short label before a colon is not the subject.
  const colon = toks.findIndex((t, k) => t.text === ':' && k <= 4);
  const from = colon >= 0 ? colon + 1 : 0;
  // Title case runs the name into the verb ("Dennis Prager Tells …"), so the verb is found by its form:
  // the first present-tense verb of saying after capitalised words, or "Just" and a past form.
  for (let v = from + 1; v < toks.length && v <= from + 6; v++) {
    const t = toks[v] as Token;
    const lemma = CUE_FORMS.get(t.lower);
    const present = lemma !== undefined && t.lower.endsWith('s') && t.lower !== lemma;
    const justPast = lemma !== undefined && t.lower.endsWith('ed') && toks[v - 1]?.lower === 'just';
    if (!present && !justPast) {
      if (!t.cap || t.possessive || t.quoted) return null;
      continue;
    }
    let end = v;
    while (end > from && HEADLINE_ADVERBS.has(toks[end - 1]?.lower ?? '')) end--;
    const key = headlineSpeaker(ctx, toks, runs, from, end);
    if (!key) return null;
    let c = v + 1;
    if (lemma && PARTICLE_CUES[lemma]?.includes(toks[c]?.lower ?? '')) c++;
    const cue: Span = [t.start, (toks[c - 1] as Token).end];
    if (toks[c]?.lower === 'on' || toks[c]?.lower === 'that') c++;
    const start = toks[c]?.start;
    if (start === undefined) return null;
    const inside = unit.quotes.some((q) => q.start >= start);
    return make(key, inside ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, contentEnd(para.text, unit))], cue);
  }
  return null;
}

/** The person a headline's subject words name: by surname among the people of the article, else the name itself. */
export function headlineSpeaker(ctx: ArticleContext, toks: Token[], runs: NameRun[], from: number, end: number): string | null {
  const words = toks.slice(from, end);
  const last = words[words.length - 1];
  if (!last || words.length > 5 || words.some((w) => w.punct && w.text !== '.')) return null;
  const known = earliest(sameSurnamePeople(ctx, last.text));
  if (known) return known.key;
  const run = runs.find((r) => r.phraseFrom === from && r.to === end && !r.possessive);
  const key = run ? keyForRun(ctx, run, true) : null;
  return key && ctx.entities.get(key)?.kind === 'person' ? key : null;
}

/** The first paragraph is the headline repeated: the same words, whatever the final stop. */
export function sameHeadline(text: string, title: string): boolean {
  const bare = (s: string): string => s.trim().replace(/[.!?\s]+$/, '');
  return bare(text) === bare(title);
}

export const sieve: Sieve = {
  name: 'headline-claims',
  kind: 'unit',
  run(ctx, u) {
    if (!u.speech || u.claimed) return;
    const st = headlineClaim(ctx, u.para, u.unit, u.runs);
    if (st) claimUnit(ctx, u, st);
  },
};
