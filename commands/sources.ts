import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { mayEmbed } from '../src/discord/answers.js';
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
  const stats = await ctx.engine.stats();
  const embed = renderStats(stats);
  await interaction.editReply(mayEmbed(interaction.appPermissions) ? { embeds: [embed] } : { content: embedAsText(embed) });
}
