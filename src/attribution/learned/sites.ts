// Cue sites for the learned layer, read off one article and what the rules made of it:
// - `ruleSites`: each indirect or mixed statement the rules made, with the cue word nearest its content;
// - `newSites`: verbs the rules trust only before "that", used after a named speaker without it, where
//   the rules made nothing ("Issa continued, “…”", "…, Blackwell maintains."), with the content they would carry.
// Reads only the article and the rules' output; decides nothing.

import type { Article, Span, StatementKind } from '../../types.js';
import type { ArticleAttribution } from '../extract.js';
import { AUXILIARIES, CUE_FORMS, PARTICLE_CUES, SPEECH_NOUNS, THAT_ONLY_CUES } from '../lexicon.js';
import { nameSkeleton, surnameOf } from '../mentions.js';
import type { Token, Unit } from '../tokens.js';
import { baseWord, paragraphUnits } from '../tokens.js';
import type { CueSite } from './features.js';

export interface RuleSite {
  site: CueSite;
  /** Index of the statement in `ArticleAttribution.statements`. */
  statement: number;
}

export interface NewSite {
  site: CueSite;
  statement: ArticleAttribution['statements'][number];
}

const RELATIVE_OPENERS = new Set(['what', 'which', 'whom', 'whatever']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'i', 'we']);
const CONTENT_OPENERS = new Set(['that', ',', ':']);

