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
  /** Each folded word of any name or alias → person ids: surnames and first names in O(1). */
  byWord: Map<string, string[]>;
  /** Distinct name words by first letter: near-spelling search looks only where a typo can be. */
  wordsByInitial: Map<string, string[]>;
  /** Folded roles with their person, for role questions. */
  roles: { role: string; id: string }[];
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

export function peopleDirectory(people: PersonRecord[], statementCounts: Map<string, number>): PeopleDirectory {
  const byAlias = new Map<string, string[]>();
  const byWord = new Map<string, string[]>();
  const byId = new Map<string, PersonRecord>();
  const roles: { role: string; id: string }[] = [];
  for (const p of people) {
    byId.set(p.id, p);
    for (const alias of [p.name, ...p.aliases]) {
      const f = fold(alias);
      addTo(byAlias, f, p.id);
      addTo(byAlias, f.replace(LEADING_WORDS, ''), p.id);
      for (const w of f.split(' ')) if (w.length >= 2) addTo(byWord, w, p.id);
    }
    for (const r of p.roles) roles.push({ role: fold(r), id: p.id });
  }
  const wordsByInitial = new Map<string, string[]>();
  for (const w of byWord.keys()) {
    const list = wordsByInitial.get(w[0] as string);
    if (list) list.push(w);
    else wordsByInitial.set(w[0] as string, [w]);
  }
  return { people, statementCounts, byAlias, byId, byWord, wordsByInitial, roles };
}

/** Name words within a small edit distance of `w` (same first letter; typos rarely hit it). */
function nearWords(dir: PeopleDirectory, w: string, maxDistance: number): string[] {
  return (dir.wordsByInitial.get(w[0] ?? '') ?? []).filter((c) => Math.abs(c.length - w.length) <= maxDistance && distance(c, w) <= maxDistance);
}

function mostQuoted(dir: PeopleDirectory, ids: string[]): PersonRecord | null {
  const sorted = [...ids].sort((a, b) => (dir.statementCounts.get(b) ?? 0) - (dir.statementCounts.get(a) ?? 0));
  return sorted[0] ? (dir.byId.get(sorted[0]) ?? null) : null;
}

/** The person `query` names, or null. Exact aliases win over roles, roles over near spellings. */
export function findPerson(dir: PeopleDirectory, query: string): PersonRecord | null {
  const q = fold(query)
    .replace(/[?!.,"]/g, '')
    .replace(/['’]s$/, '')
    .trim();
  if (q.length < 2) return null;
  const bare = q.replace(LEADING_WORDS, '');
  for (const key of [q, bare]) {
    const ids = dir.byAlias.get(key);
    if (ids?.length) return mostQuoted(dir, ids);
  }
  // A role: "the EU foreign affairs chief", "Trump's envoy".
  // One word must be the role's head noun ("chancellor"), not any word in it: a bare "government" is
  // a topic, not the "Government Spokesperson".
  const several = bare.includes(' ');
  const roleHits = dir.roles.filter(
    ({ role }) =>
      role === bare ||
      role.endsWith(` ${bare}`) ||
      (several && role.includes(bare)) ||
      (role.length >= 6 && bare.includes(role) && bare.split(' ').length <= role.split(' ').length + 2),
  );
  if (roleHits.length)
    return mostQuoted(
      dir,
      roleHits.map((r) => r.id),
    );
  // Words of a name ("Zelenskiy", "Lytvyn"), allowing near spellings of each: people who have them all.
  let ids: string[] | null = null;
  for (const w of bare.split(' ')) {
    const spellings = w.length >= 5 ? nearWords(dir, w, Math.floor(w.length / 5)) : [w];
    const having = new Set(spellings.flatMap((x) => dir.byWord.get(x) ?? []));
    ids = ids === null ? [...having] : ids.filter((id) => having.has(id));
    if (ids.length === 0) return null;
  }
  return ids?.length ? mostQuoted(dir, ids) : null;
}

/** Closest names for a query that matched nobody, nearest first. */
export function closestNames(dir: PeopleDirectory, query: string, limit = 3): string[] {
  const q = fold(query).replace(LEADING_WORDS, '');
  const scored = new Map<string, number>();
  for (const w of q.split(' ').filter((x) => x.length >= 2)) {
    const maxDistance = Math.max(1, Math.floor(w.length * 0.4));
    for (const near of nearWords(dir, w, maxDistance)) {
      const score = distance(near, w) / Math.max(near.length, w.length);
      for (const id of dir.byWord.get(near) ?? []) scored.set(id, Math.min(scored.get(id) ?? 1, score));
    }
  }
  return [...scored]
    .sort((a, b) => a[1] - b[1] || (dir.statementCounts.get(b[0]) ?? 0) - (dir.statementCounts.get(a[0]) ?? 0))
    .slice(0, limit)
    .map(([id]) => dir.byId.get(id)?.name ?? id);
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
