// Scores the roles shown beside people's names: on the seed people (tests/fixtures/seed-roles.json) and on
// role pairs derived by rule from an annotated news corpus (see role-gold.ts); and lists the most quoted
// people with their display roles, for a person to look over.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { attributeCorpus } from '../attribution/index.js';
import { roleWords } from '../attribution/display-role.js';
import { loadCorpus } from '../corpus/load.js';
import { fold } from '../text/normalize.js';
import type { PersonRecord, Statement } from '../types.js';
import { parseGold } from './dev.js';
import type { RolePair } from './role-gold.js';
import { rolePairs } from './role-gold.js';

const FILLER = new Set(['of', 'the', 'for', 'at', 'to', 'in', 'on', 'from', 'with', 'and', 'a', 'an']);
const PREPOSITIONS = new Set(['of', 'for', 'at', 'to', 'in', 'on', 'from', 'with']);

function timeMarkers(words: string[]): string {
  return words
    .filter((w) => w === 'former' || w === 'then' || w.startsWith('then-') || w.startsWith('ex-') || /^(?:19|20)\d\d$/.test(w))
    .sort()
    .join(' ');
}

/**
 * Our role agrees with a gold role when the gold names our head noun ("senator" in "Vermont Sen."), at least
 * half of our words are in the gold, and both agree on time ("former", "then-", a year): "Republican
 * presidential nominee" fits "GOP nominee"; "Florida governor" does not fit "former Florida governor".
 */
export function roleAgrees(ours: string, gold: string): boolean {
  const all = roleWords(ours);
  const prep = all.findIndex((w) => PREPOSITIONS.has(w));
  const head = (prep > 0 ? all.slice(0, prep) : all).at(-1);
  const o = all.filter((w) => !FILLER.has(w));
  const g = roleWords(gold).filter((w) => !FILLER.has(w));
  if (head === undefined || !g.includes(head)) return false;
  if (timeMarkers(o) !== timeMarkers(g)) return false;
  return o.filter((w) => g.includes(w)).length * 2 >= o.length;
}

/** The record a gold name means: same surname, and the same first name when the gold gives one; else the most quoted. */
export function personForName(people: PersonRecord[], counts: Map<string, number>, name: string): PersonRecord | null {
  const words = fold(name).replace(/[.,]/g, '').split(' ').filter(Boolean);
  const surname = words.at(-1);
  const first = words.length > 1 ? words[0] : undefined;
  if (!surname) return null;
  let best: PersonRecord | null = null;
  for (const p of people) {
    if (p.kind !== 'person') continue;
    const names = [p.name, ...p.aliases].map((n) => fold(n).replace(/[.,]/g, '').split(' '));
    const fits = names.some((n) => n.at(-1) === surname && (first === undefined || n.length === 1 || n[0] === first));
    const full = first === undefined || names.some((n) => n.length > 1 && n[0] === first && n.at(-1) === surname);
    if (fits && full && (!best || (counts.get(p.id) ?? 0) > (counts.get(best.id) ?? 0))) best = p;
  }
  return best;
}

export interface RoleScore {
  /** People with a gold role whose display role agrees with one of them / people shown with a role. */
  precision: { hit: number; total: number };
  /** … / people with a gold role that we have a record of. */
  recall: { hit: number; total: number };
  /** Gold pairs some role of the person (display or not) agrees with: what role questions can find. */
  searchable: { hit: number; total: number };
  wrong: { name: string; shown: string; gold: string[] }[];
  unshown: { name: string; gold: string[] }[];
  /** Gold names with no person record (many are outlets or polls the source heuristic called names). */
  unmatched: number;
}

/**
 * Scores the people of `pairs`. A display role is right when it agrees with a role the gold gives that person
 * in `pairs` or in `otherPairs` (the other split: a person has several true roles, and one split's sources
 * name only some of them).
 */
export function scoreRoles(people: PersonRecord[], counts: Map<string, number>, pairs: RolePair[], otherPairs: RolePair[] = []): RoleScore {
  const goldByPerson = new Map<PersonRecord, Set<string>>();
  const otherGold = new Map<PersonRecord, string[]>();
  for (const pair of otherPairs) {
    const person = personForName(people, counts, pair.name);
    if (person) otherGold.set(person, [...(otherGold.get(person) ?? []), pair.role]);
  }
  const score: RoleScore = {
    precision: { hit: 0, total: 0 },
    recall: { hit: 0, total: 0 },
    searchable: { hit: 0, total: 0 },
    wrong: [],
    unshown: [],
    unmatched: 0,
  };
  const unmatched = new Set<string>();
  for (const pair of pairs) {
    const person = personForName(people, counts, pair.name);
    if (!person) {
      unmatched.add(pair.name);
      continue;
    }
    const roles = goldByPerson.get(person) ?? new Set<string>();
    goldByPerson.set(person, roles);
    roles.add(pair.role);
    score.searchable.total++;
    if (person.roles.some((r) => roleAgrees(r, pair.role))) score.searchable.hit++;
  }
  score.unmatched = unmatched.size;
  for (const [person, roles] of goldByPerson) {
    const gold = [...roles];
    const shown = person.roles[0];
    score.recall.total++;
    if (shown === undefined) {
      score.unshown.push({ name: person.name, gold });
      continue;
    }
    score.precision.total++;
    if ([...gold, ...(otherGold.get(person) ?? [])].some((g) => roleAgrees(shown, g))) {
      score.precision.hit++;
      score.recall.hit++;
    } else score.wrong.push({ name: person.name, shown, gold });
  }
  return score;
}

