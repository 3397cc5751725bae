// Dates in questions: the span each phrase means (from an injected clock), and the statements a
// dated question keeps — exactly those inside the span, first and last day included, undated ones
// left out and counted — whatever the machine's time zone.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSpan, parseBound, takeSpan } from '../src/answer/dates.js';
import { Engine, buildCorpus } from '../src/answer/engine.js';
import { toContract } from '../src/answer/render.js';
import { interpretFollowUp } from '../src/discord/followups.js';
import type { AnswerResult } from '../src/types.js';

/** Wednesday 17 December 2025, noon on the bot's clock. */
const NOW = new Date(2025, 11, 17, 12, 0, 0);

describe('date phrases', () => {
  const cases: [string, string, string | null, string | null][] = [
    ['what did Zelenskyy say this week', 'what did Zelenskyy say', '2025-12-15', '2025-12-21'],
    ['what did Kallas say today', 'what did Kallas say', '2025-12-17', '2025-12-17'],
    ['what did Merz say yesterday?', 'what did Merz say?', '2025-12-16', '2025-12-16'],
    ['what did Kallas say since 14 December', 'what did Kallas say', '2025-12-14', null],
    ['Kallas in December 2025', 'Kallas', '2025-12-01', '2025-12-31'],
    ['what did Kallas say between 1 and 10 December', 'what did Kallas say', '2025-12-01', '2025-12-10'],
    ['Kallas on NATO before 15 Dec', 'Kallas on NATO', null, '2025-12-14'],
    ['what did Kallas say last month', 'what did Kallas say', '2025-11-01', '2025-11-30'],
    ['what did Kallas say last week', 'what did Kallas say', '2025-12-08', '2025-12-14'],
    ['what did Witkoff say according to LBC from 2025-12-14 to 2025-12-20', 'what did Witkoff say according to LBC', '2025-12-14', '2025-12-20'],
    ['what did Kallas say after 10 December', 'what did Kallas say', '2025-12-11', null],
    ['what did Kallas say since 1 Dec and before 15 Dec', 'what did Kallas say', '2025-12-01', '2025-12-14'],
  ];
  it.each(cases)('%s', (question, rest, from, to) => {
    const taken = takeSpan(question, NOW);
    expect(taken.rest).toBe(rest);
    expect(taken.span).toEqual({ from, to });
  });

  it('leaves names, topics and quoted words that only look like dates alone', () => {
    for (const question of [
      'what did March say',
      'what did Kallas say about May',
      'what did Trump say about the 28-point plan',
      'Merz on G7',
      'who said "in 2025 we will"',
      'what did Kallas say about the 2024 election',
    ]) {
      expect(takeSpan(question, NOW), question).toEqual({ rest: question, span: null });
    }
  });

  it('puts a day or month without a year in the past, never ahead of the clock', () => {
    expect(takeSpan('Kallas since 14 December', new Date(2026, 11, 2, 12)).span).toEqual({ from: '2025-12-14', to: null });
    expect(takeSpan('Kallas in March', NOW).span).toEqual({ from: '2025-03-01', to: '2025-03-31' });
  });

  it('writes spans in absolute dates', () => {
    expect(formatSpan({ from: '2025-12-14', to: '2025-12-20' })).toBe('14–20 Dec 2025');
    expect(formatSpan({ from: '2025-11-28', to: '2025-12-03' })).toBe('28 Nov – 3 Dec 2025');
    expect(formatSpan({ from: '2025-12-28', to: '2026-01-03' })).toBe('28 Dec 2025 – 3 Jan 2026');
    expect(formatSpan({ from: '2025-12-14', to: null })).toBe('since 14 Dec 2025');
    expect(formatSpan({ from: null, to: '2025-12-14' })).toBe('up to 14 Dec 2025');
  });

  it('reads option values: since takes the first day of what it names, until the last', () => {
    expect(parseBound('December 2025', 'since', NOW)).toBe('2025-12-01');
    expect(parseBound('December 2025', 'until', NOW)).toBe('2025-12-31');
    expect(parseBound('last week', 'until', NOW)).toBe('2025-12-14');
    expect(() => parseBound('bananas', 'since', NOW)).toThrow(/not a date/);
  });

  it('a thread follow-up "only this week" narrows the last question and keeps its person and topic', async () => {
    const lookup = { outlets: async () => ['LBC', 'CNA'], suggestPeople: async () => [] };
    const last = { type: 'person' as const, person: 'Kaja Kallas', topic: 'NATO', outlet: null };
    const followUp = await interpretFollowUp('<@1> only this week', last, lookup, NOW);
    expect(followUp).toEqual({ kind: 'ask', question: 'what did Kaja Kallas say about NATO from 2025-12-15 to 2025-12-21', why: 'dates' });
    const cleared = await interpretFollowUp('all dates', { ...last, span: { from: '2025-12-15', to: '2025-12-21' } }, lookup, NOW);
    expect(cleared).toEqual({ kind: 'ask', question: 'what did Kaja Kallas say about NATO', why: 'dates' });
  });
});

