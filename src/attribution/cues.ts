// Cue candidates: which tokens are reporting words ("said", "rejected", "called for", "put it") and which
// are the same words used otherwise ("the claims", "added 300 jobs", "was criticized by"), and the cue's
// words as written.

import type { Span } from '../types.js';
import { tokenSpan } from './context.js';
import {
  AUXILIARIES,
  BEFORE_PASSIVE,
  CHAIN_ACTS,
  CUE_FORMS,
  NOT_A_NAME_GIVEN,
  NOUN_CONTEXT,
  NOUN_LIKE_S,
  OBJECT_CUES,
  OBJECT_DETERMINERS,
  PARTICLE_CUES,
  PASSIVE_PARTICIPLES,
  SPEECH_VEHICLES,
  TELL_LIKE,
  THAT_ONLY_CUES,
  TIME_WORDS,
  UNAMBIGUOUS_S_CUES,
  WEEKDAYS,
} from './lexicon.js';
import { skipObject } from './phrases.js';
import { namesAQuote, quoteSoonAfter } from './quotes.js';
import type { Token } from './tokens.js';

/** Whether token i is a cue candidate: a reporting word used as one, not as a noun, an adjective or an act. */
export function isCue(toks: Token[], i: number): boolean {
  const t = toks[i] as Token;
  // "As Senator Cornyn put it, “…”": "put it" reports the words that follow or come before.
  if ((t.lower === 'put' || t.lower === 'puts') && toks[i + 1]?.lower === 'it') return true;
  const lemma = CUE_FORMS.get(t.lower);
  if (!lemma) return false;
  // "from remarks Clinton made", "the claims", "his comments": after a determiner or preposition it is a noun.
  if (NOUN_CONTEXT.has(toks[i - 1]?.lower ?? '') && !t.lower.endsWith('ing') && !t.lower.endsWith('ed')) return false;
  // "the proposed wall", "his stated goal", "the reported figure": a participle used as an adjective.
  if ((t.lower.endsWith('ed') || t.lower === 'said') && OBJECT_DETERMINERS.has(toks[i - 1]?.lower ?? '')) return false;
  // "pointed to remarks Duarte made": an -s form after a preposition is a plural noun.
  if (
    t.lower !== lemma &&
    t.lower.endsWith('s') &&
    ['to', 'about', 'on', 'with', 'in', 'at', 'by', 'for', 'against', 'over'].includes(toks[i - 1]?.lower ?? '')
  )
    return false;
  // "responded by blocking …", "added to his portfolio": reacting and adding to, not saying.
  // ("responded by saying …": the participle is the cue.)
  if (['respond', 'reply', 'add'].includes(lemma) && ['to', 'by'].includes(toks[i + 1]?.lower ?? '')) return false;
  // "the U.S. added around 292,000 jobs": adding a number of things.
  if (
    lemma === 'add' &&
    (/^\d/.test(toks[i + 1]?.text ?? '') || ['around', 'nearly', 'roughly', 'almost', 'another', 'more', 'some', 'over'].includes(toks[i + 1]?.lower ?? ''))
  )
    return false;
  // "When told Perez was in the Cabinet, Bush …", "was asked about": the one told or asked does not speak.
  if (PASSIVE_PARTICIPLES.has(t.lower) && BEFORE_PASSIVE.has(toks[i - 1]?.lower ?? '')) return false;
  // "wrote a children's book", "wrote an op-ed", "has written off": writing a thing, not reporting words.
  if (lemma === 'write' && ['a', 'an', 'off'].includes(toks[i + 1]?.lower ?? '')) return false;
  const particle = PARTICLE_CUES[lemma];
  if (particle)
    return particleAt(toks, i, lemma) > 0 || toks[i + 1]?.lower === 'that' || (lemma === 'call' && (quoteSoonAfter(toks, i) || namesSomething(toks, i)));
  // "Limbaugh continued: “…”": a colon right after the verb introduces what was said.
  // ("assured his hometown's residents that …": whom it was said to may come before "that".)
  // ("threatened to veto the bill": a threat in words.)
  if (THAT_ONLY_CUES.has(lemma))
    return (
      toks[i + 1]?.lower === 'that' ||
      toks[i + 1]?.text === ':' ||
      (lemma === 'threaten' && toks[i + 1]?.lower === 'to') ||
      (TELL_LIKE.has(lemma) && toks[skipObject(toks, i + 1)]?.lower === 'that')
    );
  // "said" as an adjective ("the said document") is rare in news; "-ing" forms after "while"/"by" are not cues.
  if (t.lower.endsWith('ing') && ['while', 'of', 'for', 'about', 'without', 'besides'].includes(toks[i - 1]?.lower ?? '')) return false;
  if (OBJECT_CUES.has(lemma)) {
    // "the praise", "the Paris attacks", "thanks to": the base and -s forms of some object cues are nouns.
    if (t.lower === lemma || NOUN_LIKE_S.has(t.lower)) return ['he', 'she', 'they', 'we', 'i', 'did'].includes(toks[i - 1]?.lower ?? '');
    // "criticised the so-called “green levy”": the quotation names the thing criticised.
    if (quoteSoonAfter(toks, i) && namesAQuote(toks, i)) return false;
    // "is lauded for his effectiveness", "was criticized by": without an object it is passive, not speech.
    // ("described as “an intentional act”" is speech: the name given follows "as".)
    if (
      ['for', 'by', 'in', 'on', 'at', 'with', 'after', 'over', 'from'].includes(toks[i + 1]?.lower ?? '') ||
      (toks[i + 1]?.lower === 'as' && lemma !== 'describe')
    )
      return false;
    // "was criticized", "has been described as": the one spoken about is the subject.
    if (t.lower.endsWith('ed') && ['was', 'were', 'is', 'are', 'been', 'being', 'be', 'get', 'got'].includes(toks[i - 1]?.lower ?? '')) return false;
  }
  const next = toks[i + 1];
  // "added to his portfolio", "added 292,000 jobs": doing, not saying.
  if (lemma === 'add' && next && (next.lower === 'to' || /^[\d$]/.test(next.text) || ['more', 'another', 'new'].includes(next.lower))) return false;
  if (
    t.lower === 'email' ||
    t.lower === 'emails' ||
    t.lower === 'remark' ||
    t.lower === 'state' ||
    t.lower === 'states' ||
    t.lower === 'report' ||
    t.lower === 'note' ||
    t.lower === 'claim' ||
    t.lower === 'post' ||
    t.lower === 'comment' ||
    t.lower === 'question' ||
    t.lower === 'call' ||
    t.lower === 'demand' ||
    t.lower === 'promise' ||
    t.lower === 'pledge' ||
    t.lower === 'counter' ||
    t.lower === 'charge'
  ) {
    // Base forms double as nouns; only count them right after a subject pronoun or auxiliary.
    return ['he', 'she', 'they', 'we', 'i', 'did'].includes(toks[i - 1]?.lower ?? '');
  }
  return true;
}

