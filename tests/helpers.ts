// Shared test helpers: the seed engine built once per test file, and temp corpora.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine, buildCorpus } from '../src/answer/engine.js';

export const SEED_CORPUS = path.resolve('corpus');
export const FIXTURES = path.resolve('tests/fixtures');

let seedEngine: Promise<Engine> | null = null;
export function seedEngineOnce(): Promise<Engine> {
  seedEngine ??= buildCorpus(SEED_CORPUS).then(({ corpus }) => new Engine(corpus));
  return seedEngine;
}

/** A copy of the seed corpus in a temp folder, removed by the returned cleanup. */
export async function tempCorpus(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'whosaid-'));
  const dir = path.join(root, 'corpus');
  await cp(SEED_CORPUS, dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Runs `fn` on a fresh copy of the seed corpus and removes the copy afterwards, whatever happens. */
export async function withTempCorpus<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const { dir, cleanup } = await tempCorpus();
  try {
    return await fn(dir);
  } finally {
    await cleanup();
  }
}
