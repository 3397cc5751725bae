// /compare as Discord markdown: each statement several outlets carried, the wording most of them used
// first, then every other outlet's version marked against it (words it adds or changes in bold
// underline, words it leaves out struck through). One layout for every statement; the reporting
// words and the quote/paraphrase distinction are kept exactly as in answers.

import { spanLine } from '../answer/dates.js';
import { urlToWords } from '../answer/fragment.js';
import { formatDate, shownCue } from '../answer/overview.js';
import type { ComparedStatement, ComparedVersion, Comparison, DiffPiece } from '../types.js';
import { clip, escapeText, listWithin } from './escape.js';
import type { LinkStyle } from './render-answer.js';

/** One version's words longer than this fall back to the unmarked text, cut (a cut could leave a mark open). */
const VERSION_MAX = 700;

/** Wraps the non-space core of `text` in `open`/`close`, keeping its surrounding spaces outside. */
function wrap(text: string, open: string, close: string): string {
  const core = text.trim();
  if (core === '') return text;
  const lead = text.match(/^\s*/)?.[0] ?? '';
  const trail = text.match(/\s*$/)?.[0] ?? '';
  return `${lead}${open}${core}${close}${trail}`;
}

/**
 * Diff pieces as markdown: added or changed words **__bold underlined__**, left-out words ~~struck~~;
 * with `paraphrase`, every run is also in italics (paraphrase is never shown upright like a quote).
 */
export function renderDiff(pieces: DiffPiece[], paraphrase = false): string {
  const i = paraphrase ? '*' : '';
  return pieces
    .map((piece, k) => {
      const text = escapeText(piece.text);
      if (piece.omitted) {
        // Left-out words sit between two runs of the version's own text: keep a space on each side.
        const before = k > 0 && !/\s$/.test(pieces[k - 1]!.text) ? ' ' : '';
        return `${before}${wrap(text, `${i}~~`, `~~${i}`)}${/\s$/.test(text) ? '' : ' '}`;
      }
      if (piece.changed) return wrap(text, `${i}**__`, `__**${i}`);
      return i ? wrap(text, i, i) : text;
    })
    .join('')
    .trimEnd();
}

/** A version's words: the cue, then the quote in quotation marks or the paraphrase in italics, marked. */
export function versionMarkdown(version: ComparedVersion): string {
  const cue = shownCue(version.cue) ? `**${escapeText(shownCue(version.cue)!)}** ` : '';
  const pieces = version.diff.length > 0 ? version.diff : [{ text: version.text, changed: false }];
  let words = renderDiff(pieces, !version.verbatim);
  if (words.length > VERSION_MAX) {
    const plain = escapeText(clip(version.text, VERSION_MAX - 10));
    words = version.verbatim ? plain : wrap(plain, '*', '*');
  }
  return `${cue}${version.verbatim ? `“${words}”` : words}`;
}

/** The lines of one compared statement: per outlet, who and when, then the words with a link to them. */
export function comparedLines(statement: ComparedStatement, style: LinkStyle): string[] {
  const lines: string[] = [];
  for (const version of statement.versions) {
    const date = version.article.date ? ` · ${formatDate(version.article.date)}` : '';
    const note = version.reference ? ' · *the wording the others are marked against*' : '';
    lines.push(`__**${clip(escapeText(version.outlet), 80)}**__${date}${note}`);
    lines.push(`${versionMarkdown(version)} ${style.link('↗', urlToWords(version.article.url, version.text))}`.trimEnd());
  }
  return lines;
}

/** Title, summary and footer label of a comparison (shared by the embed and plain-text forms). */
export function comparisonHeader(comparison: Comparison, asked: { person: string; topic: string | null }): { title: string; summary: string; label: string } {
  const name = comparison.speaker?.name ?? asked.person;
  const topic = comparison.topic ?? asked.topic;
  const possessive = /s$/i.test(name) ? `${name}’` : `${name}’s`;
  const title = clip(escapeText(`How each outlet reported ${possessive} words${topic ? ` on ${topic}` : ''}`), 256);
  const lines: string[] = [];
  const dates = spanLine({ span: comparison.span ?? null });
  if (dates) lines.push(escapeText(dates));
  if (comparison.notice) lines.push(`*${escapeText(comparison.notice)}*`);
  if (comparison.suggestions.length > 0) {
    lines.push(
      `Did you mean ${listWithin(
        comparison.suggestions.map((s) => `**${escapeText(s)}**`),
        300,
      )}? \`/sources\` lists everyone quoted.`,
    );
  }
  if (comparison.shared.length > 0) {
    const count = comparison.shared.length;
    lines.push(
      `${count} ${count === 1 ? 'statement' : 'statements'} carried by two or more outlets. Each starts with the wording most of them used; ` +
        'in the others, **__bold underlined__** words are added or changed and ~~struck~~ words are left out. ' +
        'Quotation marks hold the speaker’s own words, *italics* the reporter’s paraphrase.',
    );
  } else if (!comparison.notice) {
    lines.push('No statement of theirs was carried by more than one outlet.');
  }
  const label = `Compare: ${asked.person}${asked.topic ? ` · topic: ${asked.topic}` : ''}`;
  return { title, summary: clip(lines.join('\n'), 1000), label };
}

export function statementHeading(index: number, total: number, statement: ComparedStatement): string {
  return `Statement ${index + 1} of ${total} · ${statement.versions.length} outlets`;
}
