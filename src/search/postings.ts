// Direct reads of Orama's own postings and BM25 statistics, for terms too common for its search().
//
// Why: Orama 3's term lookup copies each matching word's document set into an array with an
// `includes` check per document, which is quadratic in the number of matching documents (seconds
// for a common word at 100k articles). The data it reads is right there and exact; reading it
// directly is linear. This touches Orama internals (pinned to 3.1.x in package.json);
// tests/postings.test.ts checks these scores against Orama's search() so an upgrade cannot
// silently change them. Typed against any Orama, not the statement schema, so the index that
// calls these stays the only module that knows the schema.

import { count } from '@orama/orama';
import type { AnyOrama } from '@orama/orama';
import { internalDocumentIDStore } from '@orama/orama/components';

interface RadixNodeView {
  s: string;
  c: Map<string, RadixNodeView>;
  d: Set<number>;
  e: boolean;
}

interface IndexView {
  indexes: Record<string, { node: RadixNodeView }>;
  tokenOccurrences: Record<string, Record<string, number>>;
  fieldLengths: Record<string, Record<number, number | undefined>>;
  avgFieldLength: Record<string, number>;
}

/** Orama's default BM25 parameters. */
const K = 1.2;
const B = 0.75;
const D = 0.5;

function view(db: AnyOrama): IndexView {
  // Orama's index store is typed as opaque; this is its documented-in-source shape for 3.1.x.
  return db.data.index as unknown as IndexView;
}

/** The radix node of exactly `term`, or null. */
function exactNode(root: RadixNodeView, term: string): RadixNodeView | null {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i] as string);
    if (!child || !term.startsWith(child.s, i)) return null;
    node = child;
    i += child.s.length;
  }
  return node.e ? node : null;
}

export interface ScoredId {
  id: string;
  score: number;
}

/**
 * BM25 scores of every statement containing any of `terms` (exact stems), summed over terms,
 * best first. Linear in the number of postings read.
 */
export function scoreByPostings(db: AnyOrama, terms: string[], limit = Number.POSITIVE_INFINITY, within?: number[]): ScoredId[] {
  const store = db.internalDocumentIDStore;
  return scoreInternal(db, terms, limit, within ? internalIds(db, within) : null).map(({ internalId, score }) => ({
    id: String(internalDocumentIDStore.getDocumentIdFromInternalId(store, internalId)),
    score,
  }));
}

export interface ScoredInternal {
  internalId: number;
  score: number;
}

/**
 * As scoreByPostings, in Orama's internal ids (callers that keep their own id map skip the string ids).
 * `allowed`: the only internal ids to score (each once; negative ones are skipped), or null for all.
 */
export function scoreInternal(db: AnyOrama, terms: string[], limit: number, allowed: ArrayLike<number> | null, prop = 'text'): ScoredInternal[] {
  const idx = view(db);
  const root = idx.indexes[prop]?.node;
  if (!root) return [];
  const docsCount = count(db);
  // Scores in a dense array by internal id, reused across queries: hundreds of thousands of postings
  // cost a Map far more than the arithmetic.
  const size = db.internalDocumentIDStore.internalIdToId.length + 1;
  let scores = scratch.get(db);
  if (!scores || scores.length < size) {
    scores = new Float64Array(size);
    scratch.set(db, scores);
  }
  const touched: number[] = [];
  // Membership of `allowed` as marks on a board by internal id: tens of thousands of a most quoted
  // person's statements cost a Set more than the scoring itself.
  // Set only when a term's postings are walked: a person's common word walks the person's statements instead.
  const marks = allowed && markBoard(db, size);
  let marked = false;
  for (const term of terms) {
    const node = exactNode(root, term);
    if (!node) continue;
    const matching = idx.tokenOccurrences[prop]?.[term] ?? node.d.size;
    const idf = Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
    const avg = idx.avgFieldLength[prop] ?? 1;
    const lengths = idx.fieldLengths[prop];
    const board = scores;
    const gain = (internalId: number): number => {
      const length = lengths?.[internalId] ?? avg;
      // Terms are unique per document (Orama's tokenizer drops repeats): every term's tf is 1 / length.
      const tf = 1 / length;
      return (idf * (D + tf * (K + 1))) / (tf + K * (1 - B + (B * length) / avg));
    };
    const score = (internalId: number): void => {
      if (board[internalId] === 0) touched.push(internalId);
      board[internalId] = (board[internalId] as number) + gain(internalId);
    };
    // Walk the smaller side: a person's few statements, or a rare term's few postings. Postings read in
    // order cost far less each than a lookup in them (far apart in memory at 100k), so they are walked
    // up to POSTINGS_PER_LOOKUP times the statements; hits then join `touched` in the statements' order,
    // as the lookups would have added them (equal scores keep that order).
    if (allowed && marks && allowed.length < node.d.size && node.d.size <= allowed.length * POSTINGS_PER_LOOKUP) {
      if (!marked) {
        setMarks(marks, allowed, 1);
        marked = true;
      }
      for (const internalId of node.d) {
        if (marks[internalId] !== 1) continue;
        // 3: not scored before this term (joins `touched` below), 2: scored by an earlier term.
        marks[internalId] = board[internalId] === 0 ? 3 : 2;
        board[internalId] = (board[internalId] as number) + gain(internalId);
      }
      for (let i = 0; i < allowed.length; i++) {
        const internalId = allowed[i] as number;
        if (internalId < 0 || (marks[internalId] as number) < 2) continue;
        if (marks[internalId] === 3) touched.push(internalId);
        marks[internalId] = 1;
      }
    } else if (allowed && allowed.length < node.d.size) {
      for (let i = 0; i < allowed.length; i++) {
        const internalId = allowed[i] as number;
        if (internalId >= 0 && node.d.has(internalId)) score(internalId);
      }
    } else {
      if (allowed && marks && !marked) {
        setMarks(marks, allowed, 1);
        marked = true;
      }
      for (const internalId of node.d) if (!marks || marks[internalId] === 1) score(internalId);
    }
  }
  if (allowed && marks && marked) setMarks(marks, allowed, 0);
  const top = topScored(scores, touched, limit);
  for (const id of touched) scores[id] = 0;
  return top;
}

