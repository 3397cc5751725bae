// Configuration for the bot and its CLIs: dotenv + one zod schema, checked once at start-up.
// A bad variable yields one line naming it; values are never echoed, so the token cannot leak here.
import { config as loadDotenv } from 'dotenv';
import path from 'node:path';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

/** Empty strings in .env mean "not set", so defaults and optionals apply. */
function unsetIfEmpty(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** What adding articles needs (npm run add, feeds, the watcher): shared by the bot and the CLIs. */
const ingestShape = {
  FEEDS: z
    .string()
    .default('')
    .transform((list, ctx) => {
      const urls = list
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== '');
      for (const url of urls) {
        if (!/^https?:\/\/[^\s/]+/i.test(url)) {
          ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of http(s) feed URLs' });
          return z.NEVER;
        }
      }
      return urls;
    }),
  FEED_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .min(0.05, 'must be at least 0.05 (3 s)')
    .max(1440, 'must be at most 1440 (a day)')
    .default(15),
  NEWS_CHANNEL_ID: snowflake.optional(),
  WATCH: flag.default(true),
  WATCH_QUIET_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(0.05, 'must be at least 0.05').max(600, 'must be at most 600').default(2),
  ALLOW_PRIVATE_URLS: flag.default(false),
};

/** Threads a build reads and attributes articles on (this one included); unset: see buildWorkersSetting. */
const buildWorkers = z.coerce
  .number({ error: 'must be a whole number of threads (1 = no worker threads)' })
  .int('must be a whole number of threads (1 = no worker threads)')
  .min(1, 'must be at least 1 (1 = no worker threads)')
  .max(64, 'must be at most 64')
  .optional();
/** More build threads than this pay little: past a few, merging the people (one thread) dominates. */
const DEFAULT_BUILD_WORKERS_MAX = 4;

/**
 * BUILD_WORKERS from `env`, for the build itself (the CLI, the bot's engine worker, tests), which reads
 * it where it runs. Unset: one thread on two cores or fewer, else the cores up to DEFAULT_BUILD_WORKERS_MAX.
 * (On two cores a one-thread build already keeps the second a third busy with V8's garbage collector and
 * compiler threads, and a worker adds ~40% CPU: 10k articles read and attributed in 6.5 s on two threads
 * against 6.1 s on one, docs/scaling.md.) Throws ConfigError when malformed.
 */
export function buildWorkersSetting(env: EnvInput, cores: number): number {
  const result = buildWorkers.safeParse(unsetIfEmpty(env.BUILD_WORKERS));
  if (!result.success) throw new ConfigError('BUILD_WORKERS', result.error.issues[0]?.message ?? 'is invalid');
  return result.data ?? (cores <= 2 ? 1 : Math.min(cores, DEFAULT_BUILD_WORKERS_MAX));
}

const schema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is required' })
    .min(20, 'is too short to be a bot token')
    .regex(/^[A-Za-z0-9._-]+$/, 'must be the bare bot token (no "Bot " prefix, no spaces or quotes)'),
  DISCORD_APP_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  CORPUS_DIR: z.string().default('corpus'),
  ADMIN_ROLE_IDS: z
    .string()
    .default('')
    .transform((list, ctx) => {
      const ids = list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      for (const id of ids) {
        if (!/^\d{17,20}$/.test(id)) {
          ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of role ids' });
          return z.NEVER;
        }
      }
      return ids;
    }),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  MESSAGE_CONTENT: flag.default(false),
  COOLDOWN_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(0, 'must be 0 (off) or more').max(3600, 'must be at most 3600').default(3),
  // Checked here with the rest so a bad value stops the bot at start; the build reads it where it runs.
  BUILD_WORKERS: buildWorkers,
  ...ingestShape,
});

export type EnvInput = Record<string, string | undefined>;

export interface Config {
  token: string;
  /** Needed to register commands; the running bot learns it from the gateway when absent. */
  appId: string | null;
  guildId: string | null;
  corpusDir: string;
  adminRoleIds: string[];
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** REST base without the version, e.g. http://127.0.0.1:8080/api; null means discord.com. */
  apiUrl: string | null;
  /** Opt-in to the privileged Message Content intent: threads then answer every message, not just mentions. */
  messageContent: boolean;
  /** Per-user pause between expensive commands; 0 turns it off. */
  cooldownSeconds: number;
  ingest: IngestConfig;
}

