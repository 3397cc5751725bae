// Options several slash commands share: the person (with autocomplete), and `since` and `until`, read
// by the same date parser as questions ("14 December", "last week", "2025-12-01"), counted from the bot's clock.
import type { ChatInputCommandInteraction, SlashCommandStringOption } from 'discord.js';
import { DateError, spanFromOptions } from '../answer/dates.js';
import type { DateSpan } from '../types.js';
import { UserError } from './errors.js';

export function spanOption(interaction: ChatInputCommandInteraction, now: Date = new Date()): DateSpan | null {
  try {
    return spanFromOptions(interaction.options.getString('since')?.trim() || null, interaction.options.getString('until')?.trim() || null, now);
  } catch (error) {
    if (error instanceof DateError) throw new UserError(error.message);
    throw error;
  }
}

/** The person a question is about (/said, /compare, /timeline), typed with autocomplete. */
export const personOption = (option: SlashCommandStringOption): SlashCommandStringOption =>
  option.setName('person').setDescription('Start typing a name, alias or role').setRequired(true).setAutocomplete(true).setMaxLength(100);

/** The two option builders, written once for every command that takes a span. */
export const sinceOption = (option: SlashCommandStringOption): SlashCommandStringOption =>
  option.setName('since').setDescription('From this day on, e.g. 14 December, last week, 2025-12-01').setMaxLength(60);
export const untilOption = (option: SlashCommandStringOption): SlashCommandStringOption =>
  option.setName('until').setDescription('Up to this day, e.g. 20 December, yesterday').setMaxLength(60);
