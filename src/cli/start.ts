// npm start: the bot. Thin on purpose: config, logger, engine, startBot(), signals.
// (`npm run start:sharded` is src/cli/shard.ts: one bot per shard in one process, one engine process.)
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Events } from 'discord.js';
import { loadConfigOrExit } from '../config.js';
import { workerRenderer } from '../charts/renderer.js';
import { createWorkerEngine } from '../answer/worker-engine.js';
import { startBot } from '../discord/client.js';
import { ReloadBusyError } from '../discord/reload.js';
import { createLogger } from '../log.js';

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel, secrets: [config.token] });

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection (kept running)'));

// The engine lives in a worker thread here, so index builds and reloads never block the gateway.
const engine = await createWorkerEngine({
  corpusDir: config.corpusDir,
  // The index is saved here after each build; an unchanged corpus then starts from it in seconds.
  snapshotDir: path.join(config.dataDir, 'index'),
  onProblem: (message) => log.warn(message),
});
log.info(
  { source: engine.startInfo.source, reason: engine.startInfo.reason },
  engine.startInfo.source === 'snapshot' ? 'index restored from the saved copy' : 'index built',
);
// Charts are drawn in a worker thread, started now so the first /timeline does not wait for it.
const charts = workerRenderer();
charts.warm();
const bot = await startBot({ config, engine, log, charts }).catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log.error({ err: error }, 'could not connect to Discord');
  process.stderr.write(`Could not connect to Discord: ${message.split('\n')[0]}\n`);
  await engine.close();
  return process.exit(1);
});
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
  await rm(pidFile, { force: true });
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// discord.js gives up only on close codes it cannot recover from (token revoked or reset, intents not
// enabled in the Developer Portal): then nothing reaches the bot any more, so exit 1 and let a
// supervisor see it rather than stay up doing nothing.
bot.client.on(Events.ShardDisconnect, (event) => {
  process.stderr.write(`Discord closed the gateway for good (code ${event.code}): check the token and the intents enabled in the Developer Portal.\n`);
  void shutdown(`gateway closed for good (code ${event.code})`, 1);
});

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
