// Sieve (per cue): a participle of saying that opens the sentence — "Noting that both men battled the media,
// Schlafly …", "Citing a conspiracy theory, Trump accused …" — gives the whole statement: the speaker named
// right after its clause, the clause as content. Leaves every other cue to the speaker sieves.

import { skipToThat, trimSpan } from '../bounds.js';
import type { ArticleContext, LocalStatement, Para, Sieve } from '../context.js';
import { make } from '../context.js';
import { cueSpan } from '../cues.js';
import { keyForRun } from '../entities.js';
import { CUE_FORMS, PARTICLE_CUES, PRONOUNS, SETTING_PREPOSITIONS } from '../lexicon.js';
import type { Gender, NameRun } from '../mentions.js';
import type { QuoteSpan, Token, Unit } from '../tokens.js';
import { resolvePronoun } from './27-pronouns.js';

/**
 * "Noting that both men battled the media, Schlafly put her finger on …", "Citing a conspiracy theory,
 * Trump accused …": a participle cue that opens the sentence reports the words of the subject named right
 * after its clause. Undefined when the cue is not such a participle.
 */
export function openingParticiple(
  ctx: ArticleContext,
  para: Para,
  unit: Unit,
  runs: NameRun[],
  i: number,
  covered: QuoteSpan[],
): LocalStatement | null | undefined {
  const toks = unit.tokens;
  // (A section heading in capitals, "REPORTING ON …", is not a sentence.)
  if (
    !toks[i]?.lower.endsWith('ing') ||
    toks[i]?.text === toks[i]?.text.toUpperCase() ||
    !(i === 0 || (i === 1 && ['in', 'by', 'after', 'while', 'when', 'before'].includes(toks[0]?.lower ?? '')))
  )
    return undefined;
  let comma = -1;
  for (let k = i + 1; k < toks.length && k < i + 30; k++) {
    if (toks[k]?.quoted) continue;
    if (toks[k]?.text === ',') {
      comma = k;
      break;
    }
    if (toks[k]?.punct && !["'", '’', '-', '(', ')', '$', '%'].includes(toks[k]?.text ?? '')) return undefined;
  }
  const first = toks[comma + 1];
  if (comma < 0 || !first) return undefined;
  let key: string | null = null;
  if (first.lower === 'he' || first.lower === 'she') key = resolvePronoun(ctx, PRONOUNS[first.lower] as Gender, para.n);
  else {
    const run = runs.find((r) => r.phraseFrom === comma + 1 && !r.possessive && r.kind !== 'organisation');
    if (run) key = keyForRun(ctx, run, true);
  }
  if (!key) return null;
  let c = i + 1;
  if (PARTICLE_CUES[CUE_FORMS.get(toks[i]?.lower ?? '') ?? '']?.includes(toks[c]?.lower ?? '')) c++;
  // ("Writing for the Los Angeles Times, Barabak noted …": where it was written, not what.)
  if (SETTING_PREPOSITIONS.has(toks[c]?.lower ?? '') || toks[c]?.lower === 'for') return undefined;
  c = skipToThat(toks, c);
  const start = toks[c]?.start;
  if (start === undefined || comma - c < (i === 1 ? 1 : 2)) return null;
  const end = (toks[comma] as Token).start;
  const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= start && q.start < end);
  covered.push(...inside);
  return make(key, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], cueSpan(toks, i));
}

export const sieve: Sieve = {
  name: 'opening-participles',
  kind: 'cue',
  statement: (ctx, { u, i }) => openingParticiple(ctx, u.para, u.unit, u.runs, i, u.covered),
};
