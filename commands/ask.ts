import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { replyWithView } from '../src/discord/reply.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask what someone said, who said a phrase, or what was said about a topic')
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option.setName('question').setDescription('e.g. what did Kallas say about security guarantees?').setRequired(true).setMaxLength(300),
  )
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'))
  .addBooleanOption((option) => option.setName('thread').setDescription('Open a follow-up thread on the answer right away'));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true).trim();
  if (question === '') throw new UserError('Type a question, for example: `/ask question: what did Kallas say?`');
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
