// Autocomplete choices for person and outlet options. Discord allows 25 choices of ≤ 100 characters,
// and wants an answer within 3 s, so failures answer with no choices rather than not at all.
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { clip } from './escape.js';

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export async function personChoices(ctx: BotContext, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const people = await ctx.engine.suggestPeople(typed.trim(), MAX_CHOICES);
  return people.slice(0, MAX_CHOICES).map((person) => ({
    name: clip(person.label || person.name, MAX_CHOICE_LENGTH),
    value: clip(person.name, MAX_CHOICE_LENGTH),
  }));
}

export async function outletChoices(ctx: BotContext, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const wanted = typed.trim().toLowerCase();
  const outlets = await ctx.engine.outlets();
  return outlets
    .filter((outlet) => outlet.toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((outlet) => ({ name: clip(outlet, MAX_CHOICE_LENGTH), value: clip(outlet, MAX_CHOICE_LENGTH) }));
}

/** Answers an autocomplete for the usual option names (person, outlet). */
export async function respondWithChoices(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const choices = focused.name === 'outlet' ? await outletChoices(ctx, typed) : focused.name === 'person' ? await personChoices(ctx, typed) : [];
  await interaction.respond(choices);
}
