// `npm run bench:sharded`: the one-engine-for-every-shard goal, measured end to end. Starts `npm start`
// and then `npm run start:sharded` (SHARDS=4) on the synthetic 10k corpus against the fake Discord
// (127.0.0.1), asks the same /ask questions through Discord interactions in both, and compares the
// total RSS of each process tree and the p99 time from interaction to reply.
//
//   npm run bench:sharded -- [--articles 10000] [--shards 4] [--rounds 6]
//
// Goals (issue 14): total RSS ≤ 1.5x `npm start`'s; p99 answer time ≤ 1.2x the unsharded one.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config.js';
import { COMMANDS_DIR } from '../src/discord/commands.js';
import { registerCommands } from '../src/discord/register.js';
import { FakeDiscord, shardOfGuild } from '../tests/support/fake-discord/index.js';
import { syntheticQueries } from './queries.js';
import { formatBytes, formatMs, summarise, type LatencySummary } from './stats.js';
import { DEFAULT_SEED, ensureCorpus } from './synthetic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'MTQ1MjIyMjIyMjIyMjIyMjIyMg.Gbench1.sharded-bench-token-never-printed-4242';
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Options {
  articles: number;
  shards: number;
  rounds: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { articles: 10_000, shards: 4, rounds: 6 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (!Number.isInteger(value) || value < 1) usage(`${flag} needs a whole number`);
    if (flag === '--articles') options.articles = value;
    else if (flag === '--shards') options.shards = value;
    else if (flag === '--rounds') options.rounds = value;
    else usage(`unknown argument ${flag}`);
  }
  return options;
}

function usage(problem: string): never {
  process.stderr.write(`bench:sharded: ${problem}. Usage: npm run bench:sharded -- [--articles 10000] [--shards 4] [--rounds 6]\n`);
  process.exit(2);
}

/** One process of a tree: pid, what it runs, resident memory. */
interface ProcessRss {
  pid: number;
  role: string;
  rss: number;
}

function roleOf(cmdline: string): string {
  if (cmdline.includes('engine-process')) return 'engine process';
  if (cmdline.includes('shard.ts')) return 'manager';
  if (cmdline.includes('start.ts')) return 'bot or shard';
  return cmdline.split('\0')[0]?.split('/').pop() ?? 'other';
}

