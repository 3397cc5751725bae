// Registering the slash commands (guild-scoped when a guild id is set: instant; else global) and the
// invite link with exactly the permissions the bot uses.
import { OAuth2Scopes, PermissionFlagsBits, REST, Routes } from 'discord.js';
import type { Config } from '../config.js';
import { loadCommands } from './commands.js';

/**
 * Send Messages, Embed Links, Attach Files (charts), Create Public Threads and Send Messages in Threads are what answers and
 * follow-ups need; View Channel and Read Message History let the bot see its channel and read a
 * thread's starter message when it rebuilds a conversation it has no state for.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory;

export function inviteUrl(appId: string): string {
  const params = new URLSearchParams({
    client_id: appId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

export interface Registration {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(config: Config, appId: string, commandsDirs?: string | string[]): Promise<Registration> {
  const commands = await loadCommands(commandsDirs);
  const body = [...commands.values()].map((command) => command.data.toJSON());
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(appId, config.guildId) : Routes.applicationCommands(appId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', names: registered.map((command) => command.name) };
}
