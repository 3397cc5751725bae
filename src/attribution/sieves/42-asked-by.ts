// Sieve: "Asked by Starnes if he believed …, Carson said" and "was asked by host Ann Roe whether …": the one
// named after "asked by" asked the question, so the question is theirs. Decides speaker and content of that
// passive frame only; the answer in the rest of the sentence is left to the cue sieves.

import { contentEnd, trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make, tokenSpan } from '../context.js';
import { keyForRun } from '../entities.js';
import type { NameRun } from '../mentions.js';
import type { Token, Unit } from '../tokens.js';

/** Words that open what was asked: "whether …", "about …", "to respond …". */
const QUESTION_OPENERS = new Set(['if', 'whether', 'about', 'to', 'what', 'how', 'why', 'when', 'where', 'who']);

/** "asked by X [on Thursday] whether …": X's question, up to the clause's comma or the sentence's end. */
export function askedBy(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
  const toks = unit.tokens;
  for (let at = 0; at < toks.length - 3; at++) {
    const t = toks[at] as Token;
    if (t.quoted || t.lower !== 'asked' || toks[at + 1]?.lower !== 'by') continue;
    // ("asked by host John Dickerson": a short description may stand before the name.)
    const run = runs.find((r) => r.phraseFrom >= at + 2 && r.phraseFrom <= at + 4 && r.kind === 'person' && !r.possessive);
    if (!run || toks.slice(at + 2, run.phraseFrom).some((w) => w.punct || w.cap)) continue;
    let k = run.to;
    // "asked by Ingraham on Thursday about …": when it was asked is not the question.
    while (
      k < run.to + 3 &&
      ['on', 'in', 'at', 'last', 'this', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'night', 'week'].includes(
        toks[k]?.lower ?? '',
      )
    )
      k++;
    if (!QUESTION_OPENERS.has(toks[k]?.lower ?? '')) continue;
    const key = keyForRun(ctx, run, true);
    if (!key) return null;
    const close = toks.findIndex((w, j) => j > k && !w.quoted && [',', ';', '—', '–'].includes(w.text));
    const endTok = close > 0 ? (toks[close] as Token) : null;
    const span = trimSpan(para.text, (toks[k] as Token).start, endTok ? endTok.start : contentEnd(para.text, unit));
    if ((para.text.slice(span[0], span[1]).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return null;
    const inside = unit.quotes.some((q) => q.start >= span[0] && q.start < span[1]);
    return make(key, inside ? 'mixed' : 'indirect', para, [span], tokenSpan(t));
  }
  return null;
}

export const sieve: Sieve = {
  name: 'asked-by',
  kind: 'unit',
  run(ctx, u) {
    if (!u.speech || u.claimed) return;
    const st = askedBy(ctx, u.para, u.unit, u.runs);
    if (st) {
      u.found.push(st);
      ctx.statements.push(st);
    }
  },
};
