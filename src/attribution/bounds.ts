// Token helpers for where a statement's content ends: the sentence, the clause, an object phrase.

import type { Span } from '../types.js';
import {
  CIRCUMSTANCE_OPENERS,
  CUE_FORMS,
  DASH_COMMENT,
  NEW_VERB_AFTER_AND,
  PREPOSITIONAL_START,
  SETTING_NOUNS,
  SETTING_PREPOSITIONS,
  TIME_WORDS,
  WEEKDAYS,
} from './lexicon.js';
import { afterAside, isDash } from './phrases.js';
import type { Token, Unit } from './tokens.js';

/** End of the unit's content, without the final period. */
export function contentEnd(text: string, unit: Unit): number {
  let end = unit.end;
  while (end > unit.start && /[\s.]/.test(text[end - 1] as string)) end--;
  return end;
}

/**
 * The end of reported content after its cue: the sentence's end, or where the speaker's next act of
 * saying starts ("said A and added B", "said A, saying B"), which is a statement of its own.
 */
export function clauseContentEnd(text: string, unit: Unit, toks: Token[], from: number): number {
  for (let k = from + 1; k < toks.length - 1; k++) {
    const t = toks[k] as Token;
    const next = toks[k + 1] as Token;
    if (t.quoted || next.quoted) continue;
    if ((t.lower === 'and' || t.lower === 'but') && cueAfterLink(toks, k + 1)) return t.start;
    // "…, while Democrats …": a contrast the writer draws; "…, according to aides": where the report comes from.
    if (t.text === ',' && (next.lower === 'while' || (next.lower === 'according' && toks[k + 2]?.lower === 'to'))) return t.start;
    // "…, but he said Trump could …", "and Clinton added …": another act of saying with a subject of its own.
    if ((t.lower === 'and' || t.lower === 'but') && toks[k - 1]?.text === ',' && subjectThenCue(toks, k + 1)) return (toks[k - 1] as Token).start;
    // "said Trump’s visit to Des Moines — Iowa’s biggest market — would earn …": a dashed aside inside the
    // content; "… - which was exactly her goal": a dash before the writer's own comment.
    if (isDash(toks, k)) {
      const close = toks.findIndex((_, j) => j > k && isDash(toks, j));
      if (close > 0) {
        k = close;
        continue;
      }
      if (DASH_COMMENT.has(next.lower)) return t.start;
    }
  }
  return contentEnd(text, unit);
}

/** From j: a cue verb (not a participle), maybe after "on Monday", "later" or "has since". */
function cueAfterLink(toks: Token[], j: number): boolean {
  while (
    toks[j] &&
    (toks[j]?.lower === 'since' || TIME_WORDS.test(toks[j]?.lower ?? '') || (toks[j]?.lower === 'on' && TIME_WORDS.test(toks[j + 1]?.lower ?? '')))
  )
    j++;
  return finiteCue(toks[j]);
}

/** A verb of saying that is not a participle: "said", "added", not "saying". */
function finiteCue(verb: Token | undefined): boolean {
  return !!verb && !verb.quoted && CUE_FORMS.has(verb.lower) && !verb.lower.endsWith('ing');
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** From k: a pronoun or a name of at most three words, then a cue verb (not a participle). */
function subjectThenCue(toks: Token[], k: number): boolean {
  let j = k;
  if (SUBJECT_PRONOUNS.has(toks[j]?.lower ?? '')) j++;
  else while (j < k + 3 && toks[j]?.cap && !toks[j]?.quoted) j++;
  if (j === k) return false;
  while (['also', 'later', 'has', 'had', 'then'].includes(toks[j]?.lower ?? '')) j++;
  return finiteCue(toks[j]);
}

/**
 * The end of an object cue's content: "criticized Bush, shows how …", "denounced her record and said …".
 * The object and its complements rarely hold a comma; a comma, dash or bracket, or "and"/"but" before a
 * new verb, starts the next part of the sentence.
 */
export function objectPhraseEnd(text: string, unit: Unit, toks: Token[], from: number): number {
  for (let k = from + 1; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.quoted) continue;
    const next = toks[k + 1];
    // "criticized Tulsa, Okla., police officer Betty Shelby for …", "blamed several factors, including …": not the end.
    if (t.text === ',' && next && ((next.cap && toks[k + 2]?.text === ',') || ['including', 'notably', 'especially'].includes(next.lower))) {
      if (next.cap) k += 2;
      continue;
    }
    // "cited problems in the Middle East, China and elsewhere": a comma inside a list of objects.
    if (t.text === ',' && listGoesOn(toks, k + 1)) continue;
    // "called on Gov. Rick Snyder (R) to resign", "criticized the Republican National Committee (RNC) for …":
    // a short bracket of a tag or an acronym inside the object.
    if (t.text === '(') {
      const close = toks.findIndex((w, j) => j > k && j <= k + 4 && w.text === ')');
      if (close > 0 && toks.slice(k + 1, close).every((w) => !w.quoted && (w.cap || w.punct || /^[\p{Lu}\d-]/u.test(w.text)))) {
        k = close;
        continue;
      }
    }
    if ([',', ';', '—', '–', '(', ':'].includes(t.text) || (t.text === '-' && next?.text === '-')) return t.start;
    if ((t.lower === 'and' || t.lower === 'but') && next && (CUE_FORMS.has(next.lower) || NEW_VERB_AFTER_AND.has(next.lower) || /^\p{Ll}+ed$/u.test(next.text)))
      return t.start;
    // "attacked Machado in early-morning tweets", "defended his father Tuesday on Facebook": where and
    // when it was said is not what was said.
    if (CIRCUMSTANCE_OPENERS.has(t.lower)) return t.start;
    // ("blasted Trump on Monday over his stance": what follows the day still says what.)
    if (WEEKDAYS.test(t.lower) && !['over', 'for', 'as', 'about'].includes(next?.lower ?? ''))
      return (['on', 'last', 'this'].includes(toks[k - 1]?.lower ?? '') ? (toks[k - 1] as Token) : t).start;
    if (SETTING_PREPOSITIONS.has(t.lower) && settingFollows(toks, k + 1)) return t.start;
  }
  return contentEnd(text, unit);
}

