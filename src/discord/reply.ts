// The reply every answering slash command gives: the answer message (answers.ts), and on request a
// follow-up thread on it (threads.ts). It sits above both so neither has to import the other's caller.
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { type AnswerMessage, answerMessage, editBody, mayEmbed, newMessageBody, within } from './answers.js';
import type { BotContext } from './context.js';
import { UserError } from './errors.js';
import type { ViewQuery } from './state.js';
import { openFollowUpThread, whyNoThread } from './threads.js';

/**
 * The common path of /ask, /said, /whosaid and /compare: store the view, answer with its first page
 * (in the acknowledgement when the engine is quick, else defer and edit), and open a thread on it
 * when asked to.
 */
export async function replyWithView(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  query: ViewQuery,
  options: { ephemeral: boolean; openThread: boolean },
): Promise<void> {
  const view = ctx.state.addView(query, interaction.user.id);
  const noThread = whyNoThread(interaction, options.ephemeral);
  const flags = options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  const answering = answerMessage(ctx, view, 0, { threadButton: noThread === null && !options.openThread, plain: !mayEmbed(interaction.appPermissions) });
  const quick = await within(answering, ctx.quickAnswerMs);
  let answer: AnswerMessage;
  let messageId: string;
  if (quick) {
    answer = quick.value;
    const response = await interaction.reply({ ...newMessageBody(answer), ...flags, withResponse: true });
    messageId = response.resource?.message?.id ?? (await interaction.fetchReply()).id;
  } else {
    await interaction.deferReply(flags);
    answer = await answering;
    messageId = (await interaction.editReply(editBody(answer))).id;
  }
  if (!options.openThread) return;
  if (noThread !== null) throw new UserError(noThread);
  await openFollowUpThread(
    ctx,
    { channelId: interaction.channelId, messageId, appPermissions: interaction.appPermissions },
    { question: answer.question, parsed: answer.parsed },
  );
}
