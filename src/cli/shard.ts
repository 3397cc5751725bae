// npm run start:sharded: one engine process (src/answer/engine-process.ts) holding the one index, and
// in this process one bot per shard (startBot, each with its own discord.js client, gateway connection
// and state file, and no index), all asking that engine directly over its IPC channel and sharing one
// chart worker. SHARDS=auto (default) takes Discord's recommended count, SHARDS=<n> that many. This
// process owns DATA_DIR/whosaid.pid: `npm run reload` signals it and it reloads the one engine;
// SIGTERM/SIGINT stop every shard (answers in flight finish), then the engine, and exit 0. A dead
// engine process is started again; meanwhile shards answer "try again in a moment".
//
// Why the shards share one thread (docs/scaling.md, "Many Discord servers: sharding"): a shard of its
// own (a worker thread or a process) loads discord.js and the bot again, ~50 MB each, and its answers
// take one more hop; here every shard shares one copy, as an unsharded bot's one connection does.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Events, REST, Routes, type APIGatewayBotInfo } from 'discord.js';
import { SharedEngine, type EngineEvent } from '../answer/shared-engine.js';
import { workerRenderer, type ChartRenderer } from '../charts/renderer.js';
import { loadConfigOrExit } from '../config.js';
import { startBot, type BotHandle } from '../discord/client.js';
import { engineOfShared } from '../discord/engine-client.js';
import { createLogger } from '../log.js';
import type { ReloadReport } from '../types.js';
import { compileEntries, SRC_DIR } from './compile-entries.js';

/** Discord allows `max_concurrency` identifies per 5 s; discord.js's own default gap is 5.5 s. */
const IDENTIFY_WINDOW_MS = 5_500;
/** A shard connects and logs in; the index is the engine's, built before any shard starts. */
const SHARD_READY_TIMEOUT_MS = 5 * 60_000;
/** Shards finish their answers in flight within this; then the engine stops. */
const SHARD_DRAIN_MS = 3_500;
/** Past this the manager exits anyway (a shard or the engine would not stop). */
const STOP_TIMEOUT_MS = 8_000;

const shardsSetting = (process.env.SHARDS ?? '').trim() || 'auto';
const config = loadConfigOrExit();
const rootLog = createLogger({ level: config.logLevel, secrets: [config.token] });
const log = rootLog.child({ manager: true });

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection (kept running)'));

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

if (shardsSetting !== 'auto' && !/^[1-9]\d{0,4}$/.test(shardsSetting)) {
  fail('Configuration error: SHARDS must be auto or a whole number of shards (1 or more). See .env.example.');
}

// Ask through the configured REST base (DISCORD_API_URL): how many shards Discord recommends, and how
// many may identify at once.
const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
const gateway = (await rest.get(Routes.gatewayBot()).catch((error: unknown) => {
  log.error({ err: error }, 'could not ask Discord for the gateway');
  fail(`Could not connect to Discord: ${firstLine(error)}`);
})) as APIGatewayBotInfo;
const totalShards = shardsSetting === 'auto' ? gateway.shards : Number(shardsSetting);
const maxConcurrency = Math.max(1, gateway.session_start_limit.max_concurrency);

const bots: BotHandle[] = [];
let running = false;
let stopping = false;
const pidFile = path.join(config.dataDir, 'whosaid.pid');
const reportFile = path.join(config.dataDir, 'last-reload.json');

const engineLog = log.child({ engine: true });
function logEngineEvent(event: EngineEvent): void {
  switch (event.type) {
    case 'starting':
      engineLog.info({ pid: event.pid, attempt: event.attempt }, 'engine process starting');
      break;
    case 'ready':
      engineLog.info(
        { pid: event.pid, source: event.source, reason: event.reason, ms: Math.round(event.ms), articles: event.stats.articles },
        event.source === 'snapshot' ? 'index restored from the saved copy' : 'index built',
      );
      break;
    case 'died':
      engineLog.error(
        { pid: event.pid, code: event.code, signal: event.signal },
        'engine process died; starting it again (shards answer "try again in a moment" meanwhile)',
      );
      break;
    case 'failed':
      engineLog.error({ error: event.error }, 'engine process could not be started again');
      break;
    case 'gave-up':
      engineLog.error({ deaths: event.deaths }, `engine process died ${event.deaths} times in 10 minutes; stopping the bot`);
      break;
    case 'problem':
      engineLog.warn(event.message);
      break;
  }
}

// The engine process runs compiled JavaScript, not TypeScript through tsx (a loader thread and an
// esbuild service less, ~50 MB); compiled once here, a restarted engine reuses the file.
const compiled = await compileEntries({ engine: path.join(SRC_DIR, 'answer', 'engine-process.ts') }, path.join(config.dataDir, 'compiled')).catch(
  (error: unknown) => {
    log.error({ err: error }, 'could not compile the engine process');
    fail(`Could not compile the engine process: ${firstLine(error)}`);
  },
);

// The one index, built or restored (DATA_DIR/index, which only the engine process writes) before any
// shard starts, so every shard answers from its first command.
const engine = new SharedEngine({
  corpusDir: config.corpusDir,
  snapshotDir: path.join(config.dataDir, 'index'),
  entry: compiled.engine,
  execArgv: process.execArgv,
  onEvent: logEngineEvent,
  onGiveUp: () => {
    process.stderr.write('The engine process keeps dying (more than 3 times in 10 minutes); see the log.\n');
    void stopAll('the engine process keeps dying', 1);
  },
});
await engine.start().catch((error: unknown) => {
  log.error({ err: error }, 'the engine could not start');
  fail(`The engine could not start: ${firstLine(error)}`);
});

