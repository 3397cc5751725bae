// Sieve: "According to X, …" and "…, according to X." (and "As reported by X, …") (also mid-sentence, "…, according to X, a former
// envoy, was …"): the sentence is X's. Decides speaker and content of that frame only.

import type { Span } from '../../types.js';
import { contentEnd, trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make } from '../context.js';
import { keyForRun } from '../entities.js';
import { NEW_VERB_AFTER_AND, QUOTE_MARKS } from '../lexicon.js';
import type { NameRun } from '../mentions.js';
import { isRoleWord } from '../mentions.js';
import { findComma } from '../phrases.js';
import type { Token, Unit } from '../tokens.js';

/** "According to X, …" and "…, according to X." */
export function accordingTo(ctx: ArticleContext, para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
  const toks = unit.tokens;
  const at = toks.findIndex((t, k) => !t.quoted && frameLength(toks, k) > 0);
  if (at < 0) return null;
  const length = frameLength(toks, at);
  // ("according to Ronald Reagan's former education secretary William J. Bennett": not the owner.)
  const first = runs.find((r) => r.phraseFrom >= at + length && r.phraseFrom <= at + length + 4);
  const run = first?.possessive ? runs.find((r) => r.from > first.to && r.from <= first.to + 5 && !r.possessive && r.kind !== 'organisation') : first;
  if (!run) return null;
  const key = keyForRun(ctx, run, true);
  if (!key) return null;
  let spans: Span[];
  if (at === 0 || (at === 1 && toks[0]?.punct)) {
    const comma = toks.findIndex((t, k) => k > run.to - 1 && t.text === ',');
    if (comma < 0 || !toks[comma + 1]) return null;
    spans = [trimSpan(para.text, toks[comma + 1]!.start, contentEnd(para.text, unit))];
  } else {
    // "…,'' according to Mr. Rhodes.": the comma may sit inside the closing quotation marks.
    let k = at - 1;
    while (k > 0 && QUOTE_MARKS.has(toks[k]?.text ?? '')) k--;
    if (toks[k]?.text !== ',') return null;
    spans = [trimSpan(para.text, unit.start, toks[k]!.start)];
    // "At the heart of the trouble, according to Dennis Ross, another former envoy, was a decision …":
    // the sentence goes on after the source and its apposition.
    let resume = toks[run.to]?.text === ',' ? run.to + 1 : -1;
    if (resume > 0) {
      const close = findComma(toks, resume, 12);
      if (close > 0 && toks.slice(resume, close).some(isRoleWord)) resume = close + 1;
      const rest = toks.slice(resume).filter((t) => !t.punct);
      const verb = toks[resume]?.lower ?? '';
      if (rest.length >= 3 && (NEW_VERB_AFTER_AND.has(verb) || ['are', 'would', 'will', 'should', 'could', 'can', 'may', 'might', 'must'].includes(verb)))
        spans.push(trimSpan(para.text, (toks[resume] as Token).start, contentEnd(para.text, unit)));
    }
  }
  const inside = unit.quotes.filter((q) => spans.some(([s, e]) => q.start >= s && q.start < e));
  return make(key, inside.length ? 'mixed' : 'indirect', para, spans, [(toks[at] as Token).start, (toks[at + length - 1] as Token).end]);
}

/** Words in the frame at k: "according to" (2), "as reported by" (3), "as first reported by" (4), else 0. */
function frameLength(toks: Token[], k: number): number {
  const t = toks[k] as Token;
  if (t.lower === 'according' && toks[k + 1]?.lower === 'to') return 2;
  if (t.lower !== 'as') return 0;
  const j = toks[k + 1]?.lower === 'first' ? k + 2 : k + 1;
  return toks[j]?.lower === 'reported' && toks[j + 1]?.lower === 'by' ? j + 2 - k : 0;
}

export const sieve: Sieve = {
  name: 'according-to',
  kind: 'unit',
  run(ctx, u) {
    if (!u.speech || u.claimed) return;
    const st = accordingTo(ctx, u.para, u.unit, u.runs);
    if (st) {
      u.found.push(st);
      ctx.statements.push(st);
    }
  },
};
