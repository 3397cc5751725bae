// The plain state of one article while the sieves run over it, and the shapes the sieves share.
// Sieves read and extend this state; only entities.ts creates entities and only make() builds statements.

import type { Article, Span, StatementKind } from '../types.js';
import type { LearnedModel } from './learned/model.js';
import type { Gender, LocalEntity, NameRun } from './mentions.js';
import type { QuoteSpan, Token, Unit } from './tokens.js';

export interface LocalStatement {
  speaker: string;
  kind: StatementKind;
  text: string;
  paragraph: number;
  spans: Span[];
  /** The reporting words as written ("said", "rejected", "according to", ":"), and where they stand in the paragraph; null when none does (a quote that goes on from an earlier paragraph). */
  cue: string | null;
  cueSpan: Span | null;
}

export interface Para {
  n: number;
  text: string;
  units: Unit[];
  runs: NameRun[][];
}

export interface Subject {
  /** Entity key, or null when the subject is generic ("a source", "officials"). */
  key: string | null;
  /** Token index where the subject phrase starts. */
  from: number;
  to: number;
  /** A description ("the chancellor", "a spokesman") rather than a name or a pronoun. */
  described?: boolean;
  /** The content, when finding the subject already told where it is ("Noting that …, Allen said"). */
  content?: Span;
}

export interface ArticleContext {
  article: Article;
  paras: Para[];
  /** The sieves of this run, in order, without those switched off. */
  sieves: readonly Sieve[];
  /** Names of the sieves switched off for this run (for measuring what each earns). */
  disabled: ReadonlySet<string>;
  entities: Map<string, LocalEntity>;
  statements: LocalStatement[];
  mentions: { key: string; paragraph: number }[];
  /** Recent subjects and speakers, most recent last, for resolving "he"/"she" and descriptions. */
  /** `gender`: what the mention itself said ("Mrs. Clinton"), whatever the entity is known as. */
  salience: { key: string; paragraph: number; gender?: Gender | null }[];
  /** The last named speaker of a quote, whom a following bare quotation continues. */
  lastDirect: { key: string; paragraph: number } | null;
  /** A single word → the entity it was found to name; the first match never changes as entities are only appended. */
  singleHits: Map<string, string>;
  /** Surname skeleton → entities carrying it; folded name → first organisation of that name. */
  bySurname: Map<string, LocalEntity[]>;
  orgByName: Map<string, LocalEntity>;
  /** Set once genders and roles are learnt: before that, "Mr."/"Mrs." neither pick for good nor teach a gender. */
  settled: boolean;
  /** Names capitalised somewhere other than a sentence's first word. */
  midSentenceNames: Set<string>;
  /** What the learned cue pass does in this run: judge its candidates with a model, hand them to training, or nothing. */
  learned: LearnedRun;
}

export interface LearnedRun {
  model: LearnedModel | null;
  /** Training: each candidate's features and the statement it would make, whatever the model says. */
  collect?: (features: string[], statement: LocalStatement) => void;
}

/** One sentence unit while the statement sieves run over it. */
export interface UnitState {
  para: Para;
  unit: Unit;
  /** Index of the unit in its paragraph. */
  index: number;
  runs: NameRun[];
  /** Entity keys of `runs`, resolved once for the unit. */
  runKeys: (string | null)[];
  /** Quotes of the paragraph already part of a statement (shared by the paragraph's units). */
  covered: QuoteSpan[];
  /** Whether the paragraph can hold a statement at all (a quote mark, a cue, "according to"). */
  speech: boolean;
  /** Statements found in this unit so far. */
  found: LocalStatement[];
  /** A headline label or claim took the whole unit: no other finding sieve looks at it. */
  claimed: boolean;
}

/** One cue candidate while its speaker and content are looked for. */
export interface CueSite {
  u: UnitState;
  /** The cue's token index. */
  i: number;
  lemma: string;
  /** Token index of the cue's particle ("called for"), or -1. */
  particleIndex: number;
  /** The cue takes an object that is what was said ("criticized X for …"): a name after it is spoken about. */
  objectCue: boolean;
  cue: Span;
  /** Token index where the content is looked for after the cue; content sieves may move it on. */
  c: number;
}

/**
 * One pass of the pipeline. `people` sieves run once over the article before any statement is looked for;
 * `unit` sieves run on each sentence in reading order; for each cue candidate the `cue` sieves are tried,
 * then the `speaker` sieves until one finds the subject, then the `content` sieves until one decides; for
 * each quotation left unattributed the `quote` sieves are tried; `reference` sieves are asked by the others
 * (who "he" or "the chancellor" is); `end` sieves run once at the end.
 */
export type Sieve =
  | { name: string; kind: 'people' | 'end'; run(ctx: ArticleContext): void }
  | { name: string; kind: 'unit'; run(ctx: ArticleContext, u: UnitState): void }
  /** A whole statement from the cue alone, or null when decided that there is none; undefined: not this sieve's case. */
  | { name: string; kind: 'cue'; statement(ctx: ArticleContext, site: CueSite): LocalStatement | null | undefined }
  | { name: string; kind: 'speaker'; subject(ctx: ArticleContext, site: CueSite): Subject | null }
  /** The statement of a found subject, or null when decided that there is none; undefined: not this sieve's case. */
  | { name: string; kind: 'content'; statement(ctx: ArticleContext, site: CueSite, subject: Subject & { key: string }): LocalStatement | null | undefined }
  | { name: string; kind: 'quote'; statement(ctx: ArticleContext, u: UnitState, q: QuoteSpan): LocalStatement | null }
  | { name: string; kind: 'reference' };

export type SieveKind = Sieve['kind'];

/** Whether the sieve of that name runs in this context. */
export function enabled(ctx: ArticleContext, name: string): boolean {
  return !ctx.disabled.has(name);
}

export function createContext(
  article: Article,
  paras: Para[],
  sieves: readonly Sieve[],
  disabled: ReadonlySet<string>,
  learned: LearnedRun = { model: null },
): ArticleContext {
  return {
    article,
    paras,
    sieves,
    disabled,
    entities: new Map(),
    statements: [],
    mentions: [],
    salience: [],
    lastDirect: null,
    singleHits: new Map(),
    bySurname: new Map(),
    orgByName: new Map(),
    settled: false,
    midSentenceNames: new Set(),
    learned,
  };
}

/** A statement of `speaker` made of the given spans of the paragraph, and its cue. */
export function make(speaker: string, kind: StatementKind, para: Para, spans: Span[], cue: Span | null): LocalStatement {
  // Copied to exact size: a filtered array keeps room to grow, and the index holds hundreds of thousands.
  const clean = spans.filter(([s, e]) => e > s).slice();
  return {
    speaker,
    kind,
    paragraph: para.n,
    spans: clean,
    text: clean.map(([s, e]) => para.text.slice(s, e)).join(' … '),
    cue: cue ? para.text.slice(cue[0], cue[1]) : null,
    cueSpan: cue,
  };
}

/** Where a token stands in its paragraph. */
export function tokenSpan(t: Token): Span {
  return [t.start, t.end];
}
