// The running bot: a discord.js client wired to the command handler, buttons and follow-up threads.
// startBot() is what src/cli/start.ts runs and what the e2e tests import.
import { Client, Events, GatewayIntentBits, Options, RESTEvents, type Interaction } from 'discord.js';
import { workerRenderer, type ChartRenderer } from '../charts/renderer.js';
import type { Config } from '../config.js';
import { startIngest, type IngestService } from '../ingest/service.js';
import type { Logger } from '../log.js';
import type { EngineApi, ReloadReport } from '../types.js';
import { QUICK_ANSWER_MS, warmUpAnswers } from './answers.js';
import { onButton } from './buttons.js';
import { announceNews } from './news.js';
import { loadCommands, type Command } from './commands.js';
import { Cooldowns, Lifecycle, type BotContext } from './context.js';
import { UserError, reportFailure } from './errors.js';
import { ReloadGate } from './reload.js';
import { stateFileName, type ShardPlace } from './sharding.js';
import { StateStore } from './state.js';
import { onThreadMessage } from './threads.js';

export interface BotHandle {
  client: Client;
  context: BotContext;
  /** One-line summary logged at ready: bot name, servers, articles, statements, people. */
  readySummary: string;
  /** The folder watcher and feed poller (only the first shard runs them); null when both are off. */
  ingest: IngestService | null;
  /** Stop taking commands, finish those in flight (≤ drainMs), save state, disconnect. */
  stop(drainMs?: number): Promise<void>;
}

export interface StartOptions {
  config: Config;
  engine: EngineApi;
  log: Logger;
  /** Commands folder(s); defaults to the project's commands/. */
  commandsDir?: string | string[];
  /** Overrides QUICK_ANSWER_MS (0 defers every answer: the path slow engines take). */
  quickAnswerMs?: number;
  /** The one shard this process runs (spawned by src/cli/shard.ts); absent: the only connection, shard 0 of 1. */
  shard?: ShardPlace;
  /** What /reload does; defaults to reloading `engine`. A shard passes a reload of every shard. */
  reload?: () => Promise<ReloadReport>;
  /** Where charts are drawn; defaults to a worker thread of this process. */
  charts?: ChartRenderer;
}

/**
 * discord.js keeps one REST queue per webhook token, i.e. per interaction answered, and by default
 * drops idle ones once an hour: at 50 answers a second that is 180,000 queues (~150 MB). Idle queues
 * hold nothing worth keeping, so they are swept every 10 s instead (npm run soak measures the heap).
 */
const REST_HANDLER_SWEEP_MS = 10_000;

/** Guilds for commands and threads; GuildMessages (not privileged) to see mentions in threads. */
export function intentsFor(config: Pick<Config, 'messageContent'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

function userOf(interaction: Interaction): Record<string, unknown> {
  return { interaction: interaction.id, user: interaction.user.id, guild: interaction.guildId, channel: interaction.channelId };
}

async function route(interaction: Interaction, ctx: BotContext, commands: Map<string, Command>): Promise<void> {
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    try {
      if (!ctx.lifecycle.accepting || !command?.autocomplete) await interaction.respond([]);
      else await command.autocomplete(interaction, ctx);
    } catch (error) {
      ctx.log.warn({ err: error, command: interaction.commandName, ...userOf(interaction) }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => {});
    }
    return;
  }
  if (!interaction.isRepliable()) return;
  const what = {
    ...userOf(interaction),
    ...(interaction.isChatInputCommand() ? { command: interaction.commandName } : {}),
    ...(interaction.isButton() ? { button: interaction.customId } : {}),
  };
  try {
    if (!ctx.lifecycle.accepting) throw new UserError('whosaid is restarting. Try again in a minute.');
    if (!interaction.inGuild()) {
      // Commands are registered for servers only; one can still arrive from a client holding an older registration.
      ctx.log.info(what, 'command used outside a server; refused');
      throw new UserError('whosaid works in servers: use its commands in a server channel.');
    }
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new UserError('That command is not available any more. An admin should run `npm run register`.');
      if (command.cooldown) {
        const wait = ctx.cooldowns.take(interaction.user.id);
        if (wait > 0) {
          throw new UserError(
            `You're asking quickly: try again in ${wait} s. One question every ${ctx.cooldowns.seconds} s per person keeps whosaid fast for everyone.`,
          );
        }
      }
      ctx.log.debug(what, 'command');
      await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await onButton(interaction, ctx);
    }
  } catch (error) {
    await reportFailure(interaction, error, ctx.log, what);
  }
}

