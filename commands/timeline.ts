import { InteractionContextType, MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { timelineChart } from '../src/charts/specs.js';
import { mayEmbed } from '../src/discord/answers.js';
import { respondWithChoices } from '../src/discord/autocomplete.js';
import { NO_ATTACH_PERMISSION, CHART_FAILED, drawChart, mayAttach, timelineEmbed } from '../src/discord/charts.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { composeQuestion } from '../src/discord/followups.js';
import { embedAsText } from '../src/discord/render-text.js';
import { personOption, sinceOption, spanOption, untilOption } from '../src/discord/command-options.js';

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription("A chart of a person's statements per day, coloured by outlet")
  .setContexts(InteractionContextType.Guild)
  .addStringOption(personOption)
  .addStringOption((option) => option.setName('topic').setDescription('Only statements about this, e.g. NATO').setMaxLength(100))
  .addStringOption(sinceOption)
  .addStringOption(untilOption)
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const person = interaction.options.getString('person', true).trim();
  if (person === '') throw new UserError('Name a person, for example `/timeline person: Zelenskyy`.');
  const span = spanOption(interaction);
  const question = composeQuestion({ person, topic: interaction.options.getString('topic')?.trim() || null, span });
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  // Drawing takes longer than an immediate reply should: acknowledge first.
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const timeline = await ctx.engine.timeline(question);
  const chart = timelineChart(timeline);
  const attach = mayAttach(interaction.appPermissions);
  const drawn = chart && attach ? await drawChart(ctx, chart, { interaction: interaction.id, command: 'timeline' }) : null;
  const note = chart && !attach ? NO_ATTACH_PERMISSION : chart && !drawn ? CHART_FAILED : null;
  const embed = timelineEmbed(timeline, note);
  if (drawn) embed.image = { url: drawn.url };
  const files = drawn ? [drawn.file] : [];
  if (mayEmbed(interaction.appPermissions)) {
    await interaction.editReply({ embeds: [embed], files });
  } else {
    await interaction.editReply({ content: embedAsText(embed), files });
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await respondWithChoices(interaction, ctx);
}
