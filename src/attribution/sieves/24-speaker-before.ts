// Sieve (speaker): the speaker phrase before the cue — a name, he/she, a description ("the chancellor") —
// across auxiliaries, short adverbials, brackets, dashed asides, appositions and relative clauses
// ("Witkoff, Trump's envoy, said"; "A lawyer for the outlets, David Schulz, said"). Decides the speaker only;
// never a name after a preposition or a passive's subject.

import { describedBefore, describedLead, isAfterPreposition, opensClause } from '../clauses.js';
import type { ArticleContext, Para, Sieve, Subject } from '../context.js';
import { keyForRun } from '../entities.js';
import { APPOSITION_MARKS, AUXILIARIES, BE_FORMS, CLAUSE_SUBORDINATORS, CLOSING_QUOTE_MARKS, CUE_FORMS } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import { findCommaBack, isDash, isPartyTag, openingDash, skipBracketsBack } from '../phrases.js';
import { subjectEndingAt } from '../subjects.js';
import type { Token, Unit } from '../tokens.js';

const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'its', 'his', 'her', 'their']);
const EMPHATIC_DO = new Set(['did', 'does', 'do']);
const SKIPPED_WORDS = new Set(['time', 'himself', 'herself', 'itself', 'themselves', 'since', 'however', 'too', 'instead']);
/** Words of a short time adverbial between subject and cue ("late on Monday", "this week", "in May"). */
const SKIPPED_TIMES = new Set(
  `on late early in at this last year week month earlier the day morning evening night monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october november december`.split(/\s+/),
);

