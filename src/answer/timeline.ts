// A person question counted in full for a chart: how many statements each outlet carried on each
// day, and the first and latest of them to quote under the chart. Answers list at most 25 per
// outlet; a chart counts everything the same question selects.

import type { IndexedStatement } from '../search/index.js';
import type { AnswerResult, Article, Coverage, DateSpan, DayCount, PersonRecord, Timeline, TimelineStatement } from '../types.js';
import type { PeopleDirectory } from './people.js';
import { findPerson } from './people.js';

/** What a timeline reads of the engine, which passes itself (naming the Engine class here would close a circle). */
export interface TimelineSource {
  ask(question: string): Promise<AnswerResult>;
  readonly directory: PeopleDirectory;
  selectStatements(person: PersonRecord, topic: string | null, outlet: string | null, span: DateSpan | null): Promise<{ positions: number[] }>;
  readonly corpus: { index: { statements: readonly IndexedStatement[] } };
  quoted(k: number): TimelineStatement;
}

const NOT_A_PERSON = 'A timeline is drawn for a person: ask “timeline of Zelenskyy”, optionally with a topic and dates.';

/** Counts keyed by day and outlet, oldest day first (then outlet name, so the order is stable). */
function dayCounts(pairs: Iterable<{ date: string; outlet: string }>): DayCount[] {
  const counts = new Map<string, DayCount>();
  for (const { date, outlet } of pairs) {
    const key = `${date}\u0000${outlet}`;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { date, outlet, count: 1 });
  }
  return [...counts.values()].sort((a, b) => (a.date === b.date ? a.outlet.localeCompare(b.outlet) : a.date < b.date ? -1 : 1));
}

export async function timelineOf(engine: TimelineSource, question: string): Promise<Timeline> {
  const answer = await engine.ask(question);
  const base: Timeline = {
    question,
    speaker: answer.speaker,
    topic: null,
    outlet: null,
    span: answer.span,
    notice: answer.notice,
    suggestions: answer.suggestions,
    days: [],
    outlets: [],
    undated: 0,
    undatedLeftOut: answer.undatedLeftOut,
    first: null,
    latest: null,
  };
  const parsed = answer.parsed;
  if (parsed.type !== 'person') return { ...base, notice: answer.notice ?? NOT_A_PERSON };
  const person = answer.speaker ? findPerson(engine.directory, parsed.person) : null;
  if (!person) return { ...base, topic: parsed.topic, outlet: parsed.outlet };
  const { positions } = await engine.selectStatements(person, parsed.topic, parsed.outlet, answer.span);
  const statements = positions.map((k) => ({ k, s: engine.corpus.index.statements[k] as NonNullable<(typeof engine.corpus.index.statements)[number]> }));
  const perOutlet = new Map<string, number>();
  for (const { s } of statements) perOutlet.set(s.outlet, (perOutlet.get(s.outlet) ?? 0) + 1);
  const dated = statements.filter(({ s }) => s.date !== null);
  // Oldest first; within a day, corpus order (positions are stable within an index).
  const byDate = [...dated].sort((a, b) => (a.s.date === b.s.date ? a.k - b.k : (a.s.date as string) < (b.s.date as string) ? -1 : 1));
  const firstK = byDate[0]?.k;
  const latestK = byDate[byDate.length - 1]?.k;
  return {
    ...base,
    topic: parsed.topic,
    outlet: parsed.outlet,
    days: dayCounts(dated.map(({ s }) => ({ date: s.date as string, outlet: s.outlet }))),
    outlets: [...perOutlet].map(([outlet, n]) => ({ outlet, statements: n })).sort((a, b) => b.statements - a.statements || a.outlet.localeCompare(b.outlet)),
    undated: statements.length - dated.length,
    first: firstK === undefined ? null : engine.quoted(firstK),
    latest: latestK === undefined || latestK === firstK ? null : engine.quoted(latestK),
  };
}

/** Articles per day and outlet, and how many articles have no date. */
export function coverageOf(articles: Article[]): Coverage {
  const dated = articles.filter((a): a is Article & { date: string } => a.date !== null);
  return { days: dayCounts(dated.map((a) => ({ date: a.date, outlet: a.outlet }))), undated: articles.length - dated.length };
}
