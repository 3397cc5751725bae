// An answer message = one page of a rendered view + its buttons (Previous/Next, Follow up in a thread).
// Views are stored, so any page can be rendered again later (button clicks, "more", after a restart).
// Where the bot may not embed links (Discord would hide the embeds) the same answer is sent as text.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, PermissionFlagsBits, type APIEmbed, type PermissionsBitField } from 'discord.js';
import type { ParsedQuestion } from '../types.js';
import type { BotContext } from './context.js';
import { clip } from './escape.js';
import { renderAnswer, renderComparison } from './render.js';
import { renderAnswerText, renderComparisonText } from './render-text.js';
import type { ViewRecord } from './state.js';
import { composeQuestion } from './followups.js';

export interface AnswerMessage {
  /** The page as text when embeds cannot be shown, else ''. Always sent, so an edit clears an earlier form. */
  content: string;
  /** The page as embeds, or none when it is sent as text. */
  embeds: APIEmbed[];
  components: ActionRowBuilder<ButtonBuilder>[];
  /** 0-based page shown. */
  page: number;
  pages: number;
  /** How the engine understood the question (the context for thread follow-ups). */
  parsed: ParsedQuestion;
  question: string;
}

/**
 * Button ids: `page:<view>:<n>` turns to page n, `thread:<view>` opens a follow-up thread,
 * `layout:<view>` switches between the grouped and the per-outlet view, `suggest:<view>:<n>` asks the
 * same question about the n-th closest name, `pageinfo:<view>` is the disabled "2 / 5" label.
 */
export function parseButtonId(customId: string): { action: string; viewId: string; page: number } | null {
  const match = customId.match(/^(page|thread|pageinfo|layout|suggest):([A-Za-z0-9_-]{1,32})(?::(\d{1,4}))?$/);
  if (!match) return null;
  return { action: match[1]!, viewId: match[2]!, page: Number(match[3] ?? 0) };
}

/** What a page's buttons depend on besides paging. */
interface ButtonNeeds {
  threadButton: boolean;
  /** The answer has statements from more than one outlet: the other layout is worth a button. */
  layoutButton: boolean;
  /** Closest names for a name that matched nobody, each a button asking again. */
  suggestions: string[];
}

function buttons(view: ViewRecord, page: number, pages: number, needs: ButtonNeeds): ActionRowBuilder<ButtonBuilder>[] {
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  if (needs.suggestions.length > 0) {
    const row = new ActionRowBuilder<ButtonBuilder>();
    needs.suggestions.slice(0, 5).forEach((name, i) => {
      row.addComponents(new ButtonBuilder().setCustomId(`suggest:${view.id}:${i}`).setLabel(clip(name, 80)).setStyle(ButtonStyle.Secondary));
    });
    rows.push(row);
  }
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (pages > 1) {
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(`page:${view.id}:${page - 1}`)
        .setLabel('Previous')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page === 0),
      new ButtonBuilder()
        .setCustomId(`pageinfo:${view.id}`)
        .setLabel(`${page + 1} / ${pages}`)
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(true),
      new ButtonBuilder()
        .setCustomId(`page:${view.id}:${page + 1}`)
        .setLabel('Next')
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page >= pages - 1),
    );
  }
  if (needs.layoutButton) {
    const byOutlet = view.query.kind === 'ask' && view.query.layout === 'outlets';
    row.addComponents(
      new ButtonBuilder()
        .setCustomId(`layout:${view.id}`)
        .setLabel(byOutlet ? 'Each statement once' : 'By outlet')
        .setStyle(ButtonStyle.Secondary),
    );
  }
  if (needs.threadButton) {
    row.addComponents(new ButtonBuilder().setCustomId(`thread:${view.id}`).setLabel('Follow up in a thread').setStyle(ButtonStyle.Primary));
  }
  if (row.components.length > 0) rows.push(row);
  return rows;
}

type MessagePage = Pick<AnswerMessage, 'content' | 'embeds'>;

const asEmbeds = (pages: { embeds: APIEmbed[] }[]): MessagePage[] => pages.map((page) => ({ content: '', embeds: page.embeds }));
const asText = (pages: string[]): MessagePage[] => pages.map((content) => ({ content, embeds: [] }));

interface RenderedView {
  pages: MessagePage[];
  parsed: ParsedQuestion;
  question: string;
  /** Nothing to follow up on: no thread button. */
  empty: boolean;
  outlets: number;
  suggestions: string[];
}

