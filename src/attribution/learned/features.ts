// Features of one cue site — a cue word, its speaker and the content it introduces — for the learned
// attribution layer. Plain strings, so the model file is readable and a new feature is one line.
// Only the site's own sentence is looked at: a feature that needs the whole article would not generalise.

import type { Span } from '../../types.js';
import { AUXILIARIES, CUE_FORMS, SPEECH_NOUNS } from '../lexicon.js';
import type { Token, Unit } from '../tokens.js';

export interface CueSite {
  /** The paragraph's text and number. */
  text: string;
  paragraph: number;
  unit: Unit;
  /** Token index of the cue in `unit.tokens`, or -1 when no cue word could be placed (a colon label, a continuation). */
  cue: number;
  content: Span;
  /** How the speaker stands in the sentence: named before/after the cue, a pronoun, a description, or not in it. */
  subject: 'name' | 'pronoun' | 'description' | 'inverted' | 'none';
  speakerKind: 'person' | 'organisation';
  /** Quotation marks inside the content: none, some (mixed) or all (direct). */
  quoted: 'none' | 'some' | 'all';
}

export const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'didn’t', "didn't", 'wouldn’t', "wouldn't", 'declined', 'refused']);

export function lengthBucket(n: number): string {
  return n <= 3 ? '≤3' : n <= 6 ? '≤6' : n <= 12 ? '≤12' : n <= 25 ? '≤25' : '>25';
}

/**
 * A word as a feature: lower-case words as themselves, names as their shape. A name is one article's
 * business; learning "after Carson it is speech" would fit the training articles and nothing else.
 */
export function word(t: Token | undefined): string {
  if (!t) return '∅';
  if (t.punct) return t.text;
  if (t.quoted) return 'Q';
  return t.cap ? 'Cap' : t.lower;
}

export function wordShape(t: Token | undefined): string {
  if (!t) return '∅';
  if (t.punct) return t.text;
  if (t.quoted) return 'Q';
  return t.cap ? 'Cap' : 'low';
}

/** The lemma of a cue word: the lexicon's for verbs of saying, the word itself for speech nouns, else its form. */
export function cueLemma(t: Token | undefined): string {
  if (!t) return 'none';
  return CUE_FORMS.get(t.lower) ?? (SPEECH_NOUNS.has(t.lower) ? `n:${t.lower.replace(/s$/, '')}` : t.lower);
}

export function siteFeatures(site: CueSite): string[] {
  const toks = site.unit.tokens;
  const cue = toks[site.cue];
  const lemma = cueLemma(cue);
  const [cs, ce] = site.content;
  const contentToks = toks.filter((t) => !t.punct && t.start >= cs && t.end <= ce);
  const cueBefore = cue ? cue.end <= cs : false;
  const prev = cue ? toks[site.cue - 1] : undefined;
  const prev2 = cue ? toks[site.cue - 2] : undefined;
  const next = cue ? toks[site.cue + 1] : undefined;
  const next2 = cue ? toks[site.cue + 2] : undefined;
  const first = contentToks[0];
  const last = contentToks[contentToks.length - 1];
  const words = toks.filter((t) => !t.punct).length;
  const unitIndex = site.unit.start === 0 ? 'first' : 'later';
  const features = [
    `lem=${lemma}`,
    `form=${cue?.lower ?? 'none'}`,
    `dir=${cue ? (cueBefore ? 'before' : 'after') : 'none'}`,
    `lem=${lemma}&dir=${cueBefore ? 'before' : 'after'}`,
    `next=${word(next)}`,
    `lem=${lemma}&next=${word(next)}`,
    `next2=${word(next2)}`,
    `nextShape=${wordShape(next)}`,
    `prev=${word(prev)}`,
    `prevShape=${wordShape(prev)}`,
    `prev2=${word(prev2)}`,
    `subj=${site.subject}`,
    `lem=${lemma}&subj=${site.subject}`,
    `speaker=${site.speakerKind}`,
    `quoted=${site.quoted}`,
    `lem=${lemma}&quoted=${site.quoted}`,
    `len=${lengthBucket(contentToks.length)}`,
    `lem=${lemma}&len=${lengthBucket(contentToks.length)}`,
    `sent=${lengthBucket(words)}`,
    `c0=${word(first)}`,
    `cLast=${word(last)}`,
    `unit=${unitIndex}`,
    `para=${site.paragraph === 1 ? 'first' : site.paragraph <= 3 ? 'early' : 'later'}`,
    `ends=${/\?\s*["”']*\s*$/.test(site.text.slice(site.unit.start, site.unit.end)) ? 'question' : 'other'}`,
    `contentStartsUnit=${cs <= site.unit.start + 1}`,
  ];
  if (cue) {
    if (cue.cap) features.push('cueCap');
    if (cue.lower.endsWith('ing')) features.push('cueIng');
    // "did not say", "declined to say", "has said", "will say": tense and polarity change what was said.
    for (let k = site.cue - 1; k >= Math.max(0, site.cue - 3); k--) {
      const t = toks[k] as Token;
      if (NEGATIONS.has(t.lower)) features.push(`neg&lem=${lemma}`, 'neg');
      if (AUXILIARIES.has(t.lower)) features.push(`aux=${t.lower}`);
      if (t.lower === 'to') features.push(`to&lem=${lemma}`);
    }
    const inQuote = site.unit.quotes.length > 0;
    features.push(`quotesInUnit=${inQuote}`);
  }
  // Another verb of saying inside the content: the content may be someone else's speech, or run on too far.
  if (contentToks.some((t, i) => i > 0 && CUE_FORMS.has(t.lower))) features.push('innerCue');
  return features;
}
