// The question mix of the benchmark, each with the term a bare-Orama user would search for instead.
// Synthetic questions come from the first 1,000 articles, which every larger corpus contains, so the
// same questions are asked at every size and only the amount of matching text grows.

import { readFileSync } from 'node:fs';
import { buildCast, generateArticles, stripDiacritics } from './synthetic.js';

export type QueryClass = 'person' | 'topic' | 'phrase' | 'common' | 'dated';

export const QUERY_CLASSES: { cls: QueryClass; label: string }[] = [
  { cls: 'person', label: 'person ("what did X say?")' },
  { cls: 'topic', label: 'person + common word ("… about the war?")' },
  { cls: 'phrase', label: 'who said "phrase"' },
  { cls: 'common', label: 'bare common word ("war")' },
  { cls: 'dated', label: 'dated ("… in January 2019?")' },
];

export interface BenchQuery {
  cls: QueryClass;
  /** What we ask the engine. */
  question: string;
  /** What the bare-Orama baseline searches for the same need. */
  bareTerm: string;
  /** The first and last day (ISO) a dated question asks about: the baseline filters on them. */
  days?: [string, string];
}

export const COMMON_WORDS = ['war', 'government', 'people', 'said', 'year'];
const TOPIC_WORDS = ['the war', 'the government', 'people', 'this year'];

function commonQueries(): BenchQuery[] {
  return COMMON_WORDS.map((word) => ({ cls: 'common', question: word, bareTerm: word }));
}

function topicQueries(names: string[]): BenchQuery[] {
  return names.flatMap((name, i) => {
    const topic = TOPIC_WORDS[i % TOPIC_WORDS.length] as string;
    const word = topic.replace(/^(the|this) /, '');
    return [{ cls: 'topic' as const, question: `what did ${name} say about ${topic}?`, bareTerm: `${name} ${word}` }];
  });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Questions about a month or a day the first 1,000 articles cover: a person's month, a person's day, a
 * person and a common word in a month, and a phrase in a month. At 100k the same month holds only
 * that month's articles, so the date filter, not the corpus size, bounds the answer.
 */
function datedQueries(names: string[], phrases: string[], firstDay: string): BenchQuery[] {
  const [year, month, day] = firstDay.split('-').map(Number) as [number, number, number];
  const monthName = `${MONTHS[month - 1]} ${year}`;
  const iso = (d: number): string => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const monthDays: [string, string] = [iso(1), iso(lastDay)];
  const someDay = Math.min(day + 2, 28);
  const oneDay: [string, string] = [iso(someDay), iso(someDay)];
  return names.flatMap((name, i): BenchQuery[] => {
    switch (i % 4) {
      case 0:
        return [{ cls: 'dated', question: `what did ${name} say in ${monthName}?`, bareTerm: name, days: monthDays }];
      case 1:
        return [{ cls: 'dated', question: `what did ${name} say on ${someDay} ${monthName}?`, bareTerm: name, days: oneDay }];
      case 2:
        return [{ cls: 'dated', question: `what did ${name} say about the war in ${monthName}?`, bareTerm: `${name} war`, days: monthDays }];
      default: {
        const phrase = phrases[i % Math.max(1, phrases.length)];
        return phrase ? [{ cls: 'dated', question: `who said "${phrase}" in ${monthName}?`, bareTerm: phrase, days: monthDays }] : [];
      }
    }
  });
}

/** A few words from the middle of a quote: what someone half-remembers and asks about. */
function phraseFrom(snippet: string, words: number): string {
  const clause = snippet.split(/[.,!?:;"]+/).reduce((best, c) => (c.trim().length > best.length ? c.trim() : best), '');
  const tokens = clause.split(/\s+/).filter(Boolean);
  const start = Math.max(0, Math.floor((tokens.length - words) / 2));
  return tokens.slice(start, start + words).join(' ');
}

export function syntheticQueries(seed: number): BenchQuery[] {
  const articles = generateArticles(1000, seed);
  const bySpeaker = new Map<string, number>();
  for (const a of articles) for (const s of a.statements) bySpeaker.set(s.speaker, (bySpeaker.get(s.speaker) ?? 0) + 1);
  const cast = buildCast(seed);
  const personNames = new Set(cast.people.map((p) => p.name));
  const ranked = [...bySpeaker].filter(([name]) => personNames.has(name)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // The most quoted (their answers are the biggest), then people spread down to the rarely quoted.
  const chosen: string[] = ranked.slice(0, 4).map(([name]) => name);
  const step = Math.max(1, Math.floor((ranked.length - 4) / 8));
  for (let i = 4; i < ranked.length && chosen.length < 12; i += step) chosen.push((ranked[i] as [string, number])[0]);

  const surnameCount = new Map<string, number>();
  for (const p of cast.people) surnameCount.set(stripDiacritics(p.surname), (surnameCount.get(stripDiacritics(p.surname)) ?? 0) + 1);
  const people: BenchQuery[] = chosen.map((name, i) => {
    const person = cast.people.find((p) => p.name === name);
    // Every third question uses the surname alone, as people ask, when it names one person only.
    const useSurname = i % 3 === 2 && person && surnameCount.get(stripDiacritics(person.surname)) === 1;
    const who = useSurname && person ? person.surname : name;
    return { cls: 'person', question: `what did ${who} say?`, bareTerm: who };
  });
  const directSnippets: string[] = [];
  for (const a of articles) for (const s of a.statements) if (s.kind === 'direct' && s.snippet.split(' ').length >= 8) directSnippets.push(s.snippet);
  const phraseStep = Math.max(1, Math.floor(directSnippets.length / 8));
  const phrases: BenchQuery[] = [];
  for (let i = 0; i < directSnippets.length && phrases.length < 8; i += phraseStep) {
    const phrase = phraseFrom(directSnippets[i] as string, 4 + (phrases.length % 3));
    phrases.push({ cls: 'phrase', question: `who said "${phrase}"?`, bareTerm: phrase });
  }
  const firstDay = articles.map((a) => a.date).sort()[0] as string;
  const dated = datedQueries(
    chosen.slice(0, 8),
    phrases.map((p) => p.bareTerm),
    firstDay,
  );
  return [...people, ...topicQueries(chosen.slice(0, 8)), ...phrases, ...commonQueries(), ...dated];
}

interface GoldStatement {
  speaker: string;
  kind: string;
  snippet: string;
}

/** Questions about the five seed articles, from the gold statements shipped in tests/fixtures. */
export function seedQueries(goldPath: string): BenchQuery[] {
  const gold = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldStatement);
  const speakers = [...new Set(gold.map((g) => g.speaker))];
  const people: BenchQuery[] = speakers.map((name) => ({ cls: 'person', question: `what did ${name} say?`, bareTerm: name }));
  const phraseTexts = new Set(gold.filter((g) => g.kind === 'direct' && g.snippet.split(' ').length >= 6).map((g) => phraseFrom(g.snippet, 4)));
  const phrases: BenchQuery[] = [...phraseTexts].slice(0, 8).map((phrase) => ({ cls: 'phrase', question: `who said "${phrase}"?`, bareTerm: phrase }));
  return [...people, ...topicQueries(speakers.slice(0, 4)), ...phrases, ...commonQueries()];
}
