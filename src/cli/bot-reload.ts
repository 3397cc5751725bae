// Asking a running bot to reload, for the CLIs (npm run reload, npm run add): SIGHUP to the pid in
// DATA_DIR/whosaid.pid, then wait for the report the bot writes to DATA_DIR/last-reload.json.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReloadReport } from '../types.js';

const WAIT_MS = 10 * 60_000;

export function printReport(report: ReloadReport, verb = 'Reloaded'): void {
  if (!report.ok) {
    process.stdout.write(`Reload failed; the previous corpus is still in use: ${report.error ?? 'unknown error'}\n`);
  } else {
    process.stdout.write(
      `${verb} in ${(report.ms / 1000).toFixed(1)} s: ${report.articles} articles, ${report.statements} statements, ${report.people} people.\n`,
    );
    process.stdout.write(`Added ${report.added.length}, changed ${report.changed.length}, removed ${report.removed.length}.\n`);
  }
  for (const p of report.problems) process.stdout.write(`  skipped ${p.file}: ${p.reason}\n`);
}

export function pidFileOf(dataDir: string): string {
  return path.join(dataDir, 'whosaid.pid');
}

/** The pid of the running bot, or null when none runs (no pid file, or its process is gone). */
export async function runningBotPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(pidFileOf(dataDir), 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function mtime(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.mtimeMs,
    () => 0,
  );
}

/** Signals the bot and waits for its reload report; throws after 10 minutes without one. */
export async function reloadRunningBot(dataDir: string, pid: number): Promise<ReloadReport> {
  const reportFile = path.join(dataDir, 'last-reload.json');
  const before = await mtime(reportFile);
  process.kill(pid, 'SIGHUP');
  const deadline = Date.now() + WAIT_MS;
  while ((await mtime(reportFile)) === before) {
    if (Date.now() > deadline) throw new Error('No reload report after 10 minutes; see the bot log.');
    await new Promise((r) => setTimeout(r, 200));
  }
  return JSON.parse(await readFile(reportFile, 'utf8')) as ReloadReport;
}
