// Follow-up threads: opened on an answer, then every message that mentions the bot there (every
// message, with Message Content) is read as a follow-up to the thread's last question.
import {
  ChannelType,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  DiscordAPIError,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
  type AnyThreadChannel,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
} from 'discord.js';
import type { ParsedQuestion } from '../types.js';
import { answerMessage, mayEmbed, newMessageBody } from './answers.js';
import type { BotContext } from './context.js';
import { UserError, apology, newErrorId } from './errors.js';
import { clip } from './escape.js';
import { interpretFollowUp } from './followups.js';
import { QUESTION_PREFIX } from './render.js';
import type { ThreadState, ViewRecord } from './state.js';

/** Discord's JSON error code for a request the bot's permissions do not allow. */
const MISSING_PERMISSIONS = 50013;

export const NO_THREAD_PERMISSION =
  'I am not allowed to create threads in this channel, so I cannot open a follow-up thread. Your answer is above; ' +
  'an admin can give me “Create Public Threads” here.';

const HELP =
  'Ask a follow-up by mentioning me: “and Merz?” (same question, another person), “what about the ceasefire?” ' +
  '(same person, a topic), “only LBC” (one outlet), “all outlets”, or “more” (next page).';

/** Why an answer to this interaction cannot get a follow-up thread, in words for the user; null when it can. */
export function whyNoThread(interaction: ChatInputCommandInteraction, ephemeral: boolean): string | null {
  if (ephemeral) return 'Private answers cannot have threads: ask without `private` to get one.';
  if (!interaction.inGuild()) return 'Threads only exist in servers.';
  if (interaction.channel?.isThread()) return 'This is already a thread: mention me here to follow up.';
  if (!interaction.appPermissions.has(PermissionFlagsBits.CreatePublicThreads)) return NO_THREAD_PERMISSION;
  return null;
}

function threadName(question: string): string {
  const name = clip(question.replace(/\s+/g, ' ').trim(), 90);
  return name === '' ? 'whosaid follow-ups' : name;
}

/**
 * Opens a public thread on an answer message and stores its context. Returns the thread, or throws a
 * UserError when this channel cannot have one.
 */
export async function openFollowUpThread(
  ctx: BotContext,
  where: { channelId: string; messageId: string; appPermissions: Readonly<{ has(bit: bigint): boolean }> | null },
  context: { question: string; parsed: ParsedQuestion },
): Promise<AnyThreadChannel> {
  if (where.appPermissions && !where.appPermissions.has(PermissionFlagsBits.CreatePublicThreads)) throw new UserError(NO_THREAD_PERMISSION);
  const channel = await ctx.client.channels.fetch(where.channelId);
  if (!channel || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) {
    throw new UserError('Follow-up threads can only be opened in a server text channel.');
  }
  const existing = channel.threads.cache.get(where.messageId);
  if (existing) throw new UserError(`This answer already has a thread: ${existing.toString()}`);
  // A thread started on a message takes the message's id: storing the context first means a follow-up
  // typed the instant the thread appears already finds it.
  ctx.state.setThread({ threadId: where.messageId, question: context.question, parsed: context.parsed, page: 0 });
  const thread = await channel.threads
    .create({
      startMessage: where.messageId,
      name: threadName(context.question),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      reason: 'whosaid follow-up thread',
    })
    .catch((error: unknown) => {
      // The permission can be taken away between the interaction and the request.
      if (error instanceof DiscordAPIError && error.code === MISSING_PERMISSIONS) throw new UserError(NO_THREAD_PERMISSION);
      throw error;
    });
  await thread.send({ content: HELP });
  return thread;
}

/** The "Follow up in a thread" button. */
export async function onThreadButton(interaction: ButtonInteraction, ctx: BotContext, view: ViewRecord): Promise<void> {
  if (!interaction.inGuild()) throw new UserError('Threads only exist in servers.');
  if (interaction.message.flags.has('Ephemeral')) throw new UserError('Private answers cannot have threads: ask without `private` to get one.');
  await interaction.deferReply({ flags: 'Ephemeral' });
  const context = await answerMessage(ctx, view, 0, { threadButton: false });
  const thread = await openFollowUpThread(
    ctx,
    { channelId: interaction.channelId, messageId: interaction.message.id, appPermissions: interaction.appPermissions },
    { question: context.question, parsed: context.parsed },
  );
  ctx.log.info({ user: interaction.user.id, thread: thread.id, view: view.id }, 'follow-up thread opened');
  await removeThreadButton(interaction, ctx);
  await interaction.editReply({ content: `Opened ${thread.toString()}. Mention me there to follow up.` });
}

