// Vega-Lite specs for the charts whosaid draws: a person's statements per day (/timeline, the
// CLI's --chart), articles per outlet over time (/sources), statements per outlet (/compare).
// Pure: counts in, a spec and its alt text out. The spec's data values are exactly the counts given
// (merged into "other" past ten outlets), so tests compare them with the engine's.

import type { Config, TopLevelSpec } from 'vega-lite';
import { formatSpan } from '../answer/dates.js';
import type { Coverage, DateSpan, DayCount, Timeline } from '../types.js';
import { INK, coloursFor, pickSeries } from './palette.js';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
/** The font shipped in assets/fonts: the picture is the same on a machine with no fonts at all. */
export const CHART_FONT = 'Inter';

export interface Chart {
  spec: TopLevelSpec;
  /** What the chart shows, in words: the attachment's description and the embed's text for screen readers. */
  alt: string;
  /** File name of the attachment. */
  file: string;
}

/** One bar segment: `count` items of `outlet` (a series name) on `date`. */
export interface ChartDatum {
  date: string;
  outlet: string;
  count: number;
}

function config(): Config {
  // Transparent background, mid-grey text and faint grid: readable on Discord's dark and light themes.
  return {
    background: 'transparent',
    font: CHART_FONT,
    padding: 12,
    view: { stroke: null },
    title: { color: INK, subtitleColor: INK, fontSize: 18, subtitleFontSize: 13, anchor: 'start', fontWeight: 'normal' },
    axis: { labelColor: INK, titleColor: INK, gridColor: INK, gridOpacity: 0.25, domainColor: INK, tickColor: INK, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' },
    legend: { labelColor: INK, titleColor: INK, labelFontSize: 12, symbolType: 'square', orient: 'bottom', direction: 'horizontal', columns: 5, labelLimit: 140 },
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Merges outlets past the tenth into "other" and sums per day and series. */
function seriesData(days: DayCount[]): { values: ChartDatum[]; names: string[]; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  for (const d of days) totals.set(d.outlet, (totals.get(d.outlet) ?? 0) + d.count);
  const { names, seriesOf } = pickSeries(totals);
  const merged = new Map<string, ChartDatum>();
  for (const d of days) {
    const outlet = seriesOf(d.outlet);
    const key = `${d.date}\u0000${outlet}`;
    const entry = merged.get(key);
    if (entry) entry.count += d.count;
    else merged.set(key, { date: d.date, outlet, count: d.count });
  }
  const seriesTotals = new Map<string, number>();
  for (const d of merged.values()) seriesTotals.set(d.outlet, (seriesTotals.get(d.outlet) ?? 0) + d.count);
  return { values: [...merged.values()], names, totals: seriesTotals };
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Stacked bars per calendar day (UTC throughout, so a date is the same day on every machine). */
function perDaySpec(values: ChartDatum[], names: string[], title: string, subtitle: string, yTitle: string, span: DateSpan | null): TopLevelSpec {
  const days = values.map((v) => v.date).sort();
  // The x axis covers the asked span when it is closed, else the days that have data.
  const from = span?.from ?? days[0] ?? '';
  const to = span?.to ?? days[days.length - 1] ?? from;
  const dayCount = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    title: { text: title, subtitle },
    data: { values },
    mark: { type: 'bar', width: { band: 0.8 }, cornerRadiusEnd: 2 },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        timeUnit: { unit: 'yearmonthdate', utc: true },
        title: null,
        scale: { type: 'utc', domain: [`${from}T00:00:00Z`, `${nextDay(to)}T00:00:00Z`] },
        // One tick a day for a month or less, else Vega picks; labels never overlap.
        axis: { format: dayCount <= 62 ? '%-d %b' : '%b %Y', labelAngle: 0, labelOverlap: true, grid: false, ...(dayCount <= 31 ? { tickCount: { interval: 'day', step: 1 } } : {}) },
      },
      y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: yTitle, axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'outlet', type: 'nominal', title: null, scale: { domain: names, range: coloursFor(names) } },
    },
    config: config(),
  };
}

