// npm run ask -- [--json] [--corpus DIR] [--batch FILE] [--chart FILE.png] QUESTION
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Engine, buildCorpus } from '../answer/engine.js';
import { renderText, toContract } from '../answer/render.js';
import { timelineOf } from '../answer/timeline.js';
import { timelineChart } from '../charts/specs.js';

// `npm run ask … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const USAGE = 'usage: npm run ask -- [--json] [--corpus DIR] [--batch FILE] [--chart FILE.png] QUESTION';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The command line, or the usage on stderr and exit code 2. */
function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        json: { type: 'boolean' },
        corpus: { type: 'string' },
        batch: { type: 'string' },
        chart: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = readArgs();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const question = positionals.join(' ').trim();
  if (!values.batch && !question) fail(`no question given\n${USAGE}`, 2);
  if (values.batch && question) fail(`give either --batch FILE or a question, not both\n${USAGE}`, 2);
  if (values.chart !== undefined && (values.batch || !/\.png$/i.test(values.chart))) fail(`--chart takes one question and a FILE.png to write\n${USAGE}`, 2);

  let questions: string[] = [question];
  if (values.batch) {
    try {
      questions = (await readFile(values.batch, 'utf8'))
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    } catch (err) {
      fail(`cannot read --batch file ${values.batch}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 2);
    }
  }
  const corpusDir = values.corpus || process.env.CORPUS_DIR || 'corpus';
  let engine: Engine;
  try {
    const { corpus } = await buildCorpus(corpusDir);
    engine = new Engine(corpus);
    for (const p of corpus.problems) process.stderr.write(`skipped ${p.file}: ${p.reason}\n`);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err), 2);
  }
  const json = values.json || Boolean(values.batch);
  for (const q of questions) {
    const result = await engine.ask(q);
    process.stdout.write(json ? `${JSON.stringify(toContract(result), null, values.batch ? undefined : 2)}\n` : `${renderText(result)}\n`);
  }
  if (values.chart) await writeChart(engine, question, values.chart);
}

/** Draws the question's timeline into `file`; says why on stderr (exit 1) when there is nothing to draw. */
async function writeChart(engine: Engine, question: string, file: string): Promise<void> {
  const timeline = await timelineOf(engine, question);
  const chart = timelineChart(timeline);
  if (!chart) {
    const why = timeline.notice ?? (timeline.speaker ? `no dated statement by ${timeline.speaker.name} to put on a timeline` : 'nothing to draw');
    fail(`no chart written: ${why}`, 1);
  }
  try {
    // Loaded only for --chart: vega and resvg would slow every other run's start.
    const { renderPng } = await import('../charts/render.js');
    await writeFile(file, await renderPng(chart.spec));
  } catch (err) {
    fail(`could not write the chart to ${file}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  process.stderr.write(`chart written to ${file}: ${chart.alt}\n`);
}

await main();
