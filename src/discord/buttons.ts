// Button clicks on answers: Previous/Next paging and "Follow up in a thread".
import { MessageFlags, PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { answerMessage, editBody, mayEmbed, newMessageBody, parseButtonId, within } from './answers.js';
import type { BotContext } from './context.js';
import { UserError } from './errors.js';
import { onThreadButton } from './threads.js';

export async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const button = parseButtonId(interaction.customId);
  if (!button || button.action === 'pageinfo') throw new UserError('That button does nothing; use Previous or Next.');
  const view = ctx.state.view(button.viewId);
  if (!view) throw new UserError('This answer is too old for its buttons. Ask again to get a fresh one.');
  if (button.action === 'thread') {
    await onThreadButton(interaction, ctx, view);
    return;
  }
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const threadButton =
    !ephemeral &&
    !interaction.channel?.isThread() &&
    !interaction.message.hasThread &&
    interaction.inGuild() &&
    interaction.appPermissions.has(PermissionFlagsBits.CreatePublicThreads);
  const plain = !mayEmbed(interaction.appPermissions);
  if (ephemeral || interaction.user.id === view.userId) {
    // Turn the page in place: in the acknowledgement when quick, else deferred and edited.
    const answering = answerMessage(ctx, view, button.page, { threadButton, plain });
    const quick = await within(answering, ctx.quickAnswerMs);
    if (quick) {
      await interaction.update(editBody(quick.value));
      return;
    }
    await interaction.deferUpdate();
    await interaction.editReply(editBody(await answering));
    return;
  }
  // Someone else's public answer: page a private copy instead of flipping it under its asker.
  const answering = answerMessage(ctx, view, button.page, { threadButton: false, plain });
  const quick = await within(answering, ctx.quickAnswerMs);
  if (quick) {
    await interaction.reply({ ...newMessageBody(quick.value), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(editBody(await answering));
}