function breakdown(totals: Map<string, number>, names: string[]): string {
  return names.map((n) => `${n} ${totals.get(n) ?? 0}`).join(', ');
}

function safeFileName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'chart';
}

/** A person's statements per day, coloured by outlet. Null when no dated statement is selected. */
export function timelineChart(timeline: Timeline): Chart | null {
  if (!timeline.speaker || timeline.days.length === 0) return null;
  const { values, names, totals } = seriesData(timeline.days);
  const dated = values.reduce((n, v) => n + v.count, 0);
  const what = `${timeline.speaker.name}${timeline.topic ? ` on ${timeline.topic}` : ''}`;
  const days = [...new Set(values.map((v) => v.date))].sort();
  const when = timeline.span ? formatSpan(timeline.span) : formatSpan({ from: days[0] ?? null, to: days[days.length - 1] ?? null });
  const subtitleParts = [when, plural(dated, 'dated statement'), timeline.outlet ? `only ${timeline.outlet}` : ''];
  if (timeline.undated > 0) subtitleParts.push(`${timeline.undated} undated not shown`);
  const subtitle = subtitleParts.filter(Boolean).join(' · ');
  const alt = `Bar chart of statements per day by ${what}, ${when}: ${plural(dated, 'dated statement')} on ${plural(days.length, 'day')}, coloured by outlet (${breakdown(totals, names)}).`;
  return { spec: perDaySpec(values, names, `${what}: statements per day`, subtitle, 'statements', timeline.span), alt, file: `timeline-${safeFileName(what)}.png` };
}

/** Articles per day, coloured by outlet. Null when no article is dated. */
export function coverageChart(coverage: Coverage): Chart | null {
  if (coverage.days.length === 0) return null;
  const { values, names, totals } = seriesData(coverage.days);
  const dated = values.reduce((n, v) => n + v.count, 0);
  const days = [...new Set(values.map((v) => v.date))].sort();
  const when = formatSpan({ from: days[0] ?? null, to: days[days.length - 1] ?? null });
  const subtitle = [when, plural(dated, 'dated article'), coverage.undated > 0 ? `${coverage.undated} undated not shown` : ''].filter(Boolean).join(' · ');
  const alt = `Bar chart of articles per day, ${when}: ${plural(dated, 'dated article')}, coloured by outlet (${breakdown(totals, names)})${coverage.undated > 0 ? `; ${coverage.undated} undated articles are not shown` : ''}.`;
  return { spec: perDaySpec(values, names, 'Articles per day by outlet', subtitle, 'articles', null), alt, file: 'coverage.png' };
}

/** How many statements each outlet carried (undated included), one bar each. Null when none. */
export function outletBarChart(timeline: Timeline): Chart | null {
  if (!timeline.speaker || timeline.outlets.length === 0) return null;
  const totalsIn = new Map(timeline.outlets.map((o) => [o.outlet, o.statements]));
  const { names, seriesOf } = pickSeries(totalsIn);
  const totals = new Map<string, number>();
  for (const [outlet, n] of totalsIn) totals.set(seriesOf(outlet), (totals.get(seriesOf(outlet)) ?? 0) + n);
  const values = names.map((outlet) => ({ outlet, count: totals.get(outlet) ?? 0 }));
  const all = values.reduce((n, v) => n + v.count, 0);
  const what = `${timeline.speaker.name}${timeline.topic ? ` on ${timeline.topic}` : ''}`;
  const subtitle = [timeline.span ? formatSpan(timeline.span) : 'all dates', plural(all, 'statement')].join(' · ');
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    title: { text: `${what}: statements per outlet`, subtitle },
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'outlet', type: 'nominal', title: null, sort: names, axis: { labelLimit: 160 } },
      x: { field: 'count', type: 'quantitative', title: 'statements', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'outlet', type: 'nominal', legend: null, scale: { domain: names, range: coloursFor(names) } },
    },
    config: config(),
  };
  const alt = `Bar chart of how many statements by ${what} each outlet carried (${subtitle}): ${breakdown(totals, names)}.`;
  return { spec, alt, file: `outlets-${safeFileName(what)}.png` };
}