/** Trims white space and stray punctuation from a span's ends, keeping closing quote marks balanced. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s,;:—–-]/.test(text[e - 1] as string)) e--;
  // "… the timing was unrelated.)": a bracket closed outside the span.
  if (text[e - 1] === ')' && !text.slice(s, e).includes('(')) {
    e--;
    while (e > s && /[\s.,;:]/.test(text[e - 1] as string)) e--;
  }
  return [s, e];
}

/** Skips "in a statement", "on Saturday", "in a post on X" up to a following "that", if one comes soon. */
export function skipToThat(toks: Token[], c: number): number {
  // "said — on Twitter, as it happens — that Trump raised …": a dashed aside before the content.
  if (['—', '–', '―', '-'].includes(toks[c]?.text ?? '')) {
    const close = toks.findIndex((t, k) => k > c && k < c + 12 && ['—', '–', '―', '-'].includes(t.text));
    if (close > 0 && toks[close + 1] && !toks[close + 1]?.punct) c = toks[close + 1]?.text === '-' ? close + 2 : close + 1;
  }
  if (toks[c]?.lower === 'that') return demonstrativeThat(toks, c) ? c : afterAside(toks, c + 1);
  if (!PREPOSITIONAL_START.has(toks[c]?.lower ?? '')) return c;
  for (let k = c; k < toks.length && k < c + 12; k++) {
    const t = toks[k] as Token;
    if (t.quoted) break;
    if (t.lower === 'that') return demonstrativeThat(toks, k) ? k : afterAside(toks, k + 1);
    if (t.punct && t.text !== ',' && t.text !== '-') break;
    if (CUE_FORMS.has(t.lower) && k > c) break;
  }
  return c;
}

/** Verbs that make a "that" right after the cue the content's subject ("said that was a mistake"), not its conjunction. */
const VERB_AFTER_DEMONSTRATIVE = new Set([
  'is',
  'was',
  'were',
  'are',
  'would',
  'will',
  'could',
  'should',
  'might',
  'may',
  'must',
  'can',
  'has',
  'had',
  'does',
  'did',
  'means',
  'meant',
  'seems',
  'seemed',
  'isn’t',
  "isn't",
  'wasn’t',
  "wasn't",
  'won’t',
  "won't",
  'wouldn’t',
  "wouldn't",
]);

/** "said that was in part because …": "that" is a pronoun when a verb follows it at once. */
export function demonstrativeThat(toks: Token[], k: number): boolean {
  return toks[k]?.lower === 'that' && VERB_AFTER_DEMONSTRATIVE.has(toks[k + 1]?.lower ?? '');
}

const TIME_COUNTS = new Set(['ago', 'two', 'three', 'several', 'few', 'days', 'weeks', 'months', 'years', 'a']);

/** "two months ago", "last week": words that say when and nothing else. */
export function onlyATime(text: string): boolean {
  // Word by word, stopping at the first that is no time word: the content after a cue is mostly a clause.
  const words = /[\p{L}\p{N}]+/gu;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const w = m[0].toLowerCase();
    if (!TIME_WORDS.test(w) && !TIME_COUNTS.has(w)) return false;
  }
  return true;
}

/** At most four words and no quotation or "that" from c to the sentence's end: no content of its own. */
export function shortTail(toks: Token[], c: number): boolean {
  const rest = toks.slice(c);
  return rest.every((t) => !t.quoted && t.lower !== 'that') && rest.filter((t) => !t.punct).length <= 4;
}

/** From k, a few words without a verb and then "and"/"or" and no verb: the next item of a list. */
export function listGoesOn(toks: Token[], k: number): boolean {
  // ("his parents, his siblings, his wife and his children": more items, each short, may come first.)
  let itemStart = k;
  for (let j = k; j < toks.length && j < itemStart + 5 && j < k + 16; j++) {
    const t = toks[j] as Token;
    if (t.text === ',' && j > itemStart) {
      itemStart = j + 1;
      continue;
    }
    if (t.punct || t.quoted || CUE_FORMS.has(t.lower) || NEW_VERB_AFTER_AND.has(t.lower) || /^\p{Ll}{3,}ed$/u.test(t.text)) return false;
    if ((t.lower === 'and' || t.lower === 'or') && j > itemStart) {
      const after = toks[j + 1];
      return !!after && !after.punct && !CUE_FORMS.has(after.lower) && !NEW_VERB_AFTER_AND.has(after.lower) && !/^\p{Ll}{3,}ed$/u.test(after.text);
    }
  }
  return false;
}

/** A prepositional phrase of at most six words from k that names a medium or occasion ("in a Tuesday interview"). */
export function settingFollows(toks: Token[], k: number): boolean {
  for (let j = k; j < toks.length && j < k + 6; j++) {
    const t = toks[j] as Token;
    if (t.punct || t.quoted) return false;
    if (SETTING_NOUNS.has(t.lower)) return true;
  }
  return false;
}
