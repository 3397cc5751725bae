// The gold of an annotated corpus in the attribution-dev format, and how its text is cut into words:
// word tokens by position, where cleaned paragraphs sit in the raw file, a gold source's surname, the
// kind of gold content.

import { fold } from '../text/normalize.js';
import type { StatementKind } from '../types.js';

export type SourceKind = 'name' | 'pronoun' | 'description' | 'group' | 'null';

export interface GoldAttribution {
  file: string;
  split: string;
  source: string | null;
  source_span: [number, number][] | null;
  cue: string | null;
  content: string;
  content_span: [number, number][];
  speech: boolean;
  source_kind: SourceKind;
}

export const WORD = /[\p{L}\p{N}]+/gu;

export interface ArticleTokens {
  starts: number[];
  ends: number[];
}

export function wordTokens(text: string): ArticleTokens {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends };
}

/** Token indexes whose start lies in one of the spans. */
export function tokensIn(tokens: ArticleTokens, spans: [number, number][]): number[] {
  const out: number[] = [];
  for (const [s, e] of spans) {
    let lo = lowerBound(tokens.starts, s);
    for (; lo < tokens.starts.length && (tokens.starts[lo] as number) < e; lo++) out.push(lo);
  }
  return out;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each cleaned paragraph starts in the raw file. The cleaner collapses white space and joins
 * hard-wrapped lines, so the search runs on a white-space-collapsed copy of the raw text that keeps
 * a map back to raw offsets.
 */
export function placeParagraphs(raw: string, paragraphs: { n: number; text: string }[]): Map<number, (offset: number) => number> {
  let collapsed = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      collapsed += ' ';
    } else {
      inSpace = false;
      collapsed += ch;
    }
    map.push(i);
  }
  map.push(raw.length);
  const placed = new Map<number, (offset: number) => number>();
  let cursor = 0;
  for (const p of paragraphs) {
    const at = collapsed.indexOf(p.text, cursor);
    if (at < 0) continue;
    cursor = at + p.text.length;
    // A paragraph offset → raw offset; the paragraph text has single spaces, as the collapsed copy does.
    placed.set(p.n, (offset: number) => map[at + offset] ?? raw.length);
  }
  return placed;
}

export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * The surname in a gold source: the last capitalised word of its name, read from the first comma or
 * bracket piece that holds a capitalised word other than a determiner, without a trailing "of New
 * York", "himself" or "Jr.": "Democratic nominee Hillary Clinton" → "clinton", "Rep. Jim Clyburn
 * (D-S.C.), the assistant leader …" → "clyburn", "Representative Charles B. Rangel of New York" → "rangel".
 */
export function goldSurname(source: string): string | null {
  const pieces = source.split(/[,([]/).map((piece) => {
    // "… of New York", "… of the Virgin Islands" is a place; "Secretary of State John F. Kerry" is a title.
    const head = piece.replace(/\s+(?:of|from|in|at|with|who|for)\s(?:the\s.*|\S+(?:\s\S+)?)$/u, '').replace(/\s+who\s.*$/u, '');
    return (head.replace(/['’]s\b/g, '').match(/[\p{L}\p{M}][\p{L}\p{M}\-'’.]*/gu) ?? [])
      .map((w) => w.replace(/[.'’]+$/, ''))
      .filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()));
  });
  // A name ends its noun phrase: in "Her campaign manager, Robby Mook," or "Florida’s Republican attorney general,
  // Pam Bondi," the first piece is a description and the name is the piece that ends in a capital.
  for (const words of pieces) {
    const last = words[words.length - 1];
    if (last && /^\p{Lu}/u.test(last) && !(words.length === 1 && /^(the|a|an|her|his|their|its)$/i.test(last))) return fold(last);
  }
  for (const words of pieces) {
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i] as string;
      if (!/^\p{Lu}/u.test(w)) continue;
      if (i === 0 && /^(the|a|an|her|his|their|its)$/i.test(w)) break;
      return fold(w);
    }
  }
  return null;
}

/** Direct when the content is all quotation, mixed when it holds some, indirect when none. */
export function goldKind(quoted: string): StatementKind {
  // Two apostrophes ('') are a double quote mark in some archives.
  const content = quoted.replace(/''|’’/g, '"');
  const marks = [...content.matchAll(/["“”]/g)].map((m) => m.index);
  if (marks.length === 0) return 'indirect';
  let outside = '';
  let open = false;
  let last = 0;
  for (const at of marks) {
    if (!open) outside += content.slice(last, at);
    open = !open;
    last = at + 1;
  }
  if (!open) outside += content.slice(last);
  const outsideWords = outside.match(WORD)?.length ?? 0;
  return outsideWords <= 1 ? 'direct' : 'mixed';
}

export function parseGold(jsonl: string): GoldAttribution[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldAttribution);
}
