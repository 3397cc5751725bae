import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { mayEmbed } from '../src/discord/answers.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { ReloadBusyError, mayReload } from '../src/discord/reload.js';
import { renderReload } from '../src/discord/render.js';
import { embedAsText } from '../src/discord/render-text.js';

export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Admins: read the corpus folder again and swap in the new index')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const who = { user: interaction.user.id, username: interaction.user.username, guild: interaction.guildId };
  if (!mayReload(interaction, ctx.config.adminRoleIds)) {
    ctx.log.warn(who, 'reload refused: missing Manage Server, Administrator or an admin role');
    throw new UserError('Only members with Manage Server, Administrator or an admin role can reload the corpus. Nothing was changed.');
  }
  if (ctx.reloads.running) throw new UserError('A reload is already running. Wait for it to finish, then try again if needed.');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const report = await ctx.reloads.run(`${interaction.user.username} (${interaction.user.id})`, who);
    const embed = renderReload(report);
    await interaction.editReply(mayEmbed(interaction.appPermissions) ? { embeds: [embed] } : { content: embedAsText(embed) });
  } catch (error) {
    if (error instanceof ReloadBusyError) throw new UserError('A reload is already running. Wait for it to finish, then try again if needed.');
    throw error;
  }
}
