// The one engine process a sharded bot's shards ask (src/answer/shared-engine.ts), on the seed corpus:
// it answers, a death fails the calls meanwhile at once instead of leaving them waiting, it is started
// again from the saved index, and past the death limit it gives up and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineUnavailableError, SharedEngine, type EngineEvent } from '../src/answer/shared-engine.js';
import type { AnswerResult } from '../src/types.js';

async function until<T>(check: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the shared engine process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'whosaid-shared-engine-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers, fails fast while it restarts after a death, restores the saved index, and gives up past the limit', async () => {
    const events: EngineEvent[] = [];
    let gaveUp = false;
    // Where each engine process leaves its answers (the bot uses /dev/shm): a folder per process, each
    // answer read once and removed, the folder gone with its process.
    const spoolBase = path.join(dataDir, 'spool');
    await mkdir(spoolBase);
    const spoolFolders = async (): Promise<string[][]> => Promise.all((await readdir(spoolBase)).map(async (name) => readdir(path.join(spoolBase, name))));
    const engine = new SharedEngine({
      corpusDir: path.resolve('corpus'),
      snapshotDir: path.join(dataDir, 'index'),
      spoolBase,
      onEvent: (event) => events.push(event),
      maxDeaths: 1,
      onGiveUp: () => (gaveUp = true),
    });
    try {
      const first = await engine.start();
      expect(first).toMatchObject({ source: 'built', stats: { articles: 5 } });
      const answer = (await engine.call({ method: 'ask', args: ['what did Kallas say?'] })) as AnswerResult;
      expect(JSON.stringify(answer.outlets)).toContain('real troops and real capabilities');
      expect(await spoolFolders()).toEqual([[]]);

      process.kill(first.pid, 'SIGKILL');
      await until(() => events.some((e) => e.type === 'died'), 10_000, 'the death event');
      expect(events.some((e) => e.type === 'problem')).toBe(false);
      expect(engine.available).toBe(false);
      await expect(engine.call({ method: 'stats', args: [] })).rejects.toBeInstanceOf(EngineUnavailableError);
      // A reload asked meanwhile fails with a reason instead of hanging.
      expect(await engine.reload()).toMatchObject({ ok: false, error: expect.stringMatching(/try again in a moment/) });

      const again = await until(() => events.filter((e): e is Extract<EngineEvent, { type: 'ready' }> => e.type === 'ready')[1], 30_000, 'the second start');
      expect(again.source).toBe('snapshot');
      expect(again.pid).not.toBe(first.pid);
      expect(((await engine.call({ method: 'ask', args: ['what did Kallas say?'] })) as AnswerResult).outlets.length).toBeGreaterThan(0);
      // The dead process's folder went with it; the new one's holds nothing once its answer was read.
      expect(await spoolFolders()).toEqual([[]]);

      // A second death within the window is one more than maxDeaths: no new start, the owner is told.
      process.kill(again.pid, 'SIGKILL');
      await until(() => gaveUp, 10_000, 'giving up');
      expect(events.filter((e) => e.type === 'starting')).toHaveLength(2);
      expect(events.at(-1)).toEqual({ type: 'gave-up', deaths: 2 });
      await expect(engine.call({ method: 'outlets', args: [] })).rejects.toBeInstanceOf(EngineUnavailableError);
      expect(await spoolFolders()).toEqual([]);
    } finally {
      await engine.stop();
    }
  }, 90_000);

  it('answers over the IPC channel when its folder cannot be written, and says why once', async () => {
    const spoolBase = path.join(dataDir, 'spool-gone');
    await mkdir(spoolBase);
    const events: EngineEvent[] = [];
    const engine = new SharedEngine({
      corpusDir: path.resolve('corpus'),
      snapshotDir: path.join(dataDir, 'index'),
      spoolBase,
      onEvent: (event) => events.push(event),
    });
    try {
      await engine.start();
      // As a tmpfs that filled up or was cleared under the bot: the process's folder is gone.
      for (const name of await readdir(spoolBase)) await rm(path.join(spoolBase, name), { recursive: true });
      for (let i = 0; i < 2; i++) {
        const answer = (await engine.call({ method: 'ask', args: ['what did Kallas say?'] })) as AnswerResult;
        expect(JSON.stringify(answer.outlets)).toContain('real troops and real capabilities');
      }
      const problems = events.filter((e): e is Extract<EngineEvent, { type: 'problem' }> => e.type === 'problem');
      expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/crossed the IPC channel: could not write it to .*ENOENT/)]);
    } finally {
      await engine.stop();
    }
  }, 60_000);

  it('answers over the IPC channel alone when it has no folder to leave them in', async () => {
    const engine = new SharedEngine({ corpusDir: path.resolve('corpus'), snapshotDir: path.join(dataDir, 'index'), spoolBase: null });
    try {
      await engine.start();
      const answer = (await engine.call({ method: 'ask', args: ['what did Kallas say?'] })) as AnswerResult;
      expect(JSON.stringify(answer.outlets)).toContain('real troops and real capabilities');
    } finally {
      await engine.stop();
    }
  }, 60_000);
});