/** RSS of a process and all its descendants, from /proc (Linux). */
function treeRss(root: number): ProcessRss[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  const out: ProcessRss[] = [];
  const visit = (pid: number): void => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      out.push({ pid, role: roleOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8')), rss: kb * 1024 });
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return out;
}

interface ModeResult {
  mode: string;
  readyMs: number;
  rss: { total: number; peak: number; processes: ProcessRss[] };
  answer: LatencySummary;
}

async function runMode(mode: 'unsharded' | 'sharded', options: Options, fake: FakeDiscord, guilds: { id: string; channelId: string }[], corpusDir: string): Promise<ModeResult> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `whosaid-bench-${mode}-`));
  const script = path.join(ROOT, 'src/cli', mode === 'sharded' ? 'shard.ts' : 'start.ts');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dataDir,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APP_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: corpusDir,
    DATA_DIR: dataDir,
    COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'info',
    ...(mode === 'sharded' ? { SHARDS: String(options.shards) } : {}),
  };
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX_LOADER, script], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const readyLine = mode === 'sharded' ? 'whosaid ready: ' : 'whosaid ready as ';
  // The listener stays on: stdout must keep draining or the bot would block on a full pipe.
  let tail = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4096);
      if (tail.includes(readyLine)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${mode} bot exited (code ${code}) before it was ready`)));
  });
  const readyMs = performance.now() - started;
  // Let start-up settle (the manager's last shard, garbage from the build) as in a bot that has been up a while.
  await new Promise((resolve) => setTimeout(resolve, 2000));

  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(child.pid!).reduce((sum, p) => sum + p.rss, 0));
  }, 250);
  const questions = syntheticQueries(DEFAULT_SEED);
  const times: number[] = [];
  let asked = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const query of questions) {
      const guild = guilds[asked++ % guilds.length]!;
      const t0 = performance.now();
      const interaction = fake.slashCommand('ask', { question: query.question }, fake.member, guild.channelId);
      const reply = await fake.replyTo(interaction, 60_000);
      times.push(performance.now() - t0);
      if (String(reply.content ?? '').includes('try again')) throw new Error(`${mode}: "${query.question}" was refused: ${String(reply.content)}`);
    }
  }
  clearInterval(sampler);
  const processes = treeRss(child.pid!);
  const total = processes.reduce((sum, p) => sum + p.rss, 0);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
  return { mode, readyMs, rss: { total, peak: Math.max(peak, total), processes }, answer: summarise(times) };
}

const options = parseOptions(process.argv.slice(2));
const { dir: corpusDir } = ensureCorpus(options.articles);
const fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 5000, recommendedShards: options.shards, maxConcurrency: 16, keep: 200 });
// One guild per shard, so the questions are spread over every shard.
const guilds: { id: string; channelId: string }[] = [{ id: fake.guildId, channelId: fake.channelId }];
const firstShard = shardOfGuild(fake.guildId, options.shards);
for (let id = 0; id < options.shards; id++) {
  if (id !== firstShard) {
    const guild = fake.addGuild(`Newsroom ${id}`, { id, count: options.shards });
    guilds.push({ id: guild.id, channelId: guild.channelId });
  }
}
await registerCommands(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_APP_ID: fake.appId }), fake.appId, COMMANDS_DIR);

const unsharded = await runMode('unsharded', options, fake, guilds.slice(0, 1), corpusDir);
const sharded = await runMode('sharded', options, fake, guilds, corpusDir);
await fake.stop();

const rssRatio = sharded.rss.total / unsharded.rss.total;
const p99Ratio = sharded.answer.p99 / unsharded.answer.p99;
const lines = [
  `${options.articles} articles, ${options.rounds} rounds of ${syntheticQueries(DEFAULT_SEED).length} /ask questions through the fake Discord, one at a time`,
  '',
  '| | npm start | start:sharded, SHARDS=' + options.shards + ' |',
  '| --- | --- | --- |',
  `| ready after | ${formatMs(unsharded.readyMs)} | ${formatMs(sharded.readyMs)} |`,
  `| total RSS after the questions (peak) | ${formatBytes(unsharded.rss.total)} (${formatBytes(unsharded.rss.peak)}) | ${formatBytes(sharded.rss.total)} (${formatBytes(sharded.rss.peak)}) |`,
  `| answer p50 / p99 (n) | ${formatMs(unsharded.answer.p50)} / ${formatMs(unsharded.answer.p99)} (${unsharded.answer.n}) | ${formatMs(sharded.answer.p50)} / ${formatMs(sharded.answer.p99)} (${sharded.answer.n}) |`,
  '',
  'sharded processes: ' + sharded.rss.processes.map((p) => `${p.role} ${formatBytes(p.rss)}`).join(', '),
  '',
  '| goal | measured | goal | holds |',
  '| --- | --- | --- | --- |',
  `| total RSS, sharded / npm start | ${rssRatio.toFixed(2)}x | ≤ 1.5x | ${rssRatio <= 1.5 ? 'yes' : 'no'} |`,
  `| p99 answer, sharded / npm start | ${p99Ratio.toFixed(2)}x | ≤ 1.2x | ${p99Ratio <= 1.2 ? 'yes' : 'no'} |`,
];
process.stdout.write(`${lines.join('\n')}\n`);
writeFileSync(path.join(ROOT, 'bench', 'sharded-results.json'), `${JSON.stringify({ at: new Date().toISOString(), options, unsharded, sharded, rssRatio, p99Ratio }, null, 2)}\n`);
