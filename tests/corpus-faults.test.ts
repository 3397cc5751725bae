import { execFileSync } from 'node:child_process';
import { mkdir, open, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine, buildCorpus } from '../src/answer/engine.js';
import { createEngine } from '../src/answer/reload.js';
import { loadCorpus } from '../src/corpus/load.js';
import { withTempCorpus } from './helpers.js';

/** 0 → "a", 25 → "z", 26 → "ba": distinct letter-only surnames. */
function letters(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0);
  return s;
}

describe('corpus faults', () => {
  it('reads CRLF and old Mac line ends like Unix ones', async () => {
    await withTempCorpus(async (dir) => {
      const body = ['Mayor backs bridge plan', '', '"We will build it," Mayor Ines Duarte said.', '', 'She added that work starts in May.'];
      await writeFile(path.join(dir, 'crlf.txt'), body.join('\r\n'));
      await writeFile(path.join(dir, 'cr.txt'), body.join('\r').replace('Ines Duarte', 'Ana Ruiz'));
      const engine = new Engine((await buildCorpus(dir)).corpus);
      for (const name of ['Ines Duarte', 'Ana Ruiz']) {
        const answer = await engine.ask(`what did ${name} say?`);
        const texts = answer.outlets.flatMap((o) => o.excerpts.map((e) => e.text));
        expect(texts).toEqual(['We will build it', 'work starts in May']);
      }
    });
  });

  it('reports a file that vanished before it was read, and a pipe posing as an article', async () => {
    await withTempCorpus(async (dir) => {
      // A link whose file was deleted is what a reload meets when a file goes away under it.
      await writeFile(path.join(dir, 'soon-gone.txt'), 'The mayor said the bridge will open in May.');
      await symlink(path.join(dir, 'soon-gone.txt'), path.join(dir, 'gone.txt'));
      await rm(path.join(dir, 'soon-gone.txt'));
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
      const { articles, problems } = await loadCorpus(dir);
      expect(problems).toEqual([
        { file: 'gone.txt', reason: expect.stringMatching(/ENOENT/) },
        { file: 'pipe.txt', reason: 'not a regular file' },
      ]);
      expect(articles).toHaveLength(5);
    });
  });

  it('refuses a 50 MB file by name and loads the rest', async () => {
    await withTempCorpus(async (dir) => {
      const handle = await open(path.join(dir, 'huge.txt'), 'w');
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
      const { articles, problems } = await loadCorpus(dir);
      expect(problems).toEqual([{ file: 'huge.txt', reason: expect.stringMatching(/too large \(50\.0 MB/) }]);
      expect(articles).toHaveLength(5);
    });
  });

  it('loads 10,000 tiny files', async () => {
    await withTempCorpus(async (dir) => {
      const many = path.join(dir, 'many');
      await mkdir(many);
      for (let i = 0; i < 10_000; i += 500) {
        await Promise.all(
          Array.from({ length: 500 }, (_, k) =>
            writeFile(
              path.join(many, `n${i + k}.md`),
              `---\noutlet: Wire ${(i + k) % 7}\n---\nCouncillor Sam Patel${letters(i + k)} said the vote on item ${i + k} passed.\n`,
            ),
          ),
        );
      }
      const { corpus } = await buildCorpus(dir);
      expect(corpus.problems).toEqual([]);
      expect(corpus.articles).toHaveLength(10_005);
      const engine = new Engine(corpus);
      const answer = await engine.ask('who said "the vote on item 9999 passed"?');
      expect(answer.outlets.flatMap((o) => o.excerpts.map((e) => `${e.article.file}: ${e.text}`))).toEqual(['many/n9999.md: the vote on item 9999 passed']);
    });
  }, 120_000);

  it('a reload that finds no readable article keeps the old index serving', async () => {
    await withTempCorpus(async (dir) => {
      const engine = await createEngine({ corpusDir: dir });
      await rm(dir, { recursive: true });
      await mkdir(dir);
      await writeFile(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
      const report = await engine.reload();
      expect(report.ok).toBe(false);
      expect(report.error).toMatch(/no article could be read/);
      expect((await engine.ask('what did Kallas say?')).outlets[0]?.outlet).toBe('AnewZ');
    });
  });

  it('a reload reports what changed and each file that failed', async () => {
    await withTempCorpus(async (dir) => {
      const engine = await createEngine({ corpusDir: dir });
      await rm(path.join(dir, '002_190b2f4bf00dd89e.txt'));
      await writeFile(path.join(dir, 'new.md'), '---\noutlet: The Herald\n---\n"Talks will go on," Kaja Kallas told reporters.\n');
      await writeFile(path.join(dir, 'bad.txt'), Buffer.from([0x00, 0x00]));
      const report = await engine.reload();
      expect(report).toMatchObject({ ok: true, added: ['new.md'], removed: ['002_190b2f4bf00dd89e.txt'], changed: [], articles: 5 });
      expect(report.problems).toEqual([
        { file: 'sources.json', reason: 'names 002_190b2f4bf00dd89e.txt, which is not in the corpus' },
        { file: 'bad.txt', reason: expect.stringMatching(/binary/) },
      ]);
      const outlets = (await engine.ask('what did Kallas say?')).outlets.map((o) => o.outlet);
      expect(outlets).toEqual(['AnewZ', 'The Herald']);
    });
  });
});
