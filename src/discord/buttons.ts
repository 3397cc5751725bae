// Button clicks on answers: Previous/Next paging, "By outlet" and back, a closest name offered for an
// unknown one, and "Follow up in a thread".
import { MessageFlags, PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { answerMessage, editBody, mayEmbed, newMessageBody, parseButtonId, within } from './answers.js';
import type { BotContext } from './context.js';
import { UserError } from './errors.js';
import { composeQuestion, partsOf } from './followups.js';
import type { ViewRecord } from './state.js';
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
  if (button.action === 'layout') {
    if (view.query.kind !== 'ask') throw new UserError('This answer has only one view.');
    const next = ctx.state.addView({ ...view.query, layout: view.query.layout === 'outlets' ? 'grouped' : 'outlets' }, view.userId);
    await showPage(interaction, ctx, next, 0);
    return;
  }
  if (button.action === 'suggest') {
    await showPage(interaction, ctx, await suggestedView(ctx, view, button.page), 0);
    return;
  }
  await showPage(interaction, ctx, view, button.page);
}

/** The same question about the n-th closest name the view's answer offered. */
async function suggestedView(ctx: BotContext, view: ViewRecord, n: number): Promise<ViewRecord> {
  const query = view.query;
  if (query.kind === 'compare') {
    const name = (await ctx.engine.compare(query.person, query.topic)).suggestions[n];
    if (!name) throw new UserError('That name is no longer offered. Ask again.');
    return ctx.state.addView({ kind: 'compare', person: name, topic: query.topic }, view.userId);
  }
  const result = await ctx.engine.ask(query.question);
  const name = result.suggestions[n];
  if (!name) throw new UserError('That name is no longer offered. Ask again.');
  const parts = partsOf(result.parsed);
  return ctx.state.addView(
    {
      kind: 'ask',
      question: composeQuestion({ person: name, topic: parts.topic ?? null, outlet: parts.outlet ?? null }),
      ...(query.layout ? { layout: query.layout } : {}),
    },
    view.userId,
  );
}

/** Shows a page of a view: in place for its asker (or on a private answer), else as a private copy. */
async function showPage(interaction: ButtonInteraction, ctx: BotContext, view: ViewRecord, page: number): Promise<void> {
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const threadButton =
    !ephemeral &&
    !interaction.channel?.isThread() &&
    !interaction.message.hasThread &&
    // Our own record of threads opened on answers: the flag on the message can lag behind.
    ctx.state.thread(interaction.message.id) === undefined &&
    interaction.inGuild() &&
    interaction.appPermissions.has(PermissionFlagsBits.CreatePublicThreads);
  const plain = !mayEmbed(interaction.appPermissions);
  if (ephemeral || interaction.user.id === view.userId) {
    // Turn the page in place: in the acknowledgement when quick, else deferred and edited.
    const answering = answerMessage(ctx, view, page, { threadButton, plain });
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
  const answering = answerMessage(ctx, view, page, { threadButton: false, plain });
  const quick = await within(answering, ctx.quickAnswerMs);
  if (quick) {
    await interaction.reply({ ...newMessageBody(quick.value), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(editBody(await answering));
}
