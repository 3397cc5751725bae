// Sieve (per quote left unattributed): a speech tag whose verb is not a listed cue (or one trusted only
// before "that"), when punctuation marks it as speech — "“…,” Bennett shot back with a laugh.", "“…,” Ryan
// continued.", "“…,” reacted Trump.", "Silverman interjected, “…”". Decides that quote only.

import type { Span } from '../../types.js';
import { trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make, tokenSpan } from '../context.js';
import { keyForRun } from '../entities.js';
import { AUXILIARIES, CUE_FORMS, PRONOUNS, TAG_VERBS_IRREGULAR } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import { onlyPunctuationBetween, spacedPieces } from '../quotes.js';
import { clauseSubject } from '../subjects.js';
import type { QuoteSpan, Token, Unit } from '../tokens.js';
import { resolvePronoun } from './27-pronouns.js';

/**
 * A quote and a speech tag whose verb we do not list: "“…,” Bennett shot back with a laugh." and
 * "Silverman interjected, “…”". The punctuation marks it as speech: a quote that ends in a comma, question or
 * exclamation mark before the speaker's name, or a short clause with the speaker and a comma before the quote.
 */
export function speechTag(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], q: QuoteSpan): LocalStatement | null {
  const toks = unit.tokens;
  if (!q.closed || spacedPieces(para.text, q.innerStart, q.innerEnd) < 3) return null;
  const spans: Span[] = [trimSpan(para.text, q.innerStart, q.innerEnd)];
  const next = toks.findIndex((t) => t.start >= q.end);
  if (onlyPunctuationBetween(para.text, unit.start, q.start) && /[,?!]\s*$/.test(para.text.slice(q.innerStart, q.innerEnd))) {
    // "…,” [reporter] Jane Roe VERB …: a name within three words, then a lower-case verb; nothing quoted after.
    if (next < 0 || unit.quotes.some((o) => o.start > q.start)) return null;
    const inverted = invertedTag(ctx, toks, runs, next);
    if (inverted) return make(inverted, 'direct', para, spans, tagVerbSpan(toks, next));
    for (let k = next; k < toks.length && k < next + 4; k++) {
      const t = toks[k] as Token;
      if (t.punct) return null;
      const pronoun = (t.lower === 'he' || t.lower === 'she') && t.cap ? PRONOUNS[t.lower] : undefined;
      const run = runs.find((r) => r.phraseFrom === k || r.from === k);
      if (!pronoun && !run) {
        if (t.cap || CUE_FORMS.has(t.lower) || ['and', 'but', 'as', 'while', 'when', 'was', 'is'].includes(t.lower)) return null;
        continue;
      }
      const end = run ? run.to : k + 1;
      const verb = toks[end];
      if (run?.possessive || !verb || !looksLikeTagVerb(verb, true)) return null;
      const key = pronoun && pronoun !== 'any' ? resolvePronoun(ctx, pronoun, para.n) : run ? keyForRun(ctx, run, true) : null;
      if (!key || ctx.entities.get(key)?.kind !== 'person') return null;
      return make(key, 'direct', para, spans, tagVerbSpan(toks, end));
    }
    return null;
  }
  // Name VERB …, “…”: the quote runs to the sentence end after a comma that closes a short opening clause.
  const comma = toks.findIndex((t) => t.start >= q.start) - 1;
  if (toks[comma]?.text !== ',' || comma > 12 || !onlyPunctuationBetween(para.text, q.end, unit.end)) return null;
  if (toks.slice(0, comma).some((t) => t.quoted || ['.', ';', '(', ')'].includes(t.text))) return null;
  const subject = clauseSubject(ctx, para, unit, runs, comma + 1);
  if (!subject?.key || ctx.entities.get(subject.key)?.kind !== 'person') return null;
  const verb = toks[subject.to];
  if (!verb || !looksLikeTagVerb(verb)) return null;
  return make(subject.key, 'direct', para, spans, tagVerbSpan(toks, subject.to));
}

/**
 * "…,” reacted Trump.", "…,” beamed Donald Hartley of Madison, Alabama.": a tag verb, then a person's
 * name that ends the sentence or opens its description.
 */
function invertedTag(ctx: ArticleContext, toks: Token[], runs: NameRun[], k: number): string | null {
  const verb = toks[k];
  if (!verb || !looksLikeTagVerb(verb, true) || TAG_VERBS_IRREGULAR.has(verb.lower)) return null;
  const run = runs.find((r) => r.phraseFrom === k + 1 && r.kind !== 'organisation' && !r.possessive);
  const after = run ? toks[run.to] : undefined;
  if (!run || (after && !(after.punct && !after.quoted) && !['of', 'at', 'from', 'who'].includes(after.lower))) return null;
  const key = keyForRun(ctx, run, true);
  return key && ctx.entities.get(key)?.kind === 'person' ? key : null;
}

/**
 * A lower-case past or present verb that can carry a speech tag ("shot back", "interjected", "sings"). With
 * `cues`, after the quote it tags, also a listed cue's form whatever its spelling ("“…,” Ryan continued.");
 * before a quote ("Varga continued, “…”") such a verb is left to the learned pass.
 */
export function looksLikeTagVerb(t: Token, cues = false): boolean {
  if (t.punct || t.cap || t.quoted || AUXILIARIES.has(t.lower)) return false;
  const cue = cues && CUE_FORMS.has(t.lower) && /(?:ed|s)$/.test(t.lower);
  return (
    cue ||
    TAG_VERBS_IRREGULAR.has(t.lower) ||
    (/[^aeiou]ed$|[^s'’]s$/.test(t.lower) && !['has', 'was', 'is', 'does', 'its', 'this', 'his', 'us'].includes(t.lower))
  );
}

/** A speech tag's verb and an adverb particle it carries: "interjected", "shot back", "piped up". */
export function tagVerbSpan(toks: Token[], k: number): Span {
  const verb = toks[k] as Token;
  const particle = toks[k + 1];
  return particle && ['back', 'up'].includes(particle.lower) ? [verb.start, particle.end] : tokenSpan(verb);
}

export const sieve: Sieve = {
  name: 'speech-tags',
  kind: 'quote',
  statement: (ctx, u, q) => speechTag(ctx, u.para, u.unit, u.runs, q),
};
