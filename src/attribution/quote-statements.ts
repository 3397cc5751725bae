// Runs the quote family for one sentence: each quotation no earlier sieve attributed goes to the `quote`
// sieves in order until one names its speaker.

import type { ArticleContext, UnitState } from './context.js';

export function quoteStatements(ctx: ArticleContext, u: UnitState): void {
  if (!u.speech || u.claimed) return;
  for (const q of u.unit.quotes) {
    if (u.covered.includes(q)) continue;
    for (const sieve of ctx.sieves) {
      if (sieve.kind !== 'quote') continue;
      const statement = sieve.statement(ctx, u, q);
      if (!statement) continue;
      u.covered.push(q);
      u.found.push(statement);
      ctx.statements.push(statement);
      ctx.lastDirect = { key: statement.speaker, paragraph: u.para.n };
      break;
    }
  }
}
