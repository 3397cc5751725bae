// Sieve: colon labels. "Graham: Trump’s rhetoric is destroying the party’s chances" reports the words of a
// person the article names elsewhere. When it speaks, the unit is claimed: no later finding sieve looks at it.

import { contentEnd, trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve, UnitState } from '../context.js';
import { make, tokenSpan } from '../context.js';
import { keyForRun } from '../entities.js';
import type { NameRun } from '../mentions.js';
import { surnameOf } from '../mentions.js';
import type { Token, Unit } from '../tokens.js';

/**
 * "Graham: Trump’s rhetoric is destroying the party’s chances": a sentence that opens with a person's name
 * and a colon reports that person's words (the headline convention). Only a person the article names
 * elsewhere counts, so "Fact Check: …" or "Update: …" never speak.
 */
export function colonLabel(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
  const toks = unit.tokens;
  const run = runs[0];
  if (run?.phraseFrom !== 0 || run.possessive || toks[run.to]?.text !== ':') return null;
  const rest = toks.slice(run.to + 1).filter((t) => !t.punct);
  if (rest.length < 4 || rest[0]?.quoted) return null;
  const key = keyForRun(ctx, run, false);
  const e = key ? ctx.entities.get(key) : undefined;
  if (!key || e?.kind !== 'person') return null;
  const surname = surnameOf(e.name);
  if (!ctx.article.paragraphs.some((p) => p.n !== para.n && p.text.includes(surname))) return null;
  const start = (rest[0] as Token).start;
  // "Matthews: Here’s the irony. Yet everybody …": in a transcript, where the same label opens more than one
  // paragraph, it gives the speaker the whole paragraph, not only its first sentence. (A label used once is
  // more often a section heading: "Jeb Bush: Student loans".)
  const last = para.units[para.units.length - 1];
  const label = `${para.text.slice((toks[0] as Token).start, (toks[run.to] as Token).end)}`;
  const transcript = para.units[0] === unit && last && ctx.article.paragraphs.filter((p) => p.text.trimStart().startsWith(label)).length > 1;
  const end = transcript ? contentEnd(para.text, last) : contentEnd(para.text, unit);
  const inside = unit.quotes.some((q) => q.start >= start);
  return make(key, inside ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], tokenSpan(toks[run.to] as Token));
}

export const sieve: Sieve = {
  name: 'colon-labels',
  kind: 'unit',
  run(ctx, u) {
    if (!u.speech || u.claimed) return;
    const st = colonLabel(ctx, u.para, u.unit, u.runs);
    if (st) claimUnit(ctx, u, st);
  },
};

/** A label or headline claim takes the unit: the quotes in its content are covered, nothing else is looked for. */
export function claimUnit(ctx: ArticleContext, u: UnitState, st: LocalStatement): void {
  u.covered.push(...u.unit.quotes.filter((q) => q.start >= (st.spans[0]?.[0] ?? 0)));
  ctx.statements.push(st);
  u.found.push(st);
  u.claimed = true;
}
