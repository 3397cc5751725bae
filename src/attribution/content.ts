// Content shapes shared by the content sieves: the sentence around a trailing cue, and a participle that
// goes on after a quote ("…,” he said, adding that …).

import type { Span } from '../types.js';
import { contentEnd, skipToThat, trimSpan } from './bounds.js';
import type { ArticleContext, LocalStatement, Para, Subject } from './context.js';
import { make } from './context.js';
import { cueSpan, isCue } from './cues.js';
import { CUE_FORMS, DESCRIPTION_WORD, NOT_DESCRIPTION, PARTICLE_CUES } from './lexicon.js';
import { resumeAfterInvertedCue } from './quotes.js';
import type { QuoteSpan, Token, Unit } from './tokens.js';

/** "…, adding that the guarantees should be legally binding." after a quote and its cue. */
export function participleContent(_ctx: ArticleContext, para: Para, unit: Unit, from: number): Span | null {
  const toks = unit.tokens;
  for (let k = from; k < toks.length && k < from + 25; k++) {
    const t = toks[k] as Token;
    if (t.quoted) return null;
    // "…,” added Leo Park, speaking to reporters: a verb that needs its particle ("speaking about") is no cue without it.
    const lemma = CUE_FORMS.get(t.lower);
    if (t.lower.endsWith('ing') && lemma && toks[k - 1]?.text === ',' && (!PARTICLE_CUES[lemma] || isCue(toks, k))) {
      const c = skipToThat(toks, k + 1);
      const start = toks[c]?.start;
      if (start === undefined) return null;
      return trimSpan(para.text, start, contentEnd(para.text, unit));
    }
  }
  return null;
}

/** Content before a trailing cue, plus what follows a parenthetical one. */
export function trailingContent(
  _ctx: ArticleContext,
  para: Para,
  unit: Unit,
  subject: Subject,
  cue: number,
  covered: QuoteSpan[],
  invertedNameEnd?: number,
): LocalStatement | null {
  const toks = unit.tokens;
  const comma = subject.from - 1;
  if (toks[comma]?.text !== ',' || comma < 1) return null;
  // "…, said Bruce Turry, who asked not to be named": a relative clause's cue reports nothing before its antecedent.
  if (['who', 'which'].includes(toks[subject.from]?.lower ?? '')) return null;
  const spans: Span[] = [trimSpan(para.text, unit.start, toks[comma]?.start ?? unit.start)];
  const next = toks[Math.max(cue, subject.to - 1) + 1];
  // After "…, Nowak said, …" the sentence goes on; after "…, said Nowak, …" comes his description.
  if (next?.text === ',' && subject.from <= cue) {
    const rest = toks[Math.max(cue, subject.to - 1) + 2];
    if (rest) spans.push(trimSpan(para.text, rest.start, contentEnd(para.text, unit)));
  } else if (invertedNameEnd !== undefined) {
    const rest = resumeAfterInvertedCue(toks, invertedNameEnd);
    if (rest) spans.push(trimSpan(para.text, rest.start, contentEnd(para.text, unit)));
  }
  const inside = unit.quotes.filter((q) => !covered.includes(q) && spans.some(([s, e]) => q.start >= s && q.start < e));
  covered.push(...inside);
  if (spans.reduce((n, [s, e]) => n + e - s, 0) < 12) return null;
  return make(subject.key as string, inside.length ? 'mixed' : 'indirect', para, spans, cueSpan(toks, cue));
}

/**
 * "…, journalist Martha Raddatz said", "…, Trump’s confidant Roger Stone stated": a short description
 * before a trailing speaker's name belongs to the subject, so the comma before it closes the content.
 * Returns where the subject phrase starts: at most four description words back to a comma, else `from`.
 */
export function descriptionLead(toks: Token[], from: number): number {
  for (let k = from - 1; k >= 0 && from - k <= 4; k--) {
    const t = toks[k] as Token;
    if (t.text === ',') return k + 1;
    if (
      t.punct ||
      t.quoted ||
      !DESCRIPTION_WORD.test(t.text) ||
      NOT_DESCRIPTION.has(t.lower) ||
      CUE_FORMS.has(t.lower) ||
      ['and', 'the', 'a', 'an'].includes(t.lower)
    )
      return from;
  }
  return from;
}
