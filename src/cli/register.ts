// npm run register: registers the slash commands and prints the invite URL.
import { loadConfigOrExit } from '../config.js';
import { createLogger } from '../log.js';
import { inviteUrl, registerCommands } from '../discord/register.js';

const config = loadConfigOrExit({ requireAppId: true });
const log = createLogger({ level: config.logLevel, secrets: [config.token], sink: process.stderr });
const appId = config.appId!;

try {
  const registration = await registerCommands(config, appId);
  const where = registration.scope === 'guild' ? `server ${config.guildId}` : 'all servers (global commands can take up to an hour to appear)';
  process.stdout.write(`Registered ${registration.names.map((name) => `/${name}`).join(', ')} for ${where}.\n`);
  process.stdout.write(`Invite the bot with:\n${inviteUrl(appId)}\n`);
} catch (error) {
  log.error({ err: error }, 'registration failed');
  process.stderr.write(`Registration failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
