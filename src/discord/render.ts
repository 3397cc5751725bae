// Turns the engine's answers into Discord embeds. Everything here is pure: data in, pages of embeds
// out, each page within Discord's limits by construction (checked again by limitProblems()).
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { AnswerResult, AnswerSpeaker, Comparison, CorpusStats, ReloadReport } from '../types.js';
import { answerTitleText, formatDate, isPersonAnswer } from '../answer/overview.js';
import { clip, escapeText, listWithin } from './escape.js';
import { EMBED_LINKS, answerHeaderLines, answerLines, pageLines, type AnswerLayout } from './render-answer.js';
import { comparedLines, comparisonHeader, statementHeading } from './render-compare.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

/** Room kept for the header embed of every page (title + description + footer). */
const HEADER_BUDGET = { title: LIMITS.title, description: 1000, footerQuestion: 300 } as const;
/** Statement blocks stay below 4096 so header + block always fit the 6000 total. */
const BLOCK_DESCRIPTION = 3900;

export const COLORS = { answer: 0x3b82f6, notice: 0x9ca3af, compare: 0x8b5cf6, ok: 0x22c55e, failed: 0xef4444 } as const;

export interface Page {
  embeds: APIEmbed[];
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Every way a message breaks Discord's limits; empty when it fits. The bot checks before sending. */
export function limitProblems(message: { content?: string; embeds?: APIEmbed[] }): string[] {
  const problems: string[] = [];
  if ((message.content?.length ?? 0) > LIMITS.content) problems.push('content');
  const embeds = message.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push('embed count');
  for (const embed of embeds) {
    if ((embed.title?.length ?? 0) > LIMITS.title) problems.push('title');
    if ((embed.description?.length ?? 0) > LIMITS.description) problems.push('description');
    if ((embed.footer?.text.length ?? 0) > LIMITS.footer) problems.push('footer');
    if ((embed.fields?.length ?? 0) > LIMITS.fields) problems.push('field count');
    for (const field of embed.fields ?? []) {
      if (field.name.length > LIMITS.fieldName || field.value.length > LIMITS.fieldValue) problems.push('field');
    }
  }
  if (embeds.reduce((sum, embed) => sum + embedLength(embed), 0) > LIMITS.total) problems.push('total');
  return problems;
}

// ---------------------------------------------------------------- shared pieces

export function speakerTitle(speaker: AnswerSpeaker): string {
  const role = speaker.roles[0];
  return clip(escapeText(role ? `${speaker.name} — ${role}` : speaker.name), LIMITS.title);
}

export { formatDate };

/** Fills pages with blocks (≤ 10 embeds, ≤ 6000 characters each, header included). */
function paginate(header: (page: number, pages: number) => APIEmbed, blocks: APIEmbed[]): Page[] {
  const headerSize = embedLength(header(99, 99));
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = headerSize;
  for (const block of blocks) {
    const length = embedLength(block);
    if (current.length > 0 && (current.length + 1 >= LIMITS.embeds || size + length > LIMITS.total)) {
      groups.push(current);
      current = [];
      size = headerSize;
    }
    current.push(block);
    size += length;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups.map((group, i) => ({ embeds: [header(i + 1, groups.length), ...group] }));
}

/** Splits lines into descriptions of at most `max` characters, never splitting a line. */
function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const piece = clip(line, max);
    if (current !== '' && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}\n${piece}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function footerText(label: string, page: number, pages: number): string {
  const base = clip(label, HEADER_BUDGET.footerQuestion);
  return pages > 1 ? `${base} · Page ${page} of ${pages}` : base;
}

/** An answer's footer carries its question, so a thread can be rebuilt from its starter message. */
export const QUESTION_PREFIX = 'Question: ';
// ---------------------------------------------------------------- answers

export { isPersonAnswer };

/** What was asked, as the answer's title: "Volodymyr Zelenskyy on NATO, according to LBC". */
export function answerTitle(result: AnswerResult): string {
  return clip(escapeText(answerTitleText(result)) || 'whosaid', LIMITS.title);
}

/** Room for an answer page's description: header lines and statements, well inside Discord's 4096. */
const ANSWER_DESCRIPTION = 4000;

/**
 * Pages of an answer, one embed each: what was asked (title), the answer in one line, who did not
 * report it, then at most a screen of statements; the footer carries the question (a thread is
 * rebuilt from it) and the page number.
 */
export function renderAnswer(result: AnswerResult, layout: AnswerLayout = 'grouped'): Page[] {
  const color = result.groups.length > 0 ? COLORS.answer : COLORS.notice;
  const title = answerTitle(result);
  const header = answerHeaderLines(result).map((line) => clip(line, HEADER_BUDGET.description));
  const pages = pageLines(header, answerLines(result, layout, EMBED_LINKS), ANSWER_DESCRIPTION);
  const label = `${QUESTION_PREFIX}${result.question.replace(/\s+/g, ' ')}`;
  return pages.map((body, i) => ({
    embeds: [
      {
        title,
        description: clip([...header, ...(body.length > 0 ? ['', ...body] : [])].join('\n'), LIMITS.description),
        color,
        footer: { text: footerText(label, i + 1, pages.length) },
      },
    ],
  }));
}

// ---------------------------------------------------------------- comparisons

/** Pages of a comparison: a header, then one embed per statement, every outlet's version in one layout. */
export function renderComparison(comparison: Comparison, asked: { person: string; topic: string | null }): Page[] {
  const { title, summary, label } = comparisonHeader(comparison, asked);
  const header = (page: number, pages: number): APIEmbed => ({
    title,
    description: summary,
    color: COLORS.compare,
    footer: { text: footerText(label, page, pages) },
  });
  const total = comparison.shared.length;
  const blocks = comparison.shared.flatMap((statement, i) =>
    chunkLines(comparedLines(statement, EMBED_LINKS), BLOCK_DESCRIPTION).map((description, part) => ({
      title: statementHeading(i, total, statement) + (part > 0 ? ' (continued)' : ''),
      description,
      color: COLORS.compare,
    })),
  );
  return paginate(header, blocks);
}

// ---------------------------------------------------------------- reload and sources

function fileList(files: string[]): string {
  return files.length === 0 ? 'none' : listWithin(files.map(escapeText), LIMITS.fieldValue, '\n');
}

export function renderReload(report: ReloadReport): APIEmbed {
  const seconds = (report.ms / 1000).toFixed(1);
  const totals = `**${report.articles}** articles · **${report.statements}** statements · **${report.people}** people`;
  const fields: APIEmbedField[] = [];
  if (report.ok) {
    fields.push(
      { name: `Added (${report.added.length})`, value: fileList(report.added), inline: true },
      { name: `Changed (${report.changed.length})`, value: fileList(report.changed), inline: true },
      { name: `Removed (${report.removed.length})`, value: fileList(report.removed), inline: true },
    );
  }
  if (report.problems.length > 0) {
    const lines = report.problems.map((p) => `${escapeText(p.file)}: ${escapeText(p.reason)}`);
    fields.push({ name: `Files that failed (${report.problems.length})`, value: listWithin(lines, LIMITS.fieldValue, '\n') });
  }
  return report.ok
    ? { title: `Corpus reloaded in ${seconds} s`, description: `Now serving ${totals}.`, color: report.problems.length > 0 ? COLORS.notice : COLORS.ok, fields }
    : {
        title: 'Reload failed: still serving the previous index',
        description: clip(`${escapeText(report.error ?? 'unknown error')}\nServing ${totals}.`, 2000),
        color: COLORS.failed,
        fields,
      };
}

export function renderStats(stats: CorpusStats): APIEmbed {
  const loaded = Math.floor(Date.parse(stats.loadedAt) / 1000);
  const outlets = stats.outlets.map((o) => `${escapeText(o.outlet)}: ${o.articles} ${o.articles === 1 ? 'article' : 'articles'}`);
  const speakers = stats.topSpeakers.map((s) => `${escapeText(s.name)}: ${s.statements}`);
  const fields: APIEmbedField[] = [
    { name: `Outlets (${stats.outlets.length})`, value: outlets.length > 0 ? listWithin(outlets, LIMITS.fieldValue, '\n') : 'none', inline: true },
    { name: 'Most quoted', value: speakers.length > 0 ? listWithin(speakers, LIMITS.fieldValue, '\n') : 'nobody yet', inline: true },
    { name: 'Last loaded', value: Number.isFinite(loaded) ? `<t:${loaded}:f> (<t:${loaded}:R>)` : escapeText(stats.loadedAt) },
  ];
  if (stats.problems.length > 0) {
    const lines = stats.problems.map((p) => `${escapeText(p.file)}: ${escapeText(p.reason)}`);
    fields.push({ name: `Files that failed to load (${stats.problems.length})`, value: listWithin(lines, LIMITS.fieldValue, '\n') });
  }
  return {
    title: 'Sources',
    description: `**${stats.articles}** articles · **${stats.statements}** statements · **${stats.people}** people, **${stats.organisations}** organisations and places`,
    color: COLORS.answer,
    fields,
  };
}