function ratio(r: { hit: number; total: number }): string {
  return `${(r.total ? r.hit / r.total : 1).toFixed(3)} (${r.hit}/${r.total})`;
}

function statementCounts(statements: Statement[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
  return counts;
}

/** The seed people's display roles against tests/fixtures/seed-roles.json: [name, shown, expected, ok]. */
export function checkSeedRoles(
  people: PersonRecord[],
  expected: Record<string, string>,
): { name: string; shown: string | null; expected: string; ok: boolean }[] {
  return Object.entries(expected).map(([name, role]) => {
    const person = people.find((p) => fold(p.name) === fold(name));
    const shown = person?.roles[0] ?? null;
    return { name, shown, expected: role, ok: shown !== null && fold(shown) === fold(role) };
  });
}

export function printSeedRoles(checks: ReturnType<typeof checkSeedRoles>): void {
  const ok = checks.filter((c) => c.ok).length;
  console.log(
    `Roles: ${ok}/${checks.length} seed people shown with their gold role (display-role precision ${(ok / Math.max(1, checks.filter((c) => c.shown).length)).toFixed(3)}, recall ${(ok / Math.max(1, checks.length)).toFixed(3)})`,
  );
  for (const c of checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name} — ${c.shown ?? '(no role)'}${c.ok ? '' : ` (gold: ${c.expected})`}`);
}

async function annotatedCorpus(dir: string): Promise<{ people: PersonRecord[]; counts: Map<string, number>; pairs: RolePair[] }> {
  const { articles } = await loadCorpus(path.join(dir, 'articles'));
  const { people, statements } = attributeCorpus(articles);
  const pairs = rolePairs(parseGold(await readFile(path.join(dir, 'attributions.jsonl'), 'utf8')));
  return { people, counts: statementCounts(statements), pairs };
}

/** Role precision and recall on the dev split's pairs (the train split's are printed as the tuning set). */
export async function runRoleEval(dir: string, options: { verbose?: boolean } = {}): Promise<number> {
  const { people, counts, pairs } = await annotatedCorpus(dir);
  console.log(`\nDisplay roles against role pairs derived by rule from the gold sources (“Vermont Sen. Bernie Sanders”, “Vilsack, a former Iowa governor”);`);
  console.log('a person of the split is shown right when the role agrees with one the gold gives them anywhere:');
  let devPrecision = 1;
  for (const split of ['dev', 'train']) {
    const own = pairs.filter((p) => p.split === split);
    const s = scoreRoles(
      people,
      counts,
      own,
      pairs.filter((p) => p.split !== split),
    );
    const strict = scoreRoles(people, counts, own);
    if (split === 'dev') devPrecision = s.precision.total ? s.precision.hit / s.precision.total : 1;
    console.log(
      `  ${split.padEnd(6)} ${own.length} pairs: display precision ${ratio(s.precision)}, recall ${ratio(s.recall)}; a role of theirs agrees with the pair ${ratio(s.searchable)}; ${s.unmatched} names with no person record${split === 'train' ? '  (the split the rules were tuned on)' : ''}`,
    );
    console.log(`         judged on this split's pairs alone: display precision ${ratio(strict.precision)}, recall ${ratio(strict.recall)}`);
    if (split === 'dev' || options.verbose) {
      for (const w of s.wrong) console.log(`    shown “${w.shown}” for ${w.name}; gold: ${w.gold.map((g) => `“${g}”`).join(', ')}`);
    }
  }
  return devPrecision >= 0.95 ? 0 : 1;
}

/** The most quoted people with the role a reader sees beside them (and the next ones, for comparison). */
export async function printTopRoles(dir: string, limit = 100): Promise<number> {
  // An annotated corpus keeps its articles in articles/; any other folder is a corpus itself.
  const articleDir = existsSync(path.join(dir, 'articles')) ? path.join(dir, 'articles') : dir;
  const { articles } = await loadCorpus(articleDir);
  const { people, statements } = attributeCorpus(articles);
  const counts = statementCounts(statements);
  const top = people
    .filter((p) => p.kind === 'person')
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
    .slice(0, limit);
  console.log(`The ${top.length} most quoted people in ${dir}, with their display role [and other roles]:`);
  top.forEach((p, k) => {
    const others = p.roles.slice(1, 4);
    console.log(
      `${String(k + 1).padStart(4)}. ${p.name} (${counts.get(p.id) ?? 0}) — ${p.roles[0] ?? '(no role)'}${others.length ? `   [${others.join('; ')}]` : ''}`,
    );
  });
  return 0;
}
