import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../src/answer/worker-engine.js';
import { tempCorpus } from './helpers.js';

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );

describe('saved index', () => {
  it('restores the index at start-up when the corpus is unchanged, and rebuilds when it changed', async () => {
    const { dir, cleanup } = await tempCorpus();
    const snapshotDir = path.join(dir, '..', 'snapshot');
    try {
      const first = await createWorkerEngine({ corpusDir: dir, snapshotDir });
      expect(first.startInfo).toEqual({ source: 'built', reason: 'no saved index' });
      const answer = await first.ask('what did Kallas say?');
      // Statements the articles cut where a quote meets paraphrase ("…on our part,” …, adding that …):
      // how each is shown is worked out at build and saved with the index.
      const cut = await first.ask('what did Zelenskyy say?');
      expect(cut.groups.some((g) => g.shown.cue === 'adding that')).toBe(true);
      await until(() => exists(path.join(snapshotDir, 'meta.json')), 'the saved index');
      await first.close();

      const second = await createWorkerEngine({ corpusDir: dir, snapshotDir });
      expect(second.startInfo).toEqual({ source: 'snapshot', reason: null });
      expect(await second.ask('what did Kallas say?')).toEqual(answer);
      expect(await second.ask('what did Zelenskyy say?')).toEqual(cut);
      expect((await second.ask('who said "if Ukraine falls"?')).speaker?.name).toBe('Friedrich Merz');
      // The first reload after a restore rebuilds in a new worker, then the index is saved again.
      await writeFile(path.join(dir, 'new.md'), '---\noutlet: The Herald\n---\n"Talks will go on," Kaja Kallas told reporters.\n');
      expect(await second.reload()).toMatchObject({ ok: true, added: ['new.md'], mode: 'rebuilt' });
      await second.close();

      await rm(path.join(dir, 'new.md'));
      const third = await createWorkerEngine({ corpusDir: dir, snapshotDir });
      expect(third.startInfo.source).toBe('built');
      expect(third.startInfo.reason).toMatch(/corpus changed|no saved index/);
      expect(await third.ask('what did Kallas say?')).toEqual(answer);
      await third.close();
    } finally {
      await cleanup();
    }
  });

  it('ignores a damaged saved index and builds', async () => {
    const { dir, cleanup } = await tempCorpus();
    const snapshotDir = path.join(dir, '..', 'snapshot');
    try {
      const first = await createWorkerEngine({ corpusDir: dir, snapshotDir });
      await until(() => exists(path.join(snapshotDir, 'meta.json')), 'the saved index');
      await first.close();
      await writeFile(path.join(snapshotDir, 'statements.json'), '{ truncated');
      const second = await createWorkerEngine({ corpusDir: dir, snapshotDir });
      expect(second.startInfo.source).toBe('built');
      expect(second.startInfo.reason).toMatch(/unreadable/);
      expect((await second.ask('what did Kallas say?')).outlets[0]?.outlet).toBe('AnewZ');
      await second.close();
    } finally {
      await cleanup();
    }
  });
});