async function pagesOf(ctx: BotContext, view: ViewRecord, plain: boolean): Promise<RenderedView> {
  const query = view.query;
  if (query.kind === 'ask') {
    const result = await ctx.engine.ask(query.question);
    const layout = query.layout ?? 'grouped';
    return {
      pages: plain ? asText(renderAnswerText(result, layout)) : asEmbeds(renderAnswer(result, layout)),
      parsed: result.parsed,
      question: query.question,
      empty: result.groups.length === 0,
      outlets: result.outlets.length,
      suggestions: result.suggestions,
    };
  }
  const span = query.span ?? null;
  const comparison = await ctx.engine.compare(query.person, query.topic, span);
  const parsed: ParsedQuestion = { type: 'person', person: comparison.speaker?.name ?? query.person, topic: query.topic, outlet: null, span };
  return {
    pages: plain ? asText(renderComparisonText(comparison, query)) : asEmbeds(renderComparison(comparison, query)),
    parsed,
    question: composeQuestion({ person: query.person, topic: query.topic, span }),
    empty: comparison.shared.length === 0,
    outlets: 0,
    suggestions: comparison.suggestions,
  };
}

/**
 * Whether the bot may show embeds where it answers. Interactions carry `app_permissions` (the bot's
 * permissions in that channel); for thread messages it is the cached channel's permissionsFor(bot).
 * Unknown means yes: Discord's own refusal is then the fallback.
 */
export function mayEmbed(permissions: Readonly<PermissionsBitField> | null | undefined): boolean {
  return permissions?.has(PermissionFlagsBits.EmbedLinks) ?? true;
}

/**
 * Renders page `page` (clamped) of a view, asking the engine again (answers are cheap and the index may
 * have changed). `plain` gives the text form; its pages are shorter, so page numbers differ.
 */
export async function answerMessage(
  ctx: BotContext,
  view: ViewRecord,
  page: number,
  options: { threadButton: boolean; plain?: boolean },
): Promise<AnswerMessage> {
  const { pages, parsed, question, empty, outlets, suggestions } = await pagesOf(ctx, view, options.plain ?? false);
  const shown = Math.min(Math.max(0, page), pages.length - 1);
  const needs: ButtonNeeds = { threadButton: options.threadButton && !empty, layoutButton: outlets > 1, suggestions };
  return {
    content: pages[shown]!.content,
    embeds: pages[shown]!.embeds,
    components: buttons(view, shown, pages.length, needs),
    page: shown,
    pages: pages.length,
    parsed,
    question,
  };
}

/** Whether this process has rendered the warm-up answers (one for all its shards). */
let answersWarmed = false;

/**
 * Before the bot takes its first question, once a process: the answers of its two most quoted people
 * rendered as every form of message, twice, and dropped. The first asker would otherwise wait while
 * V8 compiles reading an answer off the engine and rendering it: through the fake Discord, the first
 * question about the most quoted person took 90-113 ms against 31-44 asked again (the engine, warmed
 * up on its own, about 20 of that). Nothing is stored: the view is never saved.
 */
export async function warmUpAnswers(ctx: BotContext): Promise<void> {
  if (answersWarmed) return;
  answersWarmed = true;
  const { topSpeakers } = await ctx.engine.stats();
  for (let round = 0; round < 2; round++) {
    for (const { name } of topSpeakers.slice(0, 2)) {
      for (const layout of ['grouped', 'outlets'] as const) {
        const view: ViewRecord = { id: 'warm-up', query: { kind: 'ask', question: `what did ${name} say?`, layout }, userId: '', createdAt: 0 };
        for (const plain of [false, true]) await answerMessage(ctx, view, 0, { threadButton: true, plain });
      }
    }
  }
}

/**
 * How long an answer may take before the interaction is deferred instead (the default of
 * BotContext.quickAnswerMs). Most answers take a few
 * milliseconds: they go out in the acknowledgement itself, one request that Discord and discord.js
 * exempt from the global 50-per-second limit, instead of a deferral plus an edit through the
 * interaction's webhook (which discord.js counts against that limit and keeps a queue for). Slow
 * ones are deferred well inside Discord's 3 s, leaving room for a 429 on the acknowledgement.
 */
export const QUICK_ANSWER_MS = 500;

/** The outcome of `work` if it settles within `ms`, else null (the work goes on; await it later). */
export async function within<T>(work: Promise<T>, ms: number): Promise<{ value: T } | null> {
  // 0 means never wait (a 0 ms timer could still lose the race to an answer that is already there).
  if (ms <= 0) {
    // The caller awaits `work` later and sees its failure then; until then it must not count as unhandled.
    work.catch(() => {});
    return null;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A new message's body: text or embeds, with its buttons (an empty content field is left out). */
export function newMessageBody(answer: AnswerMessage): { content?: string; embeds: APIEmbed[]; components: ActionRowBuilder<ButtonBuilder>[] } {
  return { ...(answer.content ? { content: answer.content } : {}), embeds: answer.embeds, components: answer.components };
}

/** An edit's body: content always set, so switching between text and embeds leaves nothing behind. */
export function editBody(answer: AnswerMessage): { content: string; embeds: APIEmbed[]; components: ActionRowBuilder<ButtonBuilder>[] } {
  return { content: answer.content, embeds: answer.embeds, components: answer.components };
}
