// `npm run soak`: the bot (real discord.js client, worker-backed engine, seed corpus copy) against the
// fake Discord in this one process, on 127.0.0.1 only. Sends a fixed, seeded mix of interactions —
// /ask, /said with autocomplete, /whosaid, /compare, /sources, Previous/Next and thread buttons — with
// a few /reload among them, then reports throughput, acknowledgement times, errors and heap growth.
//
//   npm run soak -- [--interactions 10000] [--reloads 5] [--concurrency 8] [--warmup 1000]
//                   [--max-seconds 300] [--seed 7] [--json]
//
// Bounded: it stops after the interactions or the time limit, whichever comes first, and exits 0
// only when there were no errors and the heap grew less than 10% after warm-up (the first 1000
// interactions by default). The heap is measured with the bot idle, after forced collections.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Rng } from '../../bench/rng.js';
import { formatBytes, formatMs, summarise, type LatencySummary } from '../../bench/stats.js';
import { buttonsOf, startHarness, type Harness, type Json } from '../../tests/support/bot-harness.js';
import type { FakeInteraction, FakeMember, RecordedRequest } from '../../tests/support/fake-discord/index.js';

const TOKEN = 'MTQ5OTk5OTk5OTk5OTk5OTk5OQ.Gsoak0.soak-run-token-never-logged-577215';
const HEAP_GROWTH_GOAL = 0.1;
const ANSWER_TIMEOUT_MS = 15_000;

interface Options {
  interactions: number;
  reloads: number;
  concurrency: number;
  warmup: number;
  maxSeconds: number;
  seed: number;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { interactions: 10_000, reloads: 5, concurrency: 8, warmup: 1000, maxSeconds: 300, seed: 7, json: false };
  const numeric: Record<string, keyof Options> = {
    '--interactions': 'interactions',
    '--reloads': 'reloads',
    '--concurrency': 'concurrency',
    '--warmup': 'warmup',
    '--max-seconds': 'maxSeconds',
    '--seed': 'seed',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const key = numeric[arg];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isInteger(value) || value < 0) {
      process.stderr.write(`Usage: npm run soak -- [--interactions N] [--reloads N] [--concurrency N] [--warmup N] [--max-seconds N] [--seed N] [--json]\n`);
      process.exit(2);
    }
    (options[key] as number) = value;
    i++;
  }
  options.concurrency = Math.max(1, options.concurrency);
  return options;
}

const QUESTIONS = [
  'what did Kallas say?',
  'what did Zelenskyy say?',
  'what has Zelenskyy said about the ceasefire?',
  'Zelenskyy on NATO',
  'what did Merz say according to LBC',
  "what did Trump's envoy say?",
  'what did the EU foreign affairs chief say?',
  'what did zelenskiy say',
  'what was said about sanctions?',
  'who said "if Ukraine falls"?',
  'what did Nobodyknown say?',
  '@everyone what did <@&123456789012345678> say?',
  '**Kallas**',
];
const PEOPLE = ['Zelenskyy', 'Kallas', 'Merz', 'Witkoff', 'Kushner', 'Putin', 'Rutte', 'Unknown Person'];
const TOPICS = [null, 'ceasefire', 'security guarantees', 'NATO', 'territory'];
const OUTLETS = [null, 'LBC', 'CNA', 'AnewZ', 'RFE/RL'];
const PHRASES = ['real troops', 'if Ukraine falls', 'security guarantees', 'compromise', 'no such phrase here'];
const PREFIXES = ['zel', 'kal', 'mer', 'wit', 'EU', 'pres', '', 'x', 'Zelensky'];

type Kind = 'ask' | 'autocomplete' | 'said' | 'whosaid' | 'compare' | 'sources' | 'page' | 'thread' | 'reload';
const MIX: [Kind, number][] = [
  ['ask', 24],
  ['autocomplete', 15],
  ['said', 13],
  ['whosaid', 10],
  ['compare', 9],
  ['sources', 5],
  ['page', 22],
  ['thread', 2],
];

function plan(options: Options, rng: Rng): Kind[] {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const kinds: Kind[] = [];
  for (let i = 0; i < options.interactions; i++) {
    // The first kind whose running weight passes a uniform roll.
    const roll = rng.float() * total;
    let running = 0;
    const kind =
      MIX.find(([, weight]) => {
        running += weight;
        return roll < running;
      })?.[0] ?? 'ask';
    kinds.push(kind);
  }
  // Reloads spread evenly after warm-up, each replacing one planned interaction.
  for (let r = 1; r <= options.reloads; r++) {
    const at = Math.floor((options.interactions * r) / (options.reloads + 1));
    if (at < kinds.length) kinds[at] = 'reload';
  }
  return kinds;
}