/** Surname skeletons of each entity, for "is this capitalised word that speaker?". */
function surnameKeys(entity: ArticleAttribution['entities'][number]): Set<string> {
  return new Set([entity.name, ...entity.aliases].map((n) => nameSkeleton(surnameOf(n.replace(/['’]s$/, '')))));
}

function quotedShare(text: string, [s, e]: Span): CueSite['quoted'] {
  const inner = text.slice(s, e);
  if (!/["“”]|''/.test(inner)) return 'none';
  return /^\s*["“]/.test(inner) && /["”]\W*$/.test(inner) ? 'all' : 'some';
}

function isCueWord(t: Token): boolean {
  return !t.quoted && !t.punct && (CUE_FORMS.has(t.lower) || SPEECH_NOUNS.has(t.lower) || t.lower === 'according');
}

/** The cue word nearest the content: before it (within the sentence) or after it ("…, X said"). */
function nearestCue(unit: Unit, [s, e]: Span): number {
  let best = -1;
  let bestDistance = Infinity;
  unit.tokens.forEach((t, i) => {
    if (!isCueWord(t) || (t.start >= s && t.end <= e)) return;
    const distance = t.end <= s ? s - t.end : t.start - e;
    if (distance >= 0 && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

function subjectOf(unit: Unit, cue: number, content: Span, surnames: Set<string>): CueSite['subject'] {
  const toks = unit.tokens;
  const outside = (t: Token): boolean => t.end <= content[0] || t.start >= content[1];
  const named = (t: Token): boolean => t.cap && !t.quoted && outside(t) && surnames.has(nameSkeleton(baseWord(t)));
  const until = cue < 0 ? toks.length : cue;
  for (let k = until - 1; k >= 0; k--) if (named(toks[k] as Token)) return 'name';
  if (cue >= 0) for (let k = cue + 1; k < Math.min(toks.length, cue + 8); k++) if (named(toks[k] as Token)) return 'inverted';
  for (let k = until - 1; k >= 0; k--) {
    const t = toks[k] as Token;
    if (!outside(t)) continue;
    if (PRONOUN_SUBJECTS.has(t.lower)) return 'pronoun';
    if (t.lower === 'the') return 'description';
  }
  return 'none';
}

interface ParagraphUnits {
  text: string;
  units: Unit[];
}

/** Units of the paragraphs asked for, each tokenised once. */
function unitCache(article: Article): (n: number) => ParagraphUnits | undefined {
  const byNumber = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  const cache = new Map<number, ParagraphUnits>();
  return (n) => {
    let hit = cache.get(n);
    if (hit) return hit;
    const text = byNumber.get(n);
    if (text === undefined) return undefined;
    hit = { text, units: paragraphUnits(text) };
    cache.set(n, hit);
    return hit;
  };
}

export interface ArticleSites {
  rules: RuleSite[];
  added: NewSite[];
}

/** Every site the learned layer decides on in one article; `kinds` picks the statements it may drop. */
export function articleSites(article: Article, attribution: ArticleAttribution, kinds: ReadonlySet<StatementKind>): ArticleSites {
  const unitsOf = unitCache(article);
  // Built on first use: most articles have no site at all.
  const keys: (Set<string> | undefined)[] = [];
  const surnames = (entity: number): Set<string> => (keys[entity] ??= attribution.entities[entity] ? surnameKeys(attribution.entities[entity]) : new Set());
  const rules: RuleSite[] = [];
  attribution.statements.forEach((st, i) => {
    if (!kinds.has(st.kind) || st.spans.length !== 1) return;
    const para = unitsOf(st.paragraph);
    const content = st.spans[0] as Span;
    const unit = para?.units.find((u) => content[0] >= u.start && content[0] < u.end);
    if (!para || !unit) return;
    const cue = nearestCue(unit, content);
    const entity = attribution.entities[st.speaker];
    rules.push({
      statement: i,
      site: {
        text: para.text,
        paragraph: st.paragraph,
        unit,
        cue,
        content,
        subject: subjectOf(unit, cue, content, surnames(st.speaker)),
        speakerKind: entity?.kind ?? 'person',
        quoted: quotedShare(para.text, content),
      },
    });
  });
  return { rules, added: newSites(article, attribution, unitsOf, surnames) };
}

function newSites(
  article: Article,
  attribution: ArticleAttribution,
  unitsOf: (n: number) => ParagraphUnits | undefined,
  surnames: (entity: number) => Set<string>,
): NewSite[] {
  const mentioned = new Map<number, number[]>();
  for (const m of attribution.mentions) {
    const list = mentioned.get(m.paragraph);
    if (list) list.push(m.entity);
    else mentioned.set(m.paragraph, [m.entity]);
  }
  const taken = new Map<number, Span[]>();
  for (const st of attribution.statements) {
    const list = taken.get(st.paragraph);
    if (list) list.push(...st.spans);
    else taken.set(st.paragraph, [...st.spans]);
  }
  const out: NewSite[] = [];
  for (const p of article.paragraphs) {
    const people = mentioned.get(p.n);
    if (!people || !OPEN_CUE_CHECK.test(p.text)) continue;
    const para = unitsOf(p.n);
    if (!para) continue;
    const spans = taken.get(p.n) ?? [];
    for (const unit of para.units) {
      unit.tokens.forEach((t, i) => {
        if (t.quoted || t.punct || !openCue(t)) return;
        const site = siteAfterName(para.text, p.n, unit, i, people, attribution, surnames);
        // Words the rules attributed are theirs: the model only adds where they made nothing.
        if (site && !spans.some(([s, e]) => overlap(site.site.content, [s, e]) > 0)) out.push(site);
      });
    }
  }
  return out;
}

/**
 * The verbs the rules trust only before "that" ("continued", "reported", "maintained", "commented"): with
 * "that" they are the rules', and without it — "X continued, “…”", "…, X maintained." — they are
 * what the model decides. Every other verb of saying the rules take or refuse by rules written for it
 * ("added 300 jobs", "criticised the so-called “green levy”"), and the model does not overrule those.
 */
function openCue(t: Token): boolean {
  const lemma = CUE_FORMS.get(t.lower);
  return lemma !== undefined && THAT_ONLY_CUES.has(lemma) && !(lemma in PARTICLE_CUES);
}

/** One pass over a paragraph for any form of an open cue: most paragraphs hold none. */
const OPEN_CUE_CHECK = new RegExp(
  `\\b(?:${[...CUE_FORMS.entries()]
    .filter(([, lemma]) => THAT_ONLY_CUES.has(lemma) && !(lemma in PARTICLE_CUES))
    .map(([form]) => form)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'i',
);

/** "X (has/not/also …) said …": the named speaker right before the cue, and the content after it or before X. */
function siteAfterName(
  text: string,
  paragraph: number,
  unit: Unit,
  cue: number,
  people: number[],
  attribution: ArticleAttribution,
  surnames: (entity: number) => Set<string>,
): NewSite | null {
  const toks = unit.tokens;
  let k = cue - 1;
  while (k >= 0 && cue - k <= 3 && AUXILIARIES.has((toks[k] as Token).lower)) k--;
  // "Tanden, head of the Center for American Progress, recounted": the name before an apposition.
  if (toks[k]?.text === ',') {
    let open = k - 1;
    while (open >= 0 && k - open <= 12 && (toks[open] as Token).text !== ',') open--;
    if (open > 0 && (toks[open] as Token).text === ',') k = open - 1;
  }
  const subject = toks[k];
  if (!subject?.cap || subject.quoted || subject.possessive) return null;
  // "What Lindqvist is talking about now is …": the speaker's words are the clause's subject, not its content.
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) if (RELATIVE_OPENERS.has((toks[j] as Token).lower)) return null;
  const key = nameSkeleton(baseWord(subject));
  const speaker = people.find((e) => surnames(e).has(key));
  if (speaker === undefined) return null;
  const entity = attribution.entities[speaker];
  if (!entity) return null;
  let from = cue + 1;
  while (from < toks.length && CONTENT_OPENERS.has((toks[from] as Token).lower)) from++;
  const after = toks.slice(from).filter((t) => !t.punct).length;
  let content: Span;
  if (after >= 3) {
    content = trim(text, (toks[from] as Token).start, unit.end);
  } else {
    // "…, Blackwell maintains.": the content is what comes before the speaker's comma.
    let nameStart = k;
    while (nameStart > 0 && (toks[nameStart - 1] as Token).cap && !(toks[nameStart - 1] as Token).punct) nameStart--;
    const comma = toks[nameStart - 1];
    if (comma?.text !== ',' || nameStart - 1 < 3) return null;
    content = trim(text, unit.start, comma.start);
  }
  if (content[1] <= content[0]) return null;
  const quoted = quotedShare(text, content);
  const kind: StatementKind = quoted === 'none' ? 'indirect' : 'mixed';
  return {
    site: { text, paragraph, unit, cue, content, subject: 'name', speakerKind: entity.kind, quoted },
    statement: {
      speaker,
      kind,
      text: text.slice(content[0], content[1]),
      paragraph,
      spans: [content],
      cue: (toks[cue] as Token).text,
      cueSpan: [(toks[cue] as Token).start, (toks[cue] as Token).end],
    },
  };
}

function overlap([a, b]: Span, [c, d]: Span): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/** White space, stray punctuation and a final period off a span's ends. */
function trim(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s.,;:—–-]/.test(text[e - 1] as string)) e--;
  return [s, e];
}
