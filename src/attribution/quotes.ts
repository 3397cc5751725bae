// Token helpers about quotation marks: what stands between a quote and its cue, titles and partial quotes.

import { CUE_FORMS, WORK_NOUNS } from './lexicon.js';
import { isRoleWord } from './mentions.js';
import { findComma } from './phrases.js';
import type { QuoteSpan, Token } from './tokens.js';

/**
 * A quotation that follows a word of its own sentence (not a sentence start, colon, comma or dash): a title
 * when its words are capitalised (“Sunday Morning Futures”), else a partial quote inside reported speech.
 */
export function embeddedAfterWord(text: string, unitStart: number, q: QuoteSpan): 'title' | 'partial' | null {
  let k = q.start - 1;
  while (k >= unitStart && text[k] === ' ') k--;
  if (k < unitStart || !/[\p{L}\p{N}]/u.test(text[k] as string)) return null;
  const words = text.slice(q.innerStart, q.innerEnd).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w)) ? 'title' : 'partial';
}

/** A quotation that is the title of a work named just before it: "his book, ''Make Your Kid a Millionaire''". */
export function namedWork(text: string, unitStart: number, q: QuoteSpan): boolean {
  const before =
    text
      .slice(unitStart, q.start)
      .match(/(\p{L}+)\W*$/u)?.[1]
      ?.toLowerCase() ?? '';
  if (!WORK_NOUNS.has(before)) return false;
  const words = text.slice(q.innerStart, q.innerEnd).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w));
}

export function onlyPunctuationBetween(text: string, from: number, to: number): boolean {
  if (to < from) return false;
  return !/[\p{L}\p{N}]/u.test(text.slice(from, to));
}

/**
 * How many pieces `text.slice(from, to).split(/\s+/)` has (a quote's words, as the quote sieves count
 * them), counted without cutting the slice or its words.
 */
export function spacedPieces(text: string, from: number, to: number): number {
  let pieces = 1;
  let inSpace = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITE_SPACE.test(text[i] as string);
    if (space && !inSpace) pieces++;
    inSpace = space;
  }
  return pieces;
}

const WHITE_SPACE = /\s/;

/**
 * “…,” Trump said last month on Twitter, “…”: the quote after the cue resumes the same statement when only
 * punctuation, or a short adverbial with no verb of saying that ends in a comma, stands between them.
 */
export function resumesAfterCue(text: string, toks: Token[], last: number, q: QuoteSpan): boolean {
  const from = toks[last]?.end ?? 0;
  if (onlyPunctuationBetween(text, from, q.start)) return true;
  if (!/,\s*$/.test(text.slice(from, q.start))) return false;
  const between = toks.filter((t) => t.start >= from && t.end <= q.start);
  // A participle of the same speaker (", referring to the 1 percent excuse,") does not change who speaks.
  return (
    between.length <= 12 &&
    between.every((t) => !t.quoted && (!CUE_FORMS.has(t.lower) || t.lower.endsWith('ing')) && !['.', ';', '!', '?', ':'].includes(t.text))
  );
}

/**
 * "…, explained Rosenberg, “with this thing …”" and "The paradox, says Carl Anthony, historian at the library, is
 * that …": after an inverted cue the sentence resumes — at a quotation, or past the speaker's description.
 */
export function resumeAfterInvertedCue(toks: Token[], nameEnd: number): Token | null {
  if (toks[nameEnd]?.text !== ',') return null;
  const first = toks[nameEnd + 1];
  if (!first) return null;
  if (first.quoted || toks[nameEnd + 2]?.quoted) return first;
  const close = findComma(toks, nameEnd + 1, 14);
  if (close < 0) return null;
  const description = toks.slice(nameEnd + 1, close);
  const resumed = toks[close + 1];
  const opener = description[0];
  const described =
    description.some(isRoleWord) ||
    (opener !== undefined &&
      !opener.cap &&
      !opener.punct &&
      !CUE_FORMS.has(opener.lower) &&
      !opener.lower.endsWith('ing') &&
      !['who', 'which', 'and', 'but'].includes(opener.lower));
  if (!resumed || resumed.cap || resumed.punct || CUE_FORMS.has(resumed.lower) || !described) return null;
  return resumed;
}

/** "called Trump a “pathological liar”": a quotation opens within a few words, in the same clause. */
export function quoteSoonAfter(toks: Token[], i: number): boolean {
  for (let k = i + 1; k < toks.length && k <= i + 8; k++) {
    const t = toks[k] as Token;
    if (t.quoted) return k > i + 1;
    if (t.punct && t.text !== '’' && t.text !== "'" && t.text !== '"' && t.text !== '“' && t.text !== '-') return false;
  }
  return false;
}

/** "criticised the so-called “green levy”": the quotation names a thing, it does not report words. */
export function namesAQuote(toks: Token[], i: number): boolean {
  let k = i + 1;
  while (k < toks.length && !(toks[k] as Token).quoted) k++;
  const before = toks[k - 1]?.punct ? toks[k - 2] : toks[k - 1];
  return ['the', 'so-called', 'dubbed', 'its', 'their', 'his', 'her'].includes(before?.lower ?? '');
}
