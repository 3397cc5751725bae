// A command whose handler has a bug, loaded next to the real commands by the e2e tests: stands for any
// programming error in a command, before or after it acknowledged the interaction.
import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';

export const data = new SlashCommandBuilder()
  .setName('crash')
  .setDescription('Test fixture: a handler with a bug')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option
      .setName('when')
      .setDescription('Before or after the interaction is acknowledged')
      .setRequired(true)
      .addChoices({ name: 'before', value: 'before' }, { name: 'after', value: 'after' }),
  );

interface Found {
  answer?: { text: string };
}

export async function execute(interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.options.getString('when', true) === 'after') await interaction.deferReply();
  const found: Found = JSON.parse('{}') as Found;
  // The bug: reads a property of something that is not there (a TypeError at run time).
  await interaction.editReply(found.answer!.text);
}
