import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import type { GoldQuestion } from '../src/eval/seeds.js';
import { checkQuestions, parseGoldStatements, scoreStatements } from '../src/eval/seeds.js';
import { FIXTURES, seedEngineOnce } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngineOnce();
});

describe('attribution on the seed articles', () => {
  it('finds at least 95% of the gold statements with at least 90% precision', async () => {
    const gold = parseGoldStatements(await readFile(path.join(FIXTURES, 'seed-statements.jsonl'), 'utf8'));
    const score = scoreStatements(engine, gold);
    expect(score.missed.map((m) => `${m.speaker}: ${m.snippet}`)).toEqual([]);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('attributes nothing to Kushner, who is only mentioned', () => {
    const kushner = engine.corpus.people.find((p) => p.name === 'Jared Kushner');
    expect(kushner).toBeDefined();
    expect(engine.corpus.index.statements.filter((s) => s.speaker === kushner?.id)).toEqual([]);
  });

  it('keeps one record per person with the spellings met in the corpus', () => {
    const zelenskyy = engine.corpus.people.filter((p) => /zelensk/i.test(p.name));
    expect(zelenskyy).toHaveLength(1);
    expect(zelenskyy[0]?.name).toBe('Volodymyr Zelenskyy');
    expect(zelenskyy[0]?.aliases).toEqual(expect.arrayContaining(['Volodymyr Zelenskiy', 'Mr Zelensky', 'Mr Zelenskyy']));
    const kallas = engine.corpus.people.find((p) => p.name === 'Kaja Kallas');
    expect(kallas?.roles).toContain('EU foreign affairs chief');
  });
});

describe('seed questions', () => {
  it('answers every gold question with the listed excerpts and absences', async () => {
    const questions = JSON.parse(await readFile(path.join(FIXTURES, 'seed-questions.json'), 'utf8')) as GoldQuestion[];
    const checks = await checkQuestions(engine, questions);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('says so when nobody has that name and offers close names', async () => {
    const answer = await engine.ask('what did Zelenskky say?');
    expect(answer.speaker?.name).toBe('Volodymyr Zelenskyy');
    const nobody = await engine.ask('what did Lytvin Kallass say?');
    expect(nobody.speaker).toBeNull();
    expect(nobody.notice).toMatch(/No one by the name/);
    const suggested = await engine.ask('what did Kalas say about money?');
    expect(suggested.speaker?.name ?? suggested.suggestions.join()).toMatch(/Kallas/);
  });

  it('narrows to an outlet with "according to"', async () => {
    const answer = await engine.ask('what did Zelenskyy say according to LBC');
    expect(answer.outlets.map((o) => o.outlet)).toEqual(['LBC']);
  });

  it('keeps statements that match a topic only by a stemmed form', async () => {
    const answer = await engine.ask('what did Zelenskyy say about guaranteed security?');
    const texts = answer.outlets.flatMap((o) => o.excerpts.map((e) => e.text));
    expect(texts.some((t) => /guarantees/.test(t))).toBe(true);
  });

  it('answers a topic asked without a person, by anyone who spoke on it', async () => {
    const answer = await engine.ask('what was said about the ceasefire?');
    expect(answer.parsed).toEqual({ type: 'topic', topic: 'ceasefire', outlet: null, span: null });
    const speakers = new Set(answer.outlets.flatMap((o) => o.excerpts.map((e) => e.speaker)));
    expect([...speakers]).toEqual(['Volodymyr Zelenskyy']);
    expect(answer.outlets.map((o) => o.outlet).sort()).toEqual(['CNA', 'cashwinner.info']);
  });

  it('reports the phrase as unattributed when only article text has it', async () => {
    const answer = await engine.ask('who said "Europe\'s bloodiest conflict"?');
    expect(answer.speaker).toBeNull();
    expect(answer.outlets.flatMap((o) => o.excerpts.map((e) => e.kind))).toContain('passage');
  });
});
