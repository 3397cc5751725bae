// A statement as a reader is shown it. An attributed statement can join the speaker's quoted words
// to the reporter's paraphrase ("“…on our part,” he said, adding that the guarantees should be
// legally binding"); shown as one quote, the paraphrase would read as his words. Here each span is
// checked against the paragraph's quotation marks and the statement is cut where that changes.

import { findQuotes } from '../attribution/tokens.js';
import type { Excerpt, ShownStatement, Span, StatementKind } from '../types.js';

interface Piece {
  spans: Span[];
  verbatim: boolean;
}

/** Words that introduce a later piece, from the text between it and the piece before: "…,” he said, adding that …" gives "adding that". */
export function leadWords(gap: string): string | null {
  const clause = gap
    .split(/[,;:—–]/)
    .map((s) => s.replace(/["“”«»„]/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s))
    .at(-1);
  if (!clause) return null;
  const words = clause.split(/\s+/);
  return words.slice(-4).join(' ');
}

/**
 * The statement's shown pieces: consecutive spans stay together while they are all inside quotation
 * marks or all outside; a change starts a new piece. A direct statement in a paragraph with no marks
 * at all (a quote set apart on its own) counts as verbatim.
 */
export function splitStatement(
  statement: { kind: StatementKind; spans: Span[]; text: string; cue: string | null },
  paragraphText: string,
): { text: string; verbatim: boolean; kind: StatementKind; cue: string | null; offset: number }[] {
  const quotes = findQuotes(paragraphText);
  const inside = ([a, b]: Span): boolean => quotes.some((q) => a >= q.innerStart && b <= q.innerEnd) || (statement.kind === 'direct' && quotes.length === 0);
  const spans = statement.spans.length ? statement.spans : null;
  if (!spans) return [{ text: statement.text, verbatim: statement.kind === 'direct', kind: statement.kind, cue: statement.cue, offset: 0 }];
  const pieces: Piece[] = [];
  for (const span of spans) {
    const verbatim = inside(span);
    const last = pieces.at(-1);
    if (last && last.verbatim === verbatim) last.spans.push(span);
    else pieces.push({ spans: [span], verbatim });
  }
  if (pieces.length === 1) return [wholeQuote({ text: statement.text, verbatim: pieces[0]!.verbatim, cue: statement.cue, offset: spans[0]![0] })];
  return pieces.map((piece, i) => {
    const text = piece.spans.map(([a, b]) => paragraphText.slice(a, b)).join(' … ');
    const start = piece.spans[0]![0];
    const previousEnd = i > 0 ? pieces[i - 1]!.spans.at(-1)![1] : 0;
    const cue = i === 0 ? statement.cue : (leadWords(paragraphText.slice(previousEnd, start)) ?? statement.cue);
    return wholeQuote({ text, verbatim: piece.verbatim, cue, offset: start });
  });
}

/** A piece that is one whole quotation, marks included ("said “…”" counted as mixed), is the speaker's own words. */
function wholeQuote(piece: { text: string; verbatim: boolean; cue: string | null; offset: number }): ReturnType<typeof splitStatement>[number] {
  const inner = piece.verbatim ? null : piece.text.match(/^["“«]([^"“”«»]+)["”»]$/)?.[1];
  if (inner) return { text: inner, verbatim: true, kind: 'direct', cue: piece.cue, offset: piece.offset + 1 };
  // A literal in the same field order as the other pieces: one shape for every piece the engine caches.
  return { text: piece.text, verbatim: piece.verbatim, kind: pieceKind(piece.text, piece.verbatim), cue: piece.cue, offset: piece.offset };
}

function pieceKind(text: string, verbatim: boolean): StatementKind {
  if (verbatim) return 'direct';
  return /["“”«»„]/.test(text) ? 'mixed' : 'indirect';
}

/** A passage (narrative text, attributed to no one) as shown: never verbatim speech. */
export function shownPassage(excerpt: Excerpt, outlet: string): ShownStatement {
  return shownAs(excerpt, excerpt, outlet, false, 0);
}

/**
 * An excerpt shown with `piece`'s words, kind and cue. Written out field by field, not spread: a
 * 1,000-excerpt answer makes as many, and a literal is many times faster to build than a spread
 * with overrides, and gives every shown statement one shape for the grouping that reads them.
 */
export function shownAs(e: Excerpt, piece: Pick<Excerpt, 'text' | 'kind' | 'cue'>, outlet: string, verbatim: boolean, offset: number): ShownStatement {
  return { text: piece.text, speaker: e.speaker, kind: piece.kind, cue: piece.cue, paragraph: e.paragraph, article: e.article, outlet, verbatim, offset };
}
