// npm run reload: reloads the corpus of the running bot (by SIGHUP to the pid in DATA_DIR) and prints
// the outcome. With no bot running it checks the corpus instead: what would load, and what fails.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Engine, buildCorpus } from '../answer/engine.js';
import { loadPathsOrExit } from '../config.js';
import type { ReloadReport } from '../types.js';

const WAIT_MS = 10 * 60_000;
const { corpusDir, dataDir } = loadPathsOrExit();
const pidFile = path.join(dataDir, 'whosaid.pid');
const reportFile = path.join(dataDir, 'last-reload.json');

function printReport(report: ReloadReport, verb = 'Reloaded'): void {
  if (!report.ok) {
    process.stdout.write(`Reload failed; the previous corpus is still in use: ${report.error ?? 'unknown error'}\n`);
  } else {
    process.stdout.write(`${verb} in ${(report.ms / 1000).toFixed(1)} s: ${report.articles} articles, ${report.statements} statements, ${report.people} people.\n`);
    process.stdout.write(`Added ${report.added.length}, changed ${report.changed.length}, removed ${report.removed.length}.\n`);
  }
  for (const p of report.problems) process.stdout.write(`  skipped ${p.file}: ${p.reason}\n`);
}

async function runningPid(): Promise<number | null> {
  try {
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function mtime(file: string): Promise<number> {
  return stat(file).then((s) => s.mtimeMs, () => 0);
}

const pid = await runningPid();
if (pid !== null) {
  const before = await mtime(reportFile);
  process.kill(pid, 'SIGHUP');
  process.stdout.write(`Asked the bot (pid ${pid}) to reload ${corpusDir}…\n`);
  const deadline = Date.now() + WAIT_MS;
  while ((await mtime(reportFile)) === before) {
    if (Date.now() > deadline) {
      process.stderr.write('No reload report after 10 minutes; see the bot log.\n');
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as ReloadReport;
  printReport(report);
  process.exitCode = report.ok ? 0 : 1;
} else {
  process.stdout.write(`No running bot found (${pidFile}); checking ${corpusDir} instead.\n`);
  try {
    const { corpus, timings } = await buildCorpus(corpusDir);
    const stats = new Engine(corpus).stats();
    printReport({ ok: true, added: [], changed: [], removed: [], articles: stats.articles, statements: stats.statements, people: stats.people, problems: corpus.problems, ms: timings.loadMs + timings.extractMs + timings.indexMs }, 'Checked');
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
