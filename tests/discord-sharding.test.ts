// `npm run start:sharded` as an operator runs it, against the fake Discord (127.0.0.1 only): one engine
// process holding the index, and one bot per shard in the manager's process, each with its own gateway
// connection and state, all asking that engine over IPC and sharing one chart worker.
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
import { stateFileName } from '../src/discord/sharding.js';
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
  const child = spawn(process.execPath, ['--import', TSX_LOADER, script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('close', (code) => resolve({ code, at: Date.now() })));
  return {
    child,
    output: () => stdout + stderr,
    lines: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Json),
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

describe('the state file of a shard', () => {
  it('unsharded keeps the original name, so old state loads; each shard has its own', () => {
    expect(stateFileName(null)).toBe('whosaid-state.json');
    expect(stateFileName({ id: 1, count: 2 })).toBe('whosaid-state.shard-1.json');
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

  it('SHARDS=2: one engine answers both shards, reloads once on SIGHUP and on /reload, survives its death; SIGTERM exits 0', async () => {
    const manager = launch(SHARD, { ...env, SHARDS: '2' }, cwd);
    try {
      await until(() => manager.lines().find((l) => String(l.msg).startsWith('whosaid ready: ')), 60_000, 'the manager ready line');
      const readyLines = manager.lines().filter((l) => String(l.msg).startsWith('whosaid ready'));
      // The manager's SHARDS=2 is not read by the shards as a shard id: they identify as [0,2] and [1,2].
      expect([...fake.shardsIdentified].sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(readyLines.map((l) => String(l.msg).replace(/\d+ (statements|people)/g, 'N $1'))).toEqual([
        'whosaid ready as whosaid#0001 (shard 0 of 2): 1 server, 5 articles, N statements, N people',
        'whosaid ready as whosaid#0001 (shard 1 of 2): 1 server, 5 articles, N statements, N people',
        'whosaid ready: 2 shards, 2 servers',
      ]);
      // One index for both shards: the engine process builds it once; no shard builds or restores one.
      const indexLines = () => manager.lines().filter((l) => /^index (built|restored)/.test(String(l.msg)));
      expect(indexLines().map((l) => [l.engine, l.shard, l.msg])).toEqual([[true, undefined, 'index built']]);
      const enginePid = Number(indexLines()[0]!.pid);
      expect(enginePid).not.toBe(manager.child.pid);

      const askIn = async (guildId: string, channelId: string): Promise<string> => {
        const interaction = fake.slashCommand('ask', { question: 'what did Kallas say?' }, fake.member, channelId);
        const reply = await fake.replyTo(interaction, 20_000);
        const handled = manager.lines().filter((l) => l.interaction === interaction.id && l.msg === 'command');
        expect(handled.map((l) => l.shard)).toEqual([shardOfGuild(guildId, 2)]);
        return JSON.stringify(reply);
      };

      // An /ask in each guild reaches only the shard owning that guild, which answers it from the one engine.
      const guilds = [
        [fake.guildId, fake.channelId],
        [second.id, second.channelId],
      ] as const;
      for (const [guildId, channelId] of guilds) expect(await askIn(guildId, channelId)).toContain('real troops and real capabilities');

      // A /timeline in the second guild gets its chart, drawn by the one chart worker every shard shares.
      const timeline = fake.slashCommand('timeline', { person: 'Volodymyr Zelenskyy' }, fake.member, second.channelId);
      const charted = await fake.waitFor(
        () => {
          const id = fake.interactions.get(timeline.id)?.replyMessageId;
          const message = id ? fake.messages.get(id) : undefined;
          const files = (message?.attachments as { url: string }[] | undefined) ?? [];
          return files[0];
        },
        60_000,
        'the timeline with its chart',
      );
      expect(fake.attachment(charted.url)?.subarray(1, 4).toString()).toBe('PNG');

      // npm run reload signals the manager (its pid file), which reloads the one engine once and reports.
      const reload = launch(RELOAD, { CORPUS_DIR: env.CORPUS_DIR!, DATA_DIR: env.DATA_DIR! }, cwd);
      expect((await reload.exited).code).toBe(0);
      expect(reload.output()).toMatch(new RegExp(`Asked the bot \\(pid ${manager.child.pid}\\) to reload`));
      expect(reload.output()).toMatch(/Reloaded in [\d.]+ s: 5 articles, \d+ statements, \d+ people\./);
      const finished = manager.lines().filter((l) => l.msg === 'reload finished' && l.requestedBy === 'SIGHUP');
      expect(finished.map((l) => [l.manager, l.shard])).toEqual([[true, undefined]]);
      const report = JSON.parse(await readFile(path.join(env.DATA_DIR!, 'last-reload.json'), 'utf8')) as { ok: boolean; articles: number };
      expect(report).toMatchObject({ ok: true, articles: 5 });

      // /reload in the second guild reloads the engine every shard asks, once.
      const command = fake.slashCommand('reload', {}, fake.admin, second.channelId);
      const reloadReply = await fake.replyTo(command, 20_000);
      const embed = (reloadReply.embeds as { title: string; description: string }[])[0]!;
      expect(embed.title).toMatch(/^Corpus reloaded in [\d.]+ s$/);
      expect(embed.description).toMatch(/^Now serving \*\*5\*\* articles/);
      const byCommand = manager.lines().filter((l) => l.msg === 'reload finished' && l.requestedBy === '/reload');
      expect(byCommand.map((l) => [l.manager, l.shard])).toEqual([[true, undefined]]);

      // The engine process dies: a question meanwhile gets "try again in a moment", privately; the
      // manager starts it again (restoring the saved index) and answers come back in both guilds.
      process.kill(enginePid, 'SIGKILL');
      await until(() => manager.lines().find((l) => String(l.msg).startsWith('engine process died') && l.pid === enginePid), 10_000, 'the engine death line');
      const duringGap = fake.slashCommand('ask', { question: 'what did Kallas say?' }, fake.member, fake.channelId);
      const gapReply = await fake.replyTo(duringGap, 20_000);
      expect(gapReply.content).toBe('whosaid is reloading: try again in a moment.');
      expect(Number(gapReply.flags) & 64).toBe(64);
      await until(() => indexLines().length === 2, 30_000, 'the engine to be ready again');
      expect(indexLines()[1]!.pid).not.toBe(enginePid);
      for (const [guildId, channelId] of guilds) expect(await askIn(guildId, channelId)).toContain('real troops and real capabilities');
      expect(manager.lines().filter((l) => l.level === 50 && l.msg === 'interaction failed')).toEqual([]);

      const signalledAt = Date.now();
      manager.child.kill('SIGTERM');
      const { code, at } = await manager.exited;
      expect(code).toBe(0);
      expect(at - signalledAt).toBeLessThan(10_000);
      expect(
        manager
          .lines()
          .filter((l) => l.msg === 'whosaid stopped')
          .map((l) => l.shard)
          .sort(),
      ).toEqual([0, 1]);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid-state.shard-0.json'))).toBe(true);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid-state.shard-1.json'))).toBe(true);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid.pid'))).toBe(false);
      // The engine process went with the manager.
      expect(() => process.kill(Number(indexLines()[1]!.pid), 0)).toThrow();
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
      const stderr = bot
        .output()
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('{'));
      expect(stderr).toEqual(['Discord closed the gateway for good (code 4004): check the token and the intents enabled in the Developer Portal.']);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid.pid'))).toBe(false);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  // The engine process starts before the shard: slower to be ready than npm start on a busy machine.
  it('SHARDS=auto asks the configured API for the shard count; a shard giving up stops the manager with exit 1', async () => {
    const manager = launch(SHARD, { ...env, SHARDS: 'auto' }, cwd);
    try {
      await until(() => manager.output().includes('whosaid ready: 1 shard, 1 server'), 60_000, 'the manager ready line');
      expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot' && r.status === 200)).toBe(true);
      expect(fake.shardsIdentified).toContainEqual([0, 1]);
      fake.closeGateway(4004);
      const { code } = await manager.exited;
      expect(code).toBe(1);
      expect(manager.output()).toContain('Discord closed the gateway for good (code 4004)');
      expect(
        manager
          .lines()
          .filter((l) => l.manager === true && l.level === 50)
          .map((l) => [l.shard, l.closeCode]),
      ).toEqual([[0, 4004]]);
      expect(existsSync(path.join(env.DATA_DIR!, 'whosaid.pid'))).toBe(false);
    } finally {
      manager.child.kill('SIGKILL');
    }
  }, 90_000);
});
