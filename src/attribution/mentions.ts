// People and organisations named in one article: their surface names, roles and gender hints.

import { fold } from '../text/normalize.js';
import { CUE_FORMS, FEMALE_ROLE_WORDS, MALE_ROLE_WORDS, NOT_NAMES, ORG_WORDS, ROLE_NOUNS, TITLES, WEEKDAYS } from './lexicon.js';
import type { Token } from './tokens.js';
import { baseWord } from './tokens.js';

export type Gender = 'm' | 'f';

export interface LocalEntity {
  key: string;
  kind: 'person' | 'organisation';
  /** Longest name met, e.g. "Volodymyr Zelenskyy". */
  name: string;
  aliases: Set<string>;
  roles: Set<string>;
  gender: Gender | null;
  /** Registration order in the article: the first of several matching entities wins. */
  seq: number;
}

/** A capitalised run of tokens that names someone, with the title and role words in front of it. */
export interface NameRun {
  /** Token indexes [from, to) of the name itself (without titles). */
  from: number;
  to: number;
  /** Token index where the whole noun phrase starts (role words included). */
  phraseFrom: number;
  name: string;
  role: string | null;
  honorific: string | null;
  kind: 'person' | 'organisation' | 'single';
  possessive: boolean;
  /** The article entity it names, once known (set by the extractor). */
  key?: string;
}

const WEEKDAY_OR_PRONOUN =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow|He|She|They|It|We|I|You|His|Her|Their|The|A|An)$/;
const PLACE_PREFIXES = new Set([
  'new',
  'north',
  'south',
  'east',
  'west',
  'san',
  'santa',
  'los',
  'las',
  'saint',
  'st.',
  'fort',
  'port',
  'mount',
  'puerto',
  'des',
]);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'di', 'du', 'del', 'della', 'dos', 'le', 'la', 'ter', 'ibn']);
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'prof', 'prof.']);
const NATIONALITY = /^(?:[A-Z]{2,4}|U\.S\.|U\.K\.|U\.N\.|E\.U\.|\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|i|an|ic|ch))$/u;
/** Words that end a role phrase when walking back from a name. */
const ROLE_STOP = new Set(
  `the a an by with to from in on at of for and or as while that who which whom has have had is was were be
  been said says told met meets meeting led leads than into after before during under over between among
  also but if when where his her their its our this these those said, says, according headed hosted
  alongside support supported join joined including like such against behind beside whom what how why whose`
    .split(/[\s,]+/)
    .filter(Boolean),
);

/** Verbs of saying that title-case headlines capitalise right after the speaker's name. */
const HEADLINE_VERBS = new Set([
  'says',
  'said',
  'tells',
  'told',
  'warns',
  'slams',
  'blasts',
  'claims',
  'insists',
  'urges',
  'vows',
  'admits',
  'denies',
  'calls',
  'asks',
  'argues',
  'writes',
  'wrote',
  'rips',
  'defends',
  'accuses',
  'praises',
  'touts',
  'predicts',
  'pledges',
  'promises',
]);

/** -ing, -ly and -ed words long enough not to be first names (Ted, Emily, Kimberly and Mohammed stay names). */
export function looksLikeVerbOrAdverb(lower: string): boolean {
  if (lower.length >= 6 && lower.endsWith('ing')) return true;
  if (lower.length >= 6 && lower.endsWith('ly') && !lower.endsWith('rly')) return true;
  return lower.length >= 7 && lower.endsWith('ed') && !/(?:mm|hm)ed$/.test(lower);
}

function isInflectedCue(lower: string): boolean {
  const lemma = CUE_FORMS.get(lower);
  return lemma !== undefined && lemma !== lower;
}

function startsSentence(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) if (!(tokens[j] as Token).punct) return false;
  return true;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return b.start - a.end === 1 && text[a.end] === ' ';
}

/**
 * Finds capitalised name runs in a unit's tokens. `isKnownName` keeps a sentence's first word that looks
 * like a verb or adverb ("Schlafly also noted", "Schilling told") when the article knows it as a name.
 */
