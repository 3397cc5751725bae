// Finds the person a question means: by name or alias, by role, by surname, or by a near spelling.

import { distance } from 'fastest-levenshtein';
import { fold } from '../text/normalize.js';
import type { PersonChoice, PersonRecord } from '../types.js';

const LEADING_WORDS = /^(?:the|mr|mrs|ms|miss|dr|sir|president|chancellor|prime minister|minister|senator|sen|rep|gov|governor|secretary|general)\.?\s+/;

export interface PeopleDirectory {
  people: PersonRecord[];
  /** Statement counts per person id, for ranking ties. */
  statementCounts: Map<string, number>;
  /** Folded alias or name → person ids. */
  byAlias: Map<string, string[]>;
  byId: Map<string, PersonRecord>;
}

export function peopleDirectory(people: PersonRecord[], statementCounts: Map<string, number>): PeopleDirectory {
  const byAlias = new Map<string, string[]>();
  const byId = new Map<string, PersonRecord>();
  for (const p of people) {
    byId.set(p.id, p);
    for (const alias of [p.name, ...p.aliases]) {
      for (const key of [fold(alias), fold(alias).replace(LEADING_WORDS, '')]) {
        const list = byAlias.get(key) ?? [];
        if (!list.includes(p.id)) list.push(p.id);
        byAlias.set(key, list);
      }
    }
  }
  return { people, statementCounts, byAlias, byId };
}

function mostQuoted(dir: PeopleDirectory, ids: string[]): PersonRecord | null {
  const sorted = [...ids].sort((a, b) => (dir.statementCounts.get(b) ?? 0) - (dir.statementCounts.get(a) ?? 0));
  return sorted[0] ? dir.byId.get(sorted[0]) ?? null : null;
}

/** The person `query` names, or null. Exact aliases win over roles, roles over near spellings. */
export function findPerson(dir: PeopleDirectory, query: string): PersonRecord | null {
  const q = fold(query).replace(/[?!.,"]/g, '').replace(/['’]s$/, '').trim();
  if (q.length < 2) return null;
  const bare = q.replace(LEADING_WORDS, '');
  for (const key of [q, bare]) {
    const ids = dir.byAlias.get(key);
    if (ids?.length) return mostQuoted(dir, ids);
  }
  // A role: "the EU foreign affairs chief", "Trump's envoy".
  const roleHits = dir.people.filter((p) => p.roles.some((r) => {
    const role = fold(r);
    return role === bare || role.endsWith(` ${bare}`) || (bare.length >= 6 && role.includes(bare)) || (role.length >= 6 && bare.includes(role) && bare.split(' ').length <= role.split(' ').length + 2);
  }));
  if (roleHits.length) return mostQuoted(dir, roleHits.map((p) => p.id));
  // One word of a name ("Zelenskiy", "Lytvyn"), allowing near spellings of it.
  const words = bare.split(' ');
  const wordHits = dir.people.filter((p) => [p.name, ...p.aliases].some((a) => {
    const parts = fold(a).split(' ');
    return words.every((w) => parts.some((part) => part === w || (w.length >= 5 && distance(part, w) <= Math.floor(w.length / 5))));
  }));
  if (wordHits.length) return mostQuoted(dir, wordHits.map((p) => p.id));
  return null;
}

/** Closest names for a query that matched nobody, nearest first. */
export function closestNames(dir: PeopleDirectory, query: string, limit = 3): string[] {
  const q = fold(query).replace(LEADING_WORDS, '');
  const scored = dir.people.map((p) => {
    const best = Math.min(...[p.name, ...p.aliases].flatMap((a) => [fold(a), ...fold(a).split(' ')]).map((a) => distance(a, q) / Math.max(a.length, q.length, 1)));
    return { name: p.name, best, quoted: dir.statementCounts.get(p.id) ?? 0 };
  });
  return scored
    .filter((s) => s.best <= 0.6)
    .sort((a, b) => a.best - b.best || b.quoted - a.quoted)
    .slice(0, limit)
    .map((s) => s.name);
}

/** Autocomplete: people whose name, alias or role contains what was typed, most quoted first. */
export function suggestPeople(dir: PeopleDirectory, typed: string, limit = 25): PersonChoice[] {
  const q = fold(typed).slice(0, 100);
  const scored: { p: PersonRecord; rank: number }[] = [];
  for (const p of dir.people) {
    const names = [p.name, ...p.aliases].map(fold);
    const roles = p.roles.map(fold);
    let rank = -1;
    if (q === '') rank = 3;
    else if (names.some((n) => n.startsWith(q) || n.split(' ').some((w) => w.startsWith(q)))) rank = 0;
    else if (names.some((n) => n.includes(q))) rank = 1;
    else if (roles.some((r) => r.includes(q))) rank = 2;
    if (rank >= 0) scored.push({ p, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || (dir.statementCounts.get(b.p.id) ?? 0) - (dir.statementCounts.get(a.p.id) ?? 0) || a.p.name.localeCompare(b.p.name));
  return scored.slice(0, limit).map(({ p }) => ({ id: p.id, name: p.name, label: personLabel(p), statements: dir.statementCounts.get(p.id) ?? 0 }));
}

export function personLabel(p: PersonRecord): string {
  const label = p.roles[0] ? `${p.name} — ${p.roles[0]}` : p.name;
  return label.length <= 100 ? label : `${label.slice(0, 99)}…`;
}
