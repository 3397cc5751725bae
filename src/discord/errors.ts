// Two kinds of failure: ones the user can fix (an ephemeral note saying what to do) and ours (a short
// apology with an error id that is also in the log, so an admin can find the stack).
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../log.js';

/** A problem the user can fix; its message is shown to them as is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apology(errorId: string): string {
  return `Sorry, something went wrong on my side (error id \`${errorId}\`). Please try again in a moment; if it keeps happening, give an admin that id.`;
}

/**
 * Discord error codes that mean the interaction can no longer be answered at all: 10062 Unknown
 * Interaction (not acknowledged within 3 s), 10015 Unknown Webhook and 50027 Invalid Webhook Token
 * (its token is gone; tokens last 15 minutes), 40060 already acknowledged. Sending anything more with
 * that token would fail the same way, so nothing is retried.
 */
const UNANSWERABLE = new Set([10062, 10015, 50027, 40060]);

export function isUnanswerable(error: unknown): boolean {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && UNANSWERABLE.has(error.code);
}

/** Sends a private message to the user whatever state the interaction is in. */
export async function sayPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    const wasEphemeral = interaction.ephemeral === true;
    if (wasEphemeral) {
      await interaction.editReply({ content, embeds: [], components: [] });
      return;
    }
    // A public "thinking…" placeholder would leave the note visible to everyone: replace it privately.
    await interaction.deleteReply().catch(() => {});
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

/** Answers a failed interaction: user errors privately as written, anything else with a logged error id. */
export async function reportFailure(interaction: RepliableInteraction, error: unknown, log: Logger, what: Record<string, unknown>): Promise<void> {
  if (error instanceof UserError) {
    await sayPrivately(interaction, error.message).catch((sendError: unknown) => log.warn({ err: sendError, ...what }, 'could not send a user error'));
    return;
  }
  const errorId = newErrorId();
  if (isUnanswerable(error)) {
    const code = (error as DiscordAPIError).code;
    log.warn(
      { err: error, errorId, code, ...what },
      'interaction can no longer be answered (token expired, unknown or already used); nothing more is sent for it',
    );
    return;
  }
  log.error({ err: error, errorId, ...what }, 'interaction failed');
  await sayPrivately(interaction, apology(errorId)).catch((sendError: unknown) => log.warn({ err: sendError, errorId, ...what }, 'could not send the apology'));
}
