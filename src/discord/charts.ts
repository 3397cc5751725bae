// Charts in Discord: a PNG attached to the message and shown as the embed's image, with the alt text
// as the attachment's description. Drawing happens off the event loop (ctx.charts); a chart that
// fails or that the bot may not attach leaves the text answer as it is and says why.
import { AttachmentBuilder, PermissionFlagsBits, type APIEmbed, type PermissionsBitField } from 'discord.js';
import { spanLine } from '../answer/dates.js';
import type { Chart } from '../charts/specs.js';
import type { Timeline, TimelineStatement } from '../types.js';
import type { BotContext } from './context.js';
import { clip, escapeText, link } from './escape.js';
import { COLORS, LIMITS, formatDate, speakerTitle } from './render.js';
import { statementMarkdown } from './render-answer.js';

export const NO_ATTACH_PERMISSION = 'No chart: I may not attach files in this channel. An admin can give me “Attach Files” here.';
export const CHART_FAILED = 'The chart could not be drawn this time; the answer above is complete without it.';

/** Attachment descriptions (alt text) are limited to 1024 characters. */
const ALT_MAX = 1024;

/** Whether the bot may attach files where it answers (unknown means yes, as for embeds). */
export function mayAttach(permissions: Readonly<PermissionsBitField> | null | undefined): boolean {
  return permissions?.has(PermissionFlagsBits.AttachFiles) ?? true;
}

export interface DrawnChart {
  file: AttachmentBuilder;
  /** attachment://name, for an embed's image. */
  url: string;
  alt: string;
}

/** Draws a chart for a message; null (with the reason logged) when it cannot be drawn. */
export async function drawChart(ctx: BotContext, chart: Chart, context: Record<string, unknown>): Promise<DrawnChart | null> {
  const started = performance.now();
  try {
    const png = await ctx.charts.render(chart.spec);
    ctx.log.debug({ ...context, chart: chart.file, ms: Math.round(performance.now() - started) }, 'chart drawn');
    const alt = clip(chart.alt, ALT_MAX);
    return { file: new AttachmentBuilder(png, { name: chart.file, description: alt }), url: `attachment://${chart.file}`, alt };
  } catch (error) {
    ctx.log.warn({ ...context, err: error, chart: chart.file }, 'chart could not be drawn; answering with text only');
    return null;
  }
}

/** A statement under the chart as answers show it: its reporting words in bold, only the speaker's own
 * words in quotation marks, paraphrase in italics (never a block quote, which reads as verbatim). */
function quoted(label: string, statement: TimelineStatement | null, speaker: string | null): { name: string; value: string } | null {
  if (!statement) return null;
  const { excerpt } = statement;
  const title = clip(excerpt.article.title || excerpt.article.file, 120);
  const cite = `${link(title, excerpt.article.url)} · ${formatDate(excerpt.article.date)}, ¶${excerpt.paragraph}`;
  // Whole pieces only (cutting markdown could leave a bold or italic run open); each is already clipped to a few lines.
  const room = LIMITS.fieldValue - cite.length - 3;
  let words = '';
  for (const piece of statement.shown.map((s) => statementMarkdown(s, speaker))) {
    const next = words ? `${words} … ${piece}` : piece;
    if (next.length > room) {
      words = words ? `${words} …` : '…';
      break;
    }
    words = next;
  }
  return { name: `${label} · ${formatDate(excerpt.article.date)}`, value: `${words}\n${cite}` };
}

/** The /timeline embed: what was counted, the first and the latest statement, and the chart below. */
export function timelineEmbed(timeline: Timeline, note: string | null): APIEmbed {
  const who = timeline.speaker ? speakerTitle(timeline.speaker) : clip(escapeText(timeline.question), LIMITS.title);
  const lines: string[] = [];
  const dated = timeline.days.reduce((n, d) => n + d.count, 0);
  const dates = spanLine(timeline);
  if (dates) lines.push(escapeText(dates));
  if (timeline.notice) lines.push(`*${escapeText(timeline.notice)}*`);
  if (timeline.speaker && timeline.outlets.length > 0) {
    const total = timeline.outlets.reduce((n, o) => n + o.statements, 0);
    const days = new Set(timeline.days.map((d) => d.date)).size;
    lines.push(
      `**${total}** ${total === 1 ? 'statement' : 'statements'}${timeline.topic ? ` on ${escapeText(timeline.topic)}` : ''} in ${timeline.outlets.length} ${timeline.outlets.length === 1 ? 'outlet' : 'outlets'}; ${dated} dated, on ${days} ${days === 1 ? 'day' : 'days'}${timeline.undated > 0 ? `; ${timeline.undated} undated, not on the chart` : ''}.`,
    );
  }
  if (timeline.speaker && timeline.outlets.length > 0 && dated === 0) lines.push('None of them is dated, so there is nothing to put on a timeline.');
  if (note) lines.push(`*${escapeText(note)}*`);
  const speaker = timeline.speaker?.name ?? null;
  const fields = [quoted('First', timeline.first, speaker), quoted('Latest', timeline.latest, speaker)].filter(
    (f): f is { name: string; value: string } => f !== null,
  );
  return {
    title: clip(`${who}: statements per day`, LIMITS.title),
    description: clip(lines.join('\n') || 'Nothing in the corpus matches that.', 1500),
    color: timeline.days.length > 0 ? COLORS.answer : COLORS.notice,
    fields,
    footer: { text: clip(`Timeline: ${timeline.question}`, 300) },
  };
}
