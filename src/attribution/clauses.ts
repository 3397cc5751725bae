// Token helpers for clause structure: where an opening adverbial or subordinate clause ends, what opens a
// clause, what a preposition governs.

import { AUXILIARIES, CUE_FORMS, LEADING_SUBORDINATORS, LEADING_WORDS, MESSAGE_NOUNS, PREPOSITIONAL_START, TELL_LIKE } from './lexicon.js';
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
  return words.length === 1 && (/ly$/.test(first.lower) || ['instead', 'meanwhile', 'however', 'still', 'now', 'yet', 'again', 'separately', 'earlier', 'later', 'then'].includes(first.lower));
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
  return ['from', 'with', 'by', 'to', 'of', 'for', 'against', 'about', 'on', 'at', 'in', 'alongside', 'and', 'than', 'met', 'hosted', 'send', 'sending'].includes(toks[from - 1]?.lower ?? '');
}

/**
 * A cue whose subject may follow it: "…,” said Smith", "…, says Smith.", "Said Smith: …". After a word
 * ("chairs predicted Clinton will …") the name after the cue is the content's own subject.
 */
export function invertedPosition(toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || prev.punct || prev.quoted || AUXILIARIES.has(prev.lower);
}
