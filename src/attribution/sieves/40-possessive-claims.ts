// Sieve: a speech noun a person owns — "Trump’s claim that …", "Obama’s calls for …", "Fiorina’s statement
// about the video" — reports what follows "that", "about", "on" or "of". Never content already found.

import { clauseContentEnd, objectPhraseEnd, trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make, tokenSpan } from '../context.js';
import { keyForRun } from '../entities.js';
import { CUE_FORMS, NEW_VERB_AFTER_AND, SPEECH_NOUNS, TIME_WORDS } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import type { QuoteSpan, Token, Unit } from '../tokens.js';

/**
 * A nominal cue owned by a person: "Trump’s claim that there have been thousands of shootings",
 * "Obama’s announcement Friday of new rules", "Fiorina’s statement about the video". What follows
 * "that", "about", "on" or "of" is what the person said.
 */
export function possessiveClaim(
  ctx: ArticleContext,
  para: Para,
  unit: Unit,
  runs: NameRun[],
  found: LocalStatement[],
  covered: QuoteSpan[],
): LocalStatement | null {
  const toks = unit.tokens;
  for (const run of runs) {
    if (!run.possessive || run.kind === 'organisation') continue;
    // "Priebus called Clinton's remarks on 9/11 a “new low”": what another judges is not what she said.
    if (['called', 'calling', 'labeled', 'labelled', 'dubbed', 'deemed', 'termed', 'branded'].includes(toks[run.phraseFrom - 1]?.lower ?? '')) continue;
    let k = run.to;
    // ("Trump's false claims that …", "Trump's fire-breathing vows to …": a word or two may describe the noun.)
    for (let j = run.to; j < run.to + 2; j++) {
      const w = toks[j];
      if (!w || w.punct || w.quoted || w.cap || SPEECH_NOUNS.has(w.lower)) break;
      if (SPEECH_NOUNS.has(toks[j + 1]?.lower ?? '')) {
        k = j + 1;
        break;
      }
    }
    // ("Trump’s talking about the working class": a possessive gerund is a nominal cue too.)
    const gerund = (toks[k]?.lower ?? '').endsWith('ing') && CUE_FORMS.has(toks[k]?.lower ?? '');
    if (!SPEECH_NOUNS.has(toks[k]?.lower ?? '') && !gerund) continue;
    // "Trump’s statement earlier this year that …": a short adverbial may sit between the noun and "that".
    let c = k + 1;
    // "Obama’s calls for …", "his response to …": "for" and "to" lead to words only after a call, plea or response
    // ("her speech to the association", "Trump's claim to the nomination" do not).
    const links = ['call', 'calls', 'plea', 'response', 'promise', 'promises', 'pledge', 'vow', 'vows', 'threat'].includes(toks[k]?.lower ?? '')
      ? ['that', 'about', 'on', 'of', 'for', 'to']
      : ['that', 'about', 'on', 'of'];
    while (
      c < toks.length &&
      c - k <= 4 &&
      (TIME_WORDS.test((toks[c] as Token).lower) || ((toks[c] as Token).lower === 'in' && /^\d{4}$/.test(toks[c + 1]?.text ?? '')))
    )
      c++;
    const link = toks[c]?.lower ?? '';
    if (!links.includes(link) || !toks[c + 1]) continue;
    const start = (toks[c + 1] as Token).start;
    if (found.some((st) => st.spans.some(([a, b]) => start >= a && start < b))) continue;
    // "Clinton’s comments on the shooting came as …": the noun phrase is the subject; its verb ends the content.
    let end = link === 'that' ? clauseContentEnd(para.text, unit, toks, c) : objectPhraseEnd(para.text, unit, toks, c);
    if (link !== 'that') {
      const verb = toks.find(
        (t, j) =>
          j > c + 1 &&
          t.start < end &&
          !t.quoted &&
          (NEW_VERB_AFTER_AND.has(t.lower) || ['came', 'comes', 'seems', 'seemed', 'drew', 'draws'].includes(t.lower) || /^\p{Ll}{3,}ed$/u.test(t.text)),
      );
      if (verb) end = verb.start;
    }
    if ((para.text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 2) continue;
    const key = keyForRun(ctx, run, true);
    if (!key || ctx.entities.get(key)?.kind !== 'person') continue;
    const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= start && q.start < end);
    covered.push(...inside);
    return make(key, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], tokenSpan(toks[k] as Token));
  }
  return null;
}

export const sieve: Sieve = {
  name: 'possessive-claims',
  kind: 'unit',
  run(ctx, u) {
    if (!u.speech || u.claimed) return;
    const st = possessiveClaim(ctx, u.para, u.unit, u.runs, u.found, u.covered);
    if (st) {
      u.found.push(st);
      ctx.statements.push(st);
    }
  },
};
