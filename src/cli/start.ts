// npm start: the bot. Thin on purpose: config, logger, engine, startBot(), signals.
// Also what each shard of `npm run start:sharded` runs, as a worker thread of the manager (src/cli/shard.ts,
// compiled to JavaScript at its start): then the manager owns the pid file, signals, the one engine and
// the one chart worker every shard asks, and stops a shard by message.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Events } from 'discord.js';
import { loadConfigOrExit } from '../config.js';
import { workerRenderer } from '../charts/renderer.js';
import { startBot } from '../discord/client.js';
import { ReloadBusyError } from '../discord/reload.js';
import { chartsOverIpc, engineOverIpc } from '../discord/engine-client.js';
import { commandsDirOfShard, isToShard, managerChannel, shardOfProcess } from '../discord/sharding.js';
import { createLogger } from '../log.js';
import type { EngineApi } from '../types.js';

const config = loadConfigOrExit();
const rootLog = createLogger({ level: config.logLevel, secrets: [config.token] });
let shard: ReturnType<typeof shardOfProcess>;
try {
  shard = shardOfProcess();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const log = shard ? rootLog.child({ shard: shard.id }) : rootLog;

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection (kept running)'));

const channel = shard ? managerChannel() : null;

// A shard holds no index: it asks the one engine process the manager runs for every shard, and its
// /reload asks the manager to reload that engine. Unsharded, the engine lives in a worker thread here.
const engine: EngineApi = channel ? engineOverIpc(channel) : await startOwnEngine();

async function startOwnEngine(): Promise<EngineApi> {
  // Loaded only here, so a shard process never loads the index code (Orama, attribution): less memory each.
  const { createWorkerEngine } = await import('../answer/worker-engine.js');
  const own = await createWorkerEngine({
    corpusDir: config.corpusDir,
    // The index is saved here after each build; an unchanged corpus then starts from it in seconds.
    snapshotDir: path.join(config.dataDir, 'index'),
    onProblem: (message) => log.warn(message),
  });
  log.info(
    { source: own.startInfo.source, reason: own.startInfo.reason },
    own.startInfo.source === 'snapshot' ? 'index restored from the saved copy' : 'index built',
  );
  return own;
}
// Charts are drawn in a worker thread, started now so the first /timeline does not wait for it; a
// shard's are drawn by the manager's one worker.
const charts = channel ? chartsOverIpc(channel) : workerRenderer();
charts.warm();
const bot = await startBot({
  config,
  engine,
  log,
  charts,
  ...(shard ? { shard, commandsDir: commandsDirOfShard() } : {}),
}).catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log.error({ err: error }, 'could not connect to Discord');
  process.stderr.write(`Could not connect to Discord: ${message.split('\n')[0]}\n`);
  await engine.close();
  return process.exit(1);
});
if (shard) channel?.send({ whosaid: 'ready', shard: shard.id, servers: bot.client.guilds.cache.size, summary: bot.readySummary });
const pidFile = path.join(config.dataDir, 'whosaid.pid');

let shuttingDown = false;
async function shutdown(reason: string, code = 0): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ reason }, 'shutting down: finishing answers in flight');
  const hardStop = setTimeout(() => {
    log.error('shutdown took over 5 s; exiting anyway');
    process.exit(1);
  }, 5_000);
  hardStop.unref();
  await bot.stop(3_500);
  await engine.close().catch((error: unknown) => log.error({ err: error }, 'engine did not close cleanly'));
  if (!shard) await rm(pidFile, { force: true });
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// discord.js gives up only on close codes it cannot recover from (token revoked or reset, intents not
// enabled in the Developer Portal): then nothing reaches the bot any more, so exit 1 and let a
// supervisor (or the shard manager) see it rather than stay up doing nothing.
bot.client.on(Events.ShardDisconnect, (event) => {
  process.stderr.write(`Discord closed the gateway for good (code ${event.code}): check the token and the intents enabled in the Developer Portal.\n`);
  void shutdown(`gateway closed for good (code ${event.code})`, 1);
});

if (channel) {
  // A worker gets no signals: the manager says when to stop.
  channel.onMessage((message) => {
    if (isToShard(message) && message.whosaid === 'stop') void shutdown(message.reason);
  });
} else {
  // Operators reload without Discord by signal: `kill -HUP $(cat DATA_DIR/whosaid.pid)`.
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(pidFile, `${process.pid}\n`);

  // `npm run reload` waits for this file to change to print the outcome.
  const reportFile = path.join(config.dataDir, 'last-reload.json');
  process.on('SIGHUP', () => {
    bot.context.reloads
      .run('SIGHUP')
      .then(async (report) => {
        await writeFile(`${reportFile}.tmp`, `${JSON.stringify({ at: new Date().toISOString(), ...report })}\n`);
        await rename(`${reportFile}.tmp`, reportFile);
      })
      .catch((error: unknown) => {
        if (error instanceof ReloadBusyError) log.warn('SIGHUP ignored: a reload is already running');
        else log.error({ err: error }, 'reload by SIGHUP failed');
      });
  });
}