interface ErrorSample {
  what: string;
  detail: string;
}

/** Counts log lines by level and keeps a few warnings and errors to show, without holding every line. */
class LogCounter {
  readonly levels = new Map<number, number>();
  readonly samples: string[] = [];

  write(line: string): void {
    const level = Number(line.match(/"level":(\d+)/)?.[1] ?? 0);
    this.levels.set(level, (this.levels.get(level) ?? 0) + 1);
    if (level >= 40 && this.samples.length < 10) this.samples.push(line.trim().slice(0, 400));
  }

  atLeast(level: number): number {
    let count = 0;
    for (const [l, n] of this.levels) if (l >= level) count += n;
    return count;
  }
}

function gc(): void {
  // Exposed by `tsx --expose-gc` (the npm script); without it the heap figures include garbage.
  (globalThis as { gc?: () => void }).gc?.();
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** What the bot holds at a checkpoint, to explain the heap figures. */
function holdings(harness: Harness): string {
  const client = harness.bot.client;
  let messages = 0;
  for (const channel of client.channels.cache.values()) if ('messages' in channel) messages += channel.messages.cache.size;
  const state = harness.bot.context.state.size;
  return `views ${state.views}, threads ${state.threads}, channels ${client.channels.cache.size}, cached messages ${messages}, users ${client.users.cache.size}`;
}

interface Report {
  interactions: number;
  /** Interactions sent before the heap baseline was taken. */
  warmup: number;
  reloads: number;
  seconds: number;
  perSecond: number;
  ackMs: LatencySummary;
  answerMs: LatencySummary;
  errors: number;
  errorSamples: ErrorSample[];
  logWarnings: number;
  logErrors: number;
  logSamples: string[];
  heapAfterWarmup: number;
  heapAtEnd: number;
  heapGrowth: number;
  heapSamples: number[];
  /** What the bot held at warm-up and at the end (state, caches). */
  holdings: string[];
  rssAtEnd: number;
  stoppedEarly: boolean;
  gcExposed: boolean;
  byKind: Record<string, number>;
}

async function soak(options: Options): Promise<Report> {
  // Seeded, so every run sends the same mix.
  const rng = new Rng(options.seed);
  const kinds = plan(options, rng);
  const logs = new LogCounter();
  // The fake keeps only its last 800 requests, interactions and messages, so it is at its full size
  // before warm-up ends and the heap measures the bot; buttons are only clicked on recent answers.
  const harness: Harness = await startHarness({ token: TOKEN, keep: 800, log: { sink: logs, level: 'info' } });
  const { fake } = harness;
  const members: FakeMember[] = Array.from({ length: 40 }, (_, i) => fake.addMember(`soak-user-${i}`, []));

  const errors: ErrorSample[] = [];
  let errorCount = 0;
  const fail = (what: string, detail: string) => {
    errorCount++;
    if (errors.length < 20) errors.push({ what, detail: detail.slice(0, 300) });
  };

  // Completion: the user saw an answer, or Discord refused a request for the interaction.
  const waiting = new Map<string, (outcome: 'answered' | 'failed') => void>();
  fake.onRequest((request: RecordedRequest) => {
    if (request.status >= 400)
      fail(
        `${request.method} ${request.path.replace(/\/[\w.-]{40,}/, '/:token').replace(/\d{15,}/g, ':id')}`,
        `${request.status} ${JSON.stringify(request.response)}`,
      );
    const id = request.interactionId;
    const done = id ? waiting.get(id) : undefined;
    if (!id || !done) return;
    const body = (request.path.endsWith('/callback') ? (request.body?.data as Json | undefined) : request.body) ?? {};
    if (String(body.content ?? '').includes('error id')) fail('apology', String(body.content));
    if (request.status >= 400) done('failed');
    else if (fake.interactions.get(id)?.answeredAt) done('answered');
  });

  const ackTimes: number[] = [];
  const answerTimes: number[] = [];
  // Answers with buttons, with the number of the interaction that made them: only the last
  // RECENT interactions' answers are clicked, so the fake still has the message.
  const RECENT = 150;
  const recentAnswers: { id: string; at: number }[] = [];
  const threadable: { id: string; at: number }[] = [];
  const fresh = (list: { at: number }[]) => {
    while (list.length > 0 && list[0]!.at < next - RECENT) list.shift();
  };
  const byKind: Record<string, number> = {};
  let reloadsDone = 0;
  let reloadNumber = 0;

  const run = async (interaction: FakeInteraction, what: string): Promise<FakeInteraction> => {
    const outcome = await new Promise<'answered' | 'failed' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(interaction.id);
        resolve('timeout');
      }, ANSWER_TIMEOUT_MS);
      waiting.set(interaction.id, (result) => {
        clearTimeout(timer);
        waiting.delete(interaction.id);
        resolve(result);
      });
      // The answer may already be there if the request landed before we started waiting.
      if (interaction.answeredAt) waiting.get(interaction.id)?.('answered');
    });
    if (outcome === 'timeout') fail(what, `no answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
    if (interaction.ackedAt) ackTimes.push(interaction.ackedAt - interaction.createdAt);
    if (interaction.answeredAt) answerTimes.push(interaction.answeredAt - interaction.createdAt);
    return interaction;
  };

  const remember = (interaction: FakeInteraction) => {
    const id = interaction.replyMessageId;
    const message = id ? fake.messages.get(id) : undefined;
    if (!message || interaction.ephemeral) return;
    const labels = buttonsOf(message).map((b) => String(b.label));
    if (labels.includes('Next')) {
      recentAnswers.push({ id: id!, at: next });
    }
    if (labels.includes('Follow up in a thread')) {
      threadable.push({ id: id!, at: next });
    }
  };

  const send = async (kind: Kind): Promise<void> => {
    const member = rng.pick(members);
    const maybePrivate: Record<string, boolean> = rng.chance(0.15) ? { private: true } : {};
    switch (kind) {
      case 'ask':
        remember(await run(fake.slashCommand('ask', { question: rng.pick(QUESTIONS), ...maybePrivate }, member), '/ask'));
        return;
      case 'autocomplete':
        await run(fake.autocomplete('said', 'person', rng.pick(PREFIXES), {}, member), 'autocomplete');
        return;
      case 'said': {
        const topic = rng.pick(TOPICS);
        const outlet = rng.pick(OUTLETS);
        const said = { person: rng.pick(PEOPLE), ...(topic ? { topic } : {}), ...(outlet ? { outlet } : {}), ...maybePrivate };
        remember(await run(fake.slashCommand('said', said, member), '/said'));
        return;
      }
      case 'whosaid':
        remember(await run(fake.slashCommand('whosaid', { phrase: rng.pick(PHRASES), ...maybePrivate }, member), '/whosaid'));
        return;
      case 'compare':
        remember(await run(fake.slashCommand('compare', { person: rng.pick(PEOPLE) }, member), '/compare'));
        return;
      case 'sources':
        await run(fake.slashCommand('sources', {}, member), '/sources');
        return;
      case 'page': {
        fresh(recentAnswers);
        const messageId = recentAnswers.length > 0 ? rng.pick(recentAnswers).id : null;
        const message = messageId ? fake.messages.get(messageId) : undefined;
        const enabled = message ? buttonsOf(message).filter((b) => (b.label === 'Next' || b.label === 'Previous') && !b.disabled) : [];
        if (!message || enabled.length === 0) {
          remember(await run(fake.slashCommand('ask', { question: 'what did Zelenskyy say?' }, member), '/ask'));
          return;
        }
        await run(fake.clickButton(messageId!, { customId: String(rng.pick(enabled).custom_id) }, member), 'page button');
        return;
      }
      case 'thread': {
        fresh(threadable);
        const messageId = threadable.pop()?.id;
        if (!messageId || !fake.messages.has(messageId)) {
          remember(await run(fake.slashCommand('ask', { question: rng.pick(QUESTIONS) }, member), '/ask'));
          return;
        }
        await run(fake.clickButton(messageId, { label: /Follow up in a thread/ }, member), 'thread button');
        return;
      }
      case 'reload': {
        // Each reload sees a real change: an extra article appears, then goes again.
        reloadNumber++;
        const extra = path.join(harness.corpusDir, 'soak-extra.md');
        if (reloadNumber % 2 === 1) {
          await writeFile(
            extra,
            [
              '---',
              'outlet: Soak Wire',
              `title: Soak edition ${reloadNumber}`,
              'date: 2025-12-17',
              '---',
              `"We will keep talking as long as it takes, round ${reloadNumber}," Kallas said.`,
            ].join('\n\n'),
          );
        } else {
          await rm(extra, { force: true });
        }
        const interaction = await run(fake.slashCommand('reload', {}, fake.admin), '/reload');
        const edit = fake.requestsFor(interaction).find((r) => r.method === 'PATCH' && r.status < 300);
        const title = String(((edit?.body?.embeds as Json[] | undefined)?.[0] as Json | undefined)?.title ?? '');
        if (!/^Corpus reloaded/.test(title)) fail('/reload', `report: ${title || 'none'}`);
        else reloadsDone++;
        return;
      }
    }
  };

  const warmup = Math.min(options.warmup, Math.floor(options.interactions / 2));
  const checkpoints = new Set<number>([warmup]);
  for (let i = 2000; i < options.interactions; i += 2000) if (i > warmup) checkpoints.add(i);
  const heapSamples: number[] = [];
  const held: string[] = [];
  let heapAfterWarmup = 0;
  const started = performance.now();
  const deadline = Date.now() + options.maxSeconds * 1000;
  let next = 0;
  let stoppedEarly = false;

  // Work proceeds in stretches between checkpoints; at each one the bot is idle and the heap is measured.
  const stops = [...checkpoints, kinds.length].sort((a, b) => a - b);
  for (const stop of stops) {
    const worker = async () => {
      while (next < stop) {
        if (Date.now() > deadline) {
          stoppedEarly = true;
          return;
        }
        const kind = kinds[next++]!;
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        // Reloads are spread far apart, so one has finished before the next (the gate would refuse it).
        await send(kind);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    if (stoppedEarly) break;
    if (stop === warmup) {
      heapAfterWarmup = heapUsed();
      held.push(holdings(harness));
    } else if (stop < kinds.length) heapSamples.push(heapUsed());
  }
  const seconds = (performance.now() - started) / 1000;
  const sent = next;
  const heapAtEnd = heapUsed();
  held.push(holdings(harness));
  const rssAtEnd = process.memoryUsage().rss;
  await harness.close();
  if (reloadsDone !== kinds.filter((k) => k === 'reload').length && !stoppedEarly)
    fail('/reload', `${reloadsDone} of ${options.reloads} reloads reported success`);
  if (logs.atLeast(50) > 0) fail('log', `${logs.atLeast(50)} error lines in the bot's log`);
  return {
    interactions: sent,
    warmup,
    reloads: reloadsDone,
    seconds,
    perSecond: sent / seconds,
    ackMs: summarise(ackTimes),
    answerMs: summarise(answerTimes),
    errors: errorCount,
    errorSamples: errors,
    logWarnings: logs.levels.get(40) ?? 0,
    logErrors: logs.atLeast(50),
    logSamples: logs.samples,
    heapAfterWarmup,
    heapAtEnd,
    heapGrowth: heapAfterWarmup > 0 ? heapAtEnd / heapAfterWarmup - 1 : Number.NaN,
    heapSamples,
    holdings: held,
    rssAtEnd,
    stoppedEarly,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    byKind,
  };
}

