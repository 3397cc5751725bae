// Sieve: a signature line under a quoted paragraph — a paragraph that is only a dash and a name ("- Sanders.",
// "—President Obama, tweeting after Clinton's speech.") right after a paragraph that is only a quotation, as
// fact checks and round-ups lay out the words they examine. Decides the speaker of that one quotation: it
// replaces a guess that the quotation went on from an earlier speaker (a statement with no cue), and leaves a
// quotation the rules gave a cue alone.

import { trimSpan } from '../bounds.js';
import type { ArticleContext, Para, Sieve, UnitState } from '../context.js';
import { make } from '../context.js';
import { keyForRun } from '../entities.js';

const SIGNATURE = /^\s*[-–—―]\s*/;
/** A paragraph that is one quotation: it opens with a quotation mark and ends with one (a period may follow). */
const WHOLE_QUOTE = /^\s*["“]([\s\S]*?)["”]\s*\.?\s*$/;

/** The speaker named by a signature paragraph, or null when the paragraph is no signature. */
function signer(ctx: ArticleContext, u: UnitState): string | null {
  const { para, unit, runs } = u;
  if (para.units.length !== 1 || !SIGNATURE.test(para.text)) return null;
  const toks = unit.tokens;
  const run = runs.find((r) => r.phraseFrom === 1);
  if (!run || run.possessive || run.kind === 'organisation') return null;
  // The name ends the line, or a short description follows it after a comma.
  const after = toks[run.to];
  if (after && after.text !== '.' && after.text !== ',') return null;
  const key = keyForRun(ctx, run, true);
  return key && ctx.entities.get(key)?.kind === 'person' ? key : null;
}

export function signatureLine(ctx: ArticleContext, u: UnitState): void {
  const key = signer(ctx, u);
  if (!key) return;
  const quoted: Para | undefined = ctx.paras.find((p) => p.n === u.para.n - 1);
  const whole = quoted ? WHOLE_QUOTE.exec(quoted.text) : null;
  if (!quoted || !whole || (whole[1] ?? '').trim().split(/\s+/).length < 4) return;
  if (ctx.statements.some((s) => s.paragraph === quoted.n && s.cue !== null)) return;
  for (let k = ctx.statements.length - 1; k >= 0; k--) if (ctx.statements[k]?.paragraph === quoted.n) ctx.statements.splice(k, 1);
  const open = quoted.text.search(/["“]/) + 1;
  const close = quoted.text.search(/["”]\s*\.?\s*$/);
  // (In paragraph order, before anything the signature line itself yielded.)
  const at = ctx.statements.findIndex((s) => s.paragraph > quoted.n);
  ctx.statements.splice(at < 0 ? ctx.statements.length : at, 0, make(key, 'direct', quoted, [trimSpan(quoted.text, open, close)], null));
}

export const sieve: Sieve = {
  name: 'signature-lines',
  kind: 'unit',
  run: signatureLine,
};
