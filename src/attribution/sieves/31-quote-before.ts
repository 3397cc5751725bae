// Sieve: a quotation right before the speaker and cue is what was said — “…,” Zelenskyy said; “…,” said
// Zelenskyy — with its second half after the cue (“…,” he said, “…”) and a participle that goes on (“…,” he
// said, adding that …), also when the speaker's outlet stands before the name (“…,” Gallup’s Jeffrey Jones
// wrote). A quote only partly quoted before the cue (Mills “got a deal,” Jordan said) gives the
// whole sentence. Decides the content of a found speaker; never the speaker, never a title run into the sentence.

import type { Span } from '../../types.js';
import { contentEnd, trimSpan } from '../bounds.js';
import { participleContent } from '../content.js';
import type { Sieve } from '../context.js';
import { make } from '../context.js';
import { onlyDescriptorBetween, onlyOwnerBetween } from '../phrases.js';
import { embeddedAfterWord, namedWork, onlyPunctuationBetween, resumesAfterCue } from '../quotes.js';

export const sieve: Sieve = {
  name: 'quote-before',
  kind: 'content',
  statement(ctx, site, subject) {
    const { u, i, cue } = site;
    const { para, unit, covered } = u;
    const toks = unit.tokens;
    const speaker = subject.key;
    const subjectStart = Math.min(subject.from, i);
    // ("In his book, ''Make Your Kid a Millionaire,'' McKinley suggested …": a title, not his words.)
    const quoteBefore = unit.quotes.find(
      (q) =>
        q.closed &&
        q.end <= (toks[subjectStart]?.start ?? 0) &&
        (onlyPunctuationBetween(para.text, q.end, toks[subjectStart]?.start ?? 0) ||
          onlyDescriptorBetween(toks, q, subjectStart) ||
          onlyOwnerBetween(toks, q, subjectStart)) &&
        !namedWork(para.text, unit.start, q),
    );
    const embedded = quoteBefore ? embeddedAfterWord(para.text, unit.start, quoteBefore) : null;
    if (quoteBefore && embedded === 'partial' && !covered.includes(quoteBefore)) {
      // Mills “got an immunity agreement,” Jordan said, and still “got to sit in …”: the sentence is the content.
      const spans: Span[] = [trimSpan(para.text, unit.start, quoteBefore.end)];
      const next = toks[Math.max(i, subject.to - 1) + 1];
      if (next?.text === ',' && subject.from <= i) {
        const rest = toks[Math.max(i, subject.to - 1) + 2];
        if (rest) spans.push(trimSpan(para.text, rest.start, contentEnd(para.text, unit)));
      }
      covered.push(...unit.quotes.filter((q) => spans.some(([a, b]) => q.start >= a && q.start < b)));
      return make(speaker, 'mixed', para, spans, cue);
    }
    // A title run into the sentence (on Fox News channel’s “Sunday Morning Futures,” Rep. Issa said) is not what was said.
    if (quoteBefore && !embedded && !covered.includes(quoteBefore)) {
      const quotes = [quoteBefore];
      covered.push(quoteBefore);
      // A split quote: “…,” he said, “…”. The part after the cue belongs to the same statement.
      const after = unit.quotes.find(
        (q) => q.start > (toks[i]?.end ?? 0) && !covered.includes(q) && resumesAfterCue(para.text, toks, Math.max(i, subject.to - 1), q),
      );
      if (after) {
        quotes.push(after);
        covered.push(after);
      }
      const spans: Span[] = quotes.map((q) => trimSpan(para.text, q.innerStart, q.innerEnd));
      const adding = participleContent(ctx, para, unit, Math.max(i, subject.to - 1) + 1);
      if (adding) spans.push(adding);
      return make(speaker, 'direct', para, spans, cue);
    }

    return undefined;
  },
};
