// The article's own table of people and organisations: creating entities, and finding which entity a name
// run, a lone surname or a "Mr."/"Mrs." names. Entities are only appended, so a key once given never changes.
// The corpus-wide merge of people is registry.ts's, not this file's.

import type { PersonKind } from '../types.js';
import type { ArticleContext } from './context.js';
import { NOT_NAMES } from './lexicon.js';
import type { LocalEntity, NameRun } from './mentions.js';
import { foldName, genderFromWords, nameSkeleton, sameSurname, surnameOf } from './mentions.js';

export function personKeyFor(ctx: ArticleContext, name: string): string {
  const mine = name.split(' ');
  const match = earliest(sameSurnamePeople(ctx, surnameOf(name)), (e) => {
    const other = e.name.split(' ');
    return other.length === 1 || mine.length === 1 || nameSkeleton(other[0] ?? '') === nameSkeleton(mine[0] ?? '');
  });
  return match?.key ?? `person:${foldName(name)}`;
}

/** People of the article whose surname matches, looked up by skeleton rather than by a scan of every entity. */
export function sameSurnamePeople(ctx: ArticleContext, surname: string): LocalEntity[] {
  return (ctx.bySurname.get(nameSkeleton(surname)) ?? []).filter((e) => e.kind === 'person' && sameSurname(surnameOf(e.name), surname));
}

/** The first-registered entity among candidates that passes `test`: the order a scan of all entities would find. */
export function earliest(candidates: LocalEntity[], test: (e: LocalEntity) => boolean = () => true): LocalEntity | undefined {
  let best: LocalEntity | undefined;
  for (const e of candidates) if ((!best || e.seq < best.seq) && test(e)) best = e;
  return best;
}

export function indexSurname(ctx: ArticleContext, e: LocalEntity): void {
  const skeleton = nameSkeleton(surnameOf(e.name));
  const list = ctx.bySurname.get(skeleton);
  if (!list) ctx.bySurname.set(skeleton, [e]);
  else if (!list.includes(e)) list.push(e);
}

export function entity(ctx: ArticleContext, key: string, kind: PersonKind, name: string): LocalEntity {
  let e = ctx.entities.get(key);
  if (!e) {
    e = { key, kind, name, aliases: new Set(), roles: new Set(), gender: null, seq: ctx.entities.size };
    ctx.entities.set(key, e);
    if (kind === 'organisation' && !ctx.orgByName.has(foldName(name))) ctx.orgByName.set(foldName(name), e);
    indexSurname(ctx, e);
  }
  e.aliases.add(name);
  if (name.split(/\s+/).length > e.name.split(/\s+/).length) {
    e.name = name;
    indexSurname(ctx, e);
  }
  return e;
}

/** A single capitalised word: a known person's surname, someone with a title, or nobody we know. */
export function resolveSingle(ctx: ArticleContext, run: NameRun, asSubject: boolean): string | null {
  // "Mr. Clinton" and "Mrs. Clinton" are two people when the article names both: the honorific picks by gender.
  const honorificGender = run.honorific ? genderFromWords([run.honorific]) : null;
  const cacheKey = honorificGender ? `${honorificGender}:${run.name}` : run.name;
  const known = ctx.singleHits.get(cacheKey);
  const knownEntity = known === undefined ? undefined : ctx.entities.get(known);
  if (knownEntity) return knownEntity.key;
  const people = sameSurnamePeople(ctx, run.name);
  // (When every namesake is known to be of the other gender, "Mr. Obama" is someone the article has not named in full.)
  const person = honorificGender ? earliest(people, (e) => e.gender === honorificGender || e.gender === null) : earliest(people);
  const org = ctx.orgByName.get(foldName(run.name));
  if (org && org.kind === 'organisation' && (!person || org.seq < person.seq)) {
    ctx.singleHits.set(cacheKey, org.key);
    return org.key;
  }
  if (person) {
    // A guess among people of unknown gender is not remembered: a later pronoun may still tell them apart.
    // Only once genders are learnt from roles and pronouns, and only a sure match is remembered and teaches a
    // gender: of two Clintons of unknown gender, "Mr." says nothing about the first.
    if (honorificGender && !ctx.settled) return person.key;
    const compatible = honorificGender ? people.filter((e) => e.gender === honorificGender || e.gender === null) : [];
    const sure = !honorificGender || compatible.length === 1 || person.gender === honorificGender;
    if (sure) ctx.singleHits.set(cacheKey, person.key);
    if (run.honorific && sure) person.gender ??= honorificGender;
    person.aliases.add(run.honorific ? `${capitalise(run.honorific)} ${run.name}` : run.name);
    return person.key;
  }
  // A plural-looking word met only at sentence starts ("Economists predicted", "Allies say") is no one.
  if (run.honorific || run.role || (asSubject && (ctx.midSentenceNames.has(run.name) || !/s$/.test(run.name)))) {
    if (NOT_NAMES.has(run.name.toLowerCase())) return null;
    const e = entity(ctx, `person:${foldName(run.name)}`, 'person', run.name);
    if (run.honorific) e.gender ??= genderFromWords([run.honorific]);
    if (run.role) e.roles.add(run.role);
    return e.key;
  }
  return null;
}

/** Full names and organisations keep the key they got when registered: entities are only appended, so it cannot change. */
export function keyForRun(ctx: ArticleContext, run: NameRun, asSubject: boolean): string | null {
  if (run.kind === 'single') return resolveSingle(ctx, run, asSubject);
  run.key ??= run.kind === 'organisation' ? `org:${foldName(run.name)}` : personKeyFor(ctx, run.name);
  return run.key;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
