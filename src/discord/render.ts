// Turns the engine's answers into Discord embeds. Everything here is pure: data in, pages of embeds
// out, each page within Discord's limits by construction (checked again by limitProblems()).
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type {
  AnswerResult,
  AnswerSpeaker,
  ComparedStatement,
  Comparison,
  CorpusStats,
  DiffPiece,
  Excerpt,
  ReloadReport,
} from '../types.js';
import { spanLine } from '../answer/dates.js';
import { clip, escapeText, link, listWithin, safeUrl } from './escape.js';

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
/** Outlet blocks stay below 4096 so header + block always fit the 6000 total. */
const BLOCK_DESCRIPTION = 3900;
/** One excerpt longer than this is cut (the citation points to the full paragraph). */
const EXCERPT_MAX = 3000;

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Dec 2025" from an ISO date; "undated" when the corpus has none. */
export function formatDate(date: string | null): string {
  const match = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return 'undated';
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

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

/** Phrase and topic answers quote several people: the header says what was asked, each quote who said it. */
export function isPersonAnswer(result: AnswerResult): boolean {
  return result.parsed.type === 'person' || result.parsed.type === 'empty';
}

export function answerTitle(result: AnswerResult): string {
  const parsed = result.parsed;
  if (result.speaker && isPersonAnswer(result)) return speakerTitle(result.speaker);
  switch (parsed.type) {
    case 'phrase':
      return clip(`Who said “${escapeText(parsed.phrase)}”`, LIMITS.title);
    case 'topic':
      return clip(`What was said about ${escapeText(parsed.topic)}`, LIMITS.title);
    case 'person':
      return clip(escapeText(parsed.person), LIMITS.title);
    default:
      return clip(escapeText(result.question) || 'whosaid', LIMITS.title);
  }
}

export function answerSummary(result: AnswerResult): string {
  const lines: string[] = [];
  const dates = spanLine(result);
  if (dates) lines.push(escapeText(dates));
  if (result.notice) lines.push(`*${escapeText(result.notice)}*`);
  if (result.suggestions.length > 0) {
    lines.push(`Did you mean ${listWithin(result.suggestions.map((s) => `**${escapeText(s)}**`), 300, ', ')}?`);
  }
  const scope = result.parsed.type !== 'empty' && result.parsed.outlet ? ` (only ${escapeText(result.parsed.outlet)})` : '';
  if (result.outlets.length > 0) {
    const count = result.outlets.length;
    lines.push(`Reported by ${count} ${count === 1 ? 'outlet' : 'outlets'}${scope}.`);
  }
  if (result.absent.length > 0 && result.outlets.length > 0) {
    lines.push(`Not reported by: ${listWithin(result.absent.map(escapeText), 500)}`);
  }
  if (lines.length === 0) lines.push('Nothing in the corpus matches that.');
  return clip(lines.join('\n'), HEADER_BUDGET.description);
}

function excerptLine(excerpt: Excerpt, showSpeaker: boolean): string {
  const text = clip(escapeText(excerpt.text), EXCERPT_MAX);
  const cite = showSpeaker && excerpt.speaker ? `${escapeText(excerpt.speaker)}, ¶${excerpt.paragraph}` : `¶${excerpt.paragraph}`;
  return `> ${text} *(${cite})*`;
}

function outletBlocks(result: AnswerResult, color: number): APIEmbed[] {
  const showSpeaker = result.speaker === null || !isPersonAnswer(result);
  const blocks: APIEmbed[] = [];
  for (const { outlet, excerpts } of result.outlets) {
    const lines: string[] = [];
    let article: string | null = null;
    for (const excerpt of excerpts) {
      if (excerpt.article.file !== article) {
        article = excerpt.article.file;
        if (lines.length > 0) lines.push('');
        lines.push(`**${link(excerpt.article.title || excerpt.article.file, excerpt.article.url)}** · ${formatDate(excerpt.article.date)}`);
      }
      lines.push(excerptLine(excerpt, showSpeaker));
    }
    const firstUrl = safeUrl(excerpts[0]?.article.url);
    chunkLines(lines, BLOCK_DESCRIPTION).forEach((description, i) => {
      blocks.push({
        title: clip(escapeText(outlet) + (i > 0 ? ' (continued)' : ''), LIMITS.title),
        ...(firstUrl && i === 0 ? { url: firstUrl } : {}),
        description,
        color,
      });
    });
  }
  return blocks;
}

/** Pages of an answer: a header embed (speaker, notice, who did not report it) then one block per outlet. */
export function renderAnswer(result: AnswerResult): Page[] {
  const color = result.outlets.length > 0 ? COLORS.answer : COLORS.notice;
  const title = answerTitle(result);
  const description = answerSummary(result);
  const header = (page: number, pages: number): APIEmbed => ({
    title,
    description,
    color,
    footer: { text: footerText(`${QUESTION_PREFIX}${result.question.replace(/\s+/g, ' ')}`, page, pages) },
  });
  return paginate(header, outletBlocks(result, color));
}

// ---------------------------------------------------------------- comparisons

/** Diff pieces as markdown: words this version has that the first lacks are **__bold underlined__**. */
export function renderDiff(pieces: DiffPiece[]): string {
  return pieces
    .map((piece) => {
      const text = escapeText(piece.text);
      if (!piece.changed || text.trim() === '') return text;
      const lead = text.match(/^\s*/)?.[0] ?? '';
      const trail = text.match(/\s*$/)?.[0] ?? '';
      return `${lead}**__${text.trim()}__**${trail}`;
    })
    .join('');
}

function comparedBlock(statement: ComparedStatement, index: number, total: number): APIEmbed {
  const versions = statement.versions.slice(0, LIMITS.fields);
  const inline = versions.length <= 3;
  const fields: APIEmbedField[] = versions.map((version) => {
    const articleTitle = clip(version.article.title || version.article.file, 150);
    const linked = `${link(articleTitle, version.article.url)}, ¶${version.paragraph}`;
    const cite = linked.length <= 400 ? linked : `${escapeText(articleTitle)}, ¶${version.paragraph}`;
    const room = LIMITS.fieldValue - cite.length - 4;
    let quote = renderDiff(version.diff.length > 0 ? version.diff : [{ text: version.text, changed: false }]);
    // Cutting marked text could leave a dangling ** or __; fall back to the plain quote when it is too long.
    if (quote.length > room) quote = clip(escapeText(version.text), room);
    return {
      name: clip(`${escapeText(version.outlet)} · ${formatDate(version.article.date)}`, LIMITS.fieldName),
      value: `> ${quote}\n${cite}`,
      inline,
    };
  });
  const outlets = statement.versions.length;
  return {
    title: `Statement ${index + 1} of ${total} · ${outlets} outlets`,
    color: COLORS.compare,
    fields,
  };
}

/** Title, summary and footer label of a comparison (shared by the embed and plain-text forms). */
export function comparisonHeader(comparison: Comparison, asked: { person: string; topic: string | null }): { title: string; summary: string; label: string } {
  const who = comparison.speaker ? speakerTitle(comparison.speaker) : clip(escapeText(asked.person), 200);
  const topic = comparison.topic ?? asked.topic;
  const title = clip(`How outlets worded ${who}${topic ? ` on ${escapeText(topic)}` : ''}`, LIMITS.title);
  const lines: string[] = [];
  const dates = spanLine({ span: comparison.span ?? null });
  if (dates) lines.push(escapeText(dates));
  if (comparison.notice) lines.push(`*${escapeText(comparison.notice)}*`);
  if (comparison.suggestions.length > 0) lines.push(`Did you mean ${listWithin(comparison.suggestions.map((s) => `**${escapeText(s)}**`), 300)}?`);
  if (comparison.shared.length > 0) {
    const count = comparison.shared.length;
    lines.push(`${count} ${count === 1 ? 'statement' : 'statements'} reported by two or more outlets. **__Marked words__** are where their wordings differ.`);
  } else if (!comparison.notice) {
    lines.push('No statement of theirs was reported by more than one outlet.');
  }
  const summary = clip(lines.join('\n'), HEADER_BUDGET.description);
  const label = `Compare: ${asked.person}${asked.topic ? ` · topic: ${asked.topic}` : ''}`;
  return { title, summary, label };
}

/** Pages of a comparison: each shared statement with every outlet's wording side by side. */
export function renderComparison(comparison: Comparison, asked: { person: string; topic: string | null }): Page[] {
  const { title, summary, label } = comparisonHeader(comparison, asked);
  const header = (page: number, pages: number): APIEmbed => ({
    title,
    description: summary,
    color: COLORS.compare,
    footer: { text: footerText(label, page, pages) },
  });
  const blocks = comparison.shared.map((statement, i) => comparedBlock(statement, i, comparison.shared.length));
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
    description: `**${stats.articles}** articles · **${stats.statements}** statements · **${stats.people}** people`,
    color: COLORS.answer,
    fields,
  };
}
