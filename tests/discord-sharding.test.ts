// `npm run start:sharded` as an operator runs it, against the fake Discord (127.0.0.1 only): a
// ShardingManager over src/cli/start.ts, one process per shard, each with its own engine worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config.js';
import { COMMANDS_DIR } from '../src/discord/commands.js';
import { registerCommands } from '../src/discord/register.js';
import { mergeReloadReports, shardOfProcess, stateFileName } from '../src/discord/sharding.js';
import type { ReloadReport } from '../src/types.js';
import { FakeDiscord, shardOfGuild, type FakeGuild } from './support/fake-discord/index.js';

const TOKEN = 'MTQ1MjIyMjIyMjIyMjIyMjIyMg.Gshard1.sharding-test-token-never-printed-4242';
// `node --import tsx`, as the npm scripts run it (the tsx CLI SIGKILLs a child slow to confirm a signal).
const TSX_LOADER = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const SHARD = path.resolve('src/cli/shard.ts');
const START = path.resolve('src/cli/start.ts');
const RELOAD = path.resolve('src/cli/reload.ts');

type Json = Record<string, unknown>;

interface Running {
  child: ReturnType<typeof spawn>;
  output: () => string;
  /** Parsed JSON log lines so far (stdout of the manager and of every shard). */
  lines: () => Json[];
  exited: Promise<{ code: number | null; at: number }>;
}

/** Starts a CLI in an empty folder (no .env picked up) with only the given variables. */
function launch(script: string, env: Record<string, string>, cwd: string): Running {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, script], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('close', (code) => resolve({ code, at: Date.now() })));
  return {
    child,
    output: () => stdout + stderr,
    lines: () => stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Json),
    exited,
  };
}

async function until<T>(check: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('which shard a process is', () => {
  it('a plain npm start is not a shard, whatever SHARDS says; a spawned shard reads the id the manager gave it', () => {
    expect(shardOfProcess({ SHARDS: 'auto' }, true)).toBeNull();
    expect(shardOfProcess({ SHARDS: '2' }, false)).toBeNull();
    expect(shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }, true)).toEqual({ id: 1, count: 2 });
    expect(() => shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: '2', SHARD_COUNT: '2' }, true)).toThrow(/not one shard/);
    expect(stateFileName(null)).toBe('whosaid-state.json');
    expect(stateFileName({ id: 1, count: 2 })).toBe('whosaid-state.shard-1.json');
  });

  it('a fleet reload is ok only when every shard swapped in its index, and says which did not', () => {
    const report = (ok: boolean, error?: string): ReloadReport => ({ ok, added: ['a.md'], changed: [], removed: [], articles: 5, statements: 40, people: 9, problems: [], ms: 10, ...(error ? { error } : {}) });
    const merged = mergeReloadReports([{ shard: 1, report: report(false, 'worker exited') }, { shard: 0, report: report(true) }], 25);
    expect(merged).toMatchObject({ ok: false, added: ['a.md'], articles: 5, ms: 25, error: 'shard 1: worker exited' });
    expect(merged.shards.map((s) => [s.shard, s.ok])).toEqual([[0, true], [1, false]]);
    expect(mergeReloadReports([{ shard: 0, report: report(true) }], 5).error).toBeUndefined();
  });
});

