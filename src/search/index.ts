// The Orama index over statements, and the query shapes that keep it fast: exact-match filters
// first, and term lookups only for terms rare enough that Orama's per-term work stays small.

import { create, insert, insertMultiple, load, remove, save, search } from '@orama/orama';
import type { Orama } from '@orama/orama';
import type { Span, Statement } from '../types.js';
import { dayNumber, StatementColumns } from './columns.js';
import { scoreInternal } from './postings.js';
import { stemCachingTokenizer } from './stem-cache.js';
import { derivedFrequencyIndex } from './term-frequencies.js';

export const statementSchema = {
  speaker: 'enum',
  outlet: 'enum',
  /** yyyymmdd, 0 when the article has no date. */
  date: 'number',
  text: 'string',
} as const;

export type StatementDb = Orama<typeof statementSchema>;

export interface IndexedStatement extends Statement {
  outlet: string;
  date: string | null;
  /**
   * Shown in one piece: whether inside quotation marks (true) or not (false); null when it is cut into
   * pieces where a quote meets paraphrase, or its paragraph is missing (src/answer/shown.ts works out
   * both from the paragraph when it is shown).
   */
  wholeVerbatim: boolean | null;
}

export interface StatementIndex {
  db: StatementDb;
  statements: IndexedStatement[];
  /** Statement positions per speaker, in corpus order: the cheap path for person questions. */
  bySpeaker: Map<string, number[]>;
  /** Positions whose statements were removed by a patch: kept in the array so positions stay stable. */
  removed: Set<number>;
  /** Statement position → Orama's internal id, and back (-1 where none): postings are read in internal ids. */
  internalOf: Int32Array;
  positionOf: Int32Array;
  /** Best hits of common topic words asked without a person, per index (oldest dropped past 256). */
  topicCache: Map<string, RankedHit[]>;
  /**
   * The best hits of every very common term (see RANKED_AT_BUILD) asked alone, computed when the index is built or restored:
   * scoring a common word's hundreds of thousands of postings takes longer than an answer may, even
   * the first time it is asked. Empty in a patched index (the first question after a patch scores).
   */
  commonBest: Map<string, BestHits>;
  /** Every statement's folded text, speaker and outlet in flat arrays (see columns.ts). */
  columns: StatementColumns;
}

/** Ranked hits in two typed arrays: hundreds of terms × 500 hits stay a few megabytes. */
export interface BestHits {
  positions: Int32Array;
  scores: Float64Array;
}

/** Terms found in more statements than this are "common": never looked up through Orama's term search. */
export function commonTermLimit(size: number): number {
  return Math.max(64, Math.floor(size * 0.002));
}

const BATCH = 2000;

function emptyDb(): StatementDb {
  // The tokenizer settings live in code, not in saved data: a restored db must be created with them.
  // Sorting is off: answers are ranked and ordered by the engine, and Orama's sort index kept every
  // statement's text and date in sorted arrays (~3 KB per article at 100k) for sorts never asked.
  return create({
    schema: statementSchema,
    sort: { enabled: false },
    components: {
      tokenizer: stemCachingTokenizer(),
      index: derivedFrequencyIndex(),
      // Documents are made by statementDoc, typed by the schema; Orama still checks each value's type
      // as it indexes it, so its whole-document check first only repeated that work.
      validateSchema: () => undefined,
    },
  });
}

/** Orama's own serialisation of the index, for snapshots. */
export function saveStatementIndex(index: StatementIndex): Record<string, unknown> {
  return save(index.db) as unknown as Record<string, unknown>;
}

export function restoreStatementIndex(raw: Record<string, unknown>, statements: IndexedStatement[], removed: Set<number>): StatementIndex {
  const db = emptyDb();
  // Orama's RawData type is internal; `raw` is exactly what saveStatementIndex produced.
  load(db, raw as unknown as Parameters<typeof load>[1]);
  return withCommonBest(withIdMaps({ db, statements, bySpeaker: speakerPositions(statements, removed), removed, columns: StatementColumns.of(statements) }));
}

