// Sieve (per quote left unattributed): a quote labelled by punctuation — "Rep. Jane Roe (D-Ore.): “…”",
// "Heading - Carl Bialik: “…”",
// "Limbaugh continued: “…”", the signature dash "“…” ― Maria Lopez". Decides that quote only.

import { trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make, tokenSpan } from '../context.js';
import { keyForRun } from '../entities.js';
import { CUE_FORMS, SPEECH_NOUNS } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import { isAfterPreposition } from '../clauses.js';
import { isDash } from '../phrases.js';
import { onlyPunctuationBetween, spacedPieces } from '../quotes.js';
import { colonClauseSpeaker } from '../subjects.js';
import type { QuoteSpan, Token, Unit } from '../tokens.js';

/**
 * A quote labelled with its speaker by punctuation alone: "Rep. Jane Roe (D-Ore.): “…”", "Here is
 * Clinton in 1992: “…”", and the signature dash after a quote: "“…” ― Maria Lopez".
 */
export function labelledQuote(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[], q: QuoteSpan): LocalStatement | null {
  const toks = unit.tokens;
  const words = spacedPieces(para.text, q.innerStart, q.innerEnd);
  if (words < 4) return null;
  const after = para.text.slice(q.end, unit.end);
  const dash = after.match(/^\s*[―—–-]\s*/);
  if (dash && q.closed) {
    const from = q.end + dash[0].length;
    const run = runs.find((r) => toks[r.phraseFrom]?.start === from || toks[r.from]?.start === from);
    if (run && !run.possessive && onlyPunctuationBetween(para.text, toks[run.to - 1]?.end ?? from, unit.end)) {
      const key = keyForRun(ctx, run, true);
      if (key) return make(key, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], trimSpan(para.text, q.end, from));
    }
  }
  const colon = toks.findIndex((t) => t.text === ':' && t.end <= q.start && onlyPunctuationBetween(para.text, t.end, q.start));
  if (colon < 1) return null;
  // The speaker is the one person named in the short label before the colon. A dash closes a heading before
  // the label: "Pollsters agree - Carl Bialik: “…”".
  let from = colon - 1;
  while (from > 0 && !toks[from - 1]?.quoted && !['.', ';', '!', '?'].includes(toks[from - 1]?.text ?? '') && !isDash(toks, from - 1) && colon - from < 10)
    from--;
  // ("In a Fox interview later that day, Trump went even further: “…”": a long label may open with a phrase.)
  // ("… doesn't surprise Republican pollster Daron Shaw: “…”": or end with the name the colon follows.)
  if (colon - from >= 10 && from > 0) {
    let comma = colon - 1;
    while (comma >= from && toks[comma]?.text !== ',') comma--;
    const named = runs.find((r) => r.to === colon && r.kind === 'person' && !r.possessive);
    if (named) from = named.from;
    else if (comma >= from && colon - comma <= 8) from = comma + 1;
    else return null;
  }
  // (Not one spoken to or about: "delivered a blunt message to Trump: “…”".)
  const label = runs.filter((r) => r.from >= from && r.to <= colon && !r.possessive && !isAfterPreposition(toks, r.phraseFrom));
  const people = label.map((r) => keyForRun(ctx, r, true)).filter((k): k is string => k !== null && ctx.entities.get(k)?.kind === 'person');
  // "Clinton’s response was: “…”": a person's speech noun names the speaker.
  const owner = runs.find((r) => r.from >= from && r.to < colon && r.possessive && SPEECH_NOUNS.has(toks[r.to]?.lower ?? ''));
  const ownerKey = owner && people.length === 0 ? keyForRun(ctx, owner, true) : null;
  if (ownerKey && ctx.entities.get(ownerKey)?.kind === 'person')
    return make(ownerKey, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], tokenSpan(toks[owner?.to ?? colon] as Token));
  if (new Set(people).size !== 1 || toks.slice(from, colon).some((t) => CUE_FORMS.has(t.lower))) {
    // "Limbaugh continued: “…”", "Sanders made the following comment: “…”": the subject of the clause the colon ends;
    // "“…,” Trump said before adding: “…”": a participle with no subject of its own goes on with the last speaker.
    const participle = toks[colon - 1];
    const goesOn =
      people.every((k) => k === ctx.lastDirect?.key) &&
      participle?.lower.endsWith('ing') &&
      CUE_FORMS.has(participle.lower) &&
      ctx.lastDirect?.paragraph === para.n;
    const speaker = goesOn ? (ctx.lastDirect?.key ?? null) : colonClauseSpeaker(ctx, para, unit, runs, colon);
    // ("Limbaugh continued: “…”": the verb before the colon is the cue, else the colon itself.)
    const cue = participle && CUE_FORMS.has(participle.lower) ? tokenSpan(participle) : tokenSpan(toks[colon] as Token);
    return speaker ? make(speaker, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], cue) : null;
  }
  return make(people[0] as string, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], tokenSpan(toks[colon] as Token));
}

export const sieve: Sieve = {
  name: 'labelled-quotes',
  kind: 'quote',
  statement: (ctx, u, q) => labelledQuote(ctx, u.para, u.unit, u.runs, q),
};
