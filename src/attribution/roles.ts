// What counts as a person's role, and which one a reader sees beside the name.
//
// The extractor collects role phrases generously (the words before a name, an apposition after it), so
// they carry sentence debris: "So Labor Secretary", "after nearly eight years in …", or another person
// altogether ("former Arkansas governor Mike Huckabee"). cleanRole() keeps only a noun phrase with a role
// as its head; chooseRoles() orders a person's cleaned roles with the display role first.

import { fold } from '../text/normalize.js';
import { CUE_FORMS, ROLE_NOUNS, TITLES } from './lexicon.js';

/** Person nouns that head a role besides the extractor's role words ("radio host", "physician"). */
const EXTRA_HEADS = new Set(
  `host hopeful physician doctor surgeon neurosurgeon owner publisher reporter writer commentator journalist
  pundit historian veteran entrepreneur investor contender front-runner frontrunner heir nephew niece cousin
  grandson granddaughter son-in-law daughter-in-law stepson stepdaughter widow fiancé fiancee partner
  secretary-designate nominee-designate assistant associate fellow lecturer teacher student pastor preacher
  evangelist bishop cardinal imam rabbi chaplain sheriff marshal commissioner comptroller treasurer
  auditor clerk speaker whip lawyer attorney banker adviser advisor chief-of-staff staffer aide
  representative lieutenant sergeant captain major colonel general admiral commander officer soldier
  marine pilot astronaut actor actress singer rapper musician comedian star celebrity model designer
  developer magnate tycoon philanthropist activist advocate organizer organiser founder co-founder
  co-chair cochair chairperson president-elect vice-president director manager producer anchor
  moderator presenter editor-in-chief columnist blogger strategist consultant pollster fundraiser
  bundler donor delegate elector superdelegate nominee candidate incumbent challenger governor-elect
  senator-elect mayor-elect spokesman spokeswoman spokesperson mother father wife husband daughter son
  brother sister grandmother grandfather`
    .split(/\s+/)
    .filter(Boolean),
);

/** Role words that are not heads of a person's role: "campaign" speaks as an organisation. */
const NOT_HEADS = new Set(['campaign', 'running', 'state', 'federal', 'national', 'former', 'acting', 'first', 'foreign', 'defence', 'defense', 'interior', 'finance', 'prime', 'vice', 'crown', 'lady']);

/** Abbreviated titles: alone they are honorifics, not roles; at the end of a role they are spelt out. */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  sen: 'Senator', rep: 'Representative', gov: 'Governor', gen: 'General', adm: 'Admiral', col: 'Colonel',
  capt: 'Captain', lt: 'Lieutenant', sgt: 'Sergeant', sec: 'Secretary', pres: 'President', prof: 'Professor',
  supt: 'Superintendent', atty: 'Attorney', cmdr: 'Commander', amb: 'Ambassador',
};
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr', 'hon', 'messrs']);

/** Words that open a clause or a list, never a role: a role walked back from a name stops before them. */
const CLAUSE_WORDS = new Set(
  `so both whether since and or but nor yet when while after before as although though because including
  especially even also then than who whom whose which that what where why how if unless until despite
  during amid among between against about toward towards into onto upon via per like unlike with without
  within by to at in on of for from over under through across around behind beside besides near
  not no never only just said says say told tells asked is was were are be been being has have had do does
  did will would could should may might must can shall one two three four five six seven eight nine ten
  all some many most several each every other another such there here this these those it its it's
  there's part way plus versus vs including included`
    .split(/\s+/)
    .filter(Boolean),
);
export const DETERMINERS = new Set(['a', 'an', 'the']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'our', 'my', 'your', 'its']);

