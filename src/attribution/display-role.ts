// Which of a person's cleaned roles a reader sees: the most specific role more than one article gives,
// the newest when articles disagree over time; the rest stay searchable. Roles are cleaned in roles.ts.

import { fold } from '../text/normalize.js';
import { DETERMINERS, MAX_ROLE_WORDS, TEMPORAL, TITLE_ABBREVIATIONS } from './roles.js';

const SYNONYMS: Record<string, string> = {
  gop: 'republican',
  republicans: 'republican',
  democrat: 'democratic',
  democrats: 'democratic',
  dem: 'democratic',
  frontrunner: 'front-runner',
  advisor: 'adviser',
  us: 'us',
  'u.s': 'us',
  'u.s.': 'us',
  america: 'us',
  american: 'us',
  'vice-presidential': 'vice presidential',
  'vice-president': 'vice president',
  chair: 'chairman',
  chairwoman: 'chairman',
  spokeswoman: 'spokesman',
  spokesperson: 'spokesman',
  congresswoman: 'congressman',
  sen: 'senator',
  rep: 'representative',
  gov: 'governor',
  pres: 'president',
  secretary: 'secretary',
  ceo: 'chief executive',
  'co-founder': 'founder',
};

/**
 * The words a role is compared by: folded, titles spelt out, party and spelling variants made one, a
 * possessive reduced to its owner ("Trump's" → "trump"). "GOP nominee" and "Republican nominee" are one role.
 */
const wordsOfRole = new Map<string, string[]>();

export function roleWords(role: string): string[] {
  let out = wordsOfRole.get(role);
  if (out) return out;
  if (wordsOfRole.size > 50_000) wordsOfRole.clear();
  out = [];
  wordsOfRole.set(role, out);
  for (const w of fold(role)
    .replace(/['’]s\b/g, '')
    .split(/[\s]+/)) {
    const b = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.$/, '');
    if (!b || DETERMINERS.has(b)) continue;
    const s = SYNONYMS[b] ?? TITLE_ABBREVIATIONS[b]?.toLowerCase() ?? b;
    out.push(...s.split(' '));
  }
  return out;
}

export function roleKey(role: string): string {
  return roleWords(role).join(' ');
}

/** Every word of `narrow` is in `wide`, which says more: "Ukrainian President" is more specific than "President". */
export function moreSpecific(wide: string[], narrow: string[]): boolean {
  return wide.length > narrow.length && narrow.every((w) => wide.includes(w));
}

/** One role of one person across the corpus. */
export interface RoleEvidence {
  /** Spellings met, with how often each was met: the most common is shown. */
  texts: Map<string, number>;
  /** Files that gave the role. */
  files: Set<string>;
  /** Dates (YYYY-MM-DD) of the dated files that gave it. */
  dates: string[];
  /**
   * Given beside the person's full name somewhere. A role given only to a lone surname in an article that never
   * names the person in full ("Admiral Harris", joined to Calvin Harris) may belong to a namesake the registry
   * joined: a person with a full name keeps only roles given beside it.
   */
  besideFullName: boolean;
}

/** Roles last given this long before a person's newest role are out of date ("candidate" once "nominee"). */
const STALE_DAYS = 45;
/** Articles this close to a person's newest role count as current. */
const RECENT_DAYS = 60;

function dayNumber(date: string): number {
  return Date.parse(date) / 86_400_000;
}

/** A role's evidence read once: its shown text, words, article count and dates as day numbers. */
interface Candidate {
  text: string;
  words: string[];
  files: number;
  undated: number;
  days: number[];
  /** Day number of the newest dated article that gave it, or null. */
  last: number | null;
  sure: boolean;
}

function candidate(e: RoleEvidence): Candidate {
  let text = '';
  let count = -1;
  for (const [t, n] of e.texts) if (n > count || (n === count && t < text)) [text, count] = [t, n];
  const days = e.dates.map(dayNumber).filter((d) => !Number.isNaN(d));
  return {
    text,
    words: roleWords(text),
    files: e.files.size,
    undated: e.files.size - days.length,
    days,
    last: days.length ? Math.max(...days) : null,
    sure: e.besideFullName,
  };
}

/**
 * A person's roles, the display role first, then the rest by how many articles gave them (all stay
 * searchable). The display role is the most specific role that more than one article gives (else the best
 * single one), among the roles still current: one last given well before the person's newest role is out
 * of date. Among roles that do not refine one another, the one given by more recent articles wins.
 */
export function chooseRoles(evidence: RoleEvidence[], options: { hasFullName?: boolean } = {}): string[] {
  if (evidence.length === 0) return [];
  const all = evidence.map(candidate).sort((a, b) => b.files - a.files || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  // A person known by a full name keeps only roles given beside it somewhere; one known by a lone word has no choice.
  const sure = options.hasFullName ? all.filter((c) => c.sure) : all;
  if (sure.length <= 1) return sure.map((c) => c.text);
  const shared = sure.filter((c) => c.files >= 2);
  let pool = shared.length ? shared : sure;
  let latest: number | null = null;
  for (const c of pool) if (c.last !== null && (latest === null || c.last > latest)) latest = c.last;
  if (latest !== null) {
    const newestDay = latest;
    const fresh = (c: Candidate): boolean => c.last === null || newestDay - c.last <= STALE_DAYS;
    // An older role that only refines a current one ("U.S. President" beside "President") still holds.
    const currentWords = pool.filter(fresh).map((c) => c.words);
    const current = pool.filter((c) => fresh(c) || (!TEMPORAL.test(fold(c.text)) && currentWords.some((w) => moreSpecific(c.words, w))));
    if (current.length) pool = current;
  }
  const unrefined = pool.filter((a) => !pool.some((b) => b !== a && moreSpecific(b.words, a.words)) && a.words.length <= MAX_ROLE_WORDS);
  const recent = new Map(pool.map((c) => [c, latest === null ? c.files : c.undated + c.days.filter((d) => (latest as number) - d <= RECENT_DAYS).length]));
  const ranked = (unrefined.length ? unrefined : pool).sort(
    (a, b) =>
      (recent.get(b) as number) - (recent.get(a) as number) ||
      b.files - a.files ||
      b.words.length - a.words.length ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  const display = ranked[0] as Candidate;
  return [display.text, ...sure.filter((c) => c !== display).map((c) => c.text)];
}
