// Token helpers for clause structure: where an opening adverbial or subordinate clause ends, what opens a
// clause (a name, or a short description before one), what a preposition governs. Built on the noun-phrase
// helpers of phrases.ts, which never import this file.

import {
  AUXILIARIES,
  CLOSING_QUOTE_MARKS,
  CUE_FORMS,
  DESCRIPTION_WORD,
  LEADING_SUBORDINATORS,
  LEADING_WORDS,
  MESSAGE_NOUNS,
  NOT_DESCRIPTION,
  PREPOSITIONAL_START,
  ROLE_NOUNS,
  TELL_LIKE,
  TIME_WORDS,
} from './lexicon.js';
import { isRoleWord, type NameRun } from './mentions.js';
import { isDash, skipObject } from './phrases.js';
import type { Token } from './tokens.js';

/**
 * "When asked whom she supported, Ms. Sherry smiled and said …", "Before the Paris attacks, Trump took …":
 * the token after a leading adverbial clause (opened by a preposition, subordinator or participle and closed
 * by a comma before the cue), where the main clause's subject can start; 0 when there is none.
 */
export function leadingClauseEnd(toks: Token[], i: number): number {
  // "In June 2009, after Clinton fell ill, Axelrod emailed her …": adverbials may follow one another.
  let start = 0;
  for (let clause = 0; clause < 3; clause++) {
    const first = toks[start];
    if (!first || !(LEADING_WORDS.has(first.lower) || (clause === 0 && /^\p{L}{3,}(?:ing|ed)$/u.test(first.text)))) return start;
    let end = 0;
    for (let k = start + 1; k < i - 1; k++) {
      if (toks[k]?.quoted) return start;
      if (toks[k]?.text === ',') {
        end = k + 1;
        break;
      }
    }
    if (!end) return start;
    start = end;
  }
  return start;
}

/** The cue at i stands in an opening "After X testified," clause: a subordinator starts the sentence, a comma closes it. */
export function inLeadingSubordinateClause(toks: Token[], i: number): boolean {
  if (!LEADING_SUBORDINATORS.has(toks[0]?.lower ?? '') || i > 8) return false;
  if (toks.slice(1, i).some((t) => t.punct || t.quoted)) return false;
  const clause = toks.slice(i + 1, i + 10);
  const comma = clause.findIndex((t) => t.text === ',');
  return comma >= 0 && clause.slice(0, comma).every((t) => !t.quoted && !t.punct && t.lower !== 'that');
}

/** "Instead," / "On Monday," / "In a statement," before the subject at `from`: up to four words and a comma. */
export function shortLeadingAdverb(toks: Token[], from: number): boolean {
  if (from < 2 || from > 5 || toks[from - 1]?.text !== ',') return false;
  const words = toks.slice(0, from - 1);
  if (!words.every((t) => !t.punct && !t.quoted && !CUE_FORMS.has(t.lower))) return false;
  // An adverb or a prepositional phrase, not a noun phrase ("The new pumps, Solberg said, will …").
  const first = words[0] as Token;
  if (LEADING_WORDS.has(first.lower) || PREPOSITIONAL_START.has(first.lower)) return true;
  return (
    words.length === 1 &&
    (/ly$/.test(first.lower) ||
      ['instead', 'meanwhile', 'however', 'still', 'now', 'yet', 'again', 'separately', 'earlier', 'later', 'then'].includes(first.lower))
  );
}

/** The token after the nearest comma, bracket, colon or dash before i (0 when none): where i's clause starts. */
export function clauseStart(toks: Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const t = toks[k] as Token;
    if (!t.quoted && ([',', '(', ';', ':'].includes(t.text) || isDash(toks, k))) return k + 1;
  }
  return 0;
}

/**
 * A verb far from its subject counts as saying only when a clause or a quotation follows it: "to explain how",
 * "to tell Garland that", "on urging voters to …"; not "to confirm justices", "to maintaining the relationship".
 */
export function reportsClause(toks: Token[], i: number): boolean {
  const lemma = CUE_FORMS.get(toks[i]?.lower ?? '') ?? '';
  const c = TELL_LIKE.has(lemma) ? skipObject(toks, i + 1) : i + 1;
  const next = toks[c];
  if (!next) return false;
  if (['that', 'how', 'why', 'what', 'whether', 'if'].includes(next.lower) || ['“', '"', "''", ':'].includes(next.text)) return true;
  return TELL_LIKE.has(lemma) && c > i + 1 && next.lower === 'to';
}

/** An -ing verb of saying after a message the clause's subject put out, with no mark between. */
export function messageBefore(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 6; k--) {
    const t = toks[k] as Token;
    if (t.punct || t.quoted) return false;
    if (MESSAGE_NOUNS.has(t.lower)) return true;
  }
  return false;
}

export function lastColonBefore(toks: Token[], at: number): number {
  for (let k = at - 1; k >= 0; k--) if (toks[k]?.text === ':' && !toks[k]?.quoted) return k;
  return -1;
}

/** A subject opens its clause: first in the sentence, or after punctuation or a conjunction. */
export function opensClause(toks: Token[], from: number): boolean {
  const prev = toks[from - 1];
  return !prev || prev.punct || ['and', 'but', 'so', 'then', 'while', 'meanwhile', 'also'].includes(prev.lower);
}

