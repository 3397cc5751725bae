// The same answers as plain message text, for channels where the bot may not embed links (Discord then
// hides embeds). Each page fits the 2000-character content limit by construction; text from articles
// and users is escaped exactly as in the embeds, links are wrapped in <…> so they unfurl nothing, and
// nothing here can ping: the client sends every message with mentions switched off as well.
import type { APIEmbed } from 'discord.js';
import type { AnswerResult, Comparison } from '../types.js';
import { clip, escapeText } from './escape.js';
import { LIMITS, QUESTION_PREFIX, answerTitle } from './render.js';
import { comparedLines, comparisonHeader, statementHeading } from './render-compare.js';
import { TEXT_LINKS, answerHeaderLines, answerLines, pageLines, type AnswerLayout } from './render-answer.js';

/** Budgets that keep header + body + footer under 2000 even when every part is at its longest. */
const TEXT = {
  header: 450,
  footer: 240,
  outlet: 80,
  articleTitle: 120,
  url: 250,
  quote: 600,
} as const;
const BODY_BUDGET = LIMITS.content - TEXT.header - TEXT.footer - 4;

/** A body line with what it continues, so a page that starts mid-outlet can say whose it is. */
interface Line {
  text: string;
  /** Repeated at the top of a page that starts inside this group (outlet, statement). */
  group: string;
  /** Repeated under the group heading when a page starts inside this article. */
  article: string | null;
  heading: boolean;
}

/** Footers are plain text in embeds but markdown in messages: escape, and use the small "-#" subtext. */
function footerLine(label: string, page: number, pages: number): string {
  const base = clip(escapeText(label), TEXT.footer - 30);
  return `-# ${base}${pages > 1 ? ` · Page ${page} of ${pages}` : ''}`;
}

function paginateLines(header: string, footer: (page: number, pages: number) => string, lines: Line[]): string[] {
  const bodies: string[][] = [];
  let current: string[] = [];
  let size = 0;
  let previous: Line | null = null;
  for (const line of lines) {
    if (current.length === 0 && line.text === '') continue;
    if (current.length > 0 && size + 1 + line.text.length > BODY_BUDGET) {
      bodies.push(current);
      current = [];
      size = 0;
      if (!line.heading && previous) {
        // A page that starts inside a group says whose quotes these are.
        current.push(`${previous.group} *(continued)*`);
        if (previous.article && line.text !== previous.article) current.push(previous.article);
        size = current.join('\n').length;
      }
    }
    current.push(line.text);
    size += (current.length > 1 ? 1 : 0) + line.text.length;
    previous = line;
  }
  if (current.length > 0 || bodies.length === 0) bodies.push(current);
  const top = clip(header, TEXT.header);
  return bodies.map((body, i) => {
    const parts = [top, ...(body.length > 0 ? ['', ...body] : []), footer(i + 1, bodies.length)];
    return clip(parts.join('\n'), LIMITS.content);
  });
}

/** Pages of an answer as message text: the same header and statements as the embeds, links that do not unfurl. */
export function renderAnswerText(result: AnswerResult, layout: AnswerLayout = 'grouped'): string[] {
  const header = clip([`**${answerTitle(result)}**`, ...answerHeaderLines(result)].join('\n'), TEXT.header).split('\n');
  const pages = pageLines(header, answerLines(result, layout, TEXT_LINKS), LIMITS.content - TEXT.footer - 4);
  const label = `${QUESTION_PREFIX}${result.question}`;
  return pages.map((body, i) =>
    clip([...header, ...(body.length > 0 ? ['', ...body] : []), footerLine(label, i + 1, pages.length)].join('\n'), LIMITS.content),
  );
}

/** Pages of a comparison as message text: each shared statement, outlet by outlet, differences marked. */
export function renderComparisonText(comparison: Comparison, asked: { person: string; topic: string | null }): string[] {
  const { title, summary, label } = comparisonHeader(comparison, asked);
  const header = `**${title}**\n${clip(summary, TEXT.header - 260)}`;
  const lines: Line[] = [];
  comparison.shared.forEach((statement, i) => {
    const group = `**${statementHeading(i, comparison.shared.length, statement)}**`;
    if (lines.length > 0) lines.push({ text: '', group, article: null, heading: true });
    lines.push({ text: group, group, article: null, heading: true });
    for (const text of comparedLines(statement, TEXT_LINKS)) lines.push({ text: clip(text, 1200), group, article: null, heading: false });
  });
  return paginateLines(header, (page, pages) => footerLine(label, page, pages), lines);
}

/**
 * One small embed (sources, reload report) as message text. Its parts are already escaped markdown;
 * fields are cut to share the 2000 characters, the footer (plain text in embeds) is escaped.
 */
export function embedAsText(embed: APIEmbed): string {
  const parts: string[] = [];
  if (embed.title) parts.push(`**${embed.title}**`);
  if (embed.description) parts.push(clip(embed.description, 600));
  const fields = embed.fields ?? [];
  const room = Math.floor((LIMITS.content - 900) / Math.max(1, fields.length));
  for (const field of fields) parts.push(`**${field.name}**\n${clip(field.value, Math.max(40, room - field.name.length - 6))}`);
  if (embed.footer?.text) parts.push(`-# ${clip(escapeText(embed.footer.text), 200)}`);
  return clip(parts.join('\n'), LIMITS.content);
}
