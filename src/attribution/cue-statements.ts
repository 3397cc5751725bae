// Runs the cue family for one sentence: each cue candidate, outside content already found, goes to the
// `cue` sieves, then to the `speaker` sieves until one finds the subject, then to the `content` sieves
// until one decides. The rules live in the sieves; this file only keeps their order and bookkeeping.

import type { ArticleContext, CueSite, LocalStatement, Subject, UnitState } from './context.js';
import { cueSpan, isCue, particleAt } from './cues.js';
import { CUE_FORMS, OBJECT_CUES } from './lexicon.js';
import type { Token } from './tokens.js';

/** Statements of the unit's cue candidates, in order; each is recorded and becomes the last speaker. */
export function cueStatements(ctx: ArticleContext, u: UnitState): void {
  if (!u.speech || u.claimed) return;
  const toks = u.unit.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.quoted || !isCue(toks, i)) continue;
    // A cue inside content already attributed ("…, adding that …") belongs to that statement.
    if (insideFound(u.found, t.start)) continue;
    const statement = statementAt(ctx, u, i);
    if (statement) {
      u.found.push(statement);
      ctx.statements.push(statement);
      ctx.lastDirect = { key: statement.speaker, paragraph: u.para.n };
    }
  }
}

/**
 * Whether offset `at` lies in a span of a statement found already. (A loop, not a closure over the token:
 * a closure made the loop above allocate a context for every token of every sentence.)
 */
function insideFound(found: readonly LocalStatement[], at: number): boolean {
  for (const s of found) for (const [a, b] of s.spans) if (at >= a && at < b) return true;
  return false;
}

/** The statement a cue at token i introduces, if its speaker is known. */
function statementAt(ctx: ArticleContext, u: UnitState, i: number): LocalStatement | null {
  const toks = u.unit.tokens;
  const lemma = CUE_FORMS.get(toks[i]?.lower ?? '') ?? '';
  // ("called for" and "pointed out" take a whole clause: "called for taxing income, such as …, at 15 percent".)
  const particleIndex = particleAt(toks, i, lemma);
  const preposition = toks[particleIndex]?.lower ?? '';
  const objectCue = OBJECT_CUES.has(lemma) || (particleIndex > 0 && preposition !== 'for' && !(preposition === 'out' && lemma === 'point'));
  const site: CueSite = { u, i, lemma, particleIndex, objectCue, cue: cueSpan(toks, i), c: i + 1 };
  for (const sieve of ctx.sieves) {
    if (sieve.kind !== 'cue') continue;
    const whole = sieve.statement(ctx, site);
    if (whole !== undefined) return whole;
  }
  let subject: Subject | null = null;
  for (const sieve of ctx.sieves) {
    if (sieve.kind !== 'speaker') continue;
    subject = sieve.subject(ctx, site);
    if (subject) break;
  }
  if (!subject?.key) {
    // Someone we cannot name speaks ("a spokesman said"): a quote after this is not the earlier speaker's.
    if (subject) ctx.lastDirect = null;
    return null;
  }
  return contentOf(ctx, site, { ...subject, key: subject.key });
}

/** What the content sieves make of a cue whose speaker is named; the site's content start moves past the
 * cue, an inverted subject ("said Smith, …") and a particle first. */
export function contentOf(ctx: ArticleContext, site: CueSite, subject: Subject & { key: string }): LocalStatement | null {
  if (subject.from > site.i) site.c = subject.to;
  if (site.particleIndex > 0 && site.c <= site.particleIndex) site.c = site.particleIndex + 1;
  for (const sieve of ctx.sieves) {
    if (sieve.kind !== 'content') continue;
    const statement = sieve.statement(ctx, site, subject);
    if (statement !== undefined) return statement;
  }
  return null;
}
