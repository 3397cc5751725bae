// Dates in questions: "this week", "since 14 December", "between 1 and 10 December" become a span of
// calendar days. chrono-node finds the date and what it is (a day, a month, a week); the words
// around it (since, before, between … and) say which side of it the question wants. Days are
// calendar days with no time zone: an article dated 2025-12-14 is in "14 December" everywhere,
// and "today" is the day on the bot's clock.

import * as chrono from 'chrono-node';
import type { DateSpan } from '../types.js';

export class DateError extends Error {}

// ---------------------------------------------------------------- calendar days

/** A day as a count of days since 1970-01-01: plain integer arithmetic, no time zone involved. */
function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function partsOf(day: number): { y: number; m: number; d: number; weekday: number } {
  const date = new Date(day * 86_400_000);
  // 0 = Monday: weeks in news run Monday to Sunday.
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday: (date.getUTCDay() + 6) % 7 };
}

function lastDayOfMonth(y: number, m: number): number {
  return dayNumber(y, m + 1, 1) - 1;
}

/** The calendar day the clock shows where the bot runs. */
export function todayOf(now: Date): string {
  return isoOf(dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}

// ---------------------------------------------------------------- finding a date phrase

/** chrono with one addition: a bare year after "in" ("in 2025"), which chrono leaves alone. */
const parser = chrono.en.casual.clone();
parser.parsers.push({
  pattern: () => /\b(?:in|during)\s+((?:19|20)\d\d)\b(?!\s*[-–]?\s*(?:point|page|member|strong))/i,
  extract: (context, match) => context.createParsingComponents({ year: Number(match[1]) }),
});

/** Words before a date that say which side of it the question wants. */
const BEFORE = /\b(since|from|after|before|until|till|til|through|up to|by|between|in|on|during|of|over)\s+(?:the\s+)?$/i;
const BETWEEN_DAY = /\bbetween\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&)\s+$/i;
const JOIN = /^\s*(?:and|to|until|till|[-–])\s*$/i;
/** A result is a date (not a name like "March" or a time) only with a date word or a number in it. */
const DATE_WORDS = /\b(?:today|yesterday|tonight|week|weekend|month|year|days?|ago)\b|\d/i;

type Side = 'since' | 'after' | 'before' | 'until' | 'between' | 'at';

interface Found {
  /** Where the phrase starts (its leading keyword included) and ends in the text. */
  start: number;
  end: number;
  side: Side;
  /** First and last day of what the phrase names: a day, a week, a month or a year. */
  first: number;
  last: number;
  /** For "between 1 and 10 December": the first day, in the second date's month. */
  betweenDay: number | null;
}

function sideOf(keyword: string | undefined): Side {
  switch (keyword?.toLowerCase()) {
    case 'since':
    case 'from':
      return 'since';
    case 'after':
      return 'after';
    case 'before':
      return 'before';
    case 'until':
    case 'till':
    case 'til':
    case 'through':
    case 'up to':
    case 'by':
      return 'until';
    case 'between':
      return 'between';
    default:
      return 'at';
  }
}

/** First and last day of what one chrono component names, read from which of its parts are known. */
function periodOf(component: chrono.ParsedComponents, text: string, today: number): { first: number; last: number } {
  const y = component.get('year') ?? partsOf(today).y;
  const m = component.get('month') ?? 1;
  const d = component.get('day') ?? 1;
  const day = dayNumber(y, m, d);
  // "past week", "last 7 days", "3 days ago": from that day up to today.
  if (/\bago\b/i.test(text)) return { first: day, last: day };
  // "past week", "last 7 days": that many days, today included.
  if (/\b(?:past|last)\s+(?:\d+|few|couple)|\bpast\s+(?:week|month|year)/i.test(text)) return { first: day + 1, last: today };
  if (/\bweek(?:end)?\b/i.test(text)) {
    // chrono puts "this week" on its Sunday; the week meant is the one today is in.
    const base = /\bthis\s+week/i.test(text) ? today : day;
    const monday = base - partsOf(base).weekday;
    return /\bweekend\b/i.test(text) ? { first: monday + 5, last: monday + 6 } : { first: monday, last: monday + 6 };
  }
  if (component.isCertain('day') || component.isCertain('weekday')) return { first: day, last: day };
  if (component.isCertain('month')) return { first: dayNumber(y, m, 1), last: lastDayOfMonth(y, m) };
  if (component.isCertain('year')) return { first: dayNumber(y, 1, 1), last: dayNumber(y, 12, 31) };
  return { first: day, last: day };
}