function print(report: Report, options: Options): void {
  const lines = [
    `whosaid soak: ${report.interactions} interactions (${report.reloads} reloads), concurrency ${options.concurrency}, seed ${options.seed}${report.stoppedEarly ? ' — stopped at the time limit' : ''}`,
    `  mix             ${Object.entries(report.byKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
    `  throughput      ${report.perSecond.toFixed(1)} interactions/s over ${report.seconds.toFixed(1)} s`,
    `  ack time        p50 ${formatMs(report.ackMs.p50)}, p99 ${formatMs(report.ackMs.p99)}, max ${formatMs(report.ackMs.max)} (dispatch → first callback)`,
    `  answer time     p50 ${formatMs(report.answerMs.p50)}, p99 ${formatMs(report.answerMs.p99)}, max ${formatMs(report.answerMs.max)} (dispatch → answer shown)`,
    `  errors          ${report.errors} (log: ${report.logErrors} errors, ${report.logWarnings} warnings)`,
    ...report.errorSamples.map((e) => `    ${e.what}: ${e.detail}`),
    ...report.logSamples.map((line) => `    log: ${line}`),
    `  heap            ${formatBytes(report.heapAfterWarmup)} after warm-up (${report.warmup}) → ${formatBytes(report.heapAtEnd)} at the end: ${(report.heapGrowth * 100).toFixed(1)}% (goal < ${HEAP_GROWTH_GOAL * 100}%)${report.gcExposed ? '' : ' — run with --expose-gc for exact figures'}`,
    `  heap samples    ${report.heapSamples.map(formatBytes).join(', ') || 'none'}; RSS at the end ${formatBytes(report.rssAtEnd)}`,
    `  held            after warm-up: ${report.holdings[0] ?? 'n/a'}`,
    `                  at the end:    ${report.holdings[1] ?? 'n/a'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const options = parseOptions(process.argv.slice(2));
const report = await soak(options);
if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
else print(report, options);
const passed = report.errors === 0 && report.heapGrowth < HEAP_GROWTH_GOAL && !report.stoppedEarly;
process.exit(passed ? 0 : 1);