export async function startBot(options: StartOptions): Promise<BotHandle> {
  const { config, engine, log } = options;
  const commands = await loadCommands(options.commandsDir);
  const shard = options.shard ?? null;
  const state = await StateStore.open(config.dataDir, (message) => log.warn(message), stateFileName(shard));
  const client = new Client({
    intents: intentsFor(config),
    // Always explicit: the client would otherwise read SHARDS/SHARD_COUNT from the environment, where an
    // operator's SHARDS=auto (meant for npm run start:sharded) would make a plain npm start fail.
    shards: [shard?.id ?? 0],
    shardCount: shard?.count ?? 1,
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), handlerSweepInterval: REST_HANDLER_SWEEP_MS },
    // Archived threads go after 4 h (discord.js's default); cached messages after an hour, since the bot
    // reads starter messages fresh and never needs old ones (up to 200 per channel and thread otherwise).
    sweepers: { ...Options.DefaultSweeperSettings, messages: { interval: 1800, lifetime: 3600 } },
  });
  const ctx: BotContext = {
    client,
    engine,
    config,
    log,
    state,
    cooldowns: new Cooldowns(config.cooldownSeconds),
    reloads: new ReloadGate(engine, log, options.reload),
    lifecycle: new Lifecycle(),
    quickAnswerMs: options.quickAnswerMs ?? QUICK_ANSWER_MS,
    charts: options.charts ?? workerRenderer(),
  };

  client.on(Events.InteractionCreate, (interaction) => {
    void ctx.lifecycle.track(route(interaction, ctx, commands));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!ctx.lifecycle.accepting) return;
    void ctx.lifecycle.track(
      onThreadMessage(message, ctx).catch((error: unknown) => log.error({ err: error, channel: message.channelId }, 'message handler failed')),
    );
  });
  // discord.js waits out a 429 (Retry-After) and sends the request again; nothing fails, but an
  // operator should see it. The route is the bucket, with ids and tokens already replaced.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    log.warn(
      {
        method: request.method,
        route: request.route,
        retryAfter: response.headers.get('retry-after'),
        scope: response.headers.get('x-ratelimit-scope'),
        global: response.headers.has('x-ratelimit-global'),
      },
      'rate limited by Discord; discord.js waits and sends it again',
    );
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ discord: message }, 'discord client warning'));
  // discord.js resumes or re-identifies by itself; ShardDisconnect is only emitted when it gives up
  // (token rejected, intents not allowed), and then no command will reach the bot any more.
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.error({ code: event.code, shard }, 'gateway closed for good: check the token and the intents enabled in the Developer Portal'),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway connection lost; reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  let sessions = 0;
  client.on(Events.ShardReady, (shard) => {
    sessions += 1;
    if (sessions > 1) log.warn({ shard, sessions }, 'gateway session could not be resumed; identified again (commands sent while disconnected were lost)');
  });

  // Before login, so no interaction waits behind it; a failure only leaves the first answer slower.
  await warmUpAnswers(ctx).catch((error: unknown) => log.warn({ err: error }, 'could not warm up the answer path'));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  const stats = await engine.stats();
  const servers = readyClient.guilds.cache.size;
  const readySummary =
    `whosaid ready as ${readyClient.user.tag}${shard ? ` (shard ${shard.id} of ${shard.count})` : ''}: ${servers} ${servers === 1 ? 'server' : 'servers'}, ` +
    `${stats.articles} articles, ${stats.statements} statements, ${stats.people} people`;
  log.info(
    {
      bot: readyClient.user.tag,
      ...(shard ? { shards: shard.count } : {}),
      servers,
      articles: stats.articles,
      statements: stats.statements,
      people: stats.people,
    },
    readySummary,
  );

  const newsChannelId = config.ingest.newsChannelId;
  if (newsChannelId) {
    ctx.reloads.onReloaded((report) => void ctx.lifecycle.track(announceNews(() => client.channels.fetch(newsChannelId), engine, report, log)));
  }
  // One process takes news in; with shards, its reloads reach every shard through the reload path.
  const takesNews = (shard?.id ?? 0) === 0 && (config.ingest.watch || config.ingest.feeds.length > 0);
  const ingest = takesNews
    ? startIngest({
        corpusDir: config.corpusDir,
        dataDir: config.dataDir,
        settings: config.ingest,
        log,
        reload: (by, changed) => ctx.reloads.runWhenFree(by, {}, changed),
      })
    : null;
  if (ingest) log.info({ watch: config.ingest.watch, feeds: config.ingest.feeds.length, feedMinutes: config.ingest.feedMinutes }, 'taking news in');

  let stopping: Promise<void> | null = null;
  const stop = (drainMs = 4000): Promise<void> => {
    stopping ??= (async () => {
      ctx.lifecycle.accepting = false;
      await ingest?.stop().catch((error: unknown) => log.warn({ err: error }, 'news intake did not stop cleanly'));
      const drained = await ctx.lifecycle.drain(drainMs);
      if (!drained) log.warn({ inFlight: ctx.lifecycle.inFlight }, 'stopping with answers still in flight');
      await state.flush().catch((error: unknown) => log.error({ err: error }, 'could not save thread state'));
      await client.destroy();
      await ctx.charts.close().catch((error: unknown) => log.warn({ err: error }, 'chart worker did not stop cleanly'));
      log.info('whosaid stopped');
    })();
    return stopping;
  };
  return { client, context: ctx, readySummary, ingest, stop };
}
