// An answer as Discord markdown, one screen a page. Each statement is shown once, with the outlets
// that carried it, and reads as what it is: the reporting words ("**rejected**") always kept, the
// speaker's own words in quotation marks, paraphrase in italics, never a block quote. Each outlet
// name links to its article at the words themselves (a URL text fragment). The same lines serve the
// embed and the plain-text forms; only the link syntax and the page budget differ.

import { spanLine } from '../answer/dates.js';
import { urlToWords } from '../answer/fragment.js';
import { statementsByOutlet } from '../answer/groups.js';
import { formatDate, overview, overviewLine, shownCue } from '../answer/overview.js';
import type { AnswerResult, ShownStatement, StatementGroup } from '../types.js';
import { clip, escapeText, listWithin, safeUrl } from './escape.js';

/** Grouped: each statement once with its outlets. By outlet: every outlet's own, in article order. */
export type AnswerLayout = 'grouped' | 'outlets';

/** One screen: at most this many statements and this many characters a reader sees (links count by their label). */
export const PAGE_STATEMENTS = 10;
export const PAGE_VISIBLE = 2000;
/** A statement's words beyond this are cut at a word (its link lands on the whole passage). */
const STATEMENT_MAX = 320;

export interface LinkStyle {
  /** How a link is written: embeds show masked links; message text wraps the URL in <…> so nothing unfurls. */
  link(label: string, url: string | null): string;
}

export const EMBED_LINKS: LinkStyle = {
  link: (label, url) => {
    const href = safeUrl(url);
    return href ? `[${label}](${href})` : label;
  },
};

export const TEXT_LINKS: LinkStyle = {
  link: (label, url) => {
    const href = safeUrl(url);
    return href && href.length <= 400 ? `[${label}](<${href}>)` : label;
  },
};

/** What visibleLength takes off: links, escapes, bold and italic marks, small-text lines. */
const MARKUP = /[[\\*_]|^-# /m;

/** Characters a reader sees: a masked link counts as its label, markdown marks and escapes as nothing. */
export function visibleLength(markdown: string): number {
  // Most lines of a long answer have no markup to take off: counting them needs no rewriting.
  if (!MARKUP.test(markdown)) return markdown.length;
  return markdown
    .replace(/\[((?:\\.|[^\]\\])*)\]\(<?[^)\s>]*>?\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\*\*|__|\*/g, '')
    .replace(/^-# /gm, '').length;
}

/** Cuts text at a word boundary before `max` characters, ending with an ellipsis. */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

const QUOTED = /“[^”]*”?|"[^"]*"?|«[^»]*»?|„[^“”]*[“”]?/g;

/** Paraphrase in italics; the words it quotes stay upright, in their quotation marks, as the article has them. */
export function paraphraseMarkdown(text: string): string {
  const out: string[] = [];
  let at = 0;
  const italic = (run: string): string => {
    const escaped = escapeText(run);
    const core = escaped.trim();
    if (core === '') return escaped;
    const lead = escaped.match(/^\s*/)?.[0] ?? '';
    const trail = escaped.match(/\s*$/)?.[0] ?? '';
    return `${lead}*${core}*${trail}`;
  };
  for (const m of text.matchAll(QUOTED)) {
    out.push(italic(text.slice(at, m.index)));
    out.push(escapeText(m[0]));
    at = (m.index ?? 0) + m[0].length;
  }
  out.push(italic(text.slice(at)));
  return out.join('');
}

/** The statement's words as a reader should take them, after its cue. */
export function statementMarkdown(s: ShownStatement, answerSpeaker: string | null): string {
  // The speaker is named where the answer is not about them alone (a topic, a phrase several people said).
  const who = s.speaker && s.speaker !== answerSpeaker ? `${escapeText(s.speaker)} ` : '';
  const text = clipWords(s.text, STATEMENT_MAX);
  if (s.kind === 'passage' || s.kind === 'mention') return `Article text: ${paraphraseMarkdown(text)}`;
  const cue = shownCue(s.cue) ? `**${escapeText(shownCue(s.cue)!)}** ` : '';
  const words = s.verbatim ? `“${escapeText(text)}”` : paraphraseMarkdown(text);
  return `${who}${cue}${words}`;
}

/** "[CNA](…#:~:text=…) · [LBC](…) · cashwinner.info": each outlet linked to its own version's words. */
function outletLinks(group: StatementGroup, style: LinkStyle): string {
  const links = group.versions.map((v) => style.link(escapeText(v.outlet), urlToWords(v.article.url, v.text)));
  const carried = new Set(group.versions.map((v) => v.outlet));
  for (const part of group.parts) {
    if (carried.has(part.outlet)) continue;
    carried.add(part.outlet);
    links.push(`${style.link(escapeText(part.outlet), urlToWords(part.article.url, part.text))} (in part)`);
  }
  return `${links.join(' · ')}${group.reworded ? ' *(wording varies)*' : ''}`;
}

