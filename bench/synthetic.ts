// Deterministic synthetic news corpus for the benchmark and for scale tests.
//
// The same (n, seed) always yields the same bytes. Articles come out event by event from one random
// stream, so the first 1,000 articles of the 100k corpus are the 1k corpus: questions chosen on a small
// corpus stay meaningful on the large ones, and only the amount of matching text grows.
//
// Each event (talks, a budget vote, floods…) has a cast of speakers and their statements; 1–6 outlets
// report it, each in its own words: the same statement may be a direct quote in one outlet, indirect
// speech in another, split by its cue in a third. Names follow each outlet's style (transliteration
// variant, diacritics or not, honorifics), as real wires do.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, Zipf } from './rng.js';
import {
  COUNTRIES,
  FIRST_NAMES,
  INTERNATIONAL_ROLES,
  NATIONAL_ROLES,
  ORGANISATIONS,
  OUTLETS,
  PLACES_SAID,
  PLAIN_DESCRIPTIONS,
  PLAN_TITLES,
  QUALIFIERS,
  SCARE_QUOTES,
  SPELLING_VARIANTS,
  SURNAME_ENDINGS,
  SURNAME_STEMS,
  TOPICS,
  WEEKDAYS,
  type CountrySpec,
  type OutletSpec,
  type RoleSpec,
  type TopicSpec,
} from './vocab.js';

/**
 * Fingerprint of the generator's own sources: any edit to them invalidates cached corpus folders,
 * with no version number to forget to bump.
 */
export const GENERATOR_VERSION: string = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of ['synthetic.ts', 'vocab.ts', 'rng.ts']) hash.update(readFileSync(join(here, name)));
  return hash.digest('hex').slice(0, 16);
})();
export const DEFAULT_SEED = 20251214;
export const PEOPLE_COUNT = 5000;
const MARKER_FILE = '.synthetic.json';

export type TruthKind = 'direct' | 'indirect' | 'mixed';

/** Same shape as tests/fixtures/seed-statements.jsonl, so the eval can score synthetic corpora too. */
export interface TruthStatement {
  file: string;
  /** Canonical name (with diacritics, main spelling) or the organisation's name, e.g. "the Kremlin". */
  speaker: string;
  kind: TruthKind;
  /** A piece of the statement's content: an extracted statement must contain it. */
  snippet: string;
  /** 1-based paragraph number in the article body. */
  paragraph: number;
}

export interface GeneratedArticle {
  /** Path relative to the corpus folder, posix separators. */
  file: string;
  /** Full file content: frontmatter then paragraphs. */
  text: string;
  outlet: string;
  title: string;
  date: string;
  url: string;
  paragraphs: string[];
  statements: TruthStatement[];
  /** Canonical names of people named in the article without being quoted. */
  mentioned: string[];
}

export interface SyntheticPerson {
  /** Canonical full name, e.g. "Vytautas Vaitkevičius". */
  name: string;
  first: string;
  surname: string;
  /** Other spellings of the surname some outlets use (Zelenskiy for Zelenskyy). */
  surnameVariants: string[];
  gender: 'male' | 'female';
  country: CountrySpec;
  role: RoleSpec | null;
  /** For people with no office: "an analyst at …". */
  description: string | null;
}

export interface SyntheticOrganisation {
  name: string;
  subject: string;
}

type Speaker = { type: 'person'; person: SyntheticPerson } | { type: 'organisation'; org: SyntheticOrganisation };

export interface Cast {
  /** Ordered by how often they are quoted: index 0 is the most quoted. */
  people: SyntheticPerson[];
  organisations: SyntheticOrganisation[];
}

// ---------------------------------------------------------------- text helpers

