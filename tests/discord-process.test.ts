// The bot's entry points as an operator runs them: bad configuration stops start-up with one line,
// `npm run register` prints the invite, `npm start` logs one ready line and exits 0 on SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PermissionFlagsBits } from 'discord.js';
import { createLogger } from '../src/log.js';
import { FakeDiscord } from './support/fake-discord/index.js';

const TOKEN = 'MTQ1MjIyMjIyMjIyMjIyMjIyMg.Gproc1.process-test-token-never-printed-4242';
// Spawned as `node --import tsx`, as npm start does: the tsx CLI relays signals to its child and
// SIGKILLs it when the child does not confirm within 30 ms, which a busy machine can miss.
const TSX_LOADER = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const START = path.resolve('src/cli/start.ts');
const REGISTER = path.resolve('src/cli/register.ts');
const RELOAD = path.resolve('src/cli/reload.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI in an empty folder (so no .env is picked up) with only the given variables. */
function run(
  script: string,
  env: Record<string, string>,
  cwd: string,
  whileRunning?: (child: ReturnType<typeof spawn>, output: () => string) => Promise<void>,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, script], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    whileRunning?.(child, () => stdout + stderr).catch((error: unknown) => {
      child.kill('SIGKILL');
      reject(error);
    });
  });
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('logger', () => {
  it('scrubs the token from every line, including the stack of an error that carries it', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: [TOKEN], sink: { write: (line) => void lines.push(line) } });
    const error = new Error(`401 for request with token ${TOKEN}`);
    log.error({ err: error, headers: { authorization: `Bot ${TOKEN}` } }, `login failed for ${TOKEN}`);
    const output = lines.join('');
    expect(output).not.toContain(TOKEN);
    expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('configuration errors', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'whosaid-cwd-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('a missing DISCORD_TOKEN stops start-up with one line naming it, exit 1', async () => {
    const result = await run(START, {}, cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['Configuration error: DISCORD_TOKEN is required. See .env.example.']);
  });

  it('a malformed variable is named, and the token never appears in the output', async () => {
    const result = await run(START, { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'not a url' }, cwd);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Configuration error: DISCORD_API_URL must be an http\(s\) URL/);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('register without DISCORD_APP_ID says so in one line', async () => {
    const result = await run(REGISTER, { DISCORD_TOKEN: TOKEN }, cwd);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Configuration error: DISCORD_APP_ID is required/);
  });
});