// A corpus of one person quoted every day from 12 to 22 December 2025 by three outlets, plus undated articles.
const DAYS = Array.from({ length: 11 }, (_, i) => `2025-12-${String(12 + i).padStart(2, '0')}`);
const OUTLETS = ['Daily Planet', 'Evening Star', 'Morning Post'];

function writeCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  DAYS.forEach((date, d) => {
    OUTLETS.forEach((outlet, o) => {
      if ((d + o) % 3 === 2) return; // not every outlet every day
      const topic = d % 2 === 0 ? 'the ceasefire must hold along the whole front' : 'the harbour tariffs will be lowered next spring';
      const text = [
        '---',
        `outlet: ${outlet}`,
        `title: Talks continue, day ${d + 1} (${outlet})`,
        `date: ${date}`,
        '---',
        '',
        `Negotiators met again in the capital on day ${d + 1} of the talks, officials said.`,
        '',
        `"I believe ${topic}," Greta Lindqvist, the foreign minister, told reporters on day ${d + 1}.`,
        '',
        `Lindqvist said that her government was ready to sign within ${d + 2} weeks.`,
      ].join('\n');
      writeFileSync(join(dir, `${date}-${o}.md`), `${text}\n`);
    });
  });
  for (let u = 0; u < 2; u++) {
    writeFileSync(
      join(dir, `undated-${u}.md`),
      [
        '---',
        `outlet: ${OUTLETS[u]}`,
        `title: Undated report ${u}`,
        '---',
        '',
        `"I believe the ceasefire must hold for good, report ${u}," Greta Lindqvist told reporters.`,
        '',
      ].join('\n'),
    );
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'whosaid-dates-'));
let engine: Engine;