/** One reload of the one engine serves every shard; a second request meanwhile gets the running one's outcome. */
let reloading: Promise<ReloadReport> | null = null;
async function reloadAll(by: string): Promise<ReloadReport> {
  if (reloading) {
    const busy = await reloading;
    return { ...busy, ok: false, error: 'A reload is already running; this is its outcome.' };
  }
  reloading = (async () => {
    log.info({ requestedBy: by }, 'reload started');
    const report = await engine.reload();
    log.info(
      {
        requestedBy: by,
        ok: report.ok,
        mode: report.mode,
        articles: report.articles,
        statements: report.statements,
        ms: Math.round(report.ms),
        ...(report.error ? { error: report.error } : {}),
      },
      report.ok ? 'reload finished' : 'reload failed; previous index still serving',
    );
    return report;
  })();
  try {
    return await reloading;
  } finally {
    reloading = null;
  }
}

// Every shard's EngineApi: calls go to the engine process; /reload in any guild reloads it once.
const sharedEngineApi = engineOfShared(engine, () => reloadAll('/reload'));

// One chart worker (vega and resvg) for every shard, started now so the first /timeline does not wait.
const charts = workerRenderer();
charts.warm();
/** What each shard is given: a stopping shard must leave the worker to the others. */
const shardCharts: ChartRenderer = { render: (spec) => charts.render(spec), warm: () => undefined, close: async () => undefined };

async function startShard(id: number): Promise<BotHandle> {
  const bot = await startBot({
    config,
    engine: sharedEngineApi,
    log: rootLog.child({ shard: id }),
    charts: shardCharts,
    shard: { id, count: totalShards },
  });
  // discord.js gives up on a gateway only for close codes it cannot recover from (token revoked or
  // reset, intents not enabled): nothing reaches that shard any more, so stop the bot with exit 1 and
  // let a supervisor see it rather than run with a shard missing.
  bot.client.on(Events.ShardDisconnect, (event) => {
    process.stderr.write(`Discord closed the gateway for good (code ${event.code}): check the token and the intents enabled in the Developer Portal.\n`);
    log.error({ shard: id, closeCode: event.code }, `shard ${id} lost the gateway for good: stopping every shard`);
    void stopAll(`shard ${id} lost the gateway for good`, 1);
  });
  return bot;
}

async function stopAll(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ reason }, 'stopping every shard');
  const hardStop = setTimeout(() => {
    log.error(`stopping took over ${STOP_TIMEOUT_MS / 1000} s; exiting anyway`);
    process.exit(1);
  }, STOP_TIMEOUT_MS);
  hardStop.unref();
  await Promise.all(bots.map((bot) => bot.stop(SHARD_DRAIN_MS)));
  // Last: shards finishing their answers still ask them.
  await Promise.all([engine.stop(), charts.close().catch(() => undefined)]);
  await rm(pidFile, { force: true });
  log.info('all shards stopped');
  process.exit(code);
}
process.on('SIGTERM', () => void stopAll('SIGTERM', 0));
process.on('SIGINT', () => void stopAll('SIGINT', 0));
// Until every shard is up, a SIGHUP has nothing complete to reload; Node's default would kill the manager.
process.on('SIGHUP', () => {
  if (!running) {
    log.warn('SIGHUP ignored: shards are still starting');
    return;
  }
  void reloadAll('SIGHUP')
    .then(async (report) => {
      await writeFile(`${reportFile}.tmp`, `${JSON.stringify({ at: new Date().toISOString(), ...report })}\n`);
      await rename(`${reportFile}.tmp`, reportFile);
    })
    .catch((error: unknown) => log.error({ err: error }, 'reload by SIGHUP failed'));
});

// One at a time, each after the previous is ready: the gap keeps identifies within Discord's
// max_concurrency per 5 s.
const gapMs = Math.ceil(IDENTIFY_WINDOW_MS / maxConcurrency);
for (let id = 0; id < totalShards && !stopping; id++) {
  if (id > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
  log.info({ shard: id, of: totalShards }, 'shard starting');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`shard ${id} was not ready within ${SHARD_READY_TIMEOUT_MS / 60_000} minutes`)), SHARD_READY_TIMEOUT_MS);
  });
  try {
    bots.push(await Promise.race([startShard(id), timeout]));
  } catch (error) {
    if (stopping) break;
    log.error({ err: error, shard: id }, 'a shard could not start');
    process.stderr.write(`A shard could not start: ${firstLine(error)}\n`);
    await stopAll(`shard ${id} could not start`, 1);
  } finally {
    clearTimeout(timer);
  }
}
if (!stopping) {
  running = true;
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(pidFile, `${process.pid}\n`);
  const servers = bots.reduce((sum, bot) => sum + bot.client.guilds.cache.size, 0);
  log.info(
    { shards: totalShards, servers },
    `whosaid ready: ${totalShards} ${totalShards === 1 ? 'shard' : 'shards'}, ${servers} ${servers === 1 ? 'server' : 'servers'}`,
  );
}