/** Lowercase words that may stand before a capitalised title ("former President", "rival Sen."). */
const TITLE_MODIFIERS = new Set(
  `former late then fellow rival acting outgoing incoming deputy vice presumptive retired interim current
  sitting ex longtime long-time top senior chief assistant associate junior first newly-elected embattled
  disgraced ousted freshman veteran two-term three-term four-term one-term lame-duck then-candidate previous
  past onetime one-time eldest youngest oldest elder older younger`
    .split(/\s+/)
    .filter(Boolean),
);
/** Participles that describe a person rather than report an act ("retired general", "ousted campaign manager"). */
const ADJECTIVAL_PARTICIPLES = new Set(
  `retired elected appointed embattled ousted fired disgraced indicted convicted designated renowned noted
  respected registered unpledged pledged committed declared avowed self-described self-proclaimed so-called
  united unaffiliated presumed distinguished sitting acting outgoing incoming managing ranking leading
  presiding governing visiting founding polling voting longstanding serving upcoming running`
    .split(/\s+/)
    .filter(Boolean),
);
/** Nouns that commonly modify a role noun ("campaign manager", "radio host", "foreign affairs chief"). */
const NOUN_MODIFIERS = new Set(
  `campaign press communications policy security affairs foreign radio talk show talk-show news tech technology
  business party law tax music film media intelligence defense defence state health energy finance budget
  trade labor labour education house senate polling fundraising science climate justice economic economics
  data digital research program programme staff chief deputy vice executive managing general national
  federal community union oil estate real-estate reality tv television sports insurance investment hedge fund
  venture capital marketing sales operations relations human rights civil privacy immigration border
  foreign-policy election elections campaign's government public private city county town school university
  college hospital church faith world market markets stock wall bank banking advertising opinion editorial
  op-ed magazine newspaper cable network broadcast talk-radio convention delegation committee caucus
  transition administration cabinet white senior top chief longtime political military counterterrorism
  terrorism nuclear arms veterans homeland energy environmental water agriculture transportation commerce
  treasury labor-union youth women's student family field digital social strategy message speech
  speechwriting debate debate-prep war peace middle east`
    .split(/\s+/)
    .filter(Boolean),
);
/** Relations are roles only beside their owner: "Trump's son-in-law", not "his father". */
const RELATIONS = new Set(
  `wife husband son daughter father mother brother sister uncle aunt nephew niece cousin grandson granddaughter
  grandfather grandmother son-in-law daughter-in-law father-in-law mother-in-law brother-in-law sister-in-law
  stepson stepdaughter widow widower fiancé fiancee fiancée partner girlfriend boyfriend`
    .split(/\s+/)
    .filter(Boolean),
);
/** Heads that name a relation to someone: "his father", "Democratic opponent" need their owner. */
const RELATIVE_HEADS = new Set([...RELATIONS, 'opponent', 'rival', 'challenger', 'ally', 'successor', 'predecessor', 'friend', 'boss', 'mate', 'colleague', 'counterpart', 'protege', 'protégé', 'mentor', 'confidant', 'confidante']);

/** Words that date a role: a stale role that carries one is out of date even where it refines a current one. */
export const TEMPORAL = /\b(?:presumptive|likely|apparent|outgoing|incoming|acting|interim|designate|then-\S+|\S+-elect|would-be|future)\b/;

/** A lowercase word that can modify a role noun: an adjective by its form, a hyphenated compound, a known noun modifier. */
function lowercaseModifier(b: string): boolean {
  if (NOUN_MODIFIERS.has(b) || TITLE_MODIFIERS.has(b) || ADJECTIVAL_PARTICIPLES.has(b) || isRoleHead(b)) return true;
  if (b.includes('-') || /^(?:19|20)\d\d$/.test(b)) return true;
  return /(?:al|ic|ian|an|ese|ish|ive|ary|ory|ent|ant|ous|ful|less|ior|ern|ist|ile|ble)$/.test(b);
}

/** Verbs that title-case headlines capitalise before a title, besides the verbs of saying. */
const HEADLINE_VERBS = new Set(['recall', 'endorses', 'endorse', 'backs', 'picks', 'names', 'taps', 'chooses', 'hits', 'meets', 'rips', 'fires', 'hires', 'joins', 'beats', 'defeats', 'sues', 'invites', 'welcomes']);

/** Place names of two words whose first word would otherwise end a possessive: "New Jersey's governor". */
const PLACE_PREFIXES = new Set(['new', 'north', 'south', 'east', 'west', 'san', 'santa', 'los', 'las', 'saint', 'st.', 'united', 'rhode', 'great', 'hong', 'sri', 'saudi', 'puerto']);
const PREPOSITIONS = new Set(['of', 'for', 'at', 'to', 'from', 'on', 'in', 'with']);
/** The most words a role may have: beyond that it is a description ("a retiree who worked at …"). */
export const MAX_ROLE_WORDS = 7;

