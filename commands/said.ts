import { InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { replyWithView } from '../src/discord/reply.js';
import { respondWithChoices } from '../src/discord/autocomplete.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { composeQuestion } from '../src/discord/followups.js';
import { personOption, sinceOption, spanOption, untilOption } from '../src/discord/command-options.js';

export const data = new SlashCommandBuilder()
  .setName('said')
  .setDescription('What did this person say, outlet by outlet?')
  .setContexts(InteractionContextType.Guild)
  .addStringOption(personOption)
  .addStringOption((option) => option.setName('topic').setDescription('Only about this, e.g. ceasefire').setMaxLength(100))
  .addStringOption((option) => option.setName('outlet').setDescription('Only as reported by this outlet').setAutocomplete(true).setMaxLength(100))
  .addStringOption(sinceOption)
  .addStringOption(untilOption)
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'))
  .addBooleanOption((option) => option.setName('thread').setDescription('Open a follow-up thread on the answer right away'));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const person = interaction.options.getString('person', true).trim();
  if (person === '') throw new UserError('Name a person, for example `/said person: Kallas`.');
  const question = composeQuestion({
    person,
    topic: interaction.options.getString('topic')?.trim() || null,
    outlet: interaction.options.getString('outlet')?.trim() || null,
    span: spanOption(interaction),
  });
  await replyWithView(
    interaction,
    ctx,
    { kind: 'ask', question },
    {
      ephemeral: interaction.options.getBoolean('private') ?? false,
      openThread: interaction.options.getBoolean('thread') ?? false,
    },
  );
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await respondWithChoices(interaction, ctx);
}