/** The particle of a particle cue right after it, or after one adverb of time ("called again for", "called Friday for"); -1 when none. */
export function particleAt(toks: Token[], i: number, lemma: string): number {
  const particles = PARTICLE_CUES[lemma];
  if (!particles) return -1;
  if (particles.includes(toks[i + 1]?.lower ?? '')) return i + 1;
  // ("spoke emotionally of", "spoke out Tuesday about": up to two adverbs between.)
  for (let k = i + 1; k <= i + 2; k++) {
    const between = toks[k] as Token | undefined;
    if (
      !between ||
      between.punct ||
      !(TIME_WORDS.test(between.lower) || ['again', 'also', 'out', 'up'].includes(between.lower) || /^\p{Ll}{3,}ly$/u.test(between.text))
    )
      return -1;
    if (particles.includes(toks[k + 1]?.lower ?? '')) return k + 1;
  }
  return -1;
}

/**
 * "Silverman was joined on stage by Al Franken and joked, …", "Kasich offered him a job, then says …":
 * a cue coordinated with an earlier verb has no subject of its own; it shares the clause's.
 */
export function coordinatedCue(toks: Token[], i: number): boolean {
  const form = toks[i]?.lower ?? '';
  // "speeches and promises", "and calls": an -s form after "and" is as often a plural noun.
  if (form.endsWith('s') && !UNAMBIGUOUS_S_CUES.has(CUE_FORMS.get(form) ?? '')) return false;
  let k = i - 1;
  // ("but has since said", "and on Monday announced": an adverb or a day between the link and the verb.)
  const skippable = (w: string): boolean => (AUXILIARIES.has(w) && w !== 'then') || w === 'since' || TIME_WORDS.test(w);
  while (k > 0 && (skippable(toks[k]?.lower ?? '') || (toks[k]?.lower === 'on' && TIME_WORDS.test(toks[k + 1]?.lower ?? '')))) k--;
  const link = toks[k]?.lower ?? '';
  return ['and', 'but', 'then'].includes(link) && k > 0;
}

