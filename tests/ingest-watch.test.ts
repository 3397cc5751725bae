import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchCorpus } from '../src/ingest/watch.js';

describe('watching the corpus folder', () => {
  it('waits for a quiet moment, hands over one batch of article files, and skips temp files and other names', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'whosaid-watch-'));
    const batches: string[][] = [];
    const watcher = watchCorpus(dir, {
      quietMs: 400,
      onChange: async (files) => void batches.push(files.sort()),
      onError: (e) => {
        throw e;
      },
    });
    try {
      await watcher.ready;
      await writeFile(path.join(dir, '.whosaid-abc.tmp'), 'half an article');
      await writeFile(path.join(dir, 'notes.pdf'), '%PDF');
      // A file copied in pieces: each piece comes before the quiet period ends.
      await writeFile(path.join(dir, 'story.txt'), 'Headline\n\n');
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 150));
        await appendFile(path.join(dir, 'story.txt'), `Paragraph ${i}, the minister said.\n\n`);
      }
      await mkdir(path.join(dir, 'added'));
      await writeFile(path.join(dir, 'added', 'page.html'), '<p>x</p>');
      const deadline = Date.now() + 10_000;
      while (batches.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 800));
      expect(batches).toHaveLength(1);
      expect(batches[0]).toEqual(expect.arrayContaining(['added/page.html', 'story.txt']));
      expect(batches[0]?.some((f) => f.includes('.whosaid-') || f.endsWith('.pdf'))).toBe(false);

      // While held (a feed poll writing several files), changes wait and then go as one batch.
      const release = watcher.hold();
      await writeFile(path.join(dir, 'later.md'), 'Later\n\nText, he said.\n');
      await new Promise((r) => setTimeout(r, 900));
      expect(batches).toHaveLength(1);
      release();
      const until = Date.now() + 10_000;
      while (batches.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(batches[1]).toEqual(['later.md']);
    } finally {
      await watcher.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
