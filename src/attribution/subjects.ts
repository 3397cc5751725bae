// Subject phrases shared by the speaker sieves: the phrase ending at a token (a name, a pronoun, a
// description), a clause's subject, and the speaker of a clause that ends in a colon.

import { isAfterDescribedPreposition, isAfterPreposition, isPlaceTail, leadingClauseEnd, opensClause } from './clauses.js';
import type { ArticleContext, Para, Subject } from './context.js';
import { keyForRun } from './entities.js';
import { CUE_FORMS, GENERIC_SUBJECTS, NOT_SUBJECT_AFTER, PRONOUNS, ROLE_NOUNS } from './lexicon.js';
import type { NameRun } from './mentions.js';
import { isRoleWord } from './mentions.js';
import { findCommaBack } from './phrases.js';
import { onlyPunctuationBetween } from './quotes.js';
import { resolvePronoun } from './sieves/27-pronouns.js';
import { resolveDescription } from './sieves/28-descriptions.js';
import type { Token, Unit } from './tokens.js';

/** A subject phrase whose last token is k. */
export function subjectEndingAt(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], k: number): Subject | null {
  const toks = unit.tokens;
  const t = toks[k];
  if (!t || t.quoted || t.punct) return null;
  const pronoun = PRONOUNS[t.lower];
  if (pronoun && !['him', 'her'].includes(t.lower)) {
    return { key: resolvePronoun(ctx, pronoun === 'any' ? null : pronoun, para.n, unit, runs, k), from: k, to: k + 1 };
  }
  const run = orgNameGoesOn(
    toks,
    runs,
    runs.find((r) => r.to - 1 === k),
  );
  if (run) {
    if (run.possessive) return null;
    // "Angela Merkel of Germany said", "David Woodard of Clemson University said": the person, not the place.
    if (run.kind !== 'person' && ['of', 'at', 'from'].includes(toks[run.phraseFrom - 1]?.lower ?? '')) {
      const owner = runs.find((r) => r.to === run.phraseFrom - 1 && r.kind !== 'organisation' && !r.possessive);
      if (owner) return { key: keyForRun(ctx, owner, true), from: owner.phraseFrom, to: run.to };
    }
    // "Sam Lau, the communications director for the Iowa Democratic Party said": an apposition left unclosed.
    if (run.kind === 'organisation') {
      const person = unclosedApposition(ctx, unit, runs, run);
      if (person) return person;
    }
    // "The dynamic on the Affordable Care Act suggests", "supporters of Hillary Clinton say", "leaders who'd
    // rather work for Cruz or Rubio or Ben Carson said": the subject is the noun before the preposition. (A title
    // keeps its preposition: "Secretary of State John Kerry"; "footage of Trump saying" is Trump's.)
    const link = toks[run.phraseFrom - 1]?.lower ?? '';
    const head = toks[run.phraseFrom - 2];
    const headNoun = head !== undefined && !head.cap && !head.punct && !isRoleWord(head);
    // "A representative for Mr. Pinchuk said", "a producer for Yahoo Studios told", "an adviser to Trump said":
    // the one working for them speaks (titles take "of": "Secretary of State John Kerry").
    const agentOf = head !== undefined && !head.cap && !head.punct && (link === 'for' || (link === 'to' && isRoleWord(head)));
    const participle = toks[run.to]?.lower.endsWith('ing') ?? false;
    if (!participle && ((link === 'or' && runs.some((r) => r.to === run.phraseFrom - 1)) || (NOT_SUBJECT_AFTER.has(link) && headNoun) || agentOf)) {
      return { key: null, from: run.phraseFrom, to: run.to };
    }
    return { key: keyForRun(ctx, run, true), from: run.phraseFrom, to: run.to };
  }
  // "said Mr. Lee, who noted that …": a relative pronoun speaks for the name it follows.
  if (t.lower === 'who' && toks[k - 1]?.text === ',') {
    const head = runs.find((r) => r.to === k - 1 && !r.possessive && r.kind !== 'organisation');
    if (head) return { key: keyForRun(ctx, head, true), from: k, to: k + 1 };
  }
  if (GENERIC_SUBJECTS.has(t.lower)) return { key: null, from: k, to: k + 1 };
  if (ROLE_NOUNS.has(t.lower.replace(/['’]s$/, ''))) {
    // A description: "the chancellor", "the Ukrainian president", "Trump's envoy", "a spokesman".
    let from = k;
    while (from > 0 && k - from < 5) {
      const p = toks[from - 1] as Token;
      if (p.punct || p.quoted) break;
      from--;
      if (['the', 'a', 'an'].includes(p.lower) || p.possessive) break;
    }
    const words = toks.slice(from, k + 1);
    if (['a', 'an'].includes(words[0]?.lower ?? '')) return { key: null, from, to: k + 1, described: true };
    return { key: resolveDescription(ctx, words, para.n), from, to: k + 1, described: true };
  }
  return null;
}

/**
 * "the Center for American Progress", "the James Martin Center for Nonproliferation Studies": capitalised
 * words right after an organisation's "for" or "of" go on its name; the organisation stands for the run.
 */
function orgNameGoesOn(toks: Token[], runs: NameRun[], run: NameRun | undefined): NameRun | undefined {
  const link = run ? toks[run.phraseFrom - 1] : undefined;
  if (!run || run.possessive || !link || !['for', 'of'].includes(link.lower) || run.phraseFrom !== run.from) return run;
  const org = runs.find((r) => r.to === run.phraseFrom - 1 && r.kind === 'organisation' && !r.possessive);
  return org ? { ...org, to: run.to } : run;
}

/** A person, a comma and a role phrase that ends in the organisation `org`, with no comma to close it. */
export function unclosedApposition(ctx: ArticleContext, unit: Unit, runs: NameRun[], org: NameRun): Subject | null {
  const toks = unit.tokens;
  const comma = findCommaBack(toks, org.phraseFrom - 1, 14);
  if (comma < 1 || toks[comma]?.text !== ',') return null;
  const phrase = toks.slice(comma + 1, org.phraseFrom);
  if (!phrase.some(isRoleWord) || !['of', 'for', 'at'].includes(phrase[phrase.length - 1]?.lower ?? '')) return null;
  const person = runs.find((r) => r.to === comma && r.kind !== 'organisation' && !r.possessive);
  if (!person || !opensClause(toks, person.phraseFrom)) return null;
  const key = keyForRun(ctx, person, true);
  return key ? { key, from: person.phraseFrom, to: org.to } : null;
}

/** The subject of the clause a cue at i continues: the first person named (or he/she) before it. */
export function clauseSubject(
  ctx: ArticleContext,
  para: Para,
  unit: Unit,
  runs: NameRun[],
  i: number,
  from = 0,
  afterQuote = false,
  knownOnly = false,
): Subject | null {
  const toks = unit.tokens;
  // “…,” Cruz replied, before adding …: after a quote that opens the sentence, the clause starts.
  const opening = unit.quotes[0];
  let start = Math.max(from, leadingClauseEnd(toks, i));
  if (afterQuote && start === 0 && opening?.closed && onlyPunctuationBetween(para.text, unit.start, opening.start)) {
    while (start < i && (toks[start] as Token).start < opening.end) start++;
  }
  for (let k = start; k < i - 1; k++) {
    const t = toks[k] as Token;
    if (t.quoted) return null;
    const pronoun = t.lower === 'he' || t.lower === 'she' ? PRONOUNS[t.lower] : undefined;
    if (pronoun && pronoun !== 'any') return { key: resolvePronoun(ctx, pronoun, para.n, unit, runs, k), from: k, to: k + 1 };
    // "And, like Trump, they have played …": a plural or first-person subject is no one we can name.
    if (['they', 'we', 'i'].includes(t.lower)) return { key: null, from: k, to: k + 1 };
    const run = runs.find((r) => r.phraseFrom === k || r.from === k);
    if (!run) continue;
    if (
      isAfterDescribedPreposition(toks, run.phraseFrom) ||
      isAfterPreposition(toks, run.from) ||
      ['like', 'unlike'].includes(toks[run.phraseFrom - 1]?.lower ?? '')
    )
      continue; // "In Iowa, Trump …"
    if (isPlaceTail(toks, runs, run)) continue; // "in Salem, New Hampshire, Trump …"
    if (toks[run.phraseFrom - 1]?.text === '(') continue; // "ORLANDO (Reuters) - Obama met …": a dateline's agency
    if (run.possessive || run.to >= i) return null;
    const employee = personAfterRole(toks, runs, run, i);
    const employeeKey = employee ? keyForRun(ctx, employee, !knownOnly) : null;
    if (employee && employeeKey) return { key: employeeKey, from: run.phraseFrom, to: employee.to };
    // (A verb far from its subject takes only a person the article knows, not "Even" or "Promise".)
    const key = keyForRun(ctx, run, !knownOnly);
    // ("Hours later, Donald Trump …": a capitalised first word that names no one is not the subject.)
    if (!key && run.kind === 'single' && run.from === 0) continue;
    if (knownOnly && (!key || ctx.entities.get(key)?.kind !== 'person')) return null;
    // The subject is followed by its verb or by an apposition, not by more of a noun phrase.
    return { key, from: run.phraseFrom, to: run.to };
  }
  return null;
}

/**
 * "Breitbart Texas editor Brandon Darby will …", "Clinton adviser John Podesta": a name before a role and
 * another name is the employer, not the subject; the person after the role, if any, before cue i.
 */
function personAfterRole(toks: Token[], runs: NameRun[], run: NameRun, i: number): NameRun | null {
  const person = runs.find((r) => r.from > run.to && r.from <= run.to + 4 && r.to < i && r.kind === 'person');
  if (!person) return null;
  const between = toks.slice(run.to, person.from);
  return between.some(isRoleWord) && between.every((t) => !t.punct && !t.quoted && !CUE_FORMS.has(t.lower)) ? person : null;
}

/** The person whose clause ends in the colon at `colon`: named (or he/she) as its subject, no quote before it. */
export function colonClauseSpeaker(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], colon: number): string | null {
  const toks = unit.tokens;
  if (colon > 30 || toks.slice(0, colon).some((t) => t.quoted || t.text === ';')) return null;
  const subject = clauseSubject(ctx, para, unit, runs, colon + 1);
  const person = subject?.key ? ctx.entities.get(subject.key) : undefined;
  // A lone capitalised word seen nowhere else ("Like the page:") is not a person.
  if (person?.kind !== 'person' || (!person.name.includes(' ') && person.aliases.size < 2 && !person.gender && person.roles.size === 0)) return null;
  return person.key;
}