export async function buildStatementIndex(statements: IndexedStatement[], onBatch?: () => Promise<void>): Promise<StatementIndex> {
  const db = emptyDb();
  // Orama's date tree degrades on sorted input, and a single huge insert blocks: batch in shuffled order.
  const order = shuffledIndexes(statements.length);
  for (let i = 0; i < order.length; i += BATCH) {
    const docs = order.slice(i, i + BATCH).map((k) => statementDoc(statements[k] as IndexedStatement, k));
    await insertMultiple(db, docs, BATCH);
    if (onBatch) await onBatch();
  }
  return withCommonBest(
    withIdMaps({ db, statements, bySpeaker: speakerPositions(statements, new Set()), removed: new Set(), columns: StatementColumns.of(statements) }),
  );
}

/** Adds the position ↔ internal id maps, read once from Orama's id store. */
function withIdMaps(index: Omit<StatementIndex, 'internalOf' | 'positionOf' | 'topicCache' | 'commonBest'>): StatementIndex {
  const store = index.db.internalDocumentIDStore;
  const internalOf = new Int32Array(index.statements.length).fill(-1);
  const positionOf = new Int32Array(store.internalIdToId.length + 1).fill(-1);
  for (let k = 0; k < index.statements.length; k++) {
    const internal = store.idToInternalId.get(String(k));
    if (internal === undefined || index.removed.has(k)) continue;
    internalOf[k] = internal;
    positionOf[internal] = k;
  }
  return { ...index, internalOf, positionOf, topicCache: new Map(), commonBest: new Map() };
}

/**
 * Below this many postings a term is scored when first asked (a millisecond or two, then cached):
 * ranking it at build time would cost the build more than it saves the question.
 */
const RANKED_AT_BUILD = 20_000;

/** Fills `commonBest`: each very common term's best hits, exactly as a bare question about it ranks them. */
function withCommonBest(index: StatementIndex): StatementIndex {
  const limit = Math.max(commonTermLimit(index.statements.length), RANKED_AT_BUILD);
  const occurrences = (index.db.data.index as unknown as { tokenOccurrences?: Record<string, Record<string, number>> }).tokenOccurrences?.text ?? {};
  for (const [term, df] of Object.entries(occurrences)) {
    if (df <= limit || STOP_TERMS.has(term)) continue;
    const hits = scoredPositions(index, [term], TOPIC_HITS, null);
    index.commonBest.set(term, { positions: Int32Array.from(hits, (h) => h.position), scores: Float64Array.from(hits, (h) => h.score) });
  }
  return index;
}

export function statementDoc(s: IndexedStatement, position: number) {
  return { id: String(position), speaker: s.speaker, outlet: s.outlet, date: dayNumber(s.date), text: s.text };
}

function speakerPositions(statements: IndexedStatement[], removed: Set<number>): Map<string, number[]> {
  const bySpeaker = new Map<string, number[]>();
  statements.forEach((s, k) => {
    if (!removed.has(k)) pushTo(bySpeaker, s.speaker, k);
  });
  return bySpeaker;
}

/** Identity of a statement across reloads: same place, words, speaker and citation (sameStatement compares the same fields). */
function statementKey(s: IndexedStatement): string {
  return [s.file, s.paragraph, s.spans.join(';'), s.speaker, s.kind, s.outlet, s.date, s.text, s.cue ?? '', s.cueSpan?.join(';') ?? ''].join('\u0000');
}

const sameSpan = (a: Span | null, b: Span | null): boolean => a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);

