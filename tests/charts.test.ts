// Charts: the data drawn equals the engine's counts for the same question, an outlet keeps its
// colour in every chart, there are never more than ten series, and the PNG is an 800×400 picture.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, buildCorpus } from '../src/answer/engine.js';
import { coverageOf, timelineOf } from '../src/answer/timeline.js';
import { MAX_SERIES, OTHER, outletColour } from '../src/charts/palette.js';
import { pngSize, renderPng } from '../src/charts/render.js';
import { workerRenderer } from '../src/charts/renderer.js';
import { CHART_HEIGHT, CHART_WIDTH, binOf, coverageChart, outletBarChart, timelineChart, unitFor, type ChartDatum } from '../src/charts/specs.js';
import type { Timeline } from '../src/types.js';
import { seedEngineOnce } from './helpers.js';

type Values = { data: { values: ChartDatum[] }; encoding: { color: { scale: { domain: string[]; range: string[] } } } };
const valuesOf = (spec: unknown): ChartDatum[] => (spec as Values).data.values;
const coloursOf = (spec: unknown): Map<string, string> => {
  const scale = (spec as Values).encoding.color.scale;
  return new Map(scale.domain.map((name, i) => [name, scale.range[i] as string]));
};

describe('charts from the seed corpus', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await seedEngineOnce();
  });

  it("a timeline's values are the engine's statements per day and outlet for the same question", async () => {
    const question = 'what did Zelenskyy say';
    const timeline = await timelineOf(engine, question);
    const chart = timelineChart(timeline);
    expect(chart).not.toBeNull();
    // Counted straight from the index: every dated statement by the person, per day and outlet.
    const person = engine.directory.byId.get([...engine.corpus.index.bySpeaker.keys()].find((id) => /zelensk/i.test(id))!)!;
    const counts = new Map<string, number>();
    for (const s of engine.corpus.index.statements) {
      if (s.speaker !== person.id || !s.date) continue;
      counts.set(`${s.date} ${s.outlet}`, (counts.get(`${s.date} ${s.outlet}`) ?? 0) + 1);
    }
    const drawn = new Map(valuesOf(chart!.spec).map((v) => [`${v.date} ${v.outlet}`, v.count]));
    expect(drawn).toEqual(counts);
    expect(drawn.size).toBeGreaterThan(0);
    // The answer to the same question shows the same statements outlet by outlet (under 25 each here).
    const answer = await engine.ask(question);
    const shown = answer.outlets
      .map((o) => ({ outlet: o.outlet, statements: o.excerpts.length }))
      .sort((a, b) => b.statements - a.statements || a.outlet.localeCompare(b.outlet));
    expect(timeline.outlets).toEqual(shown);
    expect(timeline.undated).toBe(answer.outlets.flatMap((o) => o.excerpts).filter((e) => !e.article.date).length);
    expect(chart!.alt).toMatch(/Bar chart of statements per day by Volodymyr Zelenskyy/);
  });

  it('a dated timeline counts only the days asked for and quotes the first and latest statement', async () => {
    const timeline = await timelineOf(engine, 'timeline of Zelenskyy on 14 December 2025');
    expect(timeline.span).toEqual({ from: '2025-12-14', to: '2025-12-14' });
    expect(timeline.days.every((d) => d.date === '2025-12-14')).toBe(true);
    expect(timeline.first?.excerpt.article.date).toBe('2025-12-14');
    expect(timeline.undatedLeftOut).toBeGreaterThan(0);
  });

  it('the outlet bar counts every statement, undated ones too, and equals the engine per outlet', async () => {
    const timeline = await timelineOf(engine, 'what did Zelenskyy say');
    const chart = outletBarChart(timeline)!;
    const values = (chart.spec as unknown as { data: { values: { outlet: string; count: number }[] } }).data.values;
    expect(values).toEqual(timeline.outlets.map((o) => ({ outlet: o.outlet, count: o.statements })));
  });

  it('the coverage chart counts dated articles per day and outlet', async () => {
    const coverage = coverageOf(engine.corpus.articles);
    const chart = coverageChart(coverage)!;
    const dated = engine.corpus.articles.filter((a) => a.date);
    expect(valuesOf(chart.spec).reduce((n, v) => n + v.count, 0)).toBe(dated.length);
    expect(coverage.undated).toBe(engine.corpus.articles.length - dated.length);
    expect(chart.alt).toContain(`${coverage.undated} undated articles are not shown`);
  });

  it('each outlet has the same colour in every chart', async () => {
    const timeline = await timelineOf(engine, 'what did Zelenskyy say');
    const a = coloursOf(timelineChart(timeline)!.spec);
    const b = coloursOf(outletBarChart(timeline)!.spec);
    const c = coloursOf(coverageChart(coverageOf(engine.corpus.articles))!.spec);
    for (const [outlet, colour] of a) {
      if (b.has(outlet)) expect(b.get(outlet), outlet).toBe(colour);
      if (c.has(outlet)) expect(c.get(outlet), outlet).toBe(colour);
    }
    // No two series of one chart share a colour.
    for (const colours of [a, b, c]) expect(new Set(colours.values()).size).toBe(colours.size);
  });

  it('draws an 800×400 PNG with the shipped font, off the main thread too', async () => {
    const chart = timelineChart(await timelineOf(engine, 'what did Zelenskyy say'))!;
    const png = await renderPng(chart.spec);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    const renderer = workerRenderer();
    try {
      const fromWorker = await renderer.render(chart.spec);
      expect(pngSize(fromWorker)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
      // Same spec, same picture: the drawing does not depend on the machine's fonts or the thread.
      expect(Buffer.compare(fromWorker, png)).toBe(0);
      // Asked again, it comes from the cache: the very same buffer.
      expect(await renderer.render(chart.spec)).toBe(fromWorker);
    } finally {
      await renderer.close();
    }
  });

  it('a spec vega cannot draw is a rejected promise, not a crash', async () => {
    const renderer = workerRenderer();
    try {
      await expect(renderer.render({ mark: 'no-such-mark', data: { values: [] } } as never)).rejects.toThrow();
    } finally {
      await renderer.close();
    }
  });
});