describe('npm run start:sharded against a fake Discord with two guilds', () => {
  let fake: FakeDiscord;
  let second: FakeGuild;
  let cwd: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    // max_concurrency 16: the manager spaces shard starts by 5.5 s / 16 instead of 5.5 s.
    fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1000, recommendedShards: 2, maxConcurrency: 16 });
    second = fake.addGuild('Second Newsroom', { id: 1 - shardOfGuild(fake.guildId, 2), count: 2 });
    cwd = await mkdtemp(path.join(tmpdir(), 'whosaid-shard-'));
    env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: path.resolve('corpus'),
      DATA_DIR: path.join(cwd, 'data'),
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'debug',
    };
    // Global commands, as a sharded bot in many servers registers them.
    await registerCommands(parseConfig(env), fake.appId, COMMANDS_DIR);
  });
  afterAll(async () => {
    await fake?.stop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('SHARDS=2: each shard identifies as its own, answers its own guild, both reload on SIGHUP and on /reload, SIGTERM exits 0', async () => {
    const manager = launch(SHARD, { ...env, SHARDS: '2' }, cwd);
    try {
      await until(() => manager.lines().find((l) => String(l.msg).startsWith('whosaid ready: ')), 60_000, 'the manager ready line');
      const readyLines = manager.lines().filter((l) => String(l.msg).startsWith('whosaid ready'));
      // The manager's SHARDS=2 is not read by the shards as a shard id: they identify as [0,2] and [1,2].
      expect([...fake.shardsIdentified].sort()).toEqual([[0, 2], [1, 2]]);
      expect(readyLines.map((l) => String(l.msg).replace(/\d+ (statements|people)/g, 'N $1'))).toEqual([
        'whosaid ready as whosaid#0001 (shard 0 of 2): 1 server, 5 articles, N statements, N people',
        'whosaid ready as whosaid#0001 (shard 1 of 2): 1 server, 5 articles, N statements, N people',
        'whosaid ready: 2 shards, 2 servers',
      ]);
      // One builder of the saved index: shard 0 builds and writes it, shard 1 (started after) restores it.
      const indexLines = manager.lines().filter((l) => /^index (built|restored)/.test(String(l.msg)));
      expect(indexLines.map((l) => [l.shard, l.msg])).toEqual([[0, 'index built'], [1, 'index restored from the saved copy']]);

      // An /ask in each guild reaches only the shard owning that guild, which answers it.
      for (const [guildId, channelId] of [[fake.guildId, fake.channelId], [second.id, second.channelId]] as const) {
        const owner = shardOfGuild(guildId, 2);
        const interaction = fake.slashCommand('ask', { question: 'what did Kallas say?' }, fake.member, channelId);
        const reply = await fake.replyTo(interaction, 20_000);
        expect(JSON.stringify(reply.embeds)).toContain('real troops and real capabilities');
        const handled = manager.lines().filter((l) => l.interaction === interaction.id && l.msg === 'command');
        expect(handled.map((l) => l.shard)).toEqual([owner]);
      }

      // npm run reload signals the manager (its pid file), which reloads both shards and reports.
      const reload = launch(RELOAD, { CORPUS_DIR: env.CORPUS_DIR!, DATA_DIR: env.DATA_DIR! }, cwd);
      expect((await reload.exited).code).toBe(0);
      expect(reload.output()).toMatch(new RegExp(`Asked the bot \\(pid ${manager.child.pid}\\) to reload`));
      expect(reload.output()).toMatch(/Reloaded in [\d.]+ s: 5 articles, \d+ statements, \d+ people\./);
      const finished = manager.lines().filter((l) => l.msg === 'reload finished' && l.requestedBy === 'SIGHUP');
      expect(finished.map((l) => l.shard).sort()).toEqual([0, 1]);
      const report = JSON.parse(await readFile(path.join(env.DATA_DIR!, 'last-reload.json'), 'utf8')) as { ok: boolean; shards: { shard: number; ok: boolean }[] };
      expect(report.ok).toBe(true);
      expect(report.shards.map((s) => [s.shard, s.ok])).toEqual([[0, true], [1, true]]);

      // /reload in the second guild reloads every shard, not only the one that received it.
      const command = fake.slashCommand('reload', {}, fake.admin, second.channelId);
      const reloadReply = await fake.replyTo(command, 20_000);
      const embed = (reloadReply.embeds as { title: string; description: string }[])[0]!;
      expect(embed.title).toMatch(/^Corpus reloaded in [\d.]+ s$/);
      expect(embed.description).toMatch(/^Now serving \*\*5\*\* articles/);
      const byCommand = manager.lines().filter((l) => l.msg === 'reload finished' && l.requestedBy === '/reload');
      expect(byCommand.map((l) => l.shard).sort()).toEqual([0, 1]);

      const signalledAt = Date.now();
      manager.child.kill('SIGTERM');
      const { code, at } = await manager.exited;
      expect(code).toBe(0);
      expect(at - signalledAt).toBeLessThan(10_000);
      expect(manager.lines().filter((l) => l.msg === 'whosaid stopped').map((l) => l.shard).sort()).toEqual([0, 1]);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid-state.shard-0.json'))).toBe(true);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid-state.shard-1.json'))).toBe(true);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid.pid'))).toBe(false);
      expect(manager.output()).not.toContain(TOKEN);
      if (process.env.SHOW_SHARD_LOG) process.stderr.write(manager.output());
    } finally {
      manager.child.kill('SIGKILL');
    }
  }, 90_000);
});

describe('a gateway that closes for good (token revoked, intents disallowed)', () => {
  let fake: FakeDiscord;
  let cwd: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 1000, recommendedShards: 1 });
    cwd = await mkdtemp(path.join(tmpdir(), 'whosaid-giveup-'));
    env = { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: path.resolve('corpus'), DATA_DIR: path.join(cwd, 'data') };
  });
  afterAll(async () => {
    await fake?.stop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('npm start exits 1 with one line saying so, instead of staying up doing nothing', async () => {
    const bot = launch(START, env, cwd);
    try {
      await until(() => bot.output().includes('whosaid ready as'), 30_000, 'the ready line');
      fake.closeGateway(4004);
      const { code } = await bot.exited;
      expect(code).toBe(1);
      const stderr = bot.output().split('\n').filter((line) => line !== '' && !line.startsWith('{'));
      expect(stderr).toEqual(['Discord closed the gateway for good (code 4004): check the token and the intents enabled in the Developer Portal.']);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid.pid'))).toBe(false);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('SHARDS=auto asks the configured API for the shard count; a shard giving up stops the manager with exit 1', async () => {
    const manager = launch(SHARD, { ...env, SHARDS: 'auto' }, cwd);
    try {
      await until(() => manager.output().includes('whosaid ready: 1 shard, 1 server'), 30_000, 'the manager ready line');
      expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot' && r.status === 200)).toBe(true);
      expect(fake.shardsIdentified).toContainEqual([0, 1]);
      fake.closeGateway(4004);
      const { code } = await manager.exited;
      expect(code).toBe(1);
      expect(manager.output()).toContain('Discord closed the gateway for good (code 4004)');
      expect(manager.lines().filter((l) => l.manager === true && l.level === 50).map((l) => [l.shard, l.code])).toEqual([[0, 1]]);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid.pid'))).toBe(false);
    } finally {
      manager.child.kill('SIGKILL');
    }
  });
});