const bareWords = new Map<string, string>();

/** A word folded, without surrounding punctuation. Memoised: the same few thousand words recur. */
function bare(word: string): string {
  let b = bareWords.get(word);
  if (b === undefined) {
    if (bareWords.size > 50_000) bareWords.clear();
    b = fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    bareWords.set(word, b);
  }
  return b;
}

function possessive(word: string): boolean {
  return /\p{L}['’]s?$/u.test(word) && !/^(?:it|he|she|that|there|what|who)['’]s$/i.test(word);
}

function capitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word.replace(/^[^\p{L}\p{N}]+/u, ''));
}

function abbreviation(word: string): string | undefined {
  return /\.$/.test(word) ? TITLE_ABBREVIATIONS[bare(word)] : undefined;
}

function isHonorific(word: string): boolean {
  const b = bare(word);
  return HONORIFICS.has(b) || (abbreviation(word) !== undefined);
}

/** A word that can head a role: a role noun or title (honorifics excepted), an abbreviated title, a person noun. */
export function isRoleHead(word: string): boolean {
  const b = bare(word).replace(/['’]s$/, '');
  if (abbreviation(word)) return true;
  if (NOT_HEADS.has(b) || HONORIFICS.has(b)) return false;
  return ROLE_NOUNS.has(b) || TITLES.has(b) || EXTRA_HEADS.has(b) || (b.endsWith('-elect') && ROLE_NOUNS.has(b.slice(0, -6)));
}

/** A verb or adverb by its form: "conflated", "gravitating", "openly" (not the participles that describe a person). */
function verbLike(word: string): boolean {
  const b = bare(word);
  if (ADJECTIVAL_PARTICIPLES.has(b)) return false;
  if (b.length >= 5 && b.endsWith('ing')) return true;
  if (b.length >= 5 && b.endsWith('ly') && !/(?:rly|ily)$/.test(b)) return true;
  return b.length >= 5 && b.endsWith('ed');
}

/** Debris that no role word is: digits other than a year, glued tokens ("PRESSOhio"), brackets, quotes. */
function debris(word: string): boolean {
  if (/\d/.test(word) && !/^(?:19|20)\d\d$/.test(word)) return true;
  return /\p{Lu}{2,}\p{Ll}|\p{Ll}\p{Lu}\p{Ll}/u.test(word) || /[()[\]"“”:;]/.test(word);
}

function isClauseWord(word: string): boolean {
  const b = bare(word);
  return CLAUSE_WORDS.has(b) || /^(?:who|he|she|they|it|that|there)['’](?:d|s|ll|re|ve)$/.test(b) || /n['’]t$/.test(b);
}

/**
 * "Vermont Sen." → "Vermont Senator": a title at the end of a role is spelt out, and left off after a role
 * noun that already says what the person is ("Republican vice-presidential nominee Gov." → "… nominee").
 */
function spellOut(words: string[]): string[] {
  const last = words[words.length - 1] as string;
  const before = words[words.length - 2];
  if (before !== undefined && abbreviation(last) && !abbreviation(before) && !capitalised(before) && isRoleHead(before)) return words.slice(0, -1);
  return words.map((w, k) => (k === words.length - 1 ? abbreviation(w) ?? w : w));
}

/**
 * The role phrase ending at `head` (inclusive), walking back over its modifiers: capitalised words, a
 * possessive owner ("Trump's envoy", which ends the walk: "US President Donald Trump's envoy" is "Trump's
 * envoy"), and lowercase modifiers — any noun or adjective before a lowercase head ("conservative radio
 * talk-show host"), only the closed TITLE_MODIFIERS before a capitalised title ("former President", but
 * not "Syrian refugees President").
 */
function walkBack(words: string[], head: number): string[] {
  let from = head;
  for (let k = head - 1; k >= 0 && head - k < MAX_ROLE_WORDS; k--) {
    const w = words[k] as string;
    const b = bare(w);
    const next = words[k + 1] as string;
    if (!b || isClauseWord(w) || DETERMINERS.has(b) || POSSESSIVE_PRONOUNS.has(b) || debris(w) || verbLike(w) || HONORIFICS.has(b)) break;
    if (possessive(w)) {
      if (capitalised(w)) {
        from = k;
        // "New Jersey's governor": the first word of a two-word place comes along; a person's first name does not.
        if (k > 0 && PLACE_PREFIXES.has(bare(words[k - 1] as string))) from = k - 1;
        break;
      }
      // "the state's GOP Sen.", "the party's 2012 nominee": a common noun's possessive points back into the
      // article ("the state" is New Hampshire there) and says nothing beside the name.
      break;
    }
    // "former" opens a role: before it only an owner ("Trump's former campaign manager"), not "ties former …".
    if (bare(next) === 'former' || bare(next).startsWith('then-') || bare(next).startsWith('ex-')) break;
    const titleNext = capitalised(next) && isRoleHead(next);
    if (capitalised(w)) {
      // "Recall Senator", "Donald Trump Finally Endorses House Speaker": a title-case verb is no modifier.
      if ((CUE_FORMS.has(b) && CUE_FORMS.get(b) !== b) || HEADLINE_VERBS.has(b)) break;
      from = k;
      continue;
    }
    // Before a capitalised title only the closed modifiers ("former President", not "Syrian refugees President");
    // before another capitalised word too ("chose former Maryland Governor", "ties N.J. Governor").
    if (capitalised(next) && !TITLE_MODIFIERS.has(b) && !/^(?:19|20)\d\d$/.test(b) && !(isRoleHead(w) && titleNext) && !b.startsWith('then-') && !b.startsWith('ex-')) break;
    if (!lowercaseModifier(b)) break;
    from = k;
  }
  return words.slice(from, head + 1);
}

/** What may follow a role's head: "of the Armed Services Committee", "for the Clinton campaign". */
function complement(words: string[], from: number): string[] {
  if (!PREPOSITIONS.has(bare(words[from] ?? ''))) return [];
  const out: string[] = [];
  let k = from;
  for (; k < words.length && out.length < 6; k++) {
    const w = words[k] as string;
    const b = bare(w);
    if (k > from && (isClauseWord(w) && !PREPOSITIONS.has(b) && !DETERMINERS.has(b) && b !== 'and')) break;
    if ((verbLike(w) && !capitalised(w)) || /[,;:()—–]/.test(w.slice(0, -1)) || (b === 'and' && !capitalised(words[k + 1] ?? ''))) break;
    if (debris(w)) return [];
    out.push(w.replace(/[,;:]$/, ''));
    if (/[,;:]$/.test(w)) break;
  }
  // Cut off by the length limit mid-phrase: a complement is whole or left off.
  if (out.length === 6 && k < words.length && !isClauseWord(words[k] as string) && !verbLike(words[k] as string)) return [];
  // A complement that ends on a preposition or article ends nowhere: leave it off.
  while (out.length && (PREPOSITIONS.has(bare(out[out.length - 1] as string)) || DETERMINERS.has(bare(out[out.length - 1] as string)))) out.pop();
  return out.length >= 2 ? out : [];
}

const cleaned = new Map<string, string | null>();

/**
 * A role phrase as a reader would write it beside the name, or null when the phrase is no role: a
 * clause, a fragment, an honorific alone, or a phrase whose head is someone else's name.
 *
 * A phrase that ends in a role word came from before a name ("So Labor Secretary" → "Labor Secretary"):
 * its role is the end, walked back over modifiers. Any other phrase is an apposition ("the president of
 * X, who …"): it must open with its role, which ends at the first clause, participle or comma.
 */
export function cleanRole(raw: string): string | null {
  let out = cleaned.get(raw);
  if (out !== undefined) return out;
  if (cleaned.size > 50_000) cleaned.clear();
  out = clean(raw);
  cleaned.set(raw, out);
  return out;
}

function clean(raw: string): string | null {
  const words = raw.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return null;
  let role: string[];
  let headAt = -1; // index of the head noun in `role`; -1: its last word
  const last = words.length - 1;
  const walked = isRoleHead(words[last] as string) ? walkBack(words, last) : null;
  // "son of the Republican presidential front-runner": a role after a preposition belongs to a phrase that
  // is read from its start.
  let before = words.length - (walked?.length ?? 0) - 1;
  while (before >= 0 && DETERMINERS.has(bare(words[before] as string))) before--;
  if (walked && !(before >= 0 && PREPOSITIONS.has(bare(words[before] as string)))) {
    role = walked;
  } else {
    let start = 0;
    while (start < words.length && (DETERMINERS.has(bare(words[start] as string)) || POSSESSIVE_PRONOUNS.has(bare(words[start] as string)))) start++;
    // The role ends where the noun phrase does: at a clause word, a verb, a comma or dash.
    let end = start;
    while (end < words.length) {
      const w = words[end] as string;
      if (isClauseWord(w) || verbLike(w) || debris(w)) break;
      end++;
      if (/[,;:—–]$/.test(w)) break;
    }
    let head = -1;
    for (let k = end - 1; k >= start; k--) if (isRoleHead(words[k] as string)) {
      head = k;
      break;
    }
    if (head < 0 || head < end - 1) {
      // "former Arkansas governor Mike Huckabee": a capitalised word after the head makes the name the head.
      if (head >= 0 && capitalised(words[head + 1] as string) && !isClauseWord(words[head + 1] as string)) return null;
      if (head < 0) return null;
    }
    let core = walkBack(words.map((w) => w.replace(/[,;:—–]$/, '')), head);
    if (core.length < head - start + 1) {
      // The apposition opens the role, so lowercase nouns the walk does not know still belong to it
      // ("psychology professor at …"); anything else before the role makes it a fragment ("only African
      // American candidate"), unless the walk stopped at the role's owner ("Obama's former chief of staff").
      const skipped = words.slice(start, head + 1 - core.length);
      if (skipped.every((w) => !capitalised(w) && !possessive(w))) core = words.slice(start, head + 1);
      else if (!possessive(core[0] as string)) return null;
    }
    // "the Democratic nominee that year", "the ambassador at the time": a role of another time.
    if (/^(?:that|this|at|back|four|eight|in)\s(?:year|time|the time|then|years ago|(?:19|20)\d\d)\b/i.test(words.slice(head + 1, head + 4).join(' ').replace(/,$/, ''))) return null;
    role = [...core, ...complement(words, head + 1)];
    headAt = core.length - 1;
  }
  role = role.map((w) => w.replace(/[,;:—–]+$/, '')).filter(Boolean);
  const headWord = bare(role[headAt < 0 ? role.length - 1 : headAt] ?? '');
  while (role.length && (DETERMINERS.has(bare(role[0] as string)) || isHonorific(role[0] as string) && role.length > 1 && !abbreviation(role[0] as string))) role = role.slice(1);
  // "senior adviser to Mr. Sanders" → "senior adviser to Sanders": no honorific inside a role.
  role = role.filter((w, k) => k === 0 || !(HONORIFICS.has(bare(w)) && /\.$|^(?:mr|mrs|ms)$/i.test(w)));
  // "fellow Democrat", "Democratic opponent": a role relative to someone else says nothing without them.
  if (bare(role[0] ?? '') === 'fellow') return null;
  if (RELATIVE_HEADS.has(headWord) && !role.some(possessive) && !role.some((w, k) => k > 0 && PREPOSITIONS.has(bare(w)))) return null;
  // "Republican of South Carolina" → "South Carolina Republican"; "Senator, Vermont" would read worse.
  if (role.length >= 3 && /^(?:republican|democrat|independent)$/.test(bare(role[0] as string)) && bare(role[1] as string) === 'of') role = [...role.slice(2), role[0] as string];
  if (role.length === 0 || role.length > MAX_ROLE_WORDS + 6) return null;
  // "Sen.", "Gov.", "Mr": an honorific alone is a form of address, not a role.
  if (role.length === 1 && isHonorific(role[0] as string)) return null;
  // "Former House speaker", "Conservative radio host": a sentence's capital on a common word is not kept.
  const first = role[0] as string;
  const lowerHead = !capitalised(role[headAt < 0 ? role.length - 1 : Math.min(headAt, role.length - 1)] as string);
  if (role.length > 1 && /^\p{Lu}\p{Ll}+$/u.test(first) && (bare(first) === 'former' || (lowerHead && !capitalised(role[1] as string) && (TITLE_MODIFIERS.has(bare(first)) || NOUN_MODIFIERS.has(bare(first)))))) {
    role = [first.toLowerCase(), ...role.slice(1)];
  }
  return spellOut(role).join(' ');
}
