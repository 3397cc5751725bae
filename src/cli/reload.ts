// npm run reload: reloads the corpus of the running bot (by SIGHUP to the pid in DATA_DIR) and prints
// the outcome. With no bot running it checks the corpus instead: what would load, and what fails.
import { Engine, buildCorpus } from '../answer/engine.js';
import { loadPathsOrExit } from '../config.js';
import { pidFileOf, printReport, reloadRunningBot, runningBotPid } from './bot-reload.js';

const { corpusDir, dataDir } = loadPathsOrExit();

const pid = await runningBotPid(dataDir);
if (pid !== null) {
  process.stdout.write(`Asked the bot (pid ${pid}) to reload ${corpusDir}…\n`);
  try {
    const report = await reloadRunningBot(dataDir, pid);
    printReport(report);
    process.exitCode = report.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
} else {
  process.stdout.write(`No running bot found (${pidFileOf(dataDir)}); checking ${corpusDir} instead.\n`);
  try {
    const { corpus, timings } = await buildCorpus(corpusDir);
    const stats = new Engine(corpus).stats();
    printReport(
      {
        ok: true,
        added: [],
        changed: [],
        removed: [],
        articles: stats.articles,
        statements: stats.statements,
        people: stats.people,
        problems: corpus.problems,
        ms: timings.loadMs + timings.extractMs + timings.indexMs,
      },
      'Checked',
    );
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