export interface IngestConfig {
  /** RSS, Atom or JSON Feed URLs polled every `feedMinutes`. */
  feeds: string[];
  feedMinutes: number;
  /** Where the bot announces new articles after a reload that brought some; null: nowhere. */
  newsChannelId: string | null;
  /** Reload by itself when files in the corpus folder change. */
  watch: boolean;
  /** How long the folder must stay quiet before a reload, so half-copied files are not read. */
  watchQuietMs: number;
  /** Lets fetches reach loopback and private addresses (tests); never in production. */
  allowPrivateUrls: boolean;
}

function ingestFrom(values: {
  FEEDS: string[];
  FEED_MINUTES: number;
  NEWS_CHANNEL_ID?: string | undefined;
  WATCH: boolean;
  WATCH_QUIET_SECONDS: number;
  ALLOW_PRIVATE_URLS: boolean;
}): IngestConfig {
  return {
    feeds: values.FEEDS,
    feedMinutes: values.FEED_MINUTES,
    newsChannelId: values.NEWS_CHANNEL_ID ?? null,
    watch: values.WATCH,
    watchQuietMs: Math.round(values.WATCH_QUIET_SECONDS * 1000),
    allowPrivateUrls: values.ALLOW_PRIVATE_URLS,
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment. Throws ConfigError naming the first bad variable; never includes its value. */
export function parseConfig(env: EnvInput, baseDir = process.cwd()): Config {
  const input = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, unsetIfEmpty(env[key])]));
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'configuration');
    const detail = issue?.message ?? 'is invalid';
    throw new ConfigError(variable, detail.startsWith('Invalid') ? 'is invalid' : detail);
  }
  const values = result.data;
  return {
    token: values.DISCORD_TOKEN,
    appId: values.DISCORD_APP_ID ?? null,
    guildId: values.DISCORD_GUILD_ID ?? null,
    corpusDir: path.resolve(baseDir, values.CORPUS_DIR),
    adminRoleIds: values.ADMIN_ROLE_IDS,
    dataDir: path.resolve(baseDir, values.DATA_DIR),
    logLevel: values.LOG_LEVEL,
    apiUrl: values.DISCORD_API_URL ?? null,
    messageContent: values.MESSAGE_CONTENT,
    cooldownSeconds: values.COOLDOWN_SECONDS,
    ingest: ingestFrom(values),
  };
}

/**
 * For CLI entry points: reads .env (real environment wins), validates, and on a bad variable prints one
 * line to stderr and exits 1 — no stack trace, no value.
 */
export function loadConfigOrExit(options: { requireAppId?: boolean } = {}): Config {
  loadDotenv({ quiet: true });
  try {
    const config = parseConfig(process.env);
    if (options.requireAppId && config.appId === null) {
      throw new ConfigError('DISCORD_APP_ID', 'is required (your application id, from the Developer Portal)');
    }
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}. See .env.example.\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Folders and fetch settings for `npm run add`: no token needed. */
export function loadAddSettingsOrExit(): Pick<Config, 'corpusDir' | 'dataDir' | 'ingest'> {
  const paths = loadPathsOrExit();
  const shape = z.object(ingestShape);
  const input = Object.fromEntries(Object.keys(ingestShape).map((key) => [key, unsetIfEmpty(process.env[key])]));
  const result = shape.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    process.stderr.write(`Configuration error: ${String(issue?.path[0])} ${issue?.message ?? 'is invalid'}. See .env.example.\n`);
    process.exit(1);
  }
  return { ...paths, ingest: ingestFrom(result.data) };
}

/** The folders alone, for tools that never talk to Discord (`npm run reload`): no token needed. */
export function loadPathsOrExit(): Pick<Config, 'corpusDir' | 'dataDir'> {
  loadDotenv({ quiet: true });
  const paths = schema.pick({ CORPUS_DIR: true, DATA_DIR: true });
  const result = paths.safeParse({ CORPUS_DIR: unsetIfEmpty(process.env.CORPUS_DIR), DATA_DIR: unsetIfEmpty(process.env.DATA_DIR) });
  if (!result.success) {
    process.stderr.write(`Configuration error: ${String(result.error.issues[0]?.path[0])} is invalid. See .env.example.\n`);
    process.exit(1);
  }
  return { corpusDir: path.resolve(result.data.CORPUS_DIR), dataDir: path.resolve(result.data.DATA_DIR) };
}