/** News is about the past: a day or month given without a year that lies ahead is last year's. */
function inThePast(component: chrono.ParsedComponents, period: { first: number; last: number }, today: number): { first: number; last: number } {
  if (component.isCertain('year') || period.first <= today || !component.isCertain('month')) return period;
  const a = partsOf(period.first);
  const b = partsOf(period.last);
  const first = dayNumber(a.y - 1, a.m, a.d);
  const last = component.isCertain('day') ? dayNumber(b.y - 1, b.m, b.d) : lastDayOfMonth(b.y - 1, b.m);
  return { first, last };
}

/** Character ranges inside quotation marks: words quoted in a who-said question are never dates. */
function quotedRanges(text: string): [number, number][] {
  return [...text.matchAll(/["“”‘’'][^"“”]*?["“”'’]/g)].map((m) => [m.index, m.index + m[0].length]);
}

function findAll(text: string, now: Date): Found[] {
  const today = dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const found: Found[] = [];
  const quoted = quotedRanges(text);
  for (const result of parser.parse(text, { instant: now })) {
    if (quoted.some(([a, b]) => result.index >= a && result.index < b)) continue;
    const before = text.slice(0, result.index);
    const keyword = before.match(BEFORE);
    const phrase = result.text;
    const leadingWord = /^(?:on|in|during|since|from|after|before|until|by)\s/i.test(phrase);
    if (!keyword && !leadingWord && !DATE_WORDS.test(phrase)) continue;
    if (/^(?:now|noon|midnight|tonight)$/i.test(phrase.trim())) continue;
    if (
      !result.start.isCertain('day') &&
      !result.start.isCertain('month') &&
      !result.start.isCertain('year') &&
      !result.start.isCertain('weekday') &&
      !DATE_WORDS.test(phrase)
    )
      continue;
    const startPeriod = inThePast(result.start, periodOf(result.start, phrase, today), today);
    const endPeriod = result.end ? inThePast(result.end, periodOf(result.end, phrase, today), today) : startPeriod;
    const between = before.match(BETWEEN_DAY);
    const lead = phrase.match(/^(on|in|during|since|from|after|before|until|by)\s/i)?.[1];
    const side = result.end ? 'between' : between ? 'between' : sideOf(keyword?.[1] ?? lead);
    let betweenDay: number | null = null;
    let start = keyword ? (keyword.index as number) : result.index;
    if (between && !result.end) {
      const p = partsOf(endPeriod.first);
      betweenDay = dayNumber(p.y, p.m, Number(between[1]));
      start = between.index as number;
    }
    found.push({ start, end: result.index + phrase.length, side, first: startPeriod.first, last: endPeriod.last, betweenDay });
  }
  return found;
}

function spanOf(found: Found[], text: string): DateSpan | null {
  let from: number | null = null;
  let to: number | null = null;
  found.forEach((f, i) => {
    const previous = found[i - 1];
    // "between 2025-12-01 and 2025-12-10", "from 1 December to 10 December": the second closes the first.
    const closes = previous && f.side === 'at' && (previous.side === 'since' || previous.side === 'between') && JOIN.test(text.slice(previous.end, f.start));
    const side: Side = closes ? 'until' : f.side;
    switch (side) {
      case 'since':
        from = f.first;
        break;
      case 'after':
        from = f.last + 1;
        break;
      case 'before':
        to = f.first - 1;
        break;
      case 'until':
        to = f.last;
        break;
      case 'between':
        from = f.betweenDay ?? f.first;
        to = f.last;
        break;
      default:
        from = f.first;
        to = f.last;
    }
  });
  if (from === null && to === null) return null;
  return { from: from === null ? null : isoOf(from), to: to === null ? null : isoOf(to) };
}

export interface TakenSpan {
  /** The question without its date words ("what did Kallas say this week" → "what did Kallas say"). */
  rest: string;
  span: DateSpan | null;
}

/**
 * Finds the dates a question asks about and takes them out of it, so the rest reads as before.
 * `now` is the bot's clock: relative words ("this week", "yesterday") count from its day.
 */
export function takeSpan(text: string, now: Date): TakenSpan {
  const found = findAll(text, now);
  const span = spanOf(found, text);
  if (!span) return { rest: text, span: null };
  let rest = text;
  for (const f of [...found].reverse()) rest = `${rest.slice(0, f.start)} ${rest.slice(f.end)}`;
  // A joining word left between two removed dates ("since X and before Y") goes too.
  rest = rest
    .replace(/\s+(?:and|to)\s*$/i, '')
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (span.from && span.to && span.from > span.to) throw new DateError(`The dates run backwards: ${formatSpan(span)} ends before it starts.`);
  return { rest, span };
}

/**
 * One end of a span typed into a command option ("14 Dec", "last week", "2025-12-01"): `since`
 * takes the first day of what it names, `until` the last.
 */
export function parseBound(typed: string, edge: 'since' | 'until', now: Date): string {
  const text = typed.trim();
  const today = dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const result = parser.parse(text, { instant: now })[0];
  if (!result || text.length === 0) throw new DateError(`“${text.slice(0, 60)}” is not a date I can read: try “14 December”, “2025-12-14”, “last week”.`);
  const first = inThePast(result.start, periodOf(result.start, result.text, today), today);
  const last = result.end ? inThePast(result.end, periodOf(result.end, result.text, today), today) : first;
  return isoOf(edge === 'since' ? first.first : last.last);
}

/** Both option ends as one span; null when neither is given. Throws DateError for unreadable or backward dates. */
export function spanFromOptions(since: string | null, until: string | null, now: Date): DateSpan | null {
  if (!since && !until) return null;
  const span = { from: since ? parseBound(since, 'since', now) : null, to: until ? parseBound(until, 'until', now) : null };
  if (span.from && span.to && span.from > span.to) throw new DateError(`The dates run backwards: ${formatSpan(span)} ends before it starts.`);
  return span;
}

// ---------------------------------------------------------------- writing a span

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayParts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** "14–20 Dec 2025", "28 Nov – 3 Dec 2025", "since 14 Dec 2025", "up to 14 Dec 2025", "17 Dec 2025". */
export function formatSpan(span: DateSpan): string {
  const full = (iso: string): string => {
    const p = dayParts(iso);
    return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
  };
  if (span.from && span.to) {
    const a = dayParts(span.from);
    const b = dayParts(span.to);
    if (span.from === span.to) return full(span.from);
    if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTHS[b.m - 1]} ${b.y}`;
    if (a.y === b.y) return `${a.d} ${MONTHS[a.m - 1]} – ${full(span.to)}`;
    return `${full(span.from)} – ${full(span.to)}`;
  }
  if (span.from) return `since ${full(span.from)}`;
  if (span.to) return `up to ${full(span.to)}`;
  return 'any date';
}

/** The span as words a question can carry and takeSpan reads back exactly (ISO days, no clock needed). */
export function spanAsWords(span: DateSpan | null | undefined): string {
  if (!span) return '';
  if (span.from && span.to) return span.from === span.to ? `on ${span.from}` : `from ${span.from} to ${span.to}`;
  if (span.from) return `since ${span.from}`;
  if (span.to) return `until ${span.to}`;
  return '';
}

/** "14–20 Dec 2025 · 2 undated articles left out": what a dated answer covers, for its header. */
export function spanLine(answer: { span: DateSpan | null; undatedLeftOut?: number }): string | null {
  if (!answer.span) return null;
  const n = answer.undatedLeftOut ?? 0;
  const left = n > 0 ? ` · ${n} undated ${n === 1 ? 'article' : 'articles'} left out` : '';
  return `Dates: ${formatSpan(answer.span)}${left}`;
}

/** The numeric bounds the index filters on (yyyymmdd, undated articles are 0 and always outside). */
export function spanBounds(span: DateSpan): [number, number] {
  const n = (iso: string): number => Number(iso.replaceAll('-', ''));
  return [span.from ? n(span.from) : 1, span.to ? n(span.to) : 99_991_231];
}