describe('many outlets', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'whosaid-charts-'));
  let engine: Engine;
  beforeAll(async () => {
    const dir = join(scratch, 'corpus');
    mkdirSync(dir);
    // 14 outlets, outlet i quoting Lindqvist i+1 times over a few days.
    for (let i = 0; i < 14; i++) {
      for (let j = 0; j <= i; j++) {
        const date = `2025-12-${String(10 + (j % 5)).padStart(2, '0')}`;
        writeFileSync(
          join(dir, `o${i}-${j}.md`),
          [
            '---',
            `outlet: Outlet ${String.fromCharCode(65 + i)}`,
            `title: Report ${i}-${j}`,
            `date: ${date}`,
            '---',
            '',
            `"We will keep talking, round ${i} ${j}," Greta Lindqvist told reporters.`,
            '',
          ].join('\n'),
        );
      }
    }
    engine = new Engine((await buildCorpus(dir)).corpus);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('shows the nine busiest outlets and the rest as "other", with every statement still counted', async () => {
    const timeline = await timelineOf(engine, 'what did Lindqvist say');
    expect(timeline.outlets).toHaveLength(14);
    const chart = timelineChart(timeline)!;
    const series = [...coloursOf(chart.spec).keys()];
    expect(series).toHaveLength(MAX_SERIES);
    expect(series).toContain(OTHER);
    expect(series).toContain('Outlet N'); // the busiest (14 statements)
    expect(series).not.toContain('Outlet A'); // the quietest, merged
    const total = valuesOf(chart.spec).reduce((n, v) => n + v.count, 0);
    expect(total).toBe((14 * 15) / 2);
    const other = valuesOf(chart.spec)
      .filter((v) => v.outlet === OTHER)
      .reduce((n, v) => n + v.count, 0);
    expect(other).toBe(1 + 2 + 3 + 4 + 5);
    // An outlet's colour comes from its name alone.
    expect(coloursOf(chart.spec).get('Outlet N')).toBe(outletColour('Outlet N'));
  });
});

describe('long spans', () => {
  it('bars are days up to two months, weeks from Monday up to two years, then months; the counts still add up', () => {
    expect(unitFor('2025-12-01', '2026-01-31')).toBe('day');
    expect(unitFor('2025-01-01', '2025-12-31')).toBe('week');
    expect(unitFor('2023-01-01', '2025-12-31')).toBe('month');
    expect(binOf('2025-12-17', 'week')).toBe('2025-12-15');
    expect(binOf('2025-12-15', 'week')).toBe('2025-12-15');
    expect(binOf('2025-12-14', 'week')).toBe('2025-12-08');
    expect(binOf('2025-12-17', 'month')).toBe('2025-12-01');
    const days = Array.from({ length: 200 }, (_, i) => ({
      date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
      outlet: i % 2 ? 'LBC' : 'CNA',
      count: 1 + (i % 3),
    }));
    const timeline: Timeline = {
      question: 'q',
      speaker: { name: 'Kaja Kallas', aliases: [], roles: [] },
      topic: null,
      outlet: null,
      span: null,
      notice: null,
      suggestions: [],
      days,
      outlets: [],
      undated: 0,
      undatedLeftOut: 0,
      first: null,
      latest: null,
    };
    const chart = timelineChart(timeline)!;
    const values = valuesOf(chart.spec);
    expect(values.every((v) => binOf(v.date, 'week') === v.date)).toBe(true);
    expect(values.reduce((n, v) => n + v.count, 0)).toBe(days.reduce((n, d) => n + d.count, 0));
    expect(chart.alt).toMatch(/^Bar chart of statements per week by Kaja Kallas/);
  });
});
