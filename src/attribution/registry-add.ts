// One more article merged into the people of a corpus without redoing the whole registry: what the
// folder watcher's new file needs to be answerable at once. It gives up (null) wherever the full merge
// (buildRegistry) could decide differently for articles already read — a new full name whose surname
// stood alone before, a name now tied for a person's display name, an id already taken — so its
// result is the full merge's or nothing, and the caller then runs the full merge.

import type { PersonRecord, Statement } from '../types.js';
import type { ArticleAttribution } from './extract.js';
import { foldName, nameSkeleton, surnameOf } from './mentions.js';
import type { Group, GroupState, RegistryState } from './registry.js';
import { addEntity, countInto, fullNameKey, isMultiWord, personRecord, recordName } from './registry.js';

export interface AddedAttribution {
  people: PersonRecord[];
  /** The new article's statements. */
  statements: Statement[];
  mentionedIn: Record<string, string[]>;
}

function cloneGroup(g: GroupState): GroupState {
  return {
    ...g,
    names: new Map(g.names),
    aliases: new Set(g.aliases),
    roles: new Map([...g.roles].map(([k, e]) => [k, { ...e, texts: new Map(e.texts), files: new Set(e.files), dates: [...e.dates] }])),
  };
}

function otherGender(votes: number, gender: 'm' | 'f' | null | undefined): boolean {
  return (gender === 'm' && votes < 0) || (gender === 'f' && votes > 0);
}

/**
 * Another name as common and as long as the chosen one, where this article gave one of the two: the
 * full merge would then choose by which article comes first, which this merge cannot know.
 */
function nameTied(g: Group, name: string, given: ReadonlySet<string>): boolean {
  const multi = [...g.names].filter(([n]) => isMultiWord(n));
  const pool = multi.length ? multi : [...g.names];
  const count = g.names.get(name);
  return pool.some(([n, c]) => n !== name && c === count && n.length === name.length && (given.has(n) || given.has(name)));
}

/**
 * Merges article `x` (dated `date`) into `state` and the people and mentions built with it. On success
 * `state` is updated to include the article; on null nothing was changed.
 */
