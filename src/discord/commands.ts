// The command handler, discord.js-guide style: every file in commands/ exports `data` (a
// SlashCommandBuilder) and `execute`; this loader finds them, for the bot and for registration alike.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './context.js';

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Commands that keep the engine busy are subject to the per-user cooldown. */
  cooldown?: boolean;
}

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

function isCommand(value: unknown): value is Command {
  const candidate = value as Partial<Command> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.data?.name === 'string' &&
    typeof candidate.data.toJSON === 'function' &&
    typeof candidate.execute === 'function'
  );
}

/**
 * Imports every command module in `dirs` (the project's commands/ by default; more folders add
 * commands). A file without `data` and `execute`, or a name defined twice, is an error, not a silent skip.
 */
export async function loadCommands(dirs: string | string[] = COMMANDS_DIR): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const dir of Array.isArray(dirs) ? dirs : [dirs]) {
    const files = (await readdir(dir)).filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.d.ts')).sort();
    const folder = path.basename(dir);
    for (const file of files) {
      const module: unknown = await import(pathToFileURL(path.join(dir, file)).href);
      if (!isCommand(module)) throw new Error(`${folder}/${file} must export "data" (a SlashCommandBuilder) and "execute"`);
      if (commands.has(module.data.name)) throw new Error(`${folder}/${file}: /${module.data.name} is defined twice`);
      commands.set(module.data.name, module);
    }
  }
  return commands;
}
