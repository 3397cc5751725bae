// A reload told that new files arrived builds on the live engine (only the new articles are read,
// attributed, merged and indexed) and must end where a full build of the same folder ends.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, ensureCorpus } from '../bench/synthetic.js';
import type { BuiltCorpus } from '../src/answer/build.js';
import { buildCorpus, newCaches } from '../src/answer/build.js';
import { Engine } from '../src/answer/engine.js';
import { engineWithNewFiles } from '../src/answer/new-files.js';
import { createEngine } from '../src/answer/reload.js';
import { withTempCorpus } from './helpers.js';

/** What a reader can tell apart: each person's record, each statement and where each person is mentioned. */
function view(corpus: BuiltCorpus) {
  const people = Object.fromEntries(corpus.people.map((p) => [p.id, { name: p.name, aliases: p.aliases, roles: p.roles, kind: p.kind }]));
  const live = corpus.index.statements.filter((_, k) => !corpus.index.removed.has(k));
  const statements = live.map((s) => `${s.speaker}|${s.file}|${s.paragraph}|${s.outlet}|${s.date}|${s.text}`).sort();
  const mentions = Object.fromEntries(Object.entries(corpus.mentionedIn).map(([id, files]) => [id, [...files].sort()]));
  const articles = corpus.articles.map((a) => `${a.file}|${a.title}|${a.date}|${a.outlet}`).sort();
  return { people, statements, mentions, articles };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('a reload told that only new files arrived', () => {
  it('ends where a full build of the folder ends, article after article', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'whosaid-new-files-'));
    roots.push(root);
    const dir = path.join(root, 'corpus');
    const held = path.join(root, 'held');
    ensureCorpus(160, DEFAULT_SEED, dir);
    mkdirSync(held);
    // Twelve articles from across the outlets arrive one by one, as a feed's would.
    const all = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    const arriving = all.filter((_, i) => i % Math.floor(all.length / 12) === 5).slice(0, 12);
    expect(arriving).toHaveLength(12);
    const heldName = (name: string): string => path.join(held, name.replaceAll('/', '__'));
    for (const name of arriving) renameSync(path.join(dir, name), heldName(name));

    const caches = newCaches();
    let engine = new Engine((await buildCorpus(dir, caches)).corpus);
    let fast = 0;
    for (const name of arriving) {
      renameSync(heldName(name), path.join(dir, name));
      const outcome = await engineWithNewFiles(dir, caches, engine, [name]);
      if (outcome) {
        fast++;
        expect(outcome.report).toMatchObject({ ok: true, added: [name], changed: [], removed: [], mode: 'patched' });
        expect(outcome.next.corpus.index.db).toBe(engine.corpus.index.db);
        engine = outcome.next;
      } else {
        engine = new Engine((await buildCorpus(dir, caches)).corpus);
      }
      const full = (await buildCorpus(dir)).corpus;
      expect(view(engine.corpus)).toEqual(view(full));
      expect(engine.stats().statements).toBe(new Engine(full).stats().statements);
    }
    // Most arrivals merge without the full path; a refusal is allowed only where order could matter.
    expect(fast).toBeGreaterThanOrEqual(8);
  });

  it('answers from the new article at once, and quotes a known person under the id they already had', async () => {
    await withTempCorpus(async (dir) => {
      const engine = await createEngine({ corpusDir: dir });
      const kallasBefore = (await engine.ask('what did Kallas say?')).speaker;
      writeFileSync(
        path.join(dir, 'nordic.txt'),
        'Nordic leaders back Kyiv\n\n“We will not let Ukraine stand alone,” Danish Prime Minister Mette Frederiksen told reporters on Tuesday.\n\n“Europe must stay the course,” Kaja Kallas said.\n',
      );
      const report = await engine.reload(['nordic.txt']);
      expect(report).toMatchObject({ ok: true, added: ['nordic.txt'], mode: 'patched' });
      const answer = await engine.ask('what did Mette Frederiksen say?');
      expect(JSON.stringify(answer.outlets)).toContain('stand alone');
      const kallas = await engine.ask('what did Kallas say?');
      expect(kallas.speaker?.name).toBe(kallasBefore?.name);
      expect(JSON.stringify(kallas.outlets)).toContain('stay the course');
      const full = await createEngine({ corpusDir: dir });
      expect(view(engine.engine().corpus)).toEqual(view(full.engine().corpus));
    });
  });

  it('leaves a changed file, a duplicate text and a folder to the full path', async () => {
    await withTempCorpus(async (dir) => {
      const caches = newCaches();
      const engine = new Engine((await buildCorpus(dir, caches)).corpus);
      const existing = engine.corpus.articles[0]?.file as string;
      expect(await engineWithNewFiles(dir, caches, engine, [existing])).toBeNull();
      const copy = path.join(dir, 'copy-of-first.txt');
      writeFileSync(copy, readFileSync(path.join(dir, existing)));
      expect(await engineWithNewFiles(dir, caches, engine, ['copy-of-first.txt'])).toBeNull();
      mkdirSync(path.join(dir, 'later.txt'));
      expect(await engineWithNewFiles(dir, caches, engine, ['later.txt'])).toBeNull();
    });
  });
});