/** How many postings are walked rather than one lookup per allowed statement (see scoreInternal). */
const POSTINGS_PER_LOOKUP = 3;

/** One score board per index (queries in a worker run one at a time, so it is never shared mid-query). */
const scratch = new WeakMap<AnyOrama, Float64Array>();
/** And one board of marks, all 0 between queries. */
const markBoards = new WeakMap<AnyOrama, Uint8Array>();

function setMarks(board: Uint8Array, ids: ArrayLike<number>, value: 0 | 1): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id >= 0) board[id] = value;
  }
}

function markBoard(db: AnyOrama, size: number): Uint8Array {
  let board = markBoards.get(db);
  if (!board || board.length < size) {
    board = new Uint8Array(size);
    markBoards.set(db, board);
  }
  return board;
}

function internalIds(db: AnyOrama, positions: number[]): number[] {
  const map = db.internalDocumentIDStore.idToInternalId;
  const out = new Set<number>();
  for (const p of positions) {
    const id = map.get(String(p));
    if (id !== undefined) out.add(id);
  }
  return [...out];
}

/**
 * The `limit` best of the touched scores, best first, equal scores in the order touched (the
 * candidates' order: newest first for a person). A comparison sort of thousands of hits calls a
 * comparator tens of thousands of times, slow in a question's first asking while it is not yet
 * compiled; here the scores are sorted natively and the hits placed by a counting sort on their rank.
 */
export function topScored(scores: Float64Array, touched: number[], limit: number): ScoredInternal[] {
  const n = touched.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = scores[touched[i] as number] as number;
  values.sort();
  // Ranks of the distinct scores, best first, and how many hits stand at each, as far as the ranks that
  // hold the first `limit` hits (a tie at the cut keeps every hit of its score, then the cut).
  const rankOf = new Map<number, number>();
  const atRank: number[] = [];
  let kept = 0;
  for (let i = n - 1; i >= 0; i--) {
    const value = values[i] as number;
    if (i === n - 1 || value !== values[i + 1]) {
      if (kept >= limit) break;
      rankOf.set(value, atRank.length);
      atRank.push(0);
    }
    atRank[atRank.length - 1] = (atRank[atRank.length - 1] as number) + 1;
    kept++;
  }
  const ranks = atRank.length;
  const floor = kept > 0 ? (values[n - kept] as number) : Number.POSITIVE_INFINITY;
  const start = new Int32Array(ranks);
  for (let r = 1; r < ranks; r++) start[r] = (start[r - 1] as number) + (atRank[r - 1] as number);
  const placed: number[] = new Array(kept);
  for (let i = 0; i < n; i++) {
    const id = touched[i] as number;
    const score = scores[id] as number;
    if (score < floor) continue;
    const rank = rankOf.get(score) as number;
    const at = start[rank] as number;
    placed[at] = id;
    start[rank] = at + 1;
  }
  const size = Math.min(kept, limit);
  const top: ScoredInternal[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const id = placed[i] as number;
    top[i] = { internalId: id, score: scores[id] as number };
  }
  return top;
}

/**
 * Internal ids of the statements containing every one of `terms` exactly (posting lists intersected), in
 * the order of the shortest list. Each id of the shortest list counts on a board the lists it is in: a
 * list at most POSTINGS_PER_LOOKUP times longer is walked in order, a longer one looked up per id. (One
 * look-up in each list per id of the shortest was most of a phrase of common words at 100k: "in one year
 * than" looked 62k ids up in three lists of 134-157k, each a hash table far apart in memory: 12-36 ms.)
 */
export function internalWithTerms(db: AnyOrama, terms: string[], prop = 'text'): number[] {
  const root = view(db).indexes[prop]?.node;
  if (!root || terms.length === 0) return [];
  const lists: Set<number>[] = [];
  for (const term of terms) {
    const node = exactNode(root, term);
    if (!node) return [];
    lists.push(node.d);
  }
  lists.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = lists as [Set<number>, ...Set<number>[]];
  // The board holds counts up to the number of lists (a byte); a phrase of hundreds of words is looked up.
  if (rest.length > 250) return [...smallest].filter((internalId) => rest.every((l) => l.has(internalId)));
  const board = markBoard(db, db.internalDocumentIDStore.internalIdToId.length + 1);
  for (const internalId of smallest) board[internalId] = 1;
  let round = 1;
  for (const list of rest) {
    if (list.size <= smallest.size * POSTINGS_PER_LOOKUP) {
      for (const internalId of list) if (board[internalId] === round) board[internalId] = round + 1;
    } else {
      for (const internalId of smallest) if (board[internalId] === round && list.has(internalId)) board[internalId] = round + 1;
    }
    round++;
  }
  // Only ids of the shortest list were marked: clearing them leaves the board all 0 again.
  const out: number[] = [];
  for (const internalId of smallest) {
    if (board[internalId] === round) out.push(internalId);
    board[internalId] = 0;
  }
  return out;
}