/** The same statement by statementKey's fields, compared without building the keys. */
function sameStatement(a: IndexedStatement, b: IndexedStatement): boolean {
  return (
    a.text === b.text &&
    a.paragraph === b.paragraph &&
    a.speaker === b.speaker &&
    a.kind === b.kind &&
    a.file === b.file &&
    a.outlet === b.outlet &&
    a.date === b.date &&
    a.cue === b.cue &&
    sameSpan(a.cueSpan, b.cueSpan) &&
    a.spans.length === b.spans.length &&
    a.spans.every((span, i) => sameSpan(span, b.spans[i] ?? null))
  );
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Above this many removed or added statements a patch is not worth it: rebuild instead. */
export const MAX_PATCH = 1000;

/**
 * Which statements a patch removes (positions in `current`) and adds (from `next`, in its order): a
 * statement stays when its file still has the same one. File by file, because a reload usually changes
 * one file: the others are compared statement by statement in order, which is all a file that did not
 * change needs; a file that did is matched by key, each statement of `current` used once.
 */
function statementChanges(current: StatementIndex, next: IndexedStatement[]): { gone: number[]; added: IndexedStatement[] } {
  const currentByFile = new Map<string, number[]>();
  current.statements.forEach((s, k) => {
    if (!current.removed.has(k)) pushTo(currentByFile, s.file, k);
  });
  const nextByFile = new Map<string, number[]>();
  next.forEach((s, i) => {
    pushTo(nextByFile, s.file, i);
  });
  const gone: number[] = [];
  const isAdded = new Uint8Array(next.length);
  for (const [file, fresh] of nextByFile) {
    const had = currentByFile.get(file) ?? [];
    currentByFile.delete(file);
    if (had.length === fresh.length && had.every((k, x) => sameStatement(current.statements[k]!, next[fresh[x]!]!))) continue;
    const live = new Map<string, number[]>();
    for (const k of had) pushTo(live, statementKey(current.statements[k]!), k);
    for (const i of fresh) {
      const match = live.get(statementKey(next[i]!));
      if (match && match.length > 0) match.shift();
      else isAdded[i] = 1;
    }
    for (const left of live.values()) gone.push(...left);
  }
  for (const left of currentByFile.values()) gone.push(...left);
  return { gone, added: next.filter((_, i) => isAdded[i] === 1) };
}

/**
 * A new index for `next` statements that shares `current`'s Orama db, changed in place by removing
 * and inserting only the statements that differ. Returns null when too much changed (rebuild).
 * The db is changed synchronously, in one turn of the event loop, so no query sees it half-patched;
 * the old index keeps its own statement array.
 */
export function patchStatementIndex(current: StatementIndex, next: IndexedStatement[]): StatementIndex | null {
  const { gone, added } = statementChanges(current, next);
  if (gone.length + added.length > MAX_PATCH) return null;
  const statements = current.statements.slice();
  const removed = new Set(current.removed);
  for (const k of gone) {
    const result = remove(current.db, String(k));
    if (result instanceof Promise) throw new Error('Orama remove went async: patching needs the sync path');
    removed.add(k);
  }
  for (const s of added) {
    const position = statements.length;
    statements.push(s);
    const result = insert(current.db, statementDoc(s, position));
    if (result instanceof Promise) throw new Error('Orama insert went async: patching needs the sync path');
  }
  return withIdMaps({ db: current.db, statements, bySpeaker: speakerPositions(statements, removed), removed, columns: current.columns.extended(added) });
}

function shuffledIndexes(n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let seed = 0x9e3779b9;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

/** Stemmed terms of a text, as Orama indexes them. */
export function terms(index: StatementIndex, text: string): string[] {
  return [...new Set(index.db.tokenizer.tokenize(text, 'english', 'text'))].filter((t) => t.length > 0);
}

/** How many statements contain a term: read from Orama's own BM25 bookkeeping. */
export function documentFrequency(index: StatementIndex, term: string): number {
  // Orama keeps per-property token occurrence counts for BM25; they are not in its public types.
  const occurrences = (index.db.data.index as unknown as { tokenOccurrences?: Record<string, Record<string, number>> }).tokenOccurrences;
  return occurrences?.text?.[term] ?? 0;
}

/** Topic answers without a person list at most this many statements, best first. */
const TOPIC_HITS = 500;

const STOP_TERMS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'for',
  'about',
  'with',
  'is',
  'are',
  'was',
  'be',
  'it',
  'that',
  'this',
  'by',
  'at',
  'as',
  'from',
]);

export interface RankedHit {
  position: number;
  score: number;
}

/**
 * Statements among `candidates` (positions) that match `topic`, best first (BM25 with stemming).
 * Rare topic terms go through Orama with the speaker filter; common ones are scored over the
 * candidate set directly, which is small because the filter ran first.
 */