/**
 * "Ham went on to explain …", "Kasich has taken to urging …", "Clinton erred in saying …": a cue in an
 * infinitive or a gerund after another verb shares that verb's subject.
 */
export function chainedCue(toks: Token[], i: number, lemma: string): boolean {
  const form = toks[i]?.lower ?? '';
  const prev = toks[i - 1]?.lower ?? '';
  const verbBefore = toks[i - 2] && !toks[i - 2]?.punct && !toks[i - 2]?.cap;
  // "issued a statement saying …", "unleashed tweets early Friday saying …": the participle of their author.
  if (form.endsWith('ing')) {
    let k = i - 1;
    while (k > 0 && i - k <= 3 && (TIME_WORDS.test(toks[k]?.lower ?? '') || ['early', 'late'].includes(toks[k]?.lower ?? ''))) k--;
    if (SPEECH_VEHICLES.has(toks[k]?.lower ?? '')) return true;
    // "Obama spent Thursday discussing …", "Sanders spent much of his campaign railing against …".
    for (let j = i - 1; j >= 0 && i - j <= 6; j--) {
      const w = toks[j] as Token;
      if (w.punct || w.quoted) break;
      if (['spent', 'spends', 'spend', 'spending'].includes(w.lower)) return true;
    }
  }
  // ("a majority to confirm justices", "to respond in kind", "to deny him a path": acts, not words.)
  if (prev === 'to') return form === lemma && !!verbBefore && !CHAIN_ACTS.has(lemma);
  return ['in', 'on'].includes(prev) && form.endsWith('ing') && !!verbBefore;
}

/**
 * The reporting words of the cue at i as written: the verb ("said", "rejected"), with its particle when it
 * follows at once ("called for", "pointed out"), or "put it".
 */
export function cueSpan(toks: Token[], i: number): Span {
  const t = toks[i] as Token;
  if ((t.lower === 'put' || t.lower === 'puts') && toks[i + 1]?.lower === 'it') return [t.start, (toks[i + 1] as Token).end];
  const particle = particleAt(toks, i, CUE_FORMS.get(t.lower) ?? '');
  return particle === i + 1 ? [t.start, (toks[particle] as Token).end] : tokenSpan(t);
}

/**
 * "called it a common ailment", "called the charges fabricated", "calling him a liar": a verb of naming
 * with an object and what it is called. A pronoun object must be followed by the name given, not by a
 * particle ("called him back", "called them to the stage"); a name by "a"/"an" and the name given.
 */
export function namesSomething(toks: Token[], i: number): boolean {
  const object = toks[i + 1];
  const then = toks[i + 2];
  if (!object || !then || then.punct || then.quoted) return false;
  // ("calls her mother every Sunday": "her" is as often a possessive, so it needs the article of a name given.)
  if (object.lower === 'her') return ['a', 'an'].includes(then.lower);
  if (['it', 'him', 'them', 'himself', 'herself', 'themselves'].includes(object.lower)) {
    return !NOT_A_NAME_GIVEN.has(then.lower) && !WEEKDAYS.test(then.lower);
  }
  // "called Trump a liar", "has called climate change a hoax": a name or a short noun phrase, then the
  // article of the name given to it (not "called the police a second time").
  let k = i + 1;
  while (
    k < toks.length &&
    k <= i + 4 &&
    !(toks[k] as Token).punct &&
    !(toks[k] as Token).quoted &&
    !['a', 'an'].includes((toks[k] as Token).lower) &&
    !CUE_FORMS.has((toks[k] as Token).lower) &&
    !NOT_A_NAME_GIVEN.has((toks[k] as Token).lower)
  )
    k++;
  return (
    k > i + 1 &&
    ['a', 'an'].includes(toks[k]?.lower ?? '') &&
    ![
      'second',
      'third',
      'few',
      'lot',
      'number',
      'day',
      'week',
      'year',
      'time',
      'bit',
      'couple',
      'meeting',
      'press',
      'news',
      'vote',
      'halt',
      'truce',
      'strike',
    ].includes(toks[k + 1]?.lower ?? '')
  );
}
