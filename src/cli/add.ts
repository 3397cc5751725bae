// npm run add -- [--corpus DIR] URL… | FILE…: saves each page or file under <corpus>/added/, prints one
// line per input, then has a running bot reload (as npm run reload does).
import path from 'node:path';
import { loadAddSettingsOrExit } from '../config.js';
import { addFile, addUrl, CorpusCatalog, describeOutcome, isUrl } from '../ingest/add.js';
import { Fetcher } from '../ingest/fetch.js';
import { printReport, reloadRunningBot, runningBotPid } from './bot-reload.js';

const USAGE = 'usage: npm run add -- [--corpus DIR] URL… | FILE…';
const settings = loadAddSettingsOrExit();
const args = process.argv.slice(2);
let corpusDir = settings.corpusDir;
const inputs: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === '--corpus') {
    const dir = args[++i];
    if (!dir) {
      process.stderr.write(`--corpus needs a folder. ${USAGE}\n`);
      process.exit(2);
    }
    corpusDir = path.resolve(dir);
  } else if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (arg.startsWith('--')) {
    process.stderr.write(`unknown option ${arg}. ${USAGE}\n`);
    process.exit(2);
  } else inputs.push(arg);
}
if (inputs.length === 0) {
  process.stderr.write(`nothing to add. ${USAGE}\n`);
  process.exit(2);
}

const catalog = new CorpusCatalog(corpusDir);
try {
  await catalog.refresh();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const fetcher = new Fetcher({ allowPrivate: settings.ingest.allowPrivateUrls });
// Fetched in parallel: the fetcher itself keeps to 2 at once and 1 a second per host.
const outcomes = await Promise.all(
  inputs.map((input) => (isUrl(input) ? addUrl(catalog, fetcher, input, 'npm run add') : addFile(catalog, path.resolve(input), 'npm run add'))),
);
for (const outcome of outcomes) process.stdout.write(`${describeOutcome(outcome)}\n`);
const added = outcomes.filter((o) => o.status === 'added').length;
process.exitCode = outcomes.some((o) => o.status === 'refused') ? 1 : 0;

if (added > 0) {
  const pid = await runningBotPid(settings.dataDir);
  if (pid === null) {
    process.stdout.write('No running bot: it will read the new articles when it starts.\n');
  } else {
    process.stdout.write(`Asked the bot (pid ${pid}) to reload…\n`);
    try {
      printReport(await reloadRunningBot(settings.dataDir, pid));
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  }
}
