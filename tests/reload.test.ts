import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/answer/reload.js';
import { createWorkerEngine } from '../src/answer/worker-engine.js';
import { tempCorpus } from './helpers.js';

const LBC = '002_190b2f4bf00dd89e.txt';

describe('reloading the corpus', () => {
  it('patches the live index when one file changed, and answers from the new text', async () => {
    const { dir, cleanup } = await tempCorpus();
    try {
      const engine = await createEngine({ corpusDir: dir });
      const before = engine.engine().corpus.index;
      const text = await readFile(path.join(dir, LBC), 'utf8');
      await writeFile(path.join(dir, LBC), text.replace("If Ukraine falls, he won't stop", 'If Kyiv falls, he will not stop'));
      const report = await engine.reload();
      expect(report).toMatchObject({ ok: true, changed: [LBC], added: [], removed: [], mode: 'patched' });
      const after = engine.engine().corpus.index;
      expect(after.db).toBe(before.db); // patched in place, not rebuilt
      expect((await engine.ask('who said "if Kyiv falls"?')).speaker?.name).toBe('Friedrich Merz');
      expect((await engine.ask('who said "if Ukraine falls"?')).speaker).toBeNull();
      expect(report.statements).toBe(before.statements.length);
      // Only the changed statement was replaced; every other one kept its place in the index.
      expect(after.removed.size - before.removed.size).toBe(1);
      expect(after.statements.length - before.statements.length).toBe(1);
      // The statements left live are those a fresh build of the same files reads.
      const live = (index: typeof after): string[] =>
        index.statements
          .filter((_, k) => !index.removed.has(k))
          .map((s) => [s.file, s.paragraph, s.speaker, s.kind, s.text, s.cue].join('|'))
          .sort();
      expect(live(after)).toEqual(live((await createEngine({ corpusDir: dir })).engine().corpus.index));
    } finally {
      await cleanup();
    }
  });

  it('the worker engine patches small changes and rebuilds in a new worker when asked to', async () => {
    const { dir, cleanup } = await tempCorpus();
    const engine = await createWorkerEngine({ corpusDir: dir });
    try {
      await rm(path.join(dir, LBC));
      const patched = await engine.reload();
      expect(patched).toMatchObject({ ok: true, removed: [LBC], articles: 4, mode: 'patched' });
      expect((await engine.ask('what did Merz say')).outlets).toEqual([]);
      const second = Promise.all([engine.reload(), engine.reload()]);
      const [a, b] = await second;
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      expect([a.error, b.error].join()).toMatch(/already running/);
      expect((await engine.ask('what did Kallas say?')).outlets[0]?.outlet).toBe('AnewZ');
      // Over a thousand new statements: a new worker builds a fresh index while the old one answers.
      await Promise.all(
        Array.from({ length: 1200 }, (_, i) =>
          writeFile(path.join(dir, `wire-${i}.md`), `---\noutlet: Wire\n---\n"Item ${i} is settled," Mayor Ana Lopez said.\n`),
        ),
      );
      const pending = engine.reload();
      expect((await engine.ask('what did Kallas say?')).outlets[0]?.outlet).toBe('AnewZ');
      const rebuilt = await pending;
      expect(rebuilt).toMatchObject({ ok: true, mode: 'rebuilt', articles: 1204 });
      expect(rebuilt.added).toHaveLength(1200);
      expect((await engine.ask('who said "item 1199 is settled"')).speaker?.name).toBe('Ana Lopez');
    } finally {
      await engine.close();
      await cleanup();
    }
  });
});

describe('a dying engine worker', () => {
  it('is replaced, and questions asked meanwhile are answered by the new one', async () => {
    const problems: string[] = [];
    const engine = await createWorkerEngine({ corpusDir: path.resolve('corpus'), onProblem: (m) => problems.push(m) });
    try {
      const first = engine.worker();
      await first.terminate(); // as a crash would end it
      const answer = await engine.ask('what did Kallas say?');
      expect(answer.outlets[0]?.outlet).toBe('AnewZ');
      expect(engine.worker()).not.toBe(first);
      expect(problems.join('\n')).toMatch(/engine worker died .*starting a new one/);
    } finally {
      await engine.close();
    }
  });
});

describe('a reload told which files changed (the folder watcher)', () => {
  it("reads only those files: a new one is answerable, a removed one is gone, other files' problems stay reported", async () => {
    const { createEngine } = await import('../src/answer/reload.js');
    const { withTempCorpus } = await import('./helpers.js');
    const { writeFile: write, rm: remove, appendFile } = await import('node:fs/promises');
    const path = await import('node:path');
    await withTempCorpus(async (dir) => {
      await write(path.join(dir, 'broken.txt'), '');
      const engine = await createEngine({ corpusDir: dir });
      expect((await engine.stats()).problems.map((p) => p.file)).toContain('broken.txt');
      await write(
        path.join(dir, 'new.txt'),
        'Danish leader backs Ukraine\n\n“We will not let Ukraine stand alone,” Danish Prime Minister Mette Frederiksen told reporters.\n',
      );
      // A change the hint does not name is not looked at (the watcher names every change it sees).
      await appendFile(path.join(dir, '003_9d8285dfcdeb9e65.txt'), '\n“This line is not read yet,” Zelenskiy said.\n');
      const added = await engine.reload(['new.txt']);
      expect(added).toMatchObject({ ok: true, added: ['new.txt'], changed: [], removed: [] });
      expect(added.problems.map((p) => p.file)).toEqual(['broken.txt']);
      expect(JSON.stringify((await engine.ask('what did Frederiksen say?')).outlets)).toContain('We will not let Ukraine stand alone');
      expect(JSON.stringify((await engine.ask('who said "this line is not read yet"?')).outlets)).not.toContain('not read yet');
      await remove(path.join(dir, 'new.txt'));
      const removed = await engine.reload(['new.txt']);
      expect(removed).toMatchObject({ ok: true, added: [], removed: ['new.txt'] });
      expect((await engine.ask('what did Frederiksen say?')).outlets).toEqual([]);
      // A reload without the hint looks at everything again.
      const full = await engine.reload();
      expect(full.changed).toEqual(['003_9d8285dfcdeb9e65.txt']);
    });
  });
});
