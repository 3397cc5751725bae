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
    axis: {
      labelColor: INK,
      titleColor: INK,
      gridColor: INK,
      gridOpacity: 0.25,
      domainColor: INK,
      tickColor: INK,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal',
    },
    legend: {
      labelColor: INK,
      titleColor: INK,
      labelFontSize: 12,
      symbolType: 'square',
      orient: 'bottom',
      direction: 'horizontal',
      columns: 5,
      labelLimit: 140,
    },
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export type Unit = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days for two months or less, weeks (from Monday) for two years or less, else months: at most ~100 bars a series. */
export function unitFor(from: string, to: string): Unit {
  const days = dayNumber(to) - dayNumber(from) + 1;
  return days <= 62 ? 'day' : days <= 728 ? 'week' : 'month';
}

/** The first day of the bar a date falls in. */
export function binOf(iso: string, unit: Unit): string {
  if (unit === 'day') return iso;
  if (unit === 'month') return `${iso.slice(0, 7)}-01`;
  const day = dayNumber(iso);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return isoOf(day - ((day + 3) % 7));
}

/** Every bar from `from` to `to`, empty ones included, so the axis is even in time. */
function binsBetween(from: string, to: string, unit: Unit): string[] {
  const bins: string[] = [];
  let bin = binOf(from, unit);
  const last = binOf(to, unit);
  while (bin <= last && bins.length < 2000) {
    bins.push(bin);
    if (unit === 'month') {
      const [y, m] = bin.split('-').map(Number) as [number, number];
      bin = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
    } else bin = isoOf(dayNumber(bin) + (unit === 'day' ? 1 : 7));
  }
  return bins;
}

/** Merges outlets past the tenth into "other", and sums per bar and series. */
function seriesData(days: DayCount[], unit: Unit): { values: ChartDatum[]; names: string[]; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  for (const d of days) totals.set(d.outlet, (totals.get(d.outlet) ?? 0) + d.count);
  const { names, seriesOf } = pickSeries(totals);
  const merged = new Map<string, ChartDatum>();
  for (const d of days) {
    const outlet = seriesOf(d.outlet);
    const date = binOf(d.date, unit);
    const key = `${date}\u0000${outlet}`;
    const entry = merged.get(key);
    if (entry) entry.count += d.count;
    else merged.set(key, { date, outlet, count: d.count });
  }
  const seriesTotals = new Map<string, number>();
  for (const d of merged.values()) seriesTotals.set(d.outlet, (seriesTotals.get(d.outlet) ?? 0) + d.count);
  return { values: [...merged.values()], names, totals: seriesTotals };
}

const LABEL_FORMAT: Record<Unit, string> = { day: '%-d %b', week: '%-d %b', month: '%b %Y' };

/** The asked span when it is closed at that end, else the data's first or last day. */
function extent(days: DayCount[], span: DateSpan | null): { from: string; to: string } {
  const dates = days.map((d) => d.date).sort();
  const from = span?.from ?? dates[0] ?? '';
  return { from, to: span?.to ?? dates[dates.length - 1] ?? from };
}

/**
 * Stacked bars per day, week or month on an even axis (an ordinal scale listing every bar, empty ones
 * included), dates formatted in UTC so a day is the same on every machine.
 */
function perBinSpec(values: ChartDatum[], names: string[], bins: string[], unit: Unit, title: string, subtitle: string, yTitle: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    title: { text: title, subtitle },
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      x: {
        field: 'date',
        type: 'ordinal',
        title: null,
        scale: { domain: bins, paddingInner: 0.2 },
        axis: { labelExpr: `utcFormat(toDate(datum.value), '${LABEL_FORMAT[unit]}')`, labelAngle: 0, labelOverlap: true, grid: false },
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
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'chart'
  );
}

/** A person's statements per day (per week or month over long spans), coloured by outlet. Null when no dated statement is selected. */
export function timelineChart(timeline: Timeline): Chart | null {
  if (!timeline.speaker || timeline.days.length === 0) return null;
  const { from, to } = extent(timeline.days, timeline.span);
  const unit = unitFor(from, to);
  const { values, names, totals } = seriesData(timeline.days, unit);
  const dated = values.reduce((n, v) => n + v.count, 0);
  const what = `${timeline.speaker.name}${timeline.topic ? ` on ${timeline.topic}` : ''}`;
  const days = new Set(timeline.days.map((d) => d.date)).size;
  const when = formatSpan(timeline.span ?? { from, to });
  const subtitleParts = [when, plural(dated, 'dated statement'), timeline.outlet ? `only ${timeline.outlet}` : ''];
  if (timeline.undated > 0) subtitleParts.push(`${timeline.undated} undated not shown`);
  const subtitle = subtitleParts.filter(Boolean).join(' · ');
  const alt = `Bar chart of statements per ${unit} by ${what}, ${when}: ${plural(dated, 'dated statement')} on ${plural(days, 'day')}, coloured by outlet (${breakdown(totals, names)}).`;
  return {
    spec: perBinSpec(values, names, binsBetween(from, to, unit), unit, `${what}: statements per ${unit}`, subtitle, 'statements'),
    alt,
    file: `timeline-${safeFileName(what)}.png`,
  };
}

/** Articles per day (per week or month over long spans), coloured by outlet. Null when no article is dated. */
export function coverageChart(coverage: Coverage): Chart | null {
  if (coverage.days.length === 0) return null;
  const { from, to } = extent(coverage.days, null);
  const unit = unitFor(from, to);
  const { values, names, totals } = seriesData(coverage.days, unit);
  const dated = values.reduce((n, v) => n + v.count, 0);
  const when = formatSpan({ from, to });
  const subtitle = [when, plural(dated, 'dated article'), coverage.undated > 0 ? `${coverage.undated} undated not shown` : ''].filter(Boolean).join(' · ');
  const alt = `Bar chart of articles per ${unit}, ${when}: ${plural(dated, 'dated article')}, coloured by outlet (${breakdown(totals, names)})${coverage.undated > 0 ? `; ${coverage.undated} undated articles are not shown` : ''}.`;
  return {
    spec: perBinSpec(values, names, binsBetween(from, to, unit), unit, `Articles per ${unit} by outlet`, subtitle, 'articles'),
    alt,
    file: 'coverage.png',
  };
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
