// Token helpers for noun phrases around a name: appositions, dashes, brackets, descriptions, objects.

import type { Subject } from './context.js';
import { APPOSITION_MARKS, AUXILIARIES, CUE_FORMS, GENERIC_SUBJECTS, NOT_NAMES, OBJECT_DETERMINERS, QUOTE_MARKS } from './lexicon.js';
import type { QuoteSpan, Token } from './tokens.js';

export function findComma(toks: Token[], from: number, maxLen: number): number {
  for (let k = from; k < toks.length && k - from < maxLen; k++) {
    const t = toks[k] as Token;
    if (t.text === ',') return k;
    if (t.punct && t.text !== '-' && t.text !== '’' && t.text !== "'") return -1;
  }
  return -1;
}

/** A dash between words: "—", "–", or a hyphen standing apart ("Trump - who …", "Kall -- co-editor …"). */
export function isDash(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!t) return false;
  if (t.text === '—' || t.text === '–' || t.text === '―') return true;
  if (t.text !== '-') return false;
  const prev = toks[k - 1];
  const next = toks[k + 1];
  const spacedBefore = !prev || prev.end < t.start || (prev.text === '-' && prev.end === t.start);
  const spacedAfter = !next || next.start > t.end || (next.text === '-' && next.start === t.end);
  return spacedBefore && spacedAfter;
}

/** The first token of the dash that opens the aside closed by the dash at k; -1 when a sentence mark comes first. */
export function openingDash(toks: Token[], k: number): number {
  let j = k;
  while (j > 0 && isDash(toks, j - 1) && toks[j - 1]?.end === toks[j]?.start) j--;
  for (let m = j - 1; m >= 0 && j - m <= 60; m--) {
    const t = toks[m] as Token;
    if (isDash(toks, m)) {
      while (m > 0 && isDash(toks, m - 1) && toks[m - 1]?.end === t.start) m--;
      return m;
    }
    if (!t.quoted && ['.', ';', '!', '?', ':'].includes(t.text)) return -1;
  }
  return -1;
}

/** The nearest comma or dash before `from`, skipping bracketed asides; -1 when a sentence mark comes first. */
export function findCommaBack(toks: Token[], from: number, maxLen: number): number {
  for (let k = from; k >= 0 && from - k < maxLen; k--) {
    const t = toks[k] as Token;
    if (APPOSITION_MARKS.has(t.text)) return k;
    if (t.text === ')') {
      const before = skipBracketsBack(toks, k);
      if (before === k) return -1;
      k = before + 1;
      continue;
    }
    if (t.punct && !['-', '’', "'", '(', '&', '/', '$', '%'].includes(t.text)) return -1;
  }
  return -1;
}

/** "Rep. Jim Jordan (R-Ohio)", "Murphy (a Connecticut Democrat so boyish he …)": from a closing bracket at k, the token before its opening one (an aside of up to 24 words). */
export function skipBracketsBack(toks: Token[], k: number): number {
  if (toks[k]?.text !== ')') return k;
  for (let j = k - 1; j >= 0 && k - j < 25; j--) if (toks[j]?.text === '(') return j - 1;
  return k;
}

/** "R-Fla.", "D-N.Y.": a US party-and-state tag after a lawmaker's name, never a speaker. */
export function isPartyTag(toks: Token[], subject: Subject): boolean {
  return subject.to - subject.from === 1 && /^[RDI]-[\p{Lu}]/u.test(toks[subject.from]?.text ?? '');
}

export function stripArticle(phrase: Token[]): Token[] {
  return ['a', 'an', 'the'].includes(phrase[0]?.lower ?? '') ? phrase.slice(1) : phrase;
}

export function joinTokens(text: string, phrase: Token[]): string {
  if (phrase.length === 0) return '';
  return text.slice((phrase[0] as Token).start, (phrase[phrase.length - 1] as Token).end);
}

/** “But why?” reporter Jane Roe asked: one to three lower-case description words between a quote's comma or mark and the name. */
export function onlyDescriptorBetween(toks: Token[], q: QuoteSpan, subjectStart: number): boolean {
  const between = toks.filter((t, k) => t.start >= q.end && k < subjectStart);
  if (between.length === 0 || between.length > 3) return false;
  return between.every(
    (t) => !t.punct && !t.cap && !t.quoted && !CUE_FORMS.has(t.lower) && !AUXILIARIES.has(t.lower) && !NOT_NAMES.has(t.lower) && !GENERIC_SUBJECTS.has(t.lower),
  );
}

