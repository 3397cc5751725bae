// One record per person across the corpus: spelling variants, surnames, titles and roles merged.

import type { PersonKind, PersonRecord, Statement } from '../types.js';
import type { ArticleAttribution } from './extract.js';
import { foldName, nameSkeleton, surnameOf } from './mentions.js';
import type { RoleEvidence } from './display-role.js';
import { chooseRoles, roleKey } from './display-role.js';
import { cleanRole } from './roles.js';

export interface CorpusAttribution {
  people: PersonRecord[];
  statements: Statement[];
  /** Person id → files that mention the person (quoted or not). */
  mentionedIn: Record<string, string[]>;
  /** How the people were merged, kept so that one more article can be merged in (registry-add.ts). */
  state?: RegistryState;
}

export interface Group {
  kind: PersonKind;
  /** Full names met, with the number of articles each was met in. */
  names: Map<string, number>;
  aliases: Set<string>;
  /** Role key (see roleKey) → the cleaned role's spellings, files and dates. */
  roles: Map<string, RoleEvidence>;
  statements: number;
}

/**
 * Union-find over every local entity of the corpus, numbered by position (article offset + entity index):
 * integer parents, so a find is a few array reads rather than hashing long string keys.
 */
class Groups {
  readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const up = parent[x] as number;
      parent[x] = parent[up] as number; // path halving: later finds are near O(1)
      x = up;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

/** A merged group as the registry left it: enough to merge one more article's entities into it. */
export interface GroupState extends Group {
  /** Full-name and organisation entities counted into the group before lone surnames joined (see buildRegistry). */
  articleCount: number;
  /** + per full-name entity shown as a man, - as a woman. */
  genderVotes: number;
  /** The surname skeleton of a full-name group; null for organisations and lone words. */
  surname: string | null;
  /** Its person's id, null when the group is not worth a record. */
  id: string | null;
  /** Position of its record in `people`, -1 when none. */
  record: number;
}

export interface RegistryState {
  groups: GroupState[];
  /** Full-name key → group; folded organisation name → group; surname skeleton → full-name groups carrying it. */
  fullByKey: Map<string, number>;
  orgByName: Map<string, number>;
  fullBySurname: Map<string, number[]>;
  /** Lone-word person entities by surname skeleton and by folded name: a new full name or organisation could take them. */
  loneBySurname: Map<string, number>;
  loneByFold: Map<string, number>;
  usedIds: Set<string>;
}

const personKeys = new Map<string, string | null>();

/** "first-skeleton surname-skeleton" for a full name; null for a single word. Memoised: names repeat. */
export function fullNameKey(name: string): string | null {
  let k = personKeys.get(name);
  if (k !== undefined) return k;
  if (personKeys.size > 50_000) personKeys.clear();
  const space = name.indexOf(' ');
  k = space < 0 ? null : `${nameSkeleton(name.slice(0, space))} ${nameSkeleton(surnameOf(name))}`;
  personKeys.set(name, k);
  return k;
}

export function isMultiWord(name: string): boolean {
  return name.includes(' ');
}

/**
 * `dateOf` gives an article's date (YYYY-MM-DD) by file: a person's display role is the one current at the
 * newest articles ("nominee" once the "candidate" has won).
 */
export function buildRegistry(extractions: ArticleAttribution[], dateOf: ReadonlyMap<string, string | null> = new Map()): CorpusAttribution {
  const offsets = new Int32Array(extractions.length);
  let total = 0;
  extractions.forEach((x, k) => {
    offsets[k] = total;
    total += x.entities.length;
  });
  const groups = new Groups(total);
  const fullByKey = new Map<string, number>();
  /** Surname skeleton → one entity per distinct full name carrying it. */
  const fullBySurname = new Map<string, number[]>();
  const orgByName = new Map<string, number>();

  // Full names and organisations: the same first name and surname skeleton, or the same folded name.
  extractions.forEach((x, xi) => {
    const base = offsets[xi] as number;
    x.entities.forEach((e, ei) => {
      const id = base + ei;
      if (e.kind === 'organisation') {
        const folded = foldName(e.name);
        const existing = orgByName.get(folded);
        if (existing !== undefined) groups.union(existing, id);
        else orgByName.set(folded, id);
        return;
      }
      const key = fullNameKey(e.name);
      if (key === null) return;
      const existing = fullByKey.get(key);
      if (existing !== undefined) {
        groups.union(existing, id);
        return;
      }
      fullByKey.set(key, id);
      const surname = nameSkeleton(surnameOf(e.name));
      const list = fullBySurname.get(surname);
      if (list) list.push(id);
      else fullBySurname.set(surname, [id]);
    });
  });

  // Surname-only entities join the full name that carries their surname, the most common one when several do,
  // but never a full name of the other gender: "Mr. Clinton" is not Hillary Clinton, "Mrs. Obama" not Barack.
  const articleCount = new Int32Array(total);
  const genderVotes = new Int32Array(total); // per root: + for each article that shows "m", - for "f"
  extractions.forEach((x, xi) => {
    const base = offsets[xi] as number;
    x.entities.forEach((e, ei) => {
      const root = groups.find(base + ei);
      articleCount[root] = (articleCount[root] as number) + 1;
      if (isMultiWord(e.name) && e.gender) genderVotes[root] = (genderVotes[root] as number) + (e.gender === 'm' ? 1 : -1);
    });
  });
  const otherGender = (root: number, gender: 'm' | 'f' | null | undefined): boolean => {
    const votes = genderVotes[root] as number;
    return (gender === 'm' && votes < 0) || (gender === 'f' && votes > 0);
  };
  extractions.forEach((x, xi) => {
    const base = offsets[xi] as number;
    x.entities.forEach((e, ei) => {
      if (e.kind !== 'person' || isMultiWord(e.name)) return;
      const id = base + ei;
      const candidates = fullBySurname.get(nameSkeleton(e.name));
      let best = -1;
      if (candidates) {
        for (const c of candidates) {
          const root = groups.find(c);
          if (otherGender(root, e.gender)) continue;
          if (best < 0 || (articleCount[root] as number) > (articleCount[best] as number)) best = root;
        }
      }
      if (best >= 0) groups.union(best, id);
      else {
        const org = orgByName.get(foldName(e.name));
        if (org !== undefined) groups.union(org, id);
      }
    });
  });

  const groupOfRoot = new Int32Array(total).fill(-1);
  const groupList: Group[] = [];
  const rootOf = new Int32Array(total);
  for (let id = 0; id < total; id++) rootOf[id] = groups.find(id);
  extractions.forEach((x, xi) => {
    const base = offsets[xi] as number;
    x.entities.forEach((e, ei) => {
      const root = rootOf[base + ei] as number;
      let gi = groupOfRoot[root] as number;
      if (gi < 0) {
        gi = groupList.length;
        groupOfRoot[root] = gi;
        groupList.push({ kind: e.kind, names: new Map(), aliases: new Set(), roles: new Map(), statements: 0 });
      }
      const g = groupList[gi] as Group;
      addEntity(g, e, x.file, dateOf.get(x.file));
    });
    for (const s of x.statements) (groupList[groupOfRoot[rootOf[base + s.speaker] as number] as number] as Group).statements++;
  });

  const idOfGroup: (string | null)[] = [];
  const people: PersonRecord[] = [];
  const usedIds = new Set<string>();
  const recordOfGroup: number[] = [];
  for (const g of groupList) {
    const name = recordName(g);
    if (name === null) {
      recordOfGroup.push(-1);
      idOfGroup.push(null);
      continue;
    }
    let id = foldName(name);
    while (usedIds.has(id)) id = `${id}'`;
    usedIds.add(id);
    idOfGroup.push(id);
    recordOfGroup.push(people.length);
    people.push(personRecord(g, id, name));
  }

  const statements: Statement[] = [];
  const mentionedIn: Record<string, string[]> = {};
  const personOf = (entity: number): string | null => idOfGroup[groupOfRoot[rootOf[entity] as number] as number] ?? null;
  extractions.forEach((x, xi) => {
    const base = offsets[xi] as number;
    for (const s of x.statements) {
      const id = personOf(base + s.speaker);
      if (id)
        statements.push({ speaker: id, kind: s.kind, text: s.text, file: x.file, paragraph: s.paragraph, spans: s.spans, cue: s.cue, cueSpan: s.cueSpan });
    }
    for (const m of x.mentions) {
      const id = personOf(base + m.entity);
      if (!id) continue;
      const files = mentionedIn[id] ?? [];
      if (files[files.length - 1] !== x.file) files.push(x.file);
      mentionedIn[id] = files;
    }
  });
  const rootOfGroup = new Int32Array(groupList.length);
  for (let root = 0; root < total; root++) if ((groupOfRoot[root] as number) >= 0) rootOfGroup[groupOfRoot[root] as number] = root;
  const groupOf = (entity: number): number => groupOfRoot[rootOf[entity] as number] as number;
  const state: RegistryState = {
    groups: groupList.map((g, gi) => {
      const root = rootOfGroup[gi] as number;
      const id = idOfGroup[gi] ?? null;
      return { ...g, articleCount: articleCount[root] as number, genderVotes: genderVotes[root] as number, surname: null, id, record: -1 };
    }),
    fullByKey: new Map([...fullByKey].map(([k, e]) => [k, groupOf(e)])),
    orgByName: new Map([...orgByName].map(([k, e]) => [k, groupOf(e)])),
    fullBySurname: new Map([...fullBySurname].map(([k, list]) => [k, list.map(groupOf)])),
    loneBySurname: new Map(),
    loneByFold: new Map(),
    usedIds,
  };
  for (const [surname, list] of state.fullBySurname) for (const gi of list) (state.groups[gi] as GroupState).surname = surname;
  recordOfGroup.forEach((k, gi) => {
    (state.groups[gi] as GroupState).record = k;
  });
  for (const x of extractions)
    for (const e of x.entities) {
      if (e.kind !== 'person' || isMultiWord(e.name)) continue;
      countInto(state.loneBySurname, nameSkeleton(e.name));
      countInto(state.loneByFold, foldName(e.name));
    }
  return { people, statements, mentionedIn, state };
}

/** Adds what one article says of an entity (its names, aliases and roles) to the group it belongs to. */
export function addEntity(g: Group, e: ArticleAttribution['entities'][number], file: string, date: string | null | undefined): void {
  if (isMultiWord(e.name)) g.kind = e.kind;
  g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
  for (const a of e.aliases) g.aliases.add(a);
  for (const raw of e.roles) {
    const role = cleanRole(raw);
    if (role === null) continue;
    const k = roleKey(role);
    const evidence: RoleEvidence = g.roles.get(k) ?? { texts: new Map(), files: new Set(), dates: [], besideFullName: false };
    g.roles.set(k, evidence);
    if (isMultiWord(e.name)) evidence.besideFullName = true;
    evidence.texts.set(role, (evidence.texts.get(role) ?? 0) + 1);
    if (!evidence.files.has(file)) {
      evidence.files.add(file);
      if (date) evidence.dates.push(date);
    }
  }
}

/** The name a group's record goes by (its most common full name, then the longest), or null: no record. */
export function recordName(g: Group): string | null {
  const multi = [...g.names].filter(([n]) => isMultiWord(n));
  // Unquoted organisations and lone capitalised words are not worth a record: they are noise in lists.
  if (g.statements === 0 && (g.kind === 'organisation' || multi.length === 0)) return null;
  const pool = multi.length ? multi : [...g.names];
  pool.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return (pool[0] as [string, number])[0];
}

export function personRecord(g: Group, id: string, name: string): PersonRecord {
  const hasFullName = [...g.names.keys()].some(isMultiWord);
  const aliases = new Set<string>([...g.names.keys(), ...g.aliases]);
  if (g.kind === 'person' && hasFullName) aliases.add(surnameOf(name));
  aliases.delete(name);
  const roles = chooseRoles([...g.roles.values()], { hasFullName });
  return { id, name, aliases: [...aliases].sort(), roles, kind: g.kind };
}

export function countInto(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}
