// Sieve (speaker): the subject of a participle or an infinitive of saying — "…, saying …", "by saying", "before
// adding", "issued a statement saying", "went on to explain", "prompted Cooper to accuse" — is the main
// clause's subject (or the speaker of the sentence's earlier statement). Decides the speaker only.

import { skipToThat, trimSpan } from '../bounds.js';
import { clauseStart, isAfterPreposition, messageBefore, reportsClause } from '../clauses.js';
import type { ArticleContext, Para, Sieve, Subject } from '../context.js';
import { keyForRun } from '../entities.js';
import { CUE_FORMS } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import { clauseSubject } from '../subjects.js';
import type { Token, Unit } from '../tokens.js';
import { resolvePronoun } from './27-pronouns.js';

/**
 * "Cruz took the stage with a shot at Trump, saying his use of the term was incorrect": a participle cue
 * after a comma reports the words of the main clause's subject, the first person named (or he/she) in it.
 */
export function participleSubject(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
  const toks = unit.tokens;
  const to = toks[i - 1]?.lower === 'to' ? i - 1 : toks[i - 1]?.lower === 'not' && toks[i - 2]?.lower === 'to' ? i - 2 : -1;
  if (to > 0 && CUE_FORMS.get(toks[i]?.lower ?? '') === toks[i]?.lower) return reportsClause(toks, i) ? infinitiveSubject(ctx, para, unit, runs, i, to) : null;
  if (!toks[i]?.lower.endsWith('ing')) return null;
  if (toks.slice(0, i).every((t) => t.punct && !t.quoted)) return leadingParticipleSubject(ctx, para, unit, runs, i);
  // ("…, quickly reminding viewers", "after initially saying": an adverb may stand before the participle.)
  const p = /^\p{Ll}{3,}ly$/u.test(toks[i - 1]?.text ?? '') || ['also', 'then', 'again', 'even'].includes(toks[i - 1]?.lower ?? '') ? i - 1 : i;
  const prev = toks[p - 1]?.lower ?? '';
  // "…, saying", "– saying", "by saying", "said: “…,” adding that", "“…,” Cruz replied, before adding that": the main clause's subject.
  // (Two apostrophes stand for one closing mark: ",'' adding that".)
  const q = prev === "'" && toks[p - 2]?.text === "'" ? p - 1 : p;
  const commaInQuote = ['"', '”', "'"].includes(prev) && toks[q - 2]?.text === ',';
  if (prev === ',' || ['—', '–', '―'].includes(prev) || prev === 'by' || commaInQuote)
    return clauseSubject(ctx, para, unit, runs, i) ?? earlierSpeaker(ctx, para, unit, i);
  if (['before', 'after', 'upon'].includes(prev))
    return clauseSubject(ctx, para, unit, runs, i, 0, toks[p - 2]?.text === ',') ?? earlierSpeaker(ctx, para, unit, i);
  // "Trump focused on reiterating …", "Kasich has taken to urging …": the verb before governs the participle.
  if (['on', 'to', 'into'].includes(prev) && !toks[i - 2]?.punct && reportsClause(toks, i)) return clauseSubject(ctx, para, unit, runs, i, 0, false, true);
  // "(Frank cites a memo saying …)", "Later, Trump issued a statement saying": the subject of the clause
  // that put out the message, after the nearest mark.
  if (messageBefore(toks, i)) return clauseSubject(ctx, para, unit, runs, i, clauseStart(toks, i));
  return null;
}

/** "“…,” Trump said before adding: “…”": the sentence's earlier statement names who goes on speaking. */
export function earlierSpeaker(ctx: ArticleContext, para: Para, unit: Unit, i: number): Subject | null {
  const last = ctx.statements[ctx.statements.length - 1];
  const cueStart = unit.tokens[i]?.start ?? 0;
  if (last && last.paragraph === para.n && last.spans.every(([a, b]) => a >= unit.start && b <= cueStart)) return { key: last.speaker, from: i, to: i };
  return null;
}

/**
 * "Ham went on to explain", "McConnell agreed to a call, but only to tell Garland …": an infinitive of saying
 * reports the words of its clause's subject, or of the person right before "to" ("prompted Cooper to accuse").
 */
export function infinitiveSubject(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], i: number, to: number): Subject | null {
  const toks = unit.tokens;
  const agent = runs.find((r) => r.to === to && !r.possessive && r.kind !== 'organisation' && !isAfterPreposition(toks, r.phraseFrom));
  const agentKey = agent ? keyForRun(ctx, agent, false) : null;
  if (agent && agentKey && ctx.entities.get(agentKey)?.kind === 'person') return { key: agentKey, from: agent.phraseFrom, to: agent.to };
  return clauseSubject(ctx, para, unit, runs, i, 0, false, true);
}

/**
 * "Noting that both men faced a hostile press, Schlafly put her finger on …": a participle of saying that
 * opens the sentence reports the words of the main clause's subject, right after the participle's comma.
 */
export function leadingParticipleSubject(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
  const toks = unit.tokens;
  // A clause follows ("Noting that …", "Noting he …"), not an object ("Responding to this criticism").
  if (!['that', 'he', 'she', 'they', 'it', 'we', 'i'].includes(toks[i + 1]?.lower ?? '')) return null;
  let comma = -1;
  for (let k = i + 1; k < toks.length && k - i <= 40; k++) {
    const t = toks[k] as Token;
    if (t.quoted) continue;
    if (t.text === ',') {
      comma = k;
      break;
    }
    if (['.', ';', ':', '!', '?'].includes(t.text)) return null;
  }
  const first = toks[comma + 1];
  if (comma < i + 3 || !first) return null;
  const content = trimSpan(para.text, (toks[skipToThat(toks, i + 1)] as Token).start, (toks[comma] as Token).start);
  if (first.lower === 'he' || first.lower === 'she') {
    return { key: resolvePronoun(ctx, first.lower === 'he' ? 'm' : 'f', para.n), from: comma + 1, to: comma + 2, content };
  }
  const run = runs.find((r) => r.phraseFrom === comma + 1 && r.kind !== 'organisation' && !r.possessive);
  const key = run ? keyForRun(ctx, run, true) : null;
  return key && run ? { key, from: run.phraseFrom, to: run.to, content } : null;
}

export const sieve: Sieve = {
  name: 'speaker-participle',
  kind: 'speaker',
  subject: (ctx, { u, i }) => participleSubject(ctx, u.para, u.unit, u.runs, i),
};
