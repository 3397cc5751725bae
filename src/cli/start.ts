// npm start: the bot. Thin on purpose: config, logger, engine, startBot(), signals.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createWorkerEngine } from '../answer/worker-engine.js';
import { loadConfigOrExit } from '../config.js';
import { startBot } from '../discord/client.js';
import { ReloadBusyError } from '../discord/reload.js';
import { createLogger } from '../log.js';

const config = loadConfigOrExit();
const log = createLogger({ level: config.logLevel, secrets: [config.token] });

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection (kept running)'));

const engine = await createWorkerEngine({
  corpusDir: config.corpusDir,
  // The index is saved here after each build; an unchanged corpus then starts from it in seconds.
  snapshotDir: path.join(config.dataDir, 'index'),
  onProblem: (message) => log.warn(message),
});
log.info({ source: engine.startInfo.source, reason: engine.startInfo.reason }, engine.startInfo.source === 'snapshot' ? 'index restored from the saved copy' : 'index built');
const bot = await startBot({ config, engine, log }).catch(async (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  log.error({ err: error }, 'could not connect to Discord');
  process.stderr.write(`Could not connect to Discord: ${message.split('\n')[0]}\n`);
  await engine.close();
  return process.exit(1);
});

// Operators reload without Discord by signal: `kill -HUP $(cat DATA_DIR/whosaid.pid)`.
const pidFile = path.join(config.dataDir, 'whosaid.pid');
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

let shuttingDown = false;
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ signal }, 'shutting down: finishing answers in flight');
  const hardStop = setTimeout(() => {
    log.error('shutdown took over 5 s; exiting anyway');
    process.exit(1);
  }, 5_000);
  hardStop.unref();
  await bot.stop(3_500);
  await engine.close().catch((error: unknown) => log.error({ err: error }, 'engine did not close cleanly'));
  await rm(pidFile, { force: true });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
