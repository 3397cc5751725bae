// npm start: the bot. Thin on purpose: config, logger, engine, startBot(), signals.
// Also what each shard of `npm run start:sharded` runs (src/cli/shard.ts spawns it): then the manager
// owns the pid file and reload signals, and this process answers the manager over IPC.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Events } from 'discord.js';
import { createWorkerEngine } from '../answer/worker-engine.js';
import { loadConfigOrExit } from '../config.js';
import { workerRenderer } from '../charts/renderer.js';
import { startBot } from '../discord/client.js';
import { ReloadBusyError } from '../discord/reload.js';
import { isToShard, shardOfProcess, type FromShard } from '../discord/sharding.js';
import { createLogger } from '../log.js';
import type { ReloadReport } from '../types.js';

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

/** To the manager; a shard whose manager is gone stops on 'disconnect' below. */
function tellManager(message: FromShard): void {
  if (process.connected) process.send?.(message);
}

// A shard's /reload asks the manager to reload every shard and waits for the merged report.
const fleetReloads = new Map<number, (report: ReloadReport) => void>();
let nextFleetReload = 1;
const reloadAllShards = (by: string): Promise<ReloadReport> =>
  new Promise((resolve) => {
    const requestId = nextFleetReload++;
    fleetReloads.set(requestId, resolve);
    tellManager({ whosaid: 'reload-request', requestId, by });
  });

const engine = await createWorkerEngine({
  corpusDir: config.corpusDir,
  // The index is saved here after each build; an unchanged corpus then starts from it in seconds.
  // Shards share the folder: the manager starts shard 0 first and each next shard only after the one
  // before is ready (so after the index was written), and only shard 0 ever writes it.
  snapshotDir: path.join(config.dataDir, 'index'),
  snapshotWrite: shard === null || shard.id === 0,
  onProblem: (message) => log.warn(message),
});
log.info({ source: engine.startInfo.source, reason: engine.startInfo.reason }, engine.startInfo.source === 'snapshot' ? 'index restored from the saved copy' : 'index built');
// Charts are drawn in a worker thread, started now so the first /timeline does not wait for it.
const charts = workerRenderer();
charts.warm();
const bot = await startBot({
  config,
  engine,
  log,
  charts,
  ...(shard ? { shard, reload: () => reloadAllShards('/reload') } : {}),
}).catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log.error({ err: error }, 'could not connect to Discord');
  process.stderr.write(`Could not connect to Discord: ${message.split('\n')[0]}\n`);
  await engine.close();
  return process.exit(1);
});
if (shard) tellManager({ whosaid: 'ready', shard: shard.id, servers: bot.client.guilds.cache.size, summary: bot.readySummary });
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

if (shard) {
  process.on('message', (message: unknown) => {
    if (!isToShard(message)) return;
    if (message.whosaid === 'fleet-reloaded') {
      fleetReloads.get(message.requestId)?.(message.report);
      fleetReloads.delete(message.requestId);
      return;
    }
    // The manager serialises fleet reloads, so this bypasses the gate (which may be held by this
    // shard's own /reload waiting for exactly this); the engine refuses a second concurrent reload itself.
    log.info({ requestedBy: message.by }, 'reload started');
    void engine.reload().catch((error: unknown): ReloadReport => ({
      ok: false, added: [], changed: [], removed: [], articles: 0, statements: 0, people: 0, problems: [], ms: 0,
      error: `reload failed, the previous corpus is still in use: ${error instanceof Error ? error.message : String(error)}`,
    })).then((report) => {
      log.info({ requestedBy: message.by, ok: report.ok, mode: report.mode, articles: report.articles, ms: report.ms, ...(report.error ? { error: report.error } : {}) }, report.ok ? 'reload finished' : 'reload failed; previous index still serving');
      tellManager({ whosaid: 'reloaded', requestId: message.requestId, report });
    });
  });
  // The manager died without stopping us (SIGKILL, crash): nothing would restart or reload this shard.
  process.on('disconnect', () => void shutdown('shard manager gone'));
  // A hang-up reaches every process of a terminal; reloads come from the manager.
  process.on('SIGHUP', () => log.info('SIGHUP ignored by a shard: signal the manager (npm run reload) to reload every shard'));
} else {
  // Operators reload without Discord by signal: `kill -HUP $(cat DATA_DIR/whosaid.pid)`.
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(pidFile, `${process.pid}\n`);

  // `npm run reload` waits for this file to change to print the outcome.
  const reportFile = path.join(config.dataDir, 'last-reload.json');
  process.on('SIGHUP', () => {
    bot.context.reloads.run('SIGHUP').then(async (report) => {
      await writeFile(`${reportFile}.tmp`, `${JSON.stringify({ at: new Date().toISOString(), ...report })}\n`);
      await rename(`${reportFile}.tmp`, reportFile);
    }).catch((error: unknown) => {
      if (error instanceof ReloadBusyError) log.warn('SIGHUP ignored: a reload is already running');
      else log.error({ err: error }, 'reload by SIGHUP failed');
    });
  });
}
