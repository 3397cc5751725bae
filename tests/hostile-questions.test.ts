import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { renderText, toContract } from '../src/answer/render.js';
import { mulberry32 } from '../bench/rng.js';
import { seedEngineOnce } from './helpers.js';

const FRAGMENTS = [
  '',
  ' ',
  '\t\n',
  'what did',
  'say',
  'about',
  'Kallas',
  'Zelenskyy',
  'zelenskiy',
  'Merz',
  'who said',
  '"if Ukraine falls"',
  'according to LBC',
  'in RFE/RL',
  '\u200b',
  '\u200f',
  '\u202e',
  '\u2066',
  '🙂',
  '🇺🇦',
  'e\u0301\u0301\u0301',
  'Зеленський',
  '習近平',
  'كالاس',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '$where',
  '{"term":"x"}',
  'term:',
  '~2',
  '*',
  '```js\nalert(1)\n```',
  '**bold**',
  '> quote',
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '"nested "quotes" here"',
  "'single'",
  '?',
  '!!!',
  'the EU foreign affairs chief',
  "Trump's envoy",
  'ceasefire',
  'NATO',
  '\u0000',
  '\r',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

function generate(random: () => number): string {
  const r = random();
  if (r < 0.01) return 'x'.repeat(6000);
  if (r < 0.02) return 'what did Kallas say '.repeat(400);
  const parts: string[] = [];
  const n = 1 + Math.floor(random() * 6);
  for (let i = 0; i < n; i++) parts.push(FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] as string);
  return parts.join(random() < 0.5 ? ' ' : '');
}

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngineOnce();
});

describe('hostile questions', () => {
  it('10,000 generated inputs each get an answer or a clear message, and every excerpt is article text', async () => {
    // A fixed seed: the same 10,000 inputs on every run.
    const random = mulberry32(20261127);
    const paragraphs = new Map(engine.corpus.articles.map((a) => [a.file, new Map(a.paragraphs.map((p) => [p.n, p.text]))]));
    let answered = 0;
    let explained = 0;
    for (let i = 0; i < 10_000; i++) {
      const question = generate(random);
      const result = await engine.ask(question);
      const contract = toContract(result);
      expect(() => JSON.stringify(contract)).not.toThrow();
      expect(typeof renderText(result)).toBe('string');
      if (result.outlets.length > 0) answered++;
      else {
        expect(result.notice, `no notice for ${JSON.stringify(question)}`).toBeTruthy();
        explained++;
      }
      for (const group of result.outlets) {
        for (const excerpt of group.excerpts) {
          const text = paragraphs.get(excerpt.article.file)?.get(excerpt.paragraph) ?? '';
          for (const piece of excerpt.text.split(' … ')) expect(text).toContain(piece);
        }
      }
    }
    expect(answered).toBeGreaterThan(500);
    expect(explained).toBeGreaterThan(500);
  });

  it('explains empty, whitespace-only and overlong questions', async () => {
    expect((await engine.ask('')).notice).toMatch(/Ask a question/);
    expect((await engine.ask(' \u200b\t ')).notice).toMatch(/Ask a question/);
    expect((await engine.ask('x'.repeat(6000))).notice).toMatch(/under 300/);
  });

  it('reads through invisible and direction characters', async () => {
    const answer = await engine.ask('what did Ka\u200bllas\u202e say?');
    expect(answer.speaker?.name).toBe('Kaja Kallas');
  });
});