beforeAll(async () => {
  writeCorpus(join(scratch, 'corpus'));
  engine = new Engine((await buildCorpus(join(scratch, 'corpus'))).corpus);
  engine.now = () => NOW;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every statement of the answer as "file ¶n text". */
const shown = (answer: AnswerResult): string[] => answer.outlets.flatMap((o) => o.excerpts.map((e) => `${e.article.file} ¶${e.paragraph} ${e.text}`)).sort();

/** The same, read straight from the index: every statement by Lindqvist whose article date passes `keep`. */
function expected(keep: (date: string | null) => boolean, topicWord?: string): string[] {
  return engine.corpus.index.statements
    .filter((s) => s.speaker === engine.directory.byId.get(s.speaker)?.id && /lindqvist/i.test(engine.directory.byId.get(s.speaker)?.name ?? ''))
    .filter((s) => keep(s.date) && (!topicWord || s.text.toLowerCase().includes(topicWord)))
    .map((s) => `${s.file} ¶${s.paragraph} ${s.text}`)
    .sort();
}

describe('dated questions', () => {
  it('the corpus quotes Lindqvist on every day and in the undated articles', () => {
    const all = expected(() => true);
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(engine.corpus.index.statements.map((s) => s.date))).toContain(null);
  });

  it('keeps exactly the statements inside the span, its first and last day included', async () => {
    const answer = await engine.ask('what did Lindqvist say between 14 and 20 December 2025');
    expect(answer.span).toEqual({ from: '2025-12-14', to: '2025-12-20' });
    const inside = expected((d) => d !== null && d >= '2025-12-14' && d <= '2025-12-20');
    expect(shown(answer)).toEqual(inside);
    expect(shown(answer).some((s) => s.startsWith('2025-12-14'))).toBe(true);
    expect(shown(answer).some((s) => s.startsWith('2025-12-20'))).toBe(true);
    expect(answer.undatedLeftOut).toBe(2);
  });

  it('open spans: since a day includes it, before a day excludes it', async () => {
    const since = await engine.ask('what did Lindqvist say since 20 December 2025');
    expect(shown(since)).toEqual(expected((d) => d !== null && d >= '2025-12-20'));
    const before = await engine.ask('what did Lindqvist say before 14 December 2025');
    expect(shown(before)).toEqual(expected((d) => d !== null && d < '2025-12-14'));
  });

  it('relative dates count from the clock: "this week" is Monday 15 to Sunday 21 December', async () => {
    const answer = await engine.ask('what did Lindqvist say this week');
    expect(answer.span).toEqual({ from: '2025-12-15', to: '2025-12-21' });
    expect(shown(answer)).toEqual(expected((d) => d !== null && d >= '2025-12-15' && d <= '2025-12-21'));
  });

  it('a topic and a span together: only statements on the topic inside the span; undated ones on it are counted', async () => {
    const answer = await engine.ask('what did Lindqvist say about the ceasefire between 14 and 18 December 2025');
    expect(shown(answer)).toEqual(expected((d) => d !== null && d >= '2025-12-14' && d <= '2025-12-18', 'ceasefire'));
    expect(answer.undatedLeftOut).toBe(2);
    const tariffs = await engine.ask('what did Lindqvist say about tariffs between 14 and 18 December 2025');
    expect(shown(tariffs)).toEqual(expected((d) => d !== null && d >= '2025-12-14' && d <= '2025-12-18', 'tariffs'));
    expect(tariffs.undatedLeftOut).toBe(0);
  });

  it('says so when nothing falls in the span, and how many statements lie outside it', async () => {
    const answer = await engine.ask('what did Lindqvist say in March 2025');
    expect(answer.outlets).toEqual([]);
    expect(answer.notice).toMatch(/not quoted in 1–31 Mar 2025 \(\d+ statements at other dates or undated\)/);
  });

  it('the JSON answer carries the span, and null for an undated question', async () => {
    expect(toContract(await engine.ask('what did Lindqvist say on 16 December 2025')).span).toEqual({ from: '2025-12-16', to: '2025-12-16' });
    expect(toContract(await engine.ask('what did Lindqvist say')).span).toBeNull();
  });

  it('backward dates get a one-line explanation', async () => {
    const answer = await engine.ask('what did Lindqvist say since 20 December 2025 and before 14 December 2025');
    expect(answer.outlets).toEqual([]);
    expect(answer.notice).toMatch(/dates run backwards/);
  });

  it('gives the same statements whatever the machine time zone (dates are calendar days)', async () => {
    const before = process.env.TZ;
    const results: string[][] = [];
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = tz;
        // The clock reads 17 December noon on that machine's wall clock.
        engine.now = () => new Date(2025, 11, 17, 12, 0, 0);
        results.push(shown(await engine.ask('what did Lindqvist say from 14 December to 16 December')));
        results.push(shown(await engine.ask('what did Lindqvist say yesterday')));
      }
    } finally {
      // The fork runs other files after this one: put the zone back (assigning undefined would set "undefined").
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
      engine.now = () => NOW;
    }
    expect(results[0]).toEqual(expected((d) => d !== null && d >= '2025-12-14' && d <= '2025-12-16'));
    expect(results[1]).toEqual(expected((d) => d === '2025-12-16'));
    for (let i = 2; i < results.length; i += 2) {
      expect(results[i]).toEqual(results[0]);
      expect(results[i + 1]).toEqual(results[1]);
    }
  });
});
