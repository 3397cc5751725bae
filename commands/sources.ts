import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { coverageChart } from '../src/charts/specs.js';
import { mayEmbed } from '../src/discord/answers.js';
import { CHART_FAILED, NO_ATTACH_PERMISSION, drawChart, mayAttach } from '../src/discord/charts.js';
import type { BotContext } from '../src/discord/context.js';
import { renderStats } from '../src/discord/render.js';
import { embedAsText } from '../src/discord/render-text.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('Outlets, article counts, the most quoted people, and when the corpus was loaded')
  .setContexts(InteractionContextType.Guild)
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const [stats, coverage] = await Promise.all([ctx.engine.stats(), ctx.engine.coverage()]);
  const embed = renderStats(stats);
  // Below the counts, articles per outlet over time.
  const chart = coverageChart(coverage);
  const attach = mayAttach(interaction.appPermissions);
  const drawn = chart && attach ? await drawChart(ctx, chart, { interaction: interaction.id, command: 'sources' }) : null;
  if (drawn) embed.image = { url: drawn.url };
  if (chart && !drawn) embed.fields = [...(embed.fields ?? []), { name: 'Chart', value: attach ? CHART_FAILED : NO_ATTACH_PERMISSION }];
  const files = drawn ? [drawn.file] : [];
  await interaction.editReply(mayEmbed(interaction.appPermissions) ? { embeds: [embed], files } : { content: embedAsText(embed), files });
}
