// Sieve: a sentence or paragraph that is only a quotation, right after a direct quote, goes on with the same
// speaker (no cue of its own: cue null); so does a quote the writer finishes with a few plain words. Decides
// quotes no other sieve attributed; never names a new speaker.

import { contentEnd, trimSpan } from '../bounds.js';
import type { ArticleContext, Para, Sieve } from '../context.js';
import { make } from '../context.js';
import { CUE_FORMS } from '../lexicon.js';
import { onlyPunctuationBetween, spacedPieces } from '../quotes.js';
import type { QuoteSpan, Unit } from '../tokens.js';

/** A paragraph or sentence that is only a quotation, right after a direct quote: the same speaker goes on. */
export function continueQuotes(ctx: ArticleContext, para: Para, unit: Unit, covered: QuoteSpan[]): void {
  for (const q of unit.quotes) {
    if (covered.includes(q)) continue;
    const opensUnit = onlyPunctuationBetween(para.text, unit.start, q.start);
    const fillsUnit = q.end >= unit.end - 2 || onlyPunctuationBetween(para.text, q.end, unit.end);
    const words = spacedPieces(para.text, q.innerStart, q.innerEnd);
    const last = ctx.lastDirect;
    // Four words at least, unless the speaker was named in this very paragraph (“I would, Donald.”).
    if (!opensUnit || !last || para.n - last.paragraph > 1 || words < (last.paragraph === para.n ? 2 : 4)) continue;
    if (fillsUnit) {
      covered.push(q);
      ctx.statements.push(make(last.key, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], null));
      ctx.lastDirect = { key: last.key, paragraph: para.n };
    } else if (quoteTailsOff(unit, q)) {
      // “It's basically just a tax increase” for the top income bracket.: the speaker's words finished by the writer.
      covered.push(q);
      ctx.statements.push(make(last.key, 'mixed', para, [trimSpan(para.text, q.start, contentEnd(para.text, unit))], null));
    }
  }
}

/** After a quote that opens its sentence, a few plain words end it: no cue, no name, no second quote. */
export function quoteTailsOff(unit: Unit, q: QuoteSpan): boolean {
  const tail = unit.tokens.filter((t) => t.start >= q.end);
  const words = tail.filter((t) => !t.punct);
  return (
    words.length > 0 &&
    words.length <= 8 &&
    !unit.quotes.some((o) => o.start >= q.end) &&
    words.every((t) => !t.cap && !CUE_FORMS.has(t.lower)) &&
    tail.every((t) => !['(', ':', ';'].includes(t.text))
  );
}

export const sieve: Sieve = {
  name: 'continued-quotes',
  kind: 'unit',
  run: (ctx, u) => continueQuotes(ctx, u.para, u.unit, u.covered),
};