describe('register and start against a fake Discord', () => {
  let fake: FakeDiscord;
  let cwd: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN });
    cwd = await mkdtemp(path.join(tmpdir(), 'whosaid-cwd-'));
    env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: fake.appId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: path.resolve('corpus'),
      DATA_DIR: path.join(cwd, 'data'),
    };
  });
  afterAll(async () => {
    await fake?.stop();
    await rm(cwd, { recursive: true, force: true });
  });

  it('npm run register registers the commands and prints the invite URL with the needed permissions', async () => {
    const result = await run(REGISTER, env, cwd);
    expect(result.code).toBe(0);
    expect(fake.registeredCommands.get(fake.guildId)?.length).toBe(8);
    const invite = new URL(result.stdout.match(/https:\/\/discord\.com\/oauth2\/authorize\S+/)![0]);
    expect(invite.searchParams.get('client_id')).toBe(fake.appId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    const permissions = BigInt(invite.searchParams.get('permissions')!);
    for (const needed of [
      PermissionFlagsBits.SendMessages,
      PermissionFlagsBits.EmbedLinks,
      PermissionFlagsBits.AttachFiles,
      PermissionFlagsBits.CreatePublicThreads,
      PermissionFlagsBits.SendMessagesInThreads,
    ]) {
      expect(permissions & needed).toBe(needed);
    }
    expect(permissions & PermissionFlagsBits.Administrator).toBe(0n);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  /**
   * With the bot up: holds an /ask back (its acknowledgement gets a 429, Retry-After 1 s), sends the
   * signal while it is in flight, and posts another /ask once shutdown has begun.
   */
  async function signalWithAnswerInFlight(child: ReturnType<typeof spawn>, output: () => string, signal: NodeJS.Signals) {
    // Another person than the one who asked just before: the 3 s cooldown per person would answer instead.
    const inFlight = fake.slashCommand('ask', { question: 'what did Zelenskyy say?' }, fake.admin);
    fake.rateLimit({ method: 'POST', path: new RegExp(`^/interactions/${inFlight.id}/`), retryAfter: 1 });
    await fake.waitFor(() => fake.requestsFor(inFlight).some((r) => r.status === 429), 20_000, 'the held-back edit');
    child.kill(signal);
    const signalledAt = Date.now();
    await until(() => output().includes('shutting down: finishing answers in flight'), 5_000, 'the shutdown line');
    const late = fake.slashCommand('ask', { question: 'what did Kallas say?' });
    return { inFlight, late, signalledAt };
  }

  /** The answer in flight was finished after the signal, the late /ask got a note, exit 0 within 5 s. */
  async function expectGracefulExit(result: Run, exitedAt: number, shutdown: Awaited<ReturnType<typeof signalWithAnswerInFlight>>) {
    expect(result.code).toBe(0);
    expect(exitedAt - shutdown.signalledAt).toBeLessThan(5_000);
    const sent = fake.requestsFor(shutdown.inFlight);
    expect(sent[0]!.status).toBe(429);
    // Retried after the signal: the answer in the acknowledgement when the engine was quick (200), else a
    // deferral (204) and an edit; on a busy machine either happens. Either way the answer was delivered.
    expect([200, 204]).toContain(sent[1]!.status);
    expect(sent[1]!.at).toBeGreaterThan(shutdown.signalledAt);
    expect(JSON.stringify((await fake.replyTo(shutdown.inFlight, 5_000)).embeds)).toContain('Volodymyr Zelenskyy');
    const note = fake.requestsFor(shutdown.late).find((r) => r.path.endsWith('/callback'));
    expect(note?.status).toBe(204);
    expect((note!.body!.data as { content?: string }).content).toMatch(/^whosaid is restarting/);
    expect(result.stdout).toContain('whosaid stopped');
  }

  // One bot start covers the ready line, an answer, `npm run reload` and SIGTERM: each start costs a
  // few seconds of CPU (node, tsx, discord.js, an engine worker), so the suite starts the bot twice.
  it('npm start logs one ready line and answers; npm run reload reloads it by signal; SIGTERM with an answer in flight finishes it, notes new commands, exits 0 within 5 s with state saved', async () => {
    let answered = false;
    let reloadOutput = '';
    let shutdown: Awaited<ReturnType<typeof signalWithAnswerInFlight>> | undefined;
    const result = await run(START, env, cwd, async (child, output) => {
      await until(() => output().includes('whosaid ready as'), 30_000, 'the ready line');
      const interaction = fake.slashCommand('ask', { question: 'what did Kallas say?' });
      const reply = await fake.replyTo(interaction, 20_000);
      answered = JSON.stringify(reply.embeds).includes('real troops and real capabilities');
      const reload = await run(RELOAD, { CORPUS_DIR: env.CORPUS_DIR as string, DATA_DIR: env.DATA_DIR as string }, cwd);
      reloadOutput = reload.stdout + reload.stderr;
      expect(reload.code).toBe(0);
      shutdown = await signalWithAnswerInFlight(child, output, 'SIGTERM');
    });
    await expectGracefulExit(result, Date.now(), shutdown!);
    expect(answered).toBe(true);
    const ready = result.stdout.split('\n').filter((line) => line.includes('whosaid ready as'));
    expect(ready).toHaveLength(1);
    expect(JSON.parse(ready[0]!).msg).toMatch(/^whosaid ready as whosaid#0001: 1 server, 5 articles, \d+ statements, \d+ people$/);
    expect(reloadOutput).toMatch(/Asked the bot \(pid \d+\) to reload/);
    expect(reloadOutput).toMatch(/Reloaded in [\d.]+ s: 5 articles, \d+ statements, \d+ people\./);
    expect(result.stdout).toMatch(/"requestedBy":"SIGHUP"/);
    expect(existsSync(path.join(cwd, 'data', 'whosaid-state.json'))).toBe(true);
    expect(existsSync(path.join(cwd, 'data', 'whosaid.pid'))).toBe(false);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  }, 60_000);

  it('SIGINT with an answer in flight: that answer is finished, new commands get a note, exit 0 within 5 s', async () => {
    let shutdown: Awaited<ReturnType<typeof signalWithAnswerInFlight>> | undefined;
    const result = await run(START, env, cwd, async (child, output) => {
      await until(() => output().includes('whosaid ready as'), 30_000, 'the ready line');
      shutdown = await signalWithAnswerInFlight(child, output, 'SIGINT');
    });
    await expectGracefulExit(result, Date.now(), shutdown!);
  });

  it('npm run reload with no bot running checks the corpus instead', async () => {
    const reload = await run(RELOAD, { CORPUS_DIR: env.CORPUS_DIR as string, DATA_DIR: env.DATA_DIR as string }, cwd);
    expect(reload.code).toBe(0);
    expect(reload.stdout).toMatch(/No running bot found/);
    expect(reload.stdout).toMatch(/Checked in [\d.]+ s: 5 articles/);
  });
});
