// New articles in Discord: /add's reply and the news channel's announcement after a reload that brought
// articles. Formats what the engine says each new file yielded; finds nothing itself.
import type { APIEmbed } from 'discord.js';
import type { Logger } from '../log.js';
import type { ArticleSummary, EngineApi, ReloadReport } from '../types.js';
import { clip, escapeText, link, listWithin } from './escape.js';
import { COLORS, formatDate } from './render.js';

/** "9 statements: Kaja Kallas 3, Volodymyr Zelenskyy 4" / "no statements found". */
export function statementsLine(summary: ArticleSummary): string {
  if (summary.statements === 0) return 'no statements found';
  const who = summary.speakers.map((s) => `${escapeText(s.name)} ${s.statements}`);
  return `${summary.statements} ${summary.statements === 1 ? 'statement' : 'statements'}: ${listWithin(who, 900)}`;
}

/** "[Title](url) — Outlet, 16 Dec 2025". */
export function articleLine(summary: ArticleSummary): string {
  const date = summary.date ? formatDate(summary.date) : 'date not given';
  return `${link(clip(summary.title, 200), summary.url)} — ${escapeText(summary.outlet)}, ${date}`;
}

export function renderAdded(summary: ArticleSummary): APIEmbed {
  return {
    title: 'Article added',
    description: `${articleLine(summary)}\n${statementsLine(summary)}`,
    color: COLORS.ok,
    footer: { text: clip(summary.file, 200) },
  };
}

/** Summaries of the files a reload added (at most `max`; the rest are counted). */
export async function addedSummaries(engine: EngineApi, report: ReloadReport, max = 10): Promise<{ shown: ArticleSummary[]; more: number }> {
  const shown: ArticleSummary[] = [];
  for (const file of report.added.slice(0, max)) {
    const s = await engine.articleSummary(file);
    if (s) shown.push(s);
  }
  return { shown, more: Math.max(0, report.added.length - max) };
}

/**
 * One embed: the new articles and who is newly quoted (people with no statement before this reload,
 * with their statements in the articles shown), within Discord's limits (description ≤ 4096).
 */
export function renderNews(shown: ArticleSummary[], more: number, newlyQuoted: string[]): APIEmbed {
  const lines = shown.map(articleLine);
  if (more > 0) lines.push(`and ${more} more`);
  const quoted = new Map<string, number>();
  for (const s of shown) for (const p of s.speakers) quoted.set(p.name, (quoted.get(p.name) ?? 0) + p.statements);
  const who = [...new Set(newlyQuoted)]
    .map((name) => [name, quoted.get(name) ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => (n > 0 ? `${escapeText(name)} (${n})` : escapeText(name)));
  const count = shown.length + more;
  return {
    title: `${count} new ${count === 1 ? 'article' : 'articles'}`,
    description: clip(`${listWithin(lines, 3000, '\n')}\n\n**Newly quoted:** ${who.length ? listWithin(who, 800) : 'nobody new'}`, 4000),
    color: COLORS.answer,
  };
}

/** Minimal view of a channel the bot can post to, so this stays testable against the real client. */
interface Postable {
  send(options: { embeds: APIEmbed[]; allowedMentions: { parse: [] } }): Promise<unknown>;
}

/** Posts the announcement for a reload that added articles; failures are logged, never thrown. */
export async function announceNews(fetchChannel: () => Promise<unknown>, engine: EngineApi, report: ReloadReport, log: Logger): Promise<void> {
  if (!report.ok || report.added.length === 0) return;
  try {
    const { shown, more } = await addedSummaries(engine, report);
    if (shown.length === 0) return;
    const channel = (await fetchChannel()) as Partial<Postable> | null;
    if (!channel || typeof channel.send !== 'function') throw new Error('NEWS_CHANNEL_ID is not a text channel the bot can see');
    await channel.send({ embeds: [renderNews(shown, more, report.newlyQuoted ?? [])], allowedMentions: { parse: [] } });
    log.info({ articles: shown.length + more }, 'announced new articles in the news channel');
  } catch (error) {
    log.warn({ err: error }, 'could not announce new articles in the news channel');
  }
}