export function findNameRuns(text: string, tokens: Token[], isKnownName?: (word: string) => boolean): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!t.cap || t.punct || t.quoted) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1] as Token;
      const cur = tokens[j] as Token;
      if (prev.possessive || !adjacent(text, prev, cur) || cur.quoted) break;
      // Title-case headlines: "Trump Says He Will Win" — the verb ends the name.
      if (HEADLINE_VERBS.has(cur.lower)) break;
      const joined = cur.cap && !cur.punct ? 1 : PARTICLES.has(cur.lower) && tokens[j + 1]?.cap && adjacent(text, cur, tokens[j + 1] as Token) ? 2 : 0;
      // "Broaddrick Sunday night recounted": a day after a name is when, not part of it.
      // (Asked only of a word that would join: the test is costly and most words after a name do not.)
      if (joined === 0 || (j > i && WEEKDAYS.test(cur.lower))) break;
      j += joined;
    }
    const run = classifyRun(tokens, i, j, isKnownName);
    if (run) runs.push(run);
    i = j;
  }
  return runs;
}

function classifyRun(tokens: Token[], from: number, to: number, isKnownName?: (word: string) => boolean): NameRun | null {
  // (Read in place, not sliced: most capitalised runs are one word that names no one.)
  const length = to - from;
  const first = tokens[from] as Token;
  const last = tokens[to - 1] as Token;
  const before = tokens[from - 1];
  const theBefore = before?.lower === 'the' || first.lower === 'the';
  // The head (last word) decides: "White House" is an organisation, "Senate Majority Leader Mitch McConnell" a person.
  // "New York", "South Carolina", "Los Angeles": a place, which can speak as an institution but is no person.
  const isPlace = length >= 2 && length <= 3 && PLACE_PREFIXES.has(first.lower);
  const isOrg = isPlace || ORG_WORDS.has(last.possessive ? baseWord(last).toLowerCase() : last.lower) || (theBefore && length <= 4);
  if (isOrg) {
    const start = first.lower === 'the' ? from + 1 : from;
    if (start >= to) return null;
    const name = tokens
      .slice(start, to)
      .map((t, k, arr) => (k === arr.length - 1 ? baseWord(t) : t.text))
      .join(' ');
    if (NOT_NAMES.has(name.toLowerCase())) return null;
    return {
      from: start,
      to,
      phraseFrom: theBefore && before?.lower === 'the' ? from - 1 : from,
      name,
      role: null,
      honorific: null,
      kind: 'organisation',
      possessive: last.possessive,
    };
  }

  // Titles in front ("German Chancellor", "Mr", "President") are role words, not the name.
  let nameFrom = from;
  let honorific: string | null = null;
  for (let k = from; k < to - 1; k++) {
    const lower = (tokens[k] as Token).lower;
    // "Presidential Adviser Magnus Fredersen", "Councillor Ana Lopez": every role word up front is not the name.
    if (TITLES.has(lower) || HONORIFICS.has(lower) || ROLE_NOUNS.has(lower)) {
      nameFrom = k + 1;
      if (HONORIFICS.has(lower)) honorific = lower.replace('.', '');
    }
  }
  if (nameFrom === from && to - from >= 2 && HONORIFICS.has((tokens[to - 1] as Token).lower) === false) {
    // Leading nationality or acronym ("Russian President …" is handled above; "US envoy …" is lowercase-broken).
    while (nameFrom < to - 1 && (NATIONALITY.test((tokens[nameFrom] as Token).text) || NOT_NAMES.has((tokens[nameFrom] as Token).lower)) && to - nameFrom > 2)
      nameFrom++;
  }
  // After a title a surname may be a common word: "Prime Minister Theresa May", "Ms. May", "Mr. From".
  const titled = nameFrom > from && !NOT_NAMES.has((tokens[nameFrom - 1] as Token).lower) && !WEEKDAY_OR_PRONOUN.test((tokens[to - 1] as Token).text);
  while (nameFrom < to && NOT_NAMES.has((tokens[nameFrom] as Token).lower) && !(titled && nameFrom === to - 1)) nameFrom++;
  // The capital of a sentence's first word says nothing: "Understated Perez", "Angrily Smith".
  if (
    nameFrom === from &&
    startsSentence(tokens, from) &&
    looksLikeVerbOrAdverb((tokens[from] as Token).lower) &&
    !isKnownName?.(baseWord(tokens[from] as Token))
  )
    nameFrom++;
  // "Said Ellis: …", "Adds Smith, …": an inflected verb of saying opens an inverted sentence.
  else if (nameFrom === from && startsSentence(tokens, from) && isInflectedCue((tokens[from] as Token).lower)) nameFrom++;
  if (nameFrom >= to) return null;
  // (Read in place: most runs that get this far are one word, whose name is that word.)
  for (let k = nameFrom; k < to; k++) {
    const t = tokens[k] as Token;
    if (/\d/.test(t.text) || (NOT_NAMES.has(baseWord(t).toLowerCase()) && !(titled && k === to - 1))) return null;
  }
  const words = to - nameFrom;
  const name =
    words === 1
      ? baseWord(last)
      : tokens
          .slice(nameFrom, to)
          .map((t, k) => (k === words - 1 ? baseWord(t) : t.text))
          .join(' ');
  if (name.length < 2 || /^[\p{Lu}.]+$/u.test(name)) return null; // acronyms: NATO, US
  if (words === 1 && name.endsWith('.')) return null; // an abbreviation: "Md.", "Gov."
  const { role, phraseFrom } = roleBefore(tokens, nameFrom);
  return {
    from: nameFrom,
    to,
    phraseFrom: Math.min(from, phraseFrom),
    name,
    role,
    honorific,
    kind: words >= 2 ? 'person' : 'single',
    possessive: last.possessive,
  };
}

