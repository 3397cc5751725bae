// Sieve: "as X put it" and "as X noted" frames — "…, as Marcus puts it." takes the sentence before "as", "As
// Marcus puts it, Obama is …" the clause after the comma, "…, as the magazine put it, “the operator.”" the quote.
// Decides the content of a found speaker in these frames; may move where later content sieves start looking
// (past "put it" and an aside), never the speaker.

import { contentEnd, trimSpan } from '../bounds.js';
import { trailingContent } from '../content.js';
import type { Sieve } from '../context.js';
import { make } from '../context.js';
import { CUE_FORMS, PREPOSITIONAL_START } from '../lexicon.js';
import { onlyPunctuationBetween } from '../quotes.js';
import type { Token } from '../tokens.js';

export const sieve: Sieve = {
  name: 'as-frame',
  kind: 'content',
  statement(ctx, site, subject) {
    const { u, i } = site;
    const { para, unit, covered } = u;
    const toks = unit.tokens;
    const speaker = subject.key;
    const cue = site.cue;
    let c = site.c;
    const putIt = (toks[i]?.lower === 'put' || toks[i]?.lower === 'puts') && toks[i + 1]?.lower === 'it';
    // "As Mr. Bown observed, in the early days …", "…, as Smith noted.": the same frame with any cue.
    // ("…, as Cruz said on Glenn Beck's program on Monday, …": where it was said may stand before the comma.)
    // (The name's phrase may hold a capitalised "As" that opens the sentence.)
    // ("As Purple PAC's Crane said": an owner may stand between "as" and the name.)
    let asAt = subject.from;
    while (asAt > 0 && subject.from - asAt < 5 && toks[asAt]?.lower !== 'as' && !toks[asAt - 1]?.punct) asAt--;
    const asBefore = toks[asAt]?.lower === 'as';
    if (asBefore && subject.from < i && PREPOSITIONAL_START.has(toks[c]?.lower ?? '')) {
      const stop = toks.findIndex((t, k) => k > c && k < c + 12 && t.punct);
      const closes = stop > 0 && (toks[stop]?.text === ',' || toks.slice(stop).every((t) => t.punct));
      if (closes && toks.slice(c, stop).every((t) => !t.quoted && !CUE_FORMS.has(t.lower))) c = stop;
    }
    const asFrame = !putIt && asBefore && subject.from < i && (toks[c]?.text === ',' || toks.slice(c).every((t) => t.punct));
    if (putIt || asFrame) {
      if (putIt) c = i + 2;
      // "As The Post's Ruth Marcus puts it": "as" opens the frame a few words before the name.
      let as = subject.from;
      while (as > 0 && subject.from - as < 5 && toks[as]?.lower !== 'as' && !toks[as - 1]?.punct) as--;
      if (toks[as]?.lower !== 'as') return null;
      // "the race “is a dead heat right now,” as Cruz said, …": the quotation right before "as" is what was said.
      const quoted = unit.quotes.find(
        (q) => q.closed && !covered.includes(q) && q.end <= (toks[as] as Token).start && onlyPunctuationBetween(para.text, q.end, (toks[as] as Token).start),
      );
      if (quoted) {
        covered.push(quoted);
        site.c = c;
        return make(speaker, 'direct', para, [trimSpan(para.text, quoted.innerStart, quoted.innerEnd)], cue);
      }
      // "Yet, as Bown observed, in the early days …" opens the sentence all the same.
      const opening = toks.slice(0, as - 1).every((t) => !t.punct) && as - 1 <= 2;
      if (toks[as - 1]?.text === ',' && !opening) {
        // "…, as Marcus puts it." The content is the sentence before "as"; "…, as the magazine put it, “the operator.”" the quote after.
        const after = unit.quotes.find((q) => q.start > (toks[i + 1] as Token).end && !covered.includes(q));
        if (after) {
          covered.push(after);
          return make(speaker, 'direct', para, [trimSpan(para.text, after.innerStart, after.innerEnd)], cue);
        }
        return toks.slice(c).every((t) => t.punct) ? trailingContent(ctx, para, unit, { ...subject, from: as }, i, covered) : null;
      }
      // "As Marcus puts it, Obama is trying …": the content follows the comma (after "in a statement in July").
      if (toks[c]?.text !== ',') {
        const comma = toks.findIndex((t, k) => k > c && k < c + 15 && t.text === ',');
        if (comma > 0 && toks.slice(c, comma).every((t) => !t.quoted)) c = comma;
      }
      const rest = toks[c + 1];
      if (toks[c]?.text === ',' && rest && !rest.punct) {
        const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= rest.start);
        if (!(inside.length === 1 && inside[0]?.start === rest.start)) {
          covered.push(...inside);
          return make(speaker, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, rest.start, contentEnd(para.text, unit))], cue);
        }
      }
    }
    site.c = c;
    return undefined;
  },
};