/** The speaker phrase before cue i: a name, a pronoun, or a description ("the chancellor"). */
export function subjectBefore(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
  const toks = unit.tokens;
  let k = i - 1;
  // Skip auxiliaries and short adverbials: "has repeatedly", "late on December 14", "on Saturday".
  let skipped = 0;
  while (k >= 0 && skipped < 7) {
    const t = toks[k] as Token;
    if (t.quoted || t.punct) break;
    // A name's last word is not a date: "Prime Minister Theresa May said".
    if (t.cap && runs.some((r) => r.to - 1 === k && (r.kind === 'person' || r.honorific !== null))) break;
    // "Morial forcefully told", "Trump has long said": an adverb between subject and verb (not "the assembly said").
    // So are "isn’t", an emphatic "did", "itself": "Trump isn’t saying", "Allen did suggest", "Ford itself said"
    // (not "did not complain": a denied verb reports no words).
    const adverb =
      (((t.text.endsWith('ly') && /^\p{Ll}{3,}ly$/u.test(t.text)) || t.lower === 'long') && !NOUN_DETERMINERS.has(toks[k - 1]?.lower ?? '')) ||
      /^(?:is|was|were|are)n['’]t$/.test(t.lower) ||
      (EMPHATIC_DO.has(t.lower) && k === i - 1) ||
      SKIPPED_WORDS.has(t.lower);
    if (adverb || AUXILIARIES.has(t.lower) || SKIPPED_TIMES.has(t.lower) || /^\d+$/.test(t.lower)) {
      k--;
      skipped++;
      continue;
    }
    break;
  }
  if (k < 0) return null;
  // "Jeb Bush in a Medium post said", "Clinton at a rally in Iowa said": a short place or medium between.
  const framed = settingBetween(toks, runs, k);
  if (framed >= 0) k = framed;
  // "Clinton was officially declared the winner", "Trump was asked about …": a passive verb's subject is not the speaker.
  const form = toks[i]?.lower ?? '';
  if (form !== CUE_FORMS.get(form) && !/(?:s|ing)$/.test(form) && toks.slice(k + 1, i).some((t) => BE_FORMS.has(t.lower))) return null;
  k = skipBracketsBack(toks, k);
  if (k < 0) return null;
  // "Trump - who once said he would “bomb them” - said", "Kall -- co-editor of a book, Debating Trump -- said":
  // a dash aside, whatever it holds, follows the subject; a description before it may be named inside it.
  if (isDash(toks, k)) {
    const open = openingDash(toks, k);
    const candidate = open > 0 ? subjectEndingAt(ctx, para, unit, runs, skipBracketsBack(toks, open - 1)) : null;
    if (candidate && (opensClause(toks, candidate.from) || describedLead(toks, candidate.from)) && !isPartyTag(toks, candidate)) {
      if (!candidate.described && candidate.key) return candidate;
      let first = open + 1;
      while (isDash(toks, first)) first++;
      const named = runs.find((r) => r.phraseFrom === first && r.kind === 'person' && !r.possessive);
      const key = named ? keyForRun(ctx, named, true) : null;
      return key ? { key, from: candidate.from, to: (named as NameRun).to } : candidate;
    }
    // "The film ― which features author Ann Lee, among others ― explains …": a subject that is no one.
    if (open > 0) return null;
  }
  // Appositions and relative clauses between subject and cue: "Witkoff, Trump's envoy, said",
  // "Edd, an official at the housing authority in Arizona, which has a backlog, said". Walk back over
  // the comma pieces and take the nearest name or pronoun that opens a clause, not one inside a piece.
  // ("Lehel, the hacker known as “Guccifer,” stated": the apposition's comma sits inside a closing quotation.)
  const quotedClose = quotedCommaClose(toks, k);
  if (APPOSITION_MARKS.has(toks[k]?.text ?? '') || quotedClose >= 0) {
    let end = quotedClose >= 0 ? quotedClose : k;
    for (let piece = 0; piece < 4; piece++) {
      const open = findCommaBack(toks, end - 1, 40);
      if (open <= 0) return null;
      const before = skipBracketsBack(toks, open - 1);
      let candidate = before >= 0 ? subjectEndingAt(ctx, para, unit, runs, before) : null;
      // ("Jeffrey Salkin, a Hollywood, Fla., rabbi …, said": a name after "a" is part of a description.)
      if (candidate && !candidate.described && [candidate.from, candidate.from - 1].some((j) => ['a', 'an'].includes(toks[j]?.lower ?? ''))) candidate = null;
      // "David Woodard of Clemson University": the person before the place or employer.
      const link = candidate ? (toks[candidate.from - 1]?.lower ?? '') : '';
      if (candidate && ['of', 'at', 'from', 'with', 'for'].includes(link)) candidate = subjectEndingAt(ctx, para, unit, runs, candidate.from - 2) ?? candidate;
      // "A lawyer for the outlets, David Schulz, said": the name apposed to a description is the speaker.
      if (candidate?.described || describedBefore(toks, open)) {
        const named = runs.find((r) => r.phraseFrom === open + 1 && r.kind !== 'organisation' && !r.possessive);
        const tail = named ? toks[named.to] : undefined;
        // (A party tag may follow the name: "Sen. Tim Kaine (D-Va.),".)
        if (named && (named.to === end || named.to === skipBracketsBack(toks, end - 1) + 1 || ['of', 'at', 'from', 'with'].includes(tail?.lower ?? ''))) {
          const key = keyForRun(ctx, named, true);
          // (With no subject found before the comma, the description opens after the last mark.)
          let from = open - 1;
          while (!candidate && from > 0 && !toks[from - 1]?.punct) from--;
          if (key) return { key, from: candidate?.from ?? from, to: named.to };
        }
      }
      // A description right after a comma is one more apposition of the subject further back; so is the
      // second name of a place pair ("who flew to Columbus, Ohio, on Monday").
      const apposed =
        (candidate?.described && APPOSITION_MARKS.has(toks[candidate.from - 1]?.text ?? '')) ||
        (candidate && toks[candidate.from - 1]?.text === ',' && runs.some((r) => r.to === candidate.from - 1 && isAfterPreposition(toks, r.phraseFrom)));
      // (A subordinate clause has its own subject: "after Mr. Trump, asked about it, had said …".)
      const subordinate = CLAUSE_SUBORDINATORS.has(toks[(candidate?.from ?? 0) - 1]?.lower ?? '');
      if (candidate && !apposed && (opensClause(toks, candidate.from) || subordinate || describedLead(toks, candidate.from)) && !isPartyTag(toks, candidate))
        return candidate;
      end = open;
    }
    return null;
  }
  return subjectEndingAt(ctx, para, unit, runs, k);
}

/** At k a closing quotation mark after a quoted comma: the index of that quotation's opening mark, else -1. */
function quotedCommaClose(toks: Token[], k: number): number {
  if (!CLOSING_QUOTE_MARKS.has(toks[k]?.text ?? '') || toks[k - 1]?.text !== ',' || !toks[k - 1]?.quoted) return -1;
  let o = k - 1;
  while (o > 0 && toks[o]?.quoted && k - o < 10) o--;
  return o > 0 && !toks[o]?.quoted && ['“', '"', "'"].includes(toks[o]?.text ?? '') ? o : -1;
}

const SETTING_OPENERS = new Set(['in', 'at', 'on', 'during', 'via', 'through']);

/** From k back: prepositional phrases of at most eight words right after a person's name or he/she; the name's last token, or -1. */
function settingBetween(toks: Token[], runs: NameRun[], k: number): number {
  for (let p = k; p > 0 && k - p < 8; p--) {
    const t = toks[p] as Token;
    // ("in a blog post said": a noun that is also a verb of saying is part of the phrase.)
    if (t.punct || t.quoted) return -1;
    if (!SETTING_OPENERS.has(t.lower) || p === k) continue;
    const before = toks[p - 1] as Token;
    if (['he', 'she'].includes(before.lower) || runs.some((r) => r.to === p && r.kind === 'person' && !r.possessive && !isAfterPreposition(toks, r.phraseFrom)))
      return p - 1;
  }
  return -1;
}

export const sieve: Sieve = {
  name: 'speaker-before',
  kind: 'speaker',
  subject: (ctx, { u, i }) => subjectBefore(ctx, u.para, u.unit, u.runs, i),
};