/**
 * “…,” Gallup’s Jeffrey M. Jones wrote; “…,” the Post's senior politics editor Steven Ginsberg said: an owner
 * (an outlet or employer, possessive) and at most a few lower-case descriptors between a quote and the name.
 */
export function onlyOwnerBetween(toks: Token[], q: QuoteSpan, subjectStart: number): boolean {
  const between = toks.filter((t, k) => t.start >= q.end && k < subjectStart);
  // (The owner may open the subject's own phrase: "the Post's senior politics editor Steven Ginsberg".)
  if (between.length === 1 && between[0]?.lower === 'the' && toks[subjectStart]?.possessive) return true;
  let owner = between.length - 1;
  while (owner >= 0 && !(between[owner]?.possessive && between[owner]?.cap)) owner--;
  if (owner < 0 || between.length > 7) return false;
  const ok = (t: Token) => !t.punct && !t.quoted && !CUE_FORMS.has(t.lower) && !AUXILIARIES.has(t.lower) && !NOT_NAMES.has(t.lower);
  const lead = between.slice(0, owner);
  return (
    between.every((t, k) => ok(t) || (k === 0 && t.lower === 'the')) &&
    lead.every((t, k) => t.cap || (k === 0 && t.lower === 'the')) &&
    between.slice(owner + 1).every((t) => !t.cap && !GENERIC_SUBJECTS.has(t.lower))
  );
}

/** "told his radio audience, “…”": after a determiner, a lowercase word goes on the noun phrase when another follows before a comma, colon or "that". */
export function nounPhraseGoesOn(toks: Token[], k: number): boolean {
  // ("reassuring his counterpart Vladimir Putin that …": a name after the noun is still the object.)
  for (let j = k; j < toks.length && (j < k + 2 || (j < k + 4 && toks[j - 1]?.cap)); j++) {
    const t = toks[j] as Token;
    if (t.lower === 'that') return j > k; // "assured his hometown residents that …"
    if (t.quoted || OBJECT_DETERMINERS.has(t.lower) || CUE_FORMS.has(t.lower)) return false;
    if (t.text === ',' && /^\d+$/.test(toks[j - 1]?.text ?? '') && /^\d{3}$/.test(toks[j + 1]?.text ?? '')) return true;
    if (t.text === ',' || t.text === ':') return true;
    if (t.punct) return false;
  }
  return false;
}

/** "asserted that, abortion aside, Planned Parenthood did …": the content starts after a short aside in commas. */
export function afterAside(toks: Token[], c: number): number {
  if (toks[c]?.text !== ',') return c;
  const close = toks.findIndex((t, k) => k > c && k <= c + 8 && t.text === ',');
  return close > 0 && toks.slice(c + 1, close).every((t) => !t.quoted && !t.punct) && toks[close + 1] ? close + 1 : c;
}

const CONTENT_SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there']);

/** "told reporters", "told the BBC", "urged Ukraine's allies": the person told is not the content. */
export function skipObject(toks: Token[], c: number): number {
  let k = c;
  const limit = c + 7;
  let determined = false;
  while (k < toks.length && k < limit) {
    const t = toks[k] as Token;
    // "his 20,000 Twitter followers": the comma of a number.
    if (t.text === ',' && /^\d+$/.test(toks[k - 1]?.text ?? '') && /^\d{3}$/.test(toks[k + 1]?.text ?? '')) {
      k += 2;
      continue;
    }
    // "tells MSNBC’s “Morning Joe” on Friday that …": the name of a show after its owner is part of the object.
    if ((t.quoted || QUOTE_MARKS.has(t.text)) && toks[k - 1]?.possessive) {
      while (k < toks.length && ((toks[k] as Token).quoted || QUOTE_MARKS.has((toks[k] as Token).text))) k++;
      continue;
    }
    if (t.punct || t.quoted || t.lower === 'that' || t.lower === 'to') break;
    // "told AP he was working …": a subject pronoun opens the content, after a name as after "reporters".
    if (k > c && CONTENT_SUBJECT_PRONOUNS.has(t.lower)) break;
    if (CUE_FORMS.has(t.lower) && !t.cap) break; // ("told The Huffington Post": a name, not the verb "post")
    const determiner = OBJECT_DETERMINERS.has(t.lower) || t.possessive;
    // "told POLITICO the union will …": after a name, a determiner opens the content.
    if (determiner && !t.possessive && !t.cap && k > c && toks[k - 1]?.cap && !determined) break;
    if (determiner && determined && !t.possessive) break; // "told the committee the plan was dead": a second noun phrase is the content
    determined ||= determiner;
    k++;
    if (!t.cap && !determiner && !(determined && nounPhraseGoesOn(toks, k))) break;
  }
  return k;
}
