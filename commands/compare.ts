import { InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { replyWithView } from '../src/discord/reply.js';
import { respondWithChoices } from '../src/discord/autocomplete.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';

export const data = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('The same statement as each outlet worded it, side by side, differences marked')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option.setName('person').setDescription('Start typing a name, alias or role').setRequired(true).setAutocomplete(true).setMaxLength(100),
  )
  .addStringOption((option) => option.setName('topic').setDescription('Only statements about this').setMaxLength(100))
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const person = interaction.options.getString('person', true).trim();
  if (person === '') throw new UserError('Name a person, for example `/compare person: Zelenskyy`.');
  const topic = interaction.options.getString('topic')?.trim() || null;
  await replyWithView(interaction, ctx, { kind: 'compare', person, topic }, {
    ephemeral: interaction.options.getBoolean('private') ?? false,
    openThread: false,
  });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await respondWithChoices(interaction, ctx);
}