/** A body line: markdown, how many statements it shows, and the heading a page starting after it repeats. */
export interface BodyLine {
  text: string;
  statements: number;
  /** The outlet heading this line sits under (by-outlet layout), repeated on a page that starts inside it. */
  under: string | null;
}

const BLANK: BodyLine = { text: '', statements: 0, under: null };

export function answerLines(result: AnswerResult, layout: AnswerLayout, style: LinkStyle): BodyLine[] {
  const speaker = result.speaker?.name ?? null;
  if (layout === 'grouped') {
    return result.groups.flatMap((g, i) => [
      ...(i > 0 ? [BLANK] : []),
      { text: `${statementMarkdown(g.shown, speaker)} — ${outletLinks(g, style)}`, statements: 1, under: null },
    ]);
  }
  const lines: BodyLine[] = [];
  for (const { outlet, statements } of statementsByOutlet(result.outlets, result.groups)) {
    const heading = `__**${clip(escapeText(outlet), 80)}**__`;
    if (lines.length > 0) lines.push(BLANK);
    lines.push({ text: heading, statements: 0, under: null });
    let file: string | null = null;
    for (const s of statements) {
      if (s.article.file !== file) {
        file = s.article.file;
        const date = s.article.date ? ` · ${formatDate(s.article.date)}` : '';
        lines.push({ text: `${style.link(clip(escapeText(s.article.title || s.article.file), 150), s.article.url)}${date}`, statements: 0, under: heading });
      }
      lines.push({ text: `${statementMarkdown(s, speaker)} ${style.link('↗', urlToWords(s.article.url, s.text))}`.trimEnd(), statements: 1, under: heading });
    }
  }
  return lines;
}

/** The lines above the statements: what the answer is in one line, who did not report it, any notice. */
export function answerHeaderLines(result: AnswerResult): string[] {
  const lines: string[] = [];
  if (result.groups.length > 0) lines.push(escapeText(overviewLine(overview(result))));
  const dates = spanLine(result);
  if (dates) lines.push(escapeText(dates));
  if (result.absent.length > 0 && result.groups.length > 0) lines.push(`Not reported by: ${listWithin(result.absent.map(escapeText), 400)}`);
  if (result.notice) lines.push(`*${escapeText(result.notice)}*`);
  if (result.suggestions.length > 0) {
    const names = listWithin(
      result.suggestions.map((s) => `**${escapeText(s)}**`),
      300,
      ', ',
    );
    // The engine's notice may already name them; then only say where to go from here.
    lines.push(
      result.notice?.includes(result.suggestions[0]!)
        ? 'Pick a name below, or see everyone quoted with `/sources`.'
        : `Did you mean ${names}? \`/sources\` lists everyone quoted.`,
    );
  } else if (result.parsed.type === 'person' && result.groups.length === 0 && !result.speaker) {
    lines.push('`/sources` lists everyone quoted.');
  }
  if (lines.length === 0) lines.push('Nothing in the corpus matches that.');
  return lines;
}

/**
 * Splits body lines into pages of at most PAGE_STATEMENTS statements and PAGE_VISIBLE visible
 * characters (header included), and `maxRaw` characters of markdown. A page that starts under a
 * heading repeats it.
 */
export function pageLines(header: string[], body: BodyLine[], maxRaw: number): string[][] {
  const headerText = header.join('\n');
  const pages: string[][] = [];
  let current: string[] = [];
  let statements = 0;
  const headerVisible = visibleLength(headerText);
  let visible = headerVisible;
  let raw = headerText.length;
  const start = (line: BodyLine): void => {
    pages.push(current);
    current = [];
    statements = 0;
    visible = headerVisible;
    raw = headerText.length;
    if (line.under && line.text !== line.under) {
      const repeated = `${line.under} *(continued)*`;
      current.push(repeated);
      visible += visibleLength(repeated) + 1;
      raw += repeated.length + 1;
    }
  };
  for (const line of body) {
    if (line.text === '' && current.every((l) => l.endsWith('*(continued)*'))) continue;
    const text = clip(line.text, Math.min(maxRaw - headerText.length - 200, 3000));
    const seen = visibleLength(text);
    const full = statements + line.statements > PAGE_STATEMENTS || visible + 2 + seen > PAGE_VISIBLE || raw + 2 + text.length > maxRaw;
    // A heading never ends a page on its own.
    if (full && current.some((l) => !l.endsWith('*(continued)*'))) start(line);
    current.push(text);
    statements += line.statements;
    visible += seen + 2;
    raw += text.length + 2;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  // Headings and blank lines left at the end of a page belong on the next one (or nowhere).
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    while (page.length > 1 && (page.at(-1) === '' || /^__\*\*.*\*\*__$/.test(page.at(-1)!))) {
      const moved = page.pop()!;
      const next = pages[i + 1];
      if (moved === '' || !next) continue;
      if (next[0] === `${moved} *(continued)*`) next[0] = moved;
      else next.unshift(moved);
    }
  }
  return pages;
}
