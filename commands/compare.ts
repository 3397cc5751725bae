import { InteractionContextType, MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { outletBarChart } from '../src/charts/specs.js';
import { mayEmbed } from '../src/discord/answers.js';
import { clip, escapeText } from '../src/discord/escape.js';
import { COLORS } from '../src/discord/render.js';
import { CHART_FAILED, NO_ATTACH_PERMISSION, drawChart, mayAttach } from '../src/discord/charts.js';
import { composeQuestion } from '../src/discord/followups.js';
import { personOption, sinceOption, spanOption, untilOption } from '../src/discord/command-options.js';
import { replyWithView } from '../src/discord/reply.js';
import { respondWithChoices } from '../src/discord/autocomplete.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';

export const data = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('The same statement as each outlet worded it, side by side, differences marked')
  .setContexts(InteractionContextType.Guild)
  .addStringOption(personOption)
  .addStringOption((option) => option.setName('topic').setDescription('Only statements about this').setMaxLength(100))
  .addStringOption(sinceOption)
  .addStringOption(untilOption)
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const person = interaction.options.getString('person', true).trim();
  if (person === '') throw new UserError('Name a person, for example `/compare person: Zelenskyy`.');
  const topic = interaction.options.getString('topic')?.trim() || null;
  const span = spanOption(interaction);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  await replyWithView(interaction, ctx, { kind: 'compare', person, topic, span }, { ephemeral, openThread: false });
  await sendOutletChart(interaction, ctx, composeQuestion({ person, topic, span }), ephemeral);
}

/** Under the comparison, a bar of how many statements each outlet carried (a message of its own, so paging leaves it alone). */
async function sendOutletChart(interaction: ChatInputCommandInteraction, ctx: BotContext, question: string, ephemeral: boolean): Promise<void> {
  const chart = outletBarChart(await ctx.engine.timeline(question));
  if (!chart) return;
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  if (!mayAttach(interaction.appPermissions)) {
    await interaction.followUp({ content: NO_ATTACH_PERMISSION, ...flags });
    return;
  }
  const drawn = await drawChart(ctx, chart, { interaction: interaction.id, command: 'compare' });
  // A chart that failed is logged with why; the comparison above already answers the question.
  if (!drawn) {
    await interaction.followUp({ content: CHART_FAILED, ...flags });
    return;
  }
  const body = mayEmbed(interaction.appPermissions)
    ? { embeds: [{ description: clip(escapeText(drawn.alt), 2000), color: COLORS.compare, image: { url: drawn.url } }] }
    : { content: clip(escapeText(drawn.alt), 2000) };
  await interaction.followUp({ ...body, files: [drawn.file], ...flags });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await respondWithChoices(interaction, ctx);
}