export function addToRegistry(
  state: RegistryState,
  current: { people: PersonRecord[]; mentionedIn: Record<string, string[]> },
  x: ArticleAttribution,
  date: string | null,
): AddedAttribution | null {
  const known = state.groups.length;
  const drafts = new Map<number, GroupState>();
  const draft = (gi: number): GroupState => {
    let g = drafts.get(gi);
    if (!g) {
      g = cloneGroup(state.groups[gi] as GroupState);
      drafts.set(gi, g);
    }
    return g;
  };
  const newGroups: GroupState[] = [];
  const newGroup = (surname: string | null): number => {
    const g: GroupState = {
      kind: 'person',
      names: new Map(),
      aliases: new Set(),
      roles: new Map(),
      statements: 0,
      articleCount: 0,
      genderVotes: 0,
      surname,
      id: null,
      record: -1,
    };
    newGroups.push(g);
    drafts.set(known + newGroups.length - 1, g);
    return known + newGroups.length - 1;
  };
  const fullByKey = new Map<string, number>();
  const orgByName = new Map<string, number>();
  const surnameAdds = new Map<string, number[]>();
  const groupOf = new Int32Array(x.entities.length).fill(-1);

  // Full names and organisations, as the full merge's first pass.
  for (const [ei, e] of x.entities.entries()) {
    if (e.kind === 'organisation') {
      const folded = foldName(e.name);
      let gi = state.orgByName.get(folded) ?? orgByName.get(folded);
      if (gi === undefined) {
        // Lone words already read under this name would join the new organisation.
        if (state.loneByFold.has(folded)) return null;
        gi = newGroup(null);
        orgByName.set(folded, gi);
      }
      groupOf[ei] = gi;
      continue;
    }
    const key = fullNameKey(e.name);
    if (key === null) continue;
    let gi = state.fullByKey.get(key) ?? fullByKey.get(key);
    if (gi === undefined) {
      const surname = nameSkeleton(surnameOf(e.name));
      // Lone surnames already read could join the new full name, or another one than before.
      if (state.loneBySurname.has(surname)) return null;
      gi = newGroup(surname);
      fullByKey.set(key, gi);
      surnameAdds.set(surname, [...(surnameAdds.get(surname) ?? []), gi]);
    }
    groupOf[ei] = gi;
  }

  // Counts and gender votes; a lone surname already read chooses among its full names by them.
  const votesBefore = new Map<number, number>();
  for (const [ei, e] of x.entities.entries()) {
    const gi = groupOf[ei] as number;
    if (gi < 0) continue;
    const g = draft(gi);
    if (!votesBefore.has(gi)) votesBefore.set(gi, g.genderVotes);
    g.articleCount++;
    if (isMultiWord(e.name) && e.gender) g.genderVotes += e.gender === 'm' ? 1 : -1;
  }
  for (const [gi, before] of votesBefore) {
    const g = drafts.get(gi) as GroupState;
    if (gi >= known || g.surname === null || !state.loneBySurname.has(g.surname)) continue;
    const rivals = state.fullBySurname.get(g.surname)?.length ?? 0;
    if (rivals > 1 || Math.sign(before) !== Math.sign(g.genderVotes)) return null;
  }

  // Lone surnames of this article join the most counted full name carrying them, else an organisation.
  const loneSurnames: string[] = [];
  const loneFolds: string[] = [];
  for (const [ei, e] of x.entities.entries()) {
    if (e.kind !== 'person' || isMultiWord(e.name)) continue;
    const surname = nameSkeleton(e.name);
    const folded = foldName(e.name);
    loneSurnames.push(surname);
    loneFolds.push(folded);
    const eligible = [...(state.fullBySurname.get(surname) ?? []), ...(surnameAdds.get(surname) ?? [])]
      .map((gi) => ({ gi, g: drafts.get(gi) ?? (state.groups[gi] as GroupState) }))
      .filter(({ g }) => !otherGender(g.genderVotes, e.gender));
    const most = Math.max(...eligible.map(({ g }) => g.articleCount));
    const best = eligible.filter(({ g }) => g.articleCount === most);
    // A tie with a full name new in this article is settled by article order in the full merge.
    if (best.length > 1 && best.some(({ gi }) => gi >= known)) return null;
    const org = state.orgByName.get(folded) ?? orgByName.get(folded);
    groupOf[ei] = best[0]?.gi ?? org ?? newGroup(null);
  }

  // Names, aliases, roles and statements into the groups.
  for (const [ei, e] of x.entities.entries()) {
    const gi = groupOf[ei] as number;
    const g = draft(gi);
    if (g.names.size === 0) g.kind = e.kind;
    else if (gi < known && isMultiWord(e.name) && e.kind !== g.kind) return null;
    addEntity(g, e, x.file, date);
  }
  for (const s of x.statements) draft(groupOf[s.speaker] as number).statements++;

  const given = new Set(x.entities.map((e) => e.name));
  // Records: a person's name and id stay; a new person's id must be free.
  const people = current.people.slice();
  const newIds = new Set<string>();
  for (const [gi, g] of drafts) {
    const name = recordName(g);
    if (name === null) continue;
    if (g.id !== null) {
      if (name !== (people[g.record] as PersonRecord).name || nameTied(g, name, given)) return null;
      people[g.record] = personRecord(g, g.id, name);
      continue;
    }
    const id = foldName(name);
    if (state.usedIds.has(id) || newIds.has(id)) return null;
    if (gi < known && nameTied(g, name, given)) return null;
    newIds.add(id);
    g.id = id;
    g.record = people.length;
    people.push(personRecord(g, id, name));
  }

  const idOf = (entity: number): string | null => (drafts.get(groupOf[entity] as number) as GroupState).id;
  const statements: Statement[] = [];
  for (const s of x.statements) {
    const id = idOf(s.speaker);
    if (id) statements.push({ speaker: id, kind: s.kind, text: s.text, file: x.file, paragraph: s.paragraph, spans: s.spans, cue: s.cue, cueSpan: s.cueSpan });
  }
  const mentionedIn = { ...current.mentionedIn };
  for (const m of x.mentions) {
    const id = idOf(m.entity);
    if (!id) continue;
    const files = mentionedIn[id] === current.mentionedIn[id] ? [...(mentionedIn[id] ?? [])] : (mentionedIn[id] as string[]);
    if (files[files.length - 1] !== x.file) files.push(x.file);
    mentionedIn[id] = files;
  }

  // Nothing can refuse any more: the state takes the article.
  for (const [gi, g] of drafts) if (gi < known) state.groups[gi] = g;
  state.groups.push(...newGroups);
  for (const [k, gi] of fullByKey) state.fullByKey.set(k, gi);
  for (const [k, gi] of orgByName) state.orgByName.set(k, gi);
  for (const [k, list] of surnameAdds) state.fullBySurname.set(k, [...(state.fullBySurname.get(k) ?? []), ...list]);
  for (const k of loneSurnames) countInto(state.loneBySurname, k);
  for (const k of loneFolds) countInto(state.loneByFold, k);
  for (const id of newIds) state.usedIds.add(id);
  return { people, statements, mentionedIn };
}
