import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { replyWithView } from '../src/discord/reply.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { composeQuestion } from '../src/discord/followups.js';

export const data = new SlashCommandBuilder()
  .setName('whosaid')
  .setDescription('Who said this phrase, and where was it reported?')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) => option.setName('phrase').setDescription('e.g. real troops and real capabilities').setRequired(true).setMaxLength(300))
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const phrase = interaction.options
    .getString('phrase', true)
    .replace(/^["“”']+|["“”']+$/g, '')
    .trim();
  if (phrase === '') throw new UserError('Give a few words of the quote, for example `/whosaid phrase: real troops`.');
  await replyWithView(
    interaction,
    ctx,
    { kind: 'ask', question: composeQuestion({ phrase }) },
    {
      ephemeral: interaction.options.getBoolean('private') ?? false,
      openThread: false,
    },
  );
}
