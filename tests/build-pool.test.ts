// A build spread over worker threads must be the in-thread build, to the byte and in the same order:
// articles, load problems, people, mentions and statements. A worker that dies must not lose files.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, ensureCorpus } from '../bench/synthetic.js';
import type { BuildCaches, BuiltCorpus } from '../src/answer/build.js';
import { buildCorpus, newCaches } from '../src/answer/build.js';
import type { BuildThreads } from '../src/answer/build-pool.js';
import { buildThreadsFromEnv } from '../src/answer/build-pool.js';
import { buildWorkersSetting } from '../src/config.js';
import { SEED_CORPUS } from './helpers.js';

const IN_THREAD: BuildThreads = { threads: 1, minFiles: 0 };
const POOLED: BuildThreads = { threads: 2, minFiles: 0 };

/** Everything a build gives a reader, part by part, in its order (the index's statements with their outlets and dates). */
function everything(corpus: BuiltCorpus): Record<string, string> {
  const { articles, problems, people, mentionedIn } = corpus;
  const parts = { articles, problems, people, mentionedIn, statements: corpus.index.statements };
  return Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, JSON.stringify(part)]));
}

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'whosaid-build-pool-'));
  dir = path.join(root, 'corpus');
  // Synthetic articles, the seed articles (with their sources.json), saved web pages, and the files a
  // load must report or fold: an empty one, a binary one, a copy of another, a date without a year.
  ensureCorpus(80, DEFAULT_SEED, path.join(dir, 'synthetic'));
  cpSync(SEED_CORPUS, dir, { recursive: true });
  cpSync(path.join(import.meta.dirname, 'fixtures', 'pages'), path.join(dir, 'pages'), { recursive: true });
  mkdirSync(path.join(dir, 'odd'));
  writeFileSync(path.join(dir, 'odd', 'empty.md'), '');
  writeFileSync(path.join(dir, 'odd', 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
  cpSync(path.join(dir, '001_1e2a7e3d238997d2.txt'), path.join(dir, 'odd', 'copy-of-001.txt'));
  writeFileSync(
    path.join(dir, 'odd', 'yearless.md'),
    '---\noutlet: Harbour Times\n---\nTalks resume in the capital\n\nThe mayor, Ilona Varga, spoke on December 14 at the town hall.\n\n"We will rebuild the harbour," Varga said.\n',
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a build on worker threads', () => {
  it('gives exactly the in-thread build: articles, problems, people, mentions and statements, in order', async () => {
    const alone = await buildCorpus(dir, undefined, undefined, { threads: IN_THREAD });
    const pooled = await buildCorpus(dir, undefined, undefined, { threads: POOLED });
    expect(alone.timings.threads).toBe(1);
    expect(pooled.timings.threads).toBe(2);
    expect(alone.corpus.problems.map((p) => p.file).sort()).toEqual(['odd/binary.txt', 'odd/empty.md']);
    expect(alone.corpus.articles.find((a) => a.file === '001_1e2a7e3d238997d2.txt')?.alsoAt).toEqual(['odd/copy-of-001.txt']);
    expect(alone.corpus.articles.find((a) => a.file === 'odd/yearless.md')?.date).toMatch(/-12-14$/);
    expect(alone.corpus.index.statements.length).toBeGreaterThan(100);
    expect(everything(pooled.corpus)).toStrictEqual(everything(alone.corpus));
  });

  it('fills the reload caches as an in-thread build does, so a reload redoes only what changed', async () => {
    const caches: BuildCaches = newCaches();
    const first = await buildCorpus(dir, caches, undefined, { threads: POOLED });
    expect(first.timings.threads).toBe(2);
    expect(caches.extractions.size).toBe(first.corpus.articles.length);
    expect(caches.stamps.size).toBe(first.corpus.articles.length + 1); // the copy has a stamp of its own
    const changed = path.join(dir, 'odd', 'yearless.md');
    writeFileSync(changed, '---\noutlet: Harbour Times\ndate: 2025-12-20\n---\nTalks end\n\n"The harbour is open," Ilona Varga said.\n');
    try {
      const reload = await buildCorpus(dir, caches, undefined, { threads: POOLED });
      const fresh = await buildCorpus(dir, undefined, undefined, { threads: IN_THREAD });
      expect(everything(reload.corpus)).toStrictEqual(everything(fresh.corpus));
      expect(reload.corpus.index.statements.some((s) => s.text.startsWith('The harbour is open'))).toBe(true);
    } finally {
      writeFileSync(
        changed,
        '---\noutlet: Harbour Times\n---\nTalks resume in the capital\n\nThe mayor, Ilona Varga, spoke on December 14 at the town hall.\n\n"We will rebuild the harbour," Varga said.\n',
      );
    }
  });

  it('reads the files of a worker that dies in the remaining threads, says so, and still gives the in-thread build', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      if (w.name === 'BuildWorkerWarning') warnings.push(w.message);
    };
    process.on('warning', onWarning);
    try {
      // A heap far too small for the attribution's modules: the real worker runs out of memory starting.
      const starved = await buildCorpus(dir, undefined, undefined, {
        threads: { ...POOLED, limits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } },
      });
      const alone = await buildCorpus(dir, undefined, undefined, { threads: IN_THREAD });
      expect(everything(starved.corpus)).toStrictEqual(everything(alone.corpus));
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^a build worker failed \(.+\); its files are read in the remaining threads$/);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('stays in one thread below the threshold, and takes its thread count from BUILD_WORKERS', async () => {
    const small = await buildCorpus(SEED_CORPUS, undefined, undefined, { threads: { threads: 2, minFiles: 300 } });
    expect(small.timings.threads).toBe(1);
    expect(buildThreadsFromEnv({ BUILD_WORKERS: '3' }).threads).toBe(3);
    expect(buildWorkersSetting({}, 2)).toBe(1);
    expect(buildWorkersSetting({ BUILD_WORKERS: '' }, 8)).toBe(4);
    expect(buildWorkersSetting({}, 3)).toBe(3);
    expect(buildThreadsFromEnv({ BUILD_WORKERS: '1' }).threads).toBe(1);
    expect(() => buildThreadsFromEnv({ BUILD_WORKERS: '0' })).toThrow('BUILD_WORKERS must be at least 1 (1 = no worker threads)');
    expect(() => buildThreadsFromEnv({ BUILD_WORKERS: 'two' })).toThrow('BUILD_WORKERS must be a whole number of threads');
  });
});