export async function rankByTopic(
  index: StatementIndex,
  topic: string,
  candidates: number[] | null,
  filter: { speaker?: string; outlet?: string; days?: [number, number] },
): Promise<RankedHit[]> {
  const topicTerms = terms(index, topic).filter((t) => !STOP_TERMS.has(t));
  if (topicTerms.length === 0) return [];
  const limit = commonTermLimit(index.statements.length);
  // Orama matches terms as prefixes, so a short term reaches many words besides itself: treat it as common.
  const isRare = (t: string): boolean => t.length >= 4 && documentFrequency(index, t) <= limit;
  const rare = topicTerms.every(isRare);
  if (rare) {
    const where: Record<string, { eq: string }> = {};
    if (filter.speaker) where.speaker = { eq: filter.speaker };
    if (filter.outlet) where.outlet = { eq: filter.outlet };
    const dated = filter.days ? { date: { between: filter.days } } : {};
    const result = await search(index.db, { term: topicTerms.join(' '), properties: ['text'], where: { ...where, ...dated }, limit: TOPIC_HITS, threshold: 1 });
    return result.hits.map((h) => ({ position: Number(h.id), score: h.score }));
  }
  // A common term, read from Orama's postings (linear; Orama's own lookup is quadratic in their
  // size), walking whichever is smaller: the candidates or each term's list.
  if (candidates) {
    // A plain loop: a callback run for each of a most quoted person's 29k statements is slow the first time.
    const allowed = new Int32Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) allowed[i] = index.internalOf[candidates[i] as number] as number;
    return scoredPositions(index, topicTerms, Number.POSITIVE_INFINITY, allowed);
  }
  // Without a filter the answer depends only on the terms and this index, which never changes (a
  // patch makes a new one): the best hits of a common word are kept for the next time it is asked.
  const narrowed = filter.outlet || filter.days;
  const best = !narrowed && topicTerms.length === 1 ? index.commonBest.get(topicTerms[0] as string) : undefined;
  if (best) return Array.from(best.positions, (position, i) => ({ position, score: best.scores[i] as number }));
  const key = `${topicTerms.join(' ')}\u0000${filter.outlet ?? ''}\u0000${filter.days?.join('-') ?? ''}`;
  const cached = index.topicCache.get(key);
  if (cached) return cached;
  let hits = scoredPositions(index, topicTerms, narrowed ? Number.POSITIVE_INFINITY : TOPIC_HITS, null);
  if (filter.outlet) hits = hits.filter((h) => index.statements[h.position]?.outlet === filter.outlet);
  const { days } = filter;
  if (days) hits = hits.filter((h) => isInDays(index, h.position, days));
  if (narrowed) hits = hits.slice(0, TOPIC_HITS);
  if (index.topicCache.size >= TOPIC_CACHE_SIZE) index.topicCache.delete(index.topicCache.keys().next().value as string);
  index.topicCache.set(key, hits);
  return hits;
}

function scoredPositions(index: StatementIndex, topicTerms: string[], limit: number, allowed: ArrayLike<number> | null): RankedHit[] {
  const hits: RankedHit[] = [];
  for (const h of scoreInternal(index.db, topicTerms, limit, allowed)) {
    const position = index.positionOf[h.internalId] as number;
    if (position >= 0) hits.push({ position, score: h.score });
  }
  return hits;
}

const TOPIC_CACHE_SIZE = 256;

/**
 * The positions among `positions` dated within `days` (yyyymmdd, both ends included), in their order,
 * read from the index's day column; the undated ones (day 0) go to `undated` when it is given.
 */
export function positionsInDays(index: StatementIndex, positions: Iterable<number>, days: [number, number], undated?: number[]): number[] {
  const kept: number[] = [];
  for (const k of positions) {
    if (isInDays(index, k, days)) kept.push(k);
    else if (index.columns.dayOf(k) === 0) undated?.push(k);
  }
  return kept;
}

/** Whether statement `k` is dated within `days` (yyyymmdd, both ends included). */
function isInDays(index: StatementIndex, k: number, [from, to]: [number, number]): boolean {
  const day = index.columns.dayOf(k);
  return day >= from && day <= to;
}

export function liveStatementCount(index: StatementIndex): number {
  return index.statements.length - index.removed.size;
}