/** Role words directly in front of a name: "EU foreign affairs chief", "Trump's envoy", "German Chancellor". */
function roleBefore(tokens: Token[], nameFrom: number): { role: string | null; phraseFrom: number } {
  let first = nameFrom;
  let last = -1;
  for (let k = nameFrom - 1; k >= 0 && nameFrom - k <= 7; k--) {
    const t = tokens[k] as Token;
    // "…,” explained Democratic strategist Simon Rosenberg": a verb of saying ends the role phrase.
    if (t.punct || t.quoted || ROLE_STOP.has(t.lower) || isInflectedCue(t.lower)) break;
    first = k;
    if (last < 0 && isRoleWord(t)) last = k;
  }
  // The role runs up to its last role noun or title: "EU foreign affairs chief", not "… chief Kaja".
  if (last < 0) return { role: null, phraseFrom: nameFrom };
  const words = tokens.slice(first, last + 1).filter((t) => !HONORIFICS.has(t.lower));
  if (words.length === 0) return { role: null, phraseFrom: nameFrom };
  // "A federal judge granted Judicial Watch's request": a verb between the role and the name makes the role
  // no title of this name (the phrase still starts where it did).
  if (tokens.slice(last + 1, nameFrom).some((t) => !t.cap && (looksLikeVerbOrAdverb(t.lower) || CUE_FORMS.has(t.lower))))
    return { role: null, phraseFrom: first };
  return { role: words.map((w) => w.text).join(' '), phraseFrom: first };
}

export function isRoleWord(t: Token): boolean {
  const lower = t.lower.replace(/['’]s$/, '');
  return (
    ROLE_NOUNS.has(lower) || (TITLES.has(lower) && !HONORIFICS.has(lower) && !['former', 'acting', 'state', 'federal', 'national', 'first'].includes(lower))
  );
}

export function genderFromWords(words: string[]): Gender | null {
  for (const w of words) {
    const lower = w.toLowerCase();
    if (FEMALE_ROLE_WORDS.has(lower)) return 'f';
    if (MALE_ROLE_WORDS.has(lower)) return 'm';
  }
  return null;
}

const folded = new Map<string, string>();

/** fold() for names, memoised: the same few hundred names are compared again and again. */
export function foldName(name: string): string {
  let f = folded.get(name);
  if (f === undefined) {
    // A bounded cache: a long-running bot reloading many corpora must not grow without end.
    if (folded.size > 50_000) folded.clear();
    f = fold(name);
    folded.set(name, f);
  }
  return f;
}

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTER_FOLDS: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ŀ: 'l' };

const skeletons = new Map<string, string>();

/**
 * A name's transliteration skeleton: the spelling choices that romanisations and wire styles disagree
 * on are folded to one letter, so Zelenskyy / Zelenskiy / Zelensky and Vaitkevičius / Vaitkevicius
 * share a key while real near-spellings of other names (Patelnts / Patelntt, Kellywood / Kellyford) do
 * not. An equality test, not an edit distance: at ten thousand articles the people whose names lie one
 * letter apart are many, and they are different people.
 */
export function nameSkeleton(name: string): string {
  let s = skeletons.get(name);
  if (s !== undefined) return s;
  if (skeletons.size > 50_000) skeletons.clear();
  s = foldName(name)
    .replace(/[ıłøæœßđðþŀ]/g, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/[^\p{L}]/gu, '')
    .replace(/tch/g, 'ch')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
  skeletons.set(name, s);
  return s;
}

/** Same surname up to transliteration: Zelenskyy / Zelenskiy / Zelensky, with or without diacritics. */
export function sameSurname(a: string, b: string): boolean {
  return a === b || nameSkeleton(a) === nameSkeleton(b);
}

export function surnameOf(name: string): string {
  const space = name.lastIndexOf(' ');
  return space < 0 ? name : name.slice(space + 1);
}
