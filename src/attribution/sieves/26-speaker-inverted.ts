// Sieve (speaker): inverted order — "said Smith", "said he", "said retired neurosurgeon Ben Carson", "said
// the bureau's director, James B. Comey" — for a cue that opens its clause. Not after an object cue, whose
// following name is the one spoken about. Decides the speaker only.

import { invertedPosition } from '../clauses.js';
import type { ArticleContext, Para, Sieve, Subject } from '../context.js';
import { keyForRun } from '../entities.js';
import { AFTER_INVERTED_SUBJECT, AUXILIARIES, CUE_FORMS, DESCRIPTION_WORD, NOT_DESCRIPTION, PRONOUNS } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import { isRoleWord } from '../mentions.js';
import type { Token, Unit } from '../tokens.js';
import { resolvePronoun } from './27-pronouns.js';

/** Inverted order: "said Smith", "said the spokesman", and the subject after a quote: “…,” Smith said. */
export function subjectAfter(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
  const toks = unit.tokens;
  const next = toks[i + 1];
  if (!next || next.quoted) return null;
  // "Just ask former senator Evan Bayh": a bare verb opening the sentence is an imperative, not an inversion.
  if (i <= 1 && CUE_FORMS.get(toks[i]?.lower ?? '') === toks[i]?.lower && !toks[0]?.quoted) return null;
  // An inverted verb opens its clause (“…,” said Smith; …, explained Rosenberg, “…”); after a word it has its
  // object there: "to tell Garland", "When told Perez was …", "disparaging remarks Trump had made".
  const before = toks[i - 1];
  if (before && !before.punct && !(AUXILIARIES.has(before.lower) && (!toks[i - 2] || toks[i - 2]?.punct))) return null;
  const pronoun = PRONOUNS[next.lower];
  // "…,” said he." is inverted; "said he was …" is the content's own subject.
  const afterPronoun = toks[i + 2];
  if (pronoun && ['he', 'she'].includes(next.lower) && (!afterPronoun || afterPronoun.punct))
    return { key: resolvePronoun(ctx, pronoun === 'any' ? null : pronoun, para.n, unit, runs, i + 1), from: i + 1, to: i + 2 };
  const run = runs.find((r) => r.phraseFrom === i + 1 || r.from === i + 1);
  if (!run || run.possessive) return describedNameAfter(ctx, unit, runs, i);
  // "said Republican party boss Reince Priebus", "said Air Force 1st Lt. Jane Roe": an adjective or
  // employer opens the phrase; the person is the full name at the end of the same noun phrase. (An employer
  // of two capitalised words reads as a person's name: "said Judicial Watch president Tom Fitton".)
  if (run.kind !== 'person' || (toks[run.to] && isRoleWord(toks[run.to] as Token))) {
    const later = runs.find(
      (r) =>
        r.from > run.to &&
        r.from - (i + 1) <= 7 &&
        r.kind === 'person' &&
        !r.possessive &&
        toks
          .slice(run.to, r.from)
          .every(
            (t) =>
              !t.quoted && (!t.punct || t.text === '.') && !CUE_FORMS.has(t.lower) && !['and', 'or', 'to', 'in', 'at', 'on', 'with', 'who'].includes(t.lower),
          ),
    );
    if (later) return { key: keyForRun(ctx, later, true), from: run.from, to: later.to };
  }
  // "…, said Trump will exceed expectations": a name followed by its own verb starts the content.
  const follower = toks[run.to];
  if (follower && !follower.punct && !follower.cap && !AFTER_INVERTED_SUBJECT.has(follower.lower)) return null;
  return { key: keyForRun(ctx, run, true), from: run.from, to: run.to };
}

/**
 * "said retired neurosurgeon Ben Carson", "added his campaign manager Jeff Weaver", "said Florida’s Rick
 * Wilson, a consultant", "said the bureau's director, James B. Comey,": a short description or owner opens
 * the inverted subject; the person's name closes it (or follows the description after a comma).
 */
export function describedNameAfter(ctx: ArticleContext, unit: Unit, runs: NameRun[], i: number): Subject | null {
  const toks = unit.tokens;
  let roleSeen = false;
  // "said his best friend at Lehigh, Bruce Turry": a phrase opened by a determiner or owner is a
  // description even without a role word, and may name a place or employer after "at"/"of".
  const determined = DESCRIPTION_OPENERS.has(toks[i + 1]?.lower ?? '');
  let employer = false;
  for (let k = i + 1; k < toks.length && k <= i + 9; k++) {
    const t = toks[k] as Token;
    const run = runs.find((r) => r.phraseFrom === k || r.from === k);
    if (run) {
      const named = run.kind === 'person' || (run.kind === 'single' && (run.role !== null || run.honorific !== null));
      if (k > i + 1 && named && !run.possessive && endsNounPhrase(toks, run.to) && !employer) {
        const key = keyForRun(ctx, run, true);
        return key ? { key, from: i + 1, to: run.to } : null;
      }
      if (!run.possessive && run.kind !== 'organisation' && !employer) return null;
      k = run.to - 1;
      continue;
    }
    if (determined && ['at', 'of', 'for', 'from'].includes(t.lower) && k > i + 2) {
      employer = true;
      continue;
    }
    if (t.text === ',' && (roleSeen || determined)) {
      const apposed = runs.find((r) => r.phraseFrom === k + 1 && r.kind === 'person' && !r.possessive);
      const key = apposed && endsNounPhrase(toks, apposed.to) ? keyForRun(ctx, apposed, true) : null;
      return key ? { key, from: i + 1, to: apposed!.to } : null;
    }
    if (t.quoted || (t.punct && !['/', '-'].includes(t.text)) || CUE_FORMS.has(t.lower) || !DESCRIPTION_WORD.test(t.text) || NOT_DESCRIPTION.has(t.lower))
      return null;
    if (isRoleWord(t)) roleSeen = true;
  }
  return null;
}

/** Words that open a description of someone: "his best friend", "another leading advocate". */
const DESCRIPTION_OPENERS = new Set(['the', 'his', 'her', 'their', 'its', 'another', 'a', 'an', 'one']);

/** A name closes its noun phrase: a mark, the end, or "of"/"at"/"who" follows ("Ann Lee of Yale"). */
export function endsNounPhrase(toks: Token[], to: number): boolean {
  const next = toks[to];
  return !next || (next.punct && !next.quoted) || ['of', 'at', 'from', 'who'].includes(next.lower);
}

export const sieve: Sieve = {
  name: 'speaker-inverted',
  kind: 'speaker',
  subject(ctx, { u, i, lemma, objectCue }) {
    // "praised the Saudis", "referring to Obama", "calling Alwaleed “dopey”": after an object cue comes the one spoken about.
    const toks = u.unit.tokens;
    // ("…, also accused Sanders of …": the accused follows the verb, never its subject.)
    if (objectCue || lemma === 'call' || lemma === 'accuse' || toks[i]?.lower.endsWith('ing') || !invertedPosition(toks, i)) return null;
    return subjectAfter(ctx, u.para, u.unit, u.runs, i);
  },
};
