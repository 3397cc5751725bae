// Starts the real bot (real engine on a temp copy of a corpus) against its own fake Discord, for the
// e2e suites. Each suite gets fresh temp folders, so suites can run in parallel.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkerEngine } from '../../src/answer/worker-engine.js';
import { parseConfig, type Config } from '../../src/config.js';
import { startBot, type BotHandle } from '../../src/discord/client.js';
import { COMMANDS_DIR } from '../../src/discord/commands.js';
import { registerCommands } from '../../src/discord/register.js';
import { createLogger, type LogSink } from '../../src/log.js';
import type { EngineApi } from '../../src/types.js';
import { FakeDiscord, type FakeInteraction } from './fake-discord/index.js';
import { hasVisibleText, mentionProblems, messageLimitProblems } from './fake-discord/limits.js';

export type Json = Record<string, unknown>;
export type Embed = {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text: string };
  fields?: { name: string; value: string; inline?: boolean }[];
};

export const embedsOf = (message: Json): Embed[] => (message.embeds as Embed[] | undefined) ?? [];
export const buttonsOf = (message: Json): Json[] => ((message.components as Json[] | undefined) ?? []).flatMap((row) => (row.components as Json[]) ?? []);

export interface Harness {
  fake: FakeDiscord;
  engine: EngineApi;
  bot: BotHandle;
  config: Config;
  corpusDir: string;
  dataDir: string;
  logLines: string[];
  token: string;
  /** Stops the bot (state saved) and starts a new one on the same data folder. */
  restart(beforeStart?: () => Promise<void>): Promise<void>;
  reply(interaction: FakeInteraction): Promise<Json>;
  /** Posts a message mentioning the bot in a thread and waits for the bot's reply to it. */
  followUp(threadId: string, text: string): Promise<Json>;
  /** Problems in anything the bot sent: rejected requests, limits, mentions. Empty when all is well. */
  sentProblems(): string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  token: string;
  /** Extra settings; may use the fake's ids (e.g. a role for ADMIN_ROLE_IDS). */
  env?: (fake: FakeDiscord) => Record<string, string>;
  /** Changes to the temp copy of the seed corpus before the engine loads it. */
  prepareCorpus?: (dir: string) => Promise<void>;
  /** Folders of commands loaded (and registered) besides the project's commands/. */
  extraCommands?: string[];
  /** Where log lines go instead of `logLines` (a long run would keep them all), and at what level. */
  log?: { sink: LogSink; level: string };
  /** Passed to the fake: how many requests, interactions and messages it keeps (see FakeDiscordOptions). */
  keep?: number;
  /** Passed to the bot (see StartOptions): 0 makes every answer take the deferred path. */
  quickAnswerMs?: number;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const corpusDir = await mkdtemp(path.join(tmpdir(), 'whosaid-corpus-'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'whosaid-data-'));
  await cp(path.resolve('corpus'), corpusDir, { recursive: true });
  await options.prepareCorpus?.(corpusDir);
  const fake = await FakeDiscord.start({ token: options.token, heartbeatIntervalMs: 1000, ...(options.keep ? { keep: options.keep } : {}) });
  const config = parseConfig({
    DISCORD_TOKEN: options.token,
    DISCORD_APP_ID: fake.appId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: corpusDir,
    DATA_DIR: dataDir,
    COOLDOWN_SECONDS: '0',
    // Suites that test the watcher turn it on; elsewhere it would race their own /reload calls.
    WATCH: 'false',
    ...options.env?.(fake),
  });
  const logLines: string[] = [];
  const log = createLogger({
    level: options.log?.level ?? 'debug',
    secrets: [options.token],
    sink: options.log?.sink ?? { write: (line) => void logLines.push(line) },
  });
  const commandsDir = [COMMANDS_DIR, ...(options.extraCommands ?? [])];
  await registerCommands(config, fake.appId, commandsDir);
  // The worker-backed engine, as src/cli/start.ts runs it.
  const engine = await createWorkerEngine({ corpusDir });
  const harness: Harness = {
    fake,
    engine,
    bot: await startBot({ config, engine, log, commandsDir, quickAnswerMs: options.quickAnswerMs }),
    config,
    corpusDir,
    dataDir,
    logLines,
    token: options.token,
    async restart(beforeStart) {
      await harness.bot.stop();
      await beforeStart?.();
      harness.bot = await startBot({ config, engine, log, commandsDir, quickAnswerMs: options.quickAnswerMs });
    },
    reply: (interaction) => fake.replyTo(interaction, 20_000),
    async followUp(threadId, text) {
      const question = fake.postUserMessage(threadId, text);
      return fake.waitFor(
        () => fake.messagesIn(threadId).find((m) => (m.message_reference as Json | undefined)?.message_id === question.id),
        20_000,
        `an answer to "${text}"`,
      );
    },
    sentProblems() {
      const problems: string[] = [];
      for (const request of fake.requests) {
        const where = `${request.method} ${request.path}`;
        if (request.status >= 400) problems.push(`${where} → ${request.status} ${JSON.stringify(request.response)}`);
        const body = request.body;
        if (!body || Array.isArray(body)) continue;
        const message = (request.path.endsWith('/callback') ? (body.data as Json | undefined) : body) ?? {};
        if (!hasVisibleText(message)) continue;
        for (const problem of [...messageLimitProblems(message), ...mentionProblems(message)]) problems.push(`${where}: ${problem}`);
      }
      return problems;
    },
    async close() {
      await harness.bot.stop();
      await engine.close();
      await fake.stop();
      await rm(corpusDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
