// A statement as a reader is shown it. An attributed statement can join the speaker's quoted words
// to the reporter's paraphrase ("“…on our part,” he said, adding that the guarantees should be
// legally binding"); shown as one quote, the paraphrase would read as his words. Here each span is
// checked against the paragraph's quotation marks and the statement is cut where that changes.

import { findQuotes, type QuoteSpan } from '../attribution/tokens.js';
import type { IndexedStatement } from '../search/index.js';
import type { Article, Excerpt, Paragraph, ShownStatement, Span, Statement, StatementKind } from '../types.js';

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

type StatementForm = { kind: StatementKind; spans: Span[]; text: string; cue: string | null };
/** One piece of a statement as shown. */
export type ShownPiece = { text: string; verbatim: boolean; kind: StatementKind; cue: string | null; offset: number };

const isInside = ([a, b]: Span, kind: StatementKind, quotes: QuoteSpan[]): boolean =>
  quotes.some((q) => a >= q.innerStart && b <= q.innerEnd) || (kind === 'direct' && quotes.length === 0);

/**
 * Whether the statement is shown in one piece, every span inside the paragraph's quotation marks
 * (true) or every span outside (false), or null when it is cut into pieces where that changes. A
 * direct statement in a paragraph with no marks at all (a quote set apart on its own) counts as inside.
 */
export function wholeVerbatim(statement: StatementForm, quotes: QuoteSpan[]): boolean | null {
  const spans = statement.spans;
  if (spans.length === 0) return statement.kind === 'direct';
  const first = isInside(spans[0] as Span, statement.kind, quotes);
  for (let i = 1; i < spans.length; i++) if (isInside(spans[i] as Span, statement.kind, quotes) !== first) return null;
  return first;
}

/** The one piece of a statement shown whole (see wholeVerbatim). */
export function wholePiece(statement: StatementForm, verbatim: boolean): ShownPiece {
  const first = statement.spans[0];
  if (!first) return { text: statement.text, verbatim, kind: statement.kind, cue: statement.cue, offset: 0 };
  return wholeQuote({ text: statement.text, verbatim, cue: statement.cue, offset: first[0] });
}

/**
 * The statement's shown pieces: consecutive spans stay together while they are all inside quotation
 * marks or all outside; a change starts a new piece.
 */
export function splitStatement(statement: StatementForm, paragraphText: string): ShownPiece[] {
  const quotes = findQuotes(paragraphText);
  const whole = wholeVerbatim(statement, quotes);
  if (whole !== null) return [wholePiece(statement, whole)];
  const pieces: Piece[] = [];
  for (const span of statement.spans) {
    const verbatim = isInside(span, statement.kind, quotes);
    const last = pieces.at(-1);
    if (last && last.verbatim === verbatim) last.spans.push(span);
    else pieces.push({ spans: [span], verbatim });
  }
  return pieces.map((piece, i) => {
    const text = piece.spans.map(([a, b]) => paragraphText.slice(a, b)).join(' … ');
    const start = piece.spans[0]![0];
    const previousEnd = i > 0 ? pieces[i - 1]!.spans.at(-1)![1] : 0;
    const cue = i === 0 ? statement.cue : (leadWords(paragraphText.slice(previousEnd, start)) ?? statement.cue);
    return wholeQuote({ text, verbatim: piece.verbatim, cue, offset: start });
  });
}

/** Paragraph `n` of an article (paragraphs are numbered from 1, in order, so nearly always at n − 1). */
export function paragraphOf(article: Article, n: number): Paragraph | undefined {
  const at = article.paragraphs[n - 1];
  return at?.n === n ? at : article.paragraphs.find((p) => p.n === n);
}

/**
 * Statements as the index keeps them: with their article's outlet and date, and how each is shown
 * (`wholeVerbatim`), worked out from its paragraph here once, so that showing the 1,000 statements of
 * a big answer reads no paragraph unless one is cut into pieces (reading and scanning them took a
 * sixth to a quarter of such an answer's first asking at 100k). Statements of one paragraph come
 * together: its quotation marks are found once for them all.
 */
export function indexedStatements(statements: readonly Statement[], articleOf: (file: string) => Article): IndexedStatement[] {
  let article: Article | null = null;
  let paragraph = -1;
  let quotes: QuoteSpan[] | null = null;
  return statements.map((s) => {
    const a = articleOf(s.file);
    if (a !== article || s.paragraph !== paragraph) {
      article = a;
      paragraph = s.paragraph;
      const text = paragraphOf(a, s.paragraph)?.text;
      quotes = text === undefined ? null : findQuotes(text);
    }
    // Field by field, in the statement's own order: a spread of 50k statements took 150-250 ms at 10k, and
    // each copy it made held ~360 bytes more (140.7 against 123.3 MB of heap after building 10k).
    return {
      speaker: s.speaker,
      kind: s.kind,
      text: s.text,
      file: s.file,
      paragraph: s.paragraph,
      spans: s.spans,
      cue: s.cue,
      cueSpan: s.cueSpan,
      outlet: a.outlet,
      date: a.date,
      wholeVerbatim: quotes ? wholeVerbatim(s, quotes) : null,
    };
  });
}

/** A piece that is one whole quotation, marks included ("said “…”" counted as mixed), is the speaker's own words. */
function wholeQuote(piece: { text: string; verbatim: boolean; cue: string | null; offset: number }): ShownPiece {
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
