// A serving engine asks itself questions before its first user (see src/answer/warm-up.ts): each kind
// of question must really be answered (a question that only earns a notice compiles nothing of the
// answer path), and afterwards the engine must answer everyone exactly as an engine never warmed.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, ensureCorpus } from '../bench/synthetic.js';
import { buildCorpus, Engine } from '../src/answer/engine.js';
import { warmUp, warmUpQuestionsFor } from '../src/answer/warm-up.js';
import { SEED_CORPUS } from './helpers.js';

let root: string;
let dir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'whosaid-warm-up-'));
  dir = path.join(root, 'corpus');
  ensureCorpus(200, DEFAULT_SEED, path.join(dir, 'synthetic'));
  cpSync(SEED_CORPUS, dir, { recursive: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const engineOf = async (): Promise<Engine> => new Engine((await buildCorpus(dir)).corpus);

describe('the warm-up before the first question', () => {
  it('asks every kind of question about the most quoted people, and each is answered with excerpts', async () => {
    const engine = await engineOf();
    const { asked, compared } = warmUpQuestionsFor(engine);
    const top = engine
      .stats()
      .topSpeakers.slice(0, 3)
      .map((s) => s.name);
    for (const name of top) {
      expect(asked).toContain(`what did ${name} say?`);
      expect(asked.some((q) => q.startsWith(`what did ${name} say about `))).toBe(true);
      expect(asked.some((q) => q.startsWith(`what did ${name} say in `))).toBe(true);
    }
    expect(asked.filter((q) => q.startsWith('who said "'))).toHaveLength(6);
    for (const question of asked) {
      const answer = await engine.ask(question);
      expect({ question, excerpts: answer.outlets.length > 0, notice: answer.notice }).toMatchObject({ question, excerpts: true });
      if (question.includes(' in ')) expect(answer.span, question).not.toBeNull();
    }
    expect(compared).toHaveLength(3);
    for (const [person, topic] of compared) expect((await engine.compare(person, topic)).speaker?.name).toBe(person);
  });

  it('leaves nothing it worked out behind: a warmed engine answers exactly as one never warmed', async () => {
    const [warmed, fresh] = [await engineOf(), await engineOf()];
    expect(await warmUp(warmed)).toBeGreaterThan(20);
    expect(warmed.corpus.index.topicCache.size).toBe(0);
    const { asked } = warmUpQuestionsFor(fresh);
    const questions = [...asked, 'what did Kallas say?', 'what did Zelenskyy say about security guarantees?', 'war', 'who said "security guarantees"?'];
    for (const question of questions) expect(await warmed.ask(question), question).toEqual(await fresh.ask(question));
  });

  it('stops when its time is up and still forgets what it cached', async () => {
    const engine = await engineOf();
    expect(await warmUp(engine, 0)).toBe(0);
    expect(await warmUp(engine, Number.POSITIVE_INFINITY)).toBeGreaterThan(0);
    expect(engine.corpus.index.topicCache.size).toBe(0);
  });
});