export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugify(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Stable small hash: decides per (outlet, person) spelling so an outlet is consistent with itself. */
function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- the cast

export function buildCast(seed: number): Cast {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const people: SyntheticPerson[] = [];
  const taken = new Set<string>();

  // Unique offices first: each national role once per country, each international role once.
  const offices: { role: RoleSpec; country: CountrySpec | null }[] = [];
  for (const country of COUNTRIES) for (const role of NATIONAL_ROLES) offices.push({ role, country });
  for (const role of INTERNATIONAL_ROLES) offices.push({ role, country: null });

  const makePerson = (country: CountrySpec, role: RoleSpec | null): SyntheticPerson => {
    for (;;) {
      const gender = rng.chance(0.45) ? 'female' : 'male';
      const pool = FIRST_NAMES[country.names];
      const first = rng.pick(gender === 'female' ? pool.female : pool.male);
      const stem = rng.pick(SURNAME_STEMS[country.names]);
      let ending = rng.pick(SURNAME_ENDINGS[country.names]);
      // Female forms of gendered endings, as the languages do (Kovalova, not Kovalov).
      if (gender === 'female')
        ending = ending
          .replace(/^ov$/, 'ova')
          .replace(/^ski$/, 'ska')
          .replace(/^skyy$/, 'ska');
      const surname = capitalise(stem + ending);
      const name = `${first} ${surname}`;
      if (taken.has(stripDiacritics(name).toLowerCase())) continue;
      taken.add(stripDiacritics(name).toLowerCase());
      const surnameVariants: string[] = [];
      for (const [pattern, replacements] of SPELLING_VARIANTS) {
        if (pattern.test(surname)) for (const r of replacements) surnameVariants.push(surname.replace(pattern, r));
      }
      return {
        name,
        first,
        surname,
        surnameVariants,
        gender,
        country,
        role,
        description: role ? null : rng.chance(0.5) ? rng.pick(PLAIN_DESCRIPTIONS) : null,
      };
    }
  };

  for (const office of offices) people.push(makePerson(office.country ?? rng.pick(COUNTRIES), office.role));
  while (people.length < PEOPLE_COUNT) people.push(makePerson(rng.pick(COUNTRIES), null));

  // Office holders are quoted more often than residents: shuffle within two tiers, offices first-ish.
  const officeHolders = rng.shuffle(people.filter((p) => p.role));
  const others = rng.shuffle(people.filter((p) => !p.role));
  const ordered: SyntheticPerson[] = [];
  while (officeHolders.length || others.length) {
    // Three office holders for every other person near the top of the ranking.
    for (let k = 0; k < 3 && officeHolders.length; k++) ordered.push(officeHolders.shift() as SyntheticPerson);
    if (others.length) ordered.push(others.shift() as SyntheticPerson);
  }
  return { people: ordered, organisations: ORGANISATIONS.map((o) => ({ ...o })) };
}

// ---------------------------------------------------------------- statements

interface StatementContent {
  speaker: Speaker;
  topic: TopicSpec;
  /** First-person sentences, each ending with its punctuation. */
  sentences: string[];
  /** Third-person reported clause for indirect speech (no final period). */
  reported: string;
  /** Short evaluative phrase for mixed quotes: said the talks were "a lot of progress". */
  qualifier: string;
  /** What the qualifier describes: "the ceasefire". */
  subjectNoun: string;
}

interface Slots {
  noun: string;
  /** "is"/"are" agreeing with noun. */
  is: string;
  was: string;
  action: string;
  qualifier: string;
  num: number;
  pron: string;
  poss: string;
  place: string;
}

// Each template is the same claim twice: as the speaker said it, and as an outlet reports it.
const CLAIMS: [(s: Slots) => string, (s: Slots) => string][] = [
  [
    (s) => `We will not allow anyone to ${s.action} ${s.noun} without our people having a say.`,
    (s) => `${s.pron} would not let anyone ${s.action} ${s.noun} without the people having a say`,
  ],
  [
    (s) => `${capitalise(s.noun)} ${s.is} ${s.qualifier}, and the government must act this year.`,
    (s) => `${s.noun} ${s.was} ${s.qualifier} and the government had to act this year`,
  ],
  [(s) => `Our position on ${s.noun} has not changed: we will ${s.action} it.`, (s) => `${s.poss} position on ${s.noun} had not changed`],
  [
    (s) => `Nobody in this government wants to ${s.action} ${s.noun}, but people expect results.`,
    (s) => `nobody in the government wanted to ${s.action} ${s.noun} but people expected results`,
  ],
  [
    (s) => `We need ${s.num} billion euros to ${s.action} ${s.noun} by the end of the year.`,
    (s) => `${s.num} billion euros were needed to ${s.action} ${s.noun} by the end of the year`,
  ],
  [
    (s) => `I told my colleagues in ${s.place} that ${s.noun} ${s.is} ${s.qualifier}.`,
    (s) => `${s.pron} had told colleagues in ${s.place} that ${s.noun} ${s.was} ${s.qualifier}`,
  ],
  [(s) => `People are tired, and they want us to ${s.action} ${s.noun} now.`, (s) => `people were tired and wanted leaders to ${s.action} ${s.noun} now`],
  [(s) => `This is ${s.qualifier}. We cannot ${s.action} ${s.noun} alone.`, (s) => `the country could not ${s.action} ${s.noun} alone`],
  [(s) => `The war has changed everything, including how we ${s.action} ${s.noun}.`, (s) => `the war had changed how the country would ${s.action} ${s.noun}`],
  [(s) => `Let me be clear: ${s.noun} ${s.is} not for sale, not this year and not next year.`, (s) => `${s.noun} ${s.was} not for sale`],
  [
    (s) => `More than ${s.num} percent of people in ${s.place} support our plan to ${s.action} ${s.noun}.`,
    (s) => `more than ${s.num} percent of people in ${s.place} backed the plan to ${s.action} ${s.noun}`,
  ],
  [
    (s) => `If we fail to ${s.action} ${s.noun}, the next government will pay the price.`,
    (s) => `failing to ${s.action} ${s.noun} would leave the next government to pay the price`,
  ],
  [
    (s) => `We have been talking about ${s.noun} for ${s.num} months, and it is time to decide.`,
    (s) => `it was time to decide on ${s.noun} after ${s.num} months of talks`,
  ],
  [(s) => `Our partners understand that ${s.noun} cannot wait another year.`, (s) => `partners understood that ${s.noun} could not wait another year`],
  [
    (s) => `I am confident that we will ${s.action} ${s.noun} together with our allies.`,
    (s) => `${s.pron} was confident the allies would ${s.action} ${s.noun} together`,
  ],
  [(s) => `What happened in ${s.place} is ${s.qualifier}, and we will respond.`, (s) => `what happened in ${s.place} was ${s.qualifier}`],
  [(s) => `There will be no deal on ${s.noun} until the war ends.`, (s) => `there would be no deal on ${s.noun} until the war ended`],
  [
    (s) => `The government has done more in one year than the opposition did in ${s.num}.`,
    (s) => `the government had done more in one year than the opposition had in ${s.num}`,
  ],
];

/** Head noun before "on"/"of" decides agreement: "the sanctions on oil" are, "doctors' pay" is. */
function isPlural(noun: string): boolean {
  const head = noun.split(/ (?:on|of) /)[0] as string;
  const last = head.split(' ').pop() as string;
  return /[^su]s$/.test(last) && last !== 'gas';
}

function speakerPronouns(speaker: Speaker): { pron: string; poss: string; object: string } {
  if (speaker.type === 'organisation') return { pron: 'it', poss: 'its', object: 'it' };
  return speaker.person.gender === 'female' ? { pron: 'she', poss: 'her', object: 'her' } : { pron: 'he', poss: 'his', object: 'him' };
}

function makeStatement(rng: Rng, speaker: Speaker, topic: TopicSpec): StatementContent {
  const place = rng.pick(COUNTRIES).capital;
  const { pron, poss } = speakerPronouns(speaker);
  const slots = (): Slots => {
    const noun = rng.pick(topic.nouns);
    return {
      noun,
      is: isPlural(noun) ? 'are' : 'is',
      was: isPlural(noun) ? 'were' : 'was',
      action: rng.pick(topic.actions),
      qualifier: rng.pick(QUALIFIERS),
      num: rng.between(3, 95),
      pron,
      poss,
      place,
    };
  };
  const first = slots();
  const [say, report] = rng.pick(CLAIMS);
  const sentences = [say(first)];
  const extra = rng.int(3); // 0–2 more sentences make split and multi-paragraph quotes possible
  for (let i = 0; i < extra; i++) sentences.push(rng.pick(CLAIMS)[0](slots()));
  return { speaker, topic, sentences, reported: report(first), qualifier: first.qualifier, subjectNoun: first.noun };
}

// ---------------------------------------------------------------- events

interface EventCast {
  speaker: Speaker;
  statements: StatementContent[];
}

interface NewsEvent {
  index: number;
  date: Date;
  topic: TopicSpec;
  what: string;
  country: CountrySpec;
  weekday: string;
  cast: EventCast[];
  /** Named but never quoted (like Kushner in the seeds). */
  bystander: SyntheticPerson | null;
  scareQuote: string | null;
  plan: string | null;
  outlets: OutletSpec[];
}

const START_DAY = Date.UTC(2019, 0, 1);
const EVENTS_PER_DAY = 24;

function pickOutlets(rng: Rng): OutletSpec[] {
  const count = rng.chance(0.25) ? 1 : rng.between(2, 6);
  const chosen: OutletSpec[] = [];
  const total = OUTLETS.reduce((sum, o) => sum + o.weight, 0);
  while (chosen.length < count) {
    let u = rng.float() * total;
    let pick = OUTLETS[0] as OutletSpec;
    for (const outlet of OUTLETS) {
      u -= outlet.weight;
      if (u < 0) {
        pick = outlet;
        break;
      }
    }
    if (!chosen.includes(pick)) chosen.push(pick);
  }
  return chosen;
}

function makeEvent(rng: Rng, index: number, cast: Cast, zipf: Zipf): NewsEvent {
  const topic = rng.pick(TOPICS);
  const speakers: Speaker[] = [];
  const seen = new Set<SyntheticPerson>();
  const count = rng.between(1, 4);
  while (speakers.length < count) {
    const person = cast.people[zipf.draw(rng)] as SyntheticPerson;
    if (seen.has(person)) continue;
    seen.add(person);
    speakers.push({ type: 'person', person });
  }
  if (rng.chance(0.3)) speakers.push({ type: 'organisation', org: rng.pick(cast.organisations) });
  const eventCast = speakers.map((speaker) => ({
    speaker,
    statements: Array.from({ length: rng.between(1, 3) }, () => makeStatement(rng, speaker, topic)),
  }));
  let bystander: SyntheticPerson | null = null;
  if (rng.chance(0.5)) {
    const candidate = cast.people[zipf.draw(rng)] as SyntheticPerson;
    if (!seen.has(candidate)) bystander = candidate;
  }
  return {
    index,
    date: new Date(START_DAY + Math.floor(index / EVENTS_PER_DAY) * 86_400_000),
    topic,
    what: rng.pick(topic.events),
    country: rng.pick(COUNTRIES),
    weekday: rng.pick(WEEKDAYS),
    cast: eventCast,
    bystander,
    scareQuote: rng.chance(0.3) ? rng.pick(SCARE_QUOTES) : null,
    plan: rng.chance(0.25) ? rng.pick(PLAN_TITLES) : null,
    outlets: pickOutlets(rng),
  };
}

// ---------------------------------------------------------------- writing one article

interface Reference {
  /** As the subject of a sentence (may carry an apposition and its commas). */
  subject: string;
  /** After a verb at the end of a sentence ("…," said X, the minister.). */
  object: string;
}

class ArticleWriter {
  readonly paragraphs: string[] = [];
  readonly statements: TruthStatement[] = [];
  private readonly refCount = new Map<string, number>();
  private lastSpeaker: Speaker | null = null;

  constructor(
    private readonly rng: Rng,
    private readonly outlet: OutletSpec,
    private readonly file: string,
  ) {}

  surnameOf(person: SyntheticPerson): string {
    const spellings = [person.surname, ...person.surnameVariants];
    const chosen = spellings[stableHash(this.outlet.name + person.name) % spellings.length] as string;
    return this.outlet.ascii ? stripDiacritics(chosen) : chosen;
  }

  fullNameOf(person: SyntheticPerson): string {
    const first = this.outlet.ascii ? stripDiacritics(person.first) : person.first;
    return `${first} ${this.surnameOf(person)}`;
  }

  private honorific(person: SyntheticPerson): string {
    return person.gender === 'female' ? 'Ms' : 'Mr';
  }

  /** First mention: full name with role or description; later: surname, honorific or role. */
  reference(speaker: Speaker): Reference {
    if (speaker.type === 'organisation') return { subject: speaker.org.subject, object: speaker.org.name };
    const person = speaker.person;
    const key = person.name;
    const count = this.refCount.get(key) ?? 0;
    this.refCount.set(key, count + 1);
    const full = this.fullNameOf(person);
    if (count === 0) {
      const role = person.role;
      if (role && this.rng.chance(0.5)) {
        const title = role.national ? `${person.country.adjective} ${role.title}` : role.title;
        return { subject: `${title} ${full}`, object: `${title} ${full}` };
      }
      const apposition = role ? role.apposition.replace("the country's", `${person.country.name}'s`) : person.description;
      if (apposition) return { subject: `${full}, ${apposition},`, object: `${full}, ${apposition}` };
      return { subject: full, object: full };
    }
    const roll = this.rng.float();
    if (person.role && roll < 0.25) return { subject: person.role.short, object: person.role.short };
    const surname = this.surnameOf(person);
    const name = stableHash(this.outlet.name) % 3 === 0 ? `${this.honorific(person)} ${surname}` : surname;
    return { subject: name, object: name };
  }

  add(text: string): number {
    this.paragraphs.push(text);
    return this.paragraphs.length;
  }

  record(speaker: Speaker, kind: TruthKind, snippet: string, paragraph: number): void {
    const name = speaker.type === 'person' ? speaker.person.name : speaker.org.name;
    this.statements.push({ file: this.file, speaker: name, kind, snippet: snippet.replace(/[.,!?:]+$/, ''), paragraph });
  }

  narrative(text: string): void {
    this.add(text);
    this.lastSpeaker = null;
  }

  /** One statement, in a form chosen per outlet: the wording differs between outlets. */
  statement(content: StatementContent, placeSaid: string): void {
    const rng = this.rng;
    const { speaker, sentences } = content;
    const followUp = this.lastSpeaker === speaker && speaker.type === 'person';
    const cue = (): string => rng.pick(['said', 'said', 'said', 'told reporters', 'added', 'warned', 'insisted', 'stressed']);
    const quoteAll = sentences.join(' ');
    const roll = rng.float();
    const pron = speakerPronouns(speaker).pron;

    if (followUp && roll < 0.5) {
      // Pronoun follow-up right after the same speaker: "…," he added.
      if (rng.chance(0.5)) {
        const p = this.add(`"${quoteAll.replace(/[.]$/, ',')}" ${pron} added.`);
        this.record(speaker, 'direct', sentences[0] as string, p);
      } else {
        const p = this.add(`${capitalise(pron)} also ${rng.pick(['said', 'warned', 'argued'])} that ${content.reported}.`);
        this.record(speaker, 'indirect', content.reported, p);
      }
      this.lastSpeaker = speaker;
      return;
    }

    const ref = this.reference(speaker);
    if (roll < 0.22) {
      const verb = cue();
      // "said X" reads as English; "told reporters X" does not: a verb with an object never inverts.
      const tail = this.outlet.inverted && !verb.includes(' ') ? `${verb} ${ref.object}` : `${ref.subject} ${verb}`;
      const p = this.add(`"${quoteAll.replace(/[.]$/, ',')}" ${tail}${rng.chance(0.3) ? ` ${placeSaid}` : ''}.`);
      this.record(speaker, 'direct', sentences[0] as string, p);
    } else if (roll < 0.34) {
      const p = this.add(`${capitalise(ref.subject)} ${rng.pick(['said', 'told reporters', 'wrote', `said ${placeSaid}`])}: "${quoteAll}"`);
      this.record(speaker, 'direct', sentences[0] as string, p);
    } else if (roll < 0.44 && sentences.length >= 2) {
      // Split quote: "first part," she said, "second part."
      const [firstSentence, ...rest] = sentences as [string, ...string[]];
      const p = this.add(`"${firstSentence.replace(/[.]$/, ',')}" ${ref.subject} said, "${rest.join(' ')}"`);
      this.record(speaker, 'direct', firstSentence, p);
      this.record(speaker, 'direct', rest[0] as string, p);
    } else if (roll < 0.5 && sentences.length >= 3) {
      // A quote running over three paragraphs: only the last one closes the quotation mark.
      const [a, b, c] = sentences as [string, string, string];
      const p1 = this.add(`${capitalise(ref.subject)} said ${placeSaid}: "${a}`);
      const p2 = this.add(`"${b}`);
      const p3 = this.add(`"${c}"`);
      this.record(speaker, 'direct', a, p1);
      this.record(speaker, 'direct', b, p2);
      this.record(speaker, 'direct', c, p3);
    } else if (roll < 0.68) {
      const verb = rng.pick(['said', 'told reporters', 'warned', 'insisted', 'claimed', 'stressed', 'noted', 'argued', 'announced']);
      const that = rng.chance(0.7) ? ' that' : '';
      const when = rng.chance(0.4) ? ` on ${rng.pick(WEEKDAYS)}` : '';
      const p = this.add(`${capitalise(ref.subject)} ${verb}${when}${that} ${content.reported}.`);
      this.record(speaker, 'indirect', content.reported, p);
    } else if (roll < 0.78) {
      const p = this.add(`According to ${ref.object}, ${content.reported}.`);
      this.record(speaker, 'indirect', content.reported, p);
    } else if (roll < 0.9) {
      const form = rng.int(3);
      const text =
        form === 0
          ? `${capitalise(ref.subject)} said ${content.subjectNoun} ${isPlural(content.subjectNoun) ? 'were' : 'was'} "${content.qualifier}".`
          : form === 1
            ? `${capitalise(ref.subject)} described ${content.subjectNoun} as "${content.qualifier}".`
            : `${capitalise(ref.subject)} said the outcome on ${content.subjectNoun} was "${content.qualifier}" and promised to keep working.`;
      const p = this.add(text);
      this.record(speaker, 'mixed', content.qualifier, p);
    } else {
      const verb = this.outlet.inverted ? `said ${ref.object}` : `${ref.subject} said`;
      const p = this.add(`"${(sentences[0] as string).replace(/[.]$/, ',')}" ${verb}.`);
      this.record(speaker, 'direct', sentences[0] as string, p);
    }
    this.lastSpeaker = speaker;
  }
}

const NARRATIVE: ((e: NewsEvent, rng: Rng) => string)[] = [
  (e, rng) =>
    `The war has dragged on for more than ${rng.between(2, 4)} years, and the government in ${e.country.capital} faces growing pressure from people across the country.`,
  (e) => `${capitalise(e.what)} comes at a difficult time for the government, which has promised people a better year ahead.`,
  (e, rng) => `Officials from ${rng.between(3, 30)} countries attended the meeting in ${e.country.capital}, which lasted several hours.`,
  (e) => `Critics say the government has done too little on ${e.topic.nouns[0]} since the start of the year, and many people remain sceptical.`,
  (e, rng) =>
    `Polls published earlier this year suggested that about ${rng.between(20, 80)} percent of people in ${e.country.name} were worried about ${e.topic.nouns[1]}.`,
  () => `The talks are expected to continue next week, with a final decision due before the end of the year.`,
  (e, rng) => `Last year, the government spent ${rng.between(2, 90)} billion euros on ${e.topic.nouns[2]}, according to official figures.`,
  (e) => `Thousands of people gathered outside the parliament in ${e.country.capital} on ${e.weekday}, some holding banners about the war.`,
  () => `The news agency could not independently verify the figures.`,
  (e) => `Markets reacted calmly to the news, and the currency was little changed by the end of the day in ${e.country.capital}.`,
];

const HEADLINES: ((e: NewsEvent, name: string, content: StatementContent) => string)[] = [
  (e, name) => `${name} speaks out as ${e.what} dominates the agenda`,
  (_e, name, c) => `${name}: ${capitalise(c.subjectNoun)} ${isPlural(c.subjectNoun) ? 'are' : 'is'} "${c.qualifier}"`,
  (e) => `${capitalise(e.what)} in ${e.country.name}: what we know`,
  (e, name) => `${capitalise(e.topic.nouns[0] as string)} in focus as ${name} weighs in`,
  (_e, name, c) => `${name} says ${c.reported}`,
];

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function yamlString(value: string): string {
  // A JSON string is a valid YAML double-quoted scalar: titles carry quotes and colons.
  return JSON.stringify(value);
}

function writeArticle(event: NewsEvent, outlet: OutletSpec, slot: number, seed: number): GeneratedArticle {
  // Each (event, outlet) has its own stream: changing which outlets report an event never shifts others.
  const rng = new Rng((seed ^ Math.imul(event.index + 1, 0x9e3779b1) ^ Math.imul(slot + 1, 0x85ebca6b)) >>> 0);
  const date = new Date(event.date.getTime() + (rng.chance(0.3) ? 86_400_000 : 0));
  const day = isoDate(date);
  const main = event.cast[0] as EventCast;
  const mainContent = main.statements[0] as StatementContent;
  const headlineName =
    main.speaker.type === 'organisation'
      ? capitalise(main.speaker.org.subject.replace(/^The /, ''))
      : outlet.ascii
        ? stripDiacritics(main.speaker.person.surname)
        : main.speaker.person.surname;
  const title = rng.pick(HEADLINES)(event, headlineName, mainContent);
  const slug = slugify(title);
  const file = `${slugify(outlet.name)}/${day}-${String(event.index).padStart(6, '0')}-${slug}.md`;
  const url = `https://www.${outlet.domain}/${day.replace(/-/g, '/')}/${slug}-${event.index}`;
  const writer = new ArticleWriter(rng, outlet, file);

  // Lead: a narrative paragraph naming the main speaker without a speech cue.
  const leadSpeaker = main.speaker;
  const leadRef = writer.reference(leadSpeaker);
  writer.narrative(
    `${event.country.capital.toUpperCase()} — ${capitalise(leadRef.subject.replace(/,$/, ''))}${leadRef.subject.endsWith(',') ? ',' : ''} was at the centre of ${event.what} on ${event.weekday}, as the government tried to reassure people about ${event.topic.nouns[0]}.`,
  );

  const placeSaid = rng.pick(PLACES_SAID);
  const narrativeCount = rng.between(1, 3);
  const blocks: (() => void)[] = [];
  for (const member of event.cast) {
    const statements = member.statements;
    blocks.push(() => {
      for (const content of statements) {
        // Not every outlet carries every line.
        if (rng.chance(0.2) && content !== mainContent) continue;
        writer.statement(content, placeSaid);
      }
    });
  }
  // Distinct background paragraphs: a line repeated in one article reads as page furniture.
  for (const make of rng.sample(NARRATIVE, narrativeCount)) {
    blocks.splice(1 + rng.int(blocks.length), 0, () => writer.narrative(make(event, rng)));
  }
  for (const block of blocks) block();

  const mentioned: string[] = [];
  if (event.bystander && rng.chance(0.8)) {
    const ref = writer.reference({ type: 'person', person: event.bystander });
    writer.narrative(
      `${capitalise(ref.subject.replace(/,$/, ''))}${ref.subject.endsWith(',') ? ',' : ''} also attended the meeting but did not comment on ${event.topic.nouns[0]}.`,
    );
    mentioned.push(event.bystander.name);
  }
  if (event.scareQuote) {
    writer.narrative(`Analysts have warned for a year about the so-called "${event.scareQuote}", which the government has struggled to contain.`);
  }
  if (event.plan) {
    writer.narrative(`The proposal, known as the "${event.plan}", has not been published in full.`);
  }

  const frontmatter = ['---', `outlet: ${yamlString(outlet.name)}`, `title: ${yamlString(title)}`, `date: ${day}`, `url: ${yamlString(url)}`, '---'].join('\n');
  const text = `${frontmatter}\n\n${writer.paragraphs.join('\n\n')}\n`;
  return { file, text, outlet: outlet.name, title, date: day, url, paragraphs: writer.paragraphs, statements: writer.statements, mentioned };
}

// ---------------------------------------------------------------- public API

/** Articles in order; the first k of n are the same for every n ≥ k. */
export function* iterateArticles(n: number, seed: number = DEFAULT_SEED): Generator<GeneratedArticle> {
  const cast = buildCast(seed);
  const zipf = new Zipf(cast.people.length, 0.9);
  const rng = new Rng(seed);
  let produced = 0;
  for (let index = 0; produced < n; index++) {
    const event = makeEvent(rng, index, cast, zipf);
    for (let slot = 0; slot < event.outlets.length && produced < n; slot++) {
      yield writeArticle(event, event.outlets[slot] as OutletSpec, slot, seed);
      produced++;
    }
  }
}

export function generateArticles(n: number, seed: number = DEFAULT_SEED): GeneratedArticle[] {
  return Array.from(iterateArticles(n, seed));
}

export interface CorpusMarker {
  version: string;
  n: number;
  seed: number;
  files: number;
  bytes: number;
  paragraphs: number;
  statements: number;
  /** sha256 over all file names and contents, in order. */
  digest: string;
}

export function defaultCorpusDir(n: number): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), 'out', `corpus-${n}`);
}