/** The answer has its thread now: its "Follow up in a thread" button goes, so nobody clicks into an error. */
async function removeThreadButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const rows = interaction.message.components
    .map((row) => row.toJSON())
    .filter((row): row is APIActionRowComponent<APIComponentInMessageActionRow> => row.type === ComponentType.ActionRow)
    .map((row) => ({ ...row, components: row.components.filter((c) => !('custom_id' in c && c.custom_id.startsWith('thread:'))) }))
    .filter((row) => row.components.length > 0);
  await interaction.message.edit({ components: rows }).catch((error: unknown) => {
    // The thread is open either way; a stale button only leads to "already has a thread".
    ctx.log.warn({ err: error, message: interaction.message.id }, 'could not remove the thread button');
  });
}

/** Context for a thread the bot has no state for (state lost, or opened by a person on an answer). */
async function rebuildContext(ctx: BotContext, thread: AnyThreadChannel): Promise<ThreadState | null> {
  // Forced: a cached copy may predate the edit that filled in the deferred answer.
  const starter = await thread.fetchStarterMessage({ force: true }).catch(() => null);
  if (!starter || starter.author.id !== ctx.client.user?.id) return null;
  const footer = starter.embeds[0]?.footer?.text ?? '';
  let question: string | null = null;
  if (footer.startsWith(QUESTION_PREFIX)) {
    question = footer.slice(QUESTION_PREFIX.length).replace(/ · Page \d+ of \d+$/, '');
  } else {
    const compare = footer.match(/^Compare: (.+?)(?: · topic: (.+?))?(?: · Page \d+ of \d+)?$/);
    if (compare) question = compare[2] ? `what did ${compare[1]} say about ${compare[2]}` : `what did ${compare[1]} say`;
  }
  if (!question || question.endsWith('…')) return null;
  const result = await ctx.engine.ask(question);
  const state = { threadId: thread.id, question, parsed: result.parsed, page: 0 };
  ctx.state.setThread(state);
  ctx.log.info({ thread: thread.id }, 'thread context rebuilt from its starter message');
  return { ...state, updatedAt: Date.now() };
}

/** Follow-ups in one thread are answered in order: each builds on the context the previous one left. */
const threadQueues = new Map<string, Promise<void>>();

/** Handles a message in a thread; returns quietly for messages that are not for the bot. */
export function onThreadMessage(message: Message, ctx: BotContext): Promise<void> {
  const previous = threadQueues.get(message.channelId) ?? Promise.resolve();
  const next = previous.then(() => answerThreadMessage(message, ctx));
  threadQueues.set(message.channelId, next);
  const forget = () => {
    if (threadQueues.get(message.channelId) === next) threadQueues.delete(message.channelId);
  };
  next.then(forget, forget);
  return next;
}

async function answerThreadMessage(message: Message, ctx: BotContext): Promise<void> {
  const me = ctx.client.user;
  if (!me || message.author.bot || message.system || !message.channel.isThread()) return;
  const thread = message.channel;
  const mentioned = message.mentions.users.has(me.id);
  let state = ctx.state.thread(thread.id) ?? null;
  if (!mentioned && !(ctx.config.messageContent && (state || thread.ownerId === me.id))) return;

  const wait = ctx.cooldowns.take(message.author.id);
  if (wait > 0) {
    await message.reply({ content: `Give me ${wait} s before the next question.` });
    return;
  }
  try {
    if (!state && thread.ownerId === me.id) state = await rebuildContext(ctx, thread);
    const followUp = await interpretFollowUp(message.content, state?.parsed ?? { type: 'empty' }, ctx.engine);
    if (followUp.kind === 'help') {
      await message.reply({ content: HELP });
      return;
    }
    if (followUp.kind === 'more' && !state) {
      await message.reply({ content: `There is no earlier answer in this thread to continue. ${HELP}` });
      return;
    }
    const question = followUp.kind === 'more' ? state!.question : followUp.question;
    const page = followUp.kind === 'more' ? state!.page + 1 : 0;
    const view = ctx.state.addView({ kind: 'ask', question }, message.author.id);
    await thread.sendTyping().catch(() => {});
    const plain = !mayEmbed(thread.permissionsFor(me));
    const answer = await answerMessage(ctx, view, page, { threadButton: false, plain });
    if (followUp.kind === 'more' && answer.page < page) {
      await message.reply({ content: `That was everything for “${clip(question, 200)}”. Ask another follow-up, or “all outlets”.` });
      return;
    }
    ctx.state.setThread({ threadId: thread.id, question, parsed: answer.parsed, page: answer.page });
    await message.reply(newMessageBody(answer));
    ctx.log.info({ user: message.author.id, thread: thread.id, kind: followUp.kind, question }, 'follow-up answered');
  } catch (error) {
    if (error instanceof UserError) {
      await message.reply({ content: error.message }).catch(() => {});
      return;
    }
    const errorId = newErrorId();
    ctx.log.error({ err: error, errorId, thread: thread.id, user: message.author.id }, 'follow-up failed');
    await message.reply({ content: apology(errorId) }).catch(() => {});
  }
}
