// Sieve: genders from pronouns. "Bill Clinton said he …" tells that the person who opens the sentence is a
// man, for "Mr."/"Mrs." and later pronouns. Decides entities' gender only; finds no statement.

import { opensClause } from '../clauses.js';
import type { ArticleContext, Para, Sieve } from '../context.js';
import { keyForRun } from '../entities.js';
import type { LocalEntity } from '../mentions.js';
import type { Token, Unit } from '../tokens.js';

/**
 * "Bill Clinton said he …", "Trump drew criticism after he …": a he/she with no other person named between it
 * and the full name that opens its sentence tells that person's gender (for "Mr."/"Mrs." and pronouns).
 */
export function learnGenders(ctx: ArticleContext, paras: Para[]): void {
  for (const para of paras) {
    for (let ui = 0; ui < para.units.length; ui++) {
      const toks = (para.units[ui] as Unit).tokens;
      const runs = para.runs[ui] ?? [];
      if (runs.length === 0 || !toks.some((t) => t.lower === 'he' || t.lower === 'she')) continue;
      let subject: LocalEntity | null = null;
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k] as Token;
        const run = runs.find((r) => r.phraseFrom === k || r.from === k);
        if (run) {
          // A second name before the pronoun makes it ambiguous.
          const key: string | null =
            !subject && run.kind === 'person' && !run.possessive && opensClause(toks, run.phraseFrom) ? keyForRun(ctx, run, false) : null;
          subject = key ? (ctx.entities.get(key) ?? null) : null;
          if (!subject) break;
          k = run.to - 1;
          continue;
        }
        if (t.quoted || (t.lower !== 'he' && t.lower !== 'she')) continue;
        if (subject) subject.gender ??= t.lower === 'he' ? 'm' : 'f';
        break;
      }
    }
  }
}

export const sieve: Sieve = { name: 'genders', kind: 'people', run: (ctx) => learnGenders(ctx, ctx.paras) };