export function readMarker(dir: string): CorpusMarker | null {
  const path = join(dir, MARKER_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CorpusMarker;
  } catch {
    return null;
  }
}

/**
 * Writes the corpus into `dir` (its own folder: it is emptied first) unless a marker says the same
 * (version, n, seed) is already there. Also writes truth.jsonl (gold-statement format) next to it,
 * outside the corpus so the loader never sees it.
 */
export function ensureCorpus(
  n: number,
  seed: number = DEFAULT_SEED,
  dir: string = defaultCorpusDir(n),
): { dir: string; marker: CorpusMarker; reused: boolean } {
  const existing = readMarker(dir);
  if (existing && existing.version === GENERATOR_VERSION && existing.n === n && existing.seed === seed) {
    return { dir, marker: existing, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const digest = createHash('sha256');
  const truthLines: string[] = [];
  const madeDirs = new Set<string>();
  let files = 0;
  let bytes = 0;
  let paragraphs = 0;
  let statements = 0;
  for (const article of iterateArticles(n, seed)) {
    const path = join(dir, article.file);
    const folder = dirname(path);
    if (!madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeDirs.add(folder);
    }
    writeFileSync(path, article.text);
    digest.update(article.file).update('\0').update(article.text).update('\0');
    files++;
    bytes += Buffer.byteLength(article.text);
    paragraphs += article.paragraphs.length;
    statements += article.statements.length;
    for (const s of article.statements) truthLines.push(JSON.stringify({ file: s.file, speaker: s.speaker, kind: s.kind, snippet: s.snippet }));
  }
  writeFileSync(`${dir}.truth.jsonl`, `${truthLines.join('\n')}\n`);
  const marker: CorpusMarker = { version: GENERATOR_VERSION, n, seed, files, bytes, paragraphs, statements, digest: digest.digest('hex') };
  // The marker goes last: a half-written folder has none and is regenerated next time.
  writeFileSync(join(dir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
  return { dir, marker, reused: false };
}

// `tsx bench/synthetic.ts 10000 [--seed S] [--out DIR]`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const seed = Number(option('--seed') ?? DEFAULT_SEED);
  const started = performance.now();
  const result = ensureCorpus(n, seed, option('--out') ? resolve(option('--out') as string) : defaultCorpusDir(n));
  const ms = Math.round(performance.now() - started);
  console.log(
    `${result.reused ? 'reused' : 'generated'} ${result.marker.files} articles (${(result.marker.bytes / 1e6).toFixed(1)} MB, ${result.marker.paragraphs} paragraphs, ${result.marker.statements} statements) in ${result.dir} — ${ms} ms`,
  );
}