export function isAfterPreposition(toks: Token[], from: number): boolean {
  return [
    'from',
    'with',
    'by',
    'to',
    'of',
    'for',
    'against',
    'about',
    'on',
    'at',
    'in',
    'alongside',
    'and',
    'than',
    'met',
    'hosted',
    'send',
    'sending',
  ].includes(toks[from - 1]?.lower ?? '');
}

/** "with journalist Matei Rosca", "to his adviser John Lee": a name whose short description follows a preposition. */
export function isAfterDescribedPreposition(toks: Token[], from: number): boolean {
  for (let k = from; k >= 0 && from - k <= 2; k--) {
    if (isAfterPreposition(toks, k)) return true;
    const before = toks[k - 1];
    if (!before || before.punct || before.quoted || before.cap || !/^\p{Ll}+$/u.test(before.text)) return false;
  }
  return false;
}

/**
 * A cue whose subject may follow it: "…,” said Smith", "…, says Smith.", "Said Smith: …". After a word
 * ("chairs predicted Clinton will …") the name after the cue is the content's own subject.
 */
export function invertedPosition(toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || prev.punct || prev.quoted || AUXILIARIES.has(prev.lower);
}

/** "A lawyer for the news outlets," before a comma at `comma`: a short description that opens the sentence. */
export function describedBefore(toks: Token[], comma: number): boolean {
  let k = comma - 1;
  while (k >= 0 && !toks[k]?.punct && comma - k <= 10) k--;
  // It may follow a short leading adverbial: "In a statement, one of the family's lawyers, Ann Roe, said".
  // Or a quotation: “He deserved it,” the assailant, John McGraw, told …
  const afterQuote = k >= 0 && (toks[k]?.quoted || CLOSING_QUOTE_MARKS.has(toks[k]?.text ?? ''));
  if (k >= 0 && !afterQuote && !(toks[k]?.text === ',' && shortLeadingAdverb(toks, k + 1))) return false;
  // ("And Florida’s attorney general, Pam Bondi, vowed …": a conjunction may open the sentence.)
  const opener = ['and', 'but', 'so', 'yet', 'still', 'meanwhile'].includes(toks[k + 1]?.lower ?? '') ? 1 : 0;
  const phrase = toks.slice(k + 1 + opener, comma);
  const first = phrase[0];
  // "Nevada's governor, Ann Roe,", "Her campaign manager, Ann Roe,": an owner opens a short description.
  if (first && (first.possessive || ['his', 'her', 'their', 'its'].includes(first.lower)) && phrase.length <= 4) return true;
  if (!['a', 'an', 'the', 'one', 'another'].includes(first?.lower ?? '')) return false;
  if (phrase.some((t) => isRoleWord(t) || ROLE_NOUNS.has(t.lower.replace(/s$/, '')))) return true;
  // "Another ally, Tom Vale,", "One delegate, Kelly Marsh,": any short common noun phrase apposed to the name,
  // but not a time ("A day later, …", "The next morning, …").
  const rest = phrase.slice(1);
  // ("Another Clinton ally, …": a name may modify the noun, which ends the phrase.)
  return (
    rest.length >= 1 &&
    rest.length <= 3 &&
    !(rest[rest.length - 1] as Token).cap &&
    rest.every(
      (t) =>
        DESCRIPTION_WORD.test(t.text) &&
        !TIME_WORDS.test(t.lower) &&
        !NOT_DESCRIPTION.has(t.lower) &&
        !APART_FROM_TIME.has(t.lower) &&
        !/^\p{Ll}{4,}ly$/u.test(t.lower),
    )
  );
}

/** Words that make a short phrase opening a sentence a time or a manner, not a person. */
const APART_FROM_TIME = new Set([
  'ago',
  'day',
  'days',
  'weeks',
  'months',
  'years',
  'hour',
  'hours',
  'minutes',
  'moment',
  'time',
  'times',
  'decade',
  'later',
  'after',
  'next',
  'same',
  'following',
  'previous',
  'other',
  'result',
  'way',
  'case',
  'fact',
]);

/** "GOP front-runner Donald Trump", "Retired general Ann Wu": a few description words open the clause before the name. */
export function describedLead(toks: Token[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && from - k <= 5) {
    const t = toks[k] as Token;
    // "And North Carolina’s Ada Fisher, …, said": a conjunction opening the sentence, not "Davis and author Ann Lee".
    if (t.punct || t.quoted || (['and', 'but', 'so', 'then', 'meanwhile', 'also'].includes(t.lower) && (k === 0 || toks[k - 1]?.punct))) break;
    if (CUE_FORMS.has(t.lower) || NOT_DESCRIPTION.has(t.lower) || !DESCRIPTION_WORD.test(t.text)) return false;
    k--;
  }
  return k < from - 1 && opensClause(toks, k + 1);
}

/** "in Columbus, Ohio," / "Salem, New Hampshire": the second name of a place pair after a preposition. */
export function isPlaceTail(toks: Token[], runs: NameRun[], run: NameRun): boolean {
  // The pair is closed by a mark ("in Salem, New Hampshire, Trump …"); "in Ottawa, Trump was …" is not one.
  if (toks[run.phraseFrom - 1]?.text !== ',' || (toks[run.to] !== undefined && !toks[run.to]?.punct)) return false;
  const head = runs.find((r) => r.to === run.phraseFrom - 1);
  return head !== undefined && isAfterPreposition(toks, head.phraseFrom);
}
