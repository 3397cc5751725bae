// One statement once: the same words carried by several outlets are one group, shown once with the
// outlets that carried them. Person answers, the per-outlet view and /compare all read these groups.

import type { OutletExcerpts, ShownStatement, StatementGroup } from '../types.js';
import { containsShare, NO_PAIRS, PairTable, type PairIds, sameIds, sharedCount } from './pairs.js';

/** Share of the shorter version's word pairs found in the other: word pairs keep order, so two
 * statements that merely use the same vocabulary ("security guarantees", "Europe") stay apart. */
const SAME_STATEMENT = 0.5;
/** Share of the longer version's word pairs found in the other: one sentence of a three-sentence
 * quote is not the same statement, or one outlet would seem to have carried all three. */
const COVERS_LONGER = 0.35;
/** Share of a statement's word pairs that must stand in a longer one for it to be a part of it. */
const PART_OF = 0.8;

function similarity(a: PairIds, b: PairIds): number {
  return sharedCount(a.sorted, b.sorted) / Math.max(1, Math.min(a.sorted.length, b.sorted.length));
}

const atLeast = (x: number): number => Math.max(1, Math.ceil(x - 1e-9));

/** Per grouping, reused for every statement: a zeroed hit count per cluster, the clusters hit, lists. */
interface Scratch {
  hits: Int32Array;
  hit: Int32Array;
  lists: (readonly number[])[];
}

/**
 * The cluster a statement with these word pairs joins, or null: of the clusters of its speaker with
 * no version from its outlet that pass both thresholds, the one with the highest score (the later one
 * on a tie). A cluster that shares at least ceil(COVERS_LONGER × pairs) of the pairs shares at least
 * one of any (pairs − that + 1), so only the statement's rarest pairs are looked up (common pairs such
 * as "of the" would reach most clusters of a long answer, for every statement; a pair no cluster has
 * is the rarest of all and costs nothing), and only clusters whose hits there leave them able to reach
 * both thresholds are counted in full.
 */
function bestCluster(statement: ShownStatement, pairs: PairIds, byPair: Map<number, number[]>, clusters: Cluster[], scratch: Scratch): Cluster | null {
  const size = pairs.order.length;
  const probes = size - atLeast(COVERS_LONGER * size) + 1;
  const { hits, hit, lists } = scratch;
  lists.length = 0;
  let unlisted = 0;
  for (const p of pairs.order) {
    const list = byPair.get(p);
    if (list) lists.push(list);
    else unlisted++;
  }
  if (unlisted >= probes) return null;
  shortestFirst(lists);
  let hitCount = 0;
  for (let i = 0; i < probes - unlisted; i++) {
    for (const k of lists[i] as readonly number[]) {
      if (hits[k] === 0) hit[hitCount++] = k;
      hits[k] = (hits[k] as number) + 1;
    }
  }
  const rest = size - probes;
  let best: Cluster | null = null;
  let bestScore = SAME_STATEMENT;
  // In creation order: a tie goes to the later cluster.
  for (const k of hit.subarray(0, hitCount).sort()) {
    const probed = hits[k] as number;
    hits[k] = 0;
    const c = clusters[k] as Cluster;
    if (c.speaker !== statement.speaker) continue;
    const other = c.pairs.sorted.length;
    const need = Math.max(atLeast(SAME_STATEMENT * Math.min(size, other)), atLeast(COVERS_LONGER * Math.max(size, other)));
    if (probed + rest < need) continue;
    const n = sharedCount(pairs.sorted, c.pairs.sorted);
    const score = n / Math.min(size, other);
    if (score < bestScore || n / Math.max(size, other) < COVERS_LONGER) continue;
    if (c.versions.some((v) => v.statement.outlet === statement.outlet)) continue;
    best = c;
    bestScore = score;
  }
  return best;
}

/**
 * Clusters that can hold `share` of these pairs: they must be in one of the rarest (pairs − needed + 1)
 * pairs' lists. Only those `keep` accepts are collected (the rest would be dropped by the caller), in
 * the order of those lists (rarest first, a tie in the order the pairs occur). Every list holds the
 * cluster the pairs are from, which `keep` never accepts: a list of it alone is the rarest kind and
 * adds nothing, so only the longer lists are sorted and read.
 */
function holdersOf(pairs: PairIds, byPair: Map<number, number[]>, share: number, keep: (k: number) => boolean, into: Set<number>): void {
  const size = pairs.order.length;
  let probes = size - atLeast(share * size) + 1;
  const longer: number[][] = [];
  for (const p of pairs.order) {
    const list = byPair.get(p) as number[];
    if (list.length > 1) longer.push(list);
    else if (--probes === 0) return;
  }
  shortestFirst(longer);
  for (let i = 0; i < probes; i++) for (const k of longer[i] as number[]) if (keep(k)) into.add(k);
}

/**
 * Sorts lists shortest first, in place, keeping the order of equal lengths (as the stable
 * Array.prototype.sort does): a statement's ~25 lists, sorted once per statement of a 1,000-excerpt
 * answer, cost a comparator call each comparison there, slow while the first answer is compiling.
 */
function shortestFirst(lists: (readonly number[])[]): void {
  for (let i = 1; i < lists.length; i++) {
    const list = lists[i] as readonly number[];
    let j = i - 1;
    while (j >= 0 && (lists[j] as readonly number[]).length > list.length) {
      lists[j + 1] = lists[j] as readonly number[];
      j--;
    }
    lists[j + 1] = list;
  }
}

interface Cluster {
  pairs: PairIds;
  speaker: string | null;
  versions: { statement: ShownStatement; pairs: PairIds; order: number }[];
  parts: ShownStatement[];
  /** Folded into a longer cluster as a part of it. */
  folded: boolean;
}

/**
 * Groups statements (given in the answer's order: outlet by outlet, best or newest first) by wording:
 * at most one version per outlet, one speaker per group; a statement whose words stand in a longer one
 * becomes a part of it (see foldParts). Groups carried by more outlets (in whole or in part) come first;
 * then, for equally carried ones, the order of their first version. Within an outlet, statements of
 * one article keep the article's order. `pairs`: the table that names word pairs (one kept across
 * answers remembers each text's pairs; the caller starts it over between groupings, see PairTable.bound).
 */
export function groupStatements(statements: ShownStatement[], pairs: PairTable = new PairTable()): StatementGroup[] {
  const clusters: Cluster[] = [];
  // Which clusters have each word pair: a statement is compared only with clusters it shares pairs with.
  const byPair = new Map<number, number[]>();
  const scratch: Scratch = { hits: new Int32Array(statements.length), hit: new Int32Array(statements.length), lists: [] };
  // One outlet (an outlet asked for, or the only one that quoted them): nothing can group.
  const oneOutlet = statements.every((s) => s.outlet === statements[0]?.outlet);
  statements.forEach((statement, order) => {
    const ids = oneOutlet ? NO_PAIRS : pairs.pairsOf(statement.text);
    const size = ids.order.length;
    const best = size >= 2 ? bestCluster(statement, ids, byPair, clusters, scratch) : null;
    if (best) best.versions.push({ statement, pairs: ids, order });
    else {
      clusters.push({ pairs: ids, speaker: statement.speaker, versions: [{ statement, pairs: ids, order }], parts: [], folded: false });
      if (size >= 2) {
        for (const p of ids.order) {
          const list = byPair.get(p);
          if (list) list.push(clusters.length - 1);
          else byPair.set(p, [clusters.length - 1]);
        }
      }
    }
  });
  foldParts(clusters);
  const groups = clusters
    .filter((c) => !c.folded)
    .map((c) => {
      const first = c.versions[0]!;
      if (c.versions.length === 1)
        return { group: { shown: first.statement, versions: [first.statement], reworded: false, parts: c.parts }, first: first.order };
      // The version shown is the one closest to all the others (longest on a tie): the common wording.
      const centrality = centralityOf(c.versions);
      // A version that names its reporting words is preferred: without them a paraphrase can read as its opposite.
      const named = c.versions.some((v) => v.statement.cue) ? centrality.map((x, i) => (c.versions[i]!.statement.cue ? x : -1)) : centrality;
      const shownAt = named.indexOf(Math.max(...named));
      const versions = c.versions.map((v) => v.statement);
      const shown = versions[shownAt] as ShownStatement;
      const shownPairs = c.versions[shownAt]!.pairs.sorted;
      return {
        // Same words in the same order, punctuation and case aside (as word pairs, which are already at hand).
        group: { shown, versions, reworded: c.versions.some((v) => !sameIds(v.pairs.sorted, shownPairs)), parts: c.parts },
        first: first.order,
      };
    });
  const carriers = new Map(groups.map(({ group }) => [group, new Set([...group.versions, ...group.parts].map((s) => s.outlet)).size]));
  const single = groups.filter((g) => carriers.get(g.group) === 1).map((g) => g.group.shown);
  const articleOrder = articleOrderOf(single);
  return [
    ...groups
      .filter((g) => carriers.get(g.group)! > 1)
      .sort((a, b) => carriers.get(b.group)! - carriers.get(a.group)! || a.first - b.first)
      .map((g) => g.group),
    ...groups
      .filter((g) => carriers.get(g.group) === 1)
      .sort((a, b) => articleOrder(a.group.shown, b.group.shown))
      .map((g) => g.group),
  ];
}

/**
 * Each version's summed similarity to the others, plus a millionth of its length. Outlets that carried
 * the same text share one pair list (pairs are cached by text), so the similarity of two lists is
 * computed once, not once per pair of versions; the sums add the same numbers in the same order.
 */
function centralityOf(versions: Cluster['versions']): number[] {
  const { lists, classOf } = distinctPairs(versions);
  const n = lists.length;
  const similar = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) similar[a * n + b] = similarity(lists[a] as PairIds, lists[b] as PairIds);
  return versions.map((v, i) => {
    const row = (classOf[i] as number) * n;
    let sum = 0;
    for (let j = 0; j < versions.length; j++) if (j !== i) sum += similar[row + (classOf[j] as number)] as number;
    return sum + v.statement.text.length * 1e-6;
  });
}

/** The distinct pair lists of some versions (the same list object once, in the order first met), and each version's index among them. */
function distinctPairs(versions: readonly { pairs: PairIds }[]): { lists: PairIds[]; classOf: Int32Array } {
  const lists: PairIds[] = [];
  const classOf = new Int32Array(versions.length);
  versions.forEach((v, i) => {
    let at = lists.indexOf(v.pairs);
    if (at < 0) at = lists.push(v.pairs) - 1;
    classOf[i] = at;
  });
  return { lists, classOf };
}

/**
 * Folds a statement into a longer statement of the same speaker that holds (nearly) all its words, so
 * a sentence some outlets quoted alone is not shown again beside the longer quote it belongs to.
 * Shortest first, so a part of a part lands in the longest one.
 */
function foldParts(clusters: Cluster[]): void {
  // Every version's pairs, not only the first's: the version that kept the sentence may be any outlet's.
  const byPair = new Map<number, number[]>();
  // Versions of one text share a pair list: each list is read once per cluster.
  const distinct = clusters.map((c) => distinctPairs(c.versions).lists);
  clusters.forEach((_, k) => {
    for (const pairs of distinct[k] as PairIds[]) {
      for (const p of pairs.order) {
        const list = byPair.get(p);
        if (!list) byPair.set(p, [k]);
        // Clusters are listed in order, so a pair two versions share is already listed last.
        else if (list[list.length - 1] !== k) list.push(k);
      }
    }
  });
  // Versions do not change here: each cluster's longest is read once, not per comparison.
  const longest = clusters.map((c) => Math.max(...c.versions.map((v) => v.pairs.order.length)));
  const order = clusters.map((_, k) => k).sort((a, b) => longest[a]! - longest[b]!);
  for (const k of order) {
    const c = clusters[k]!;
    if (c.pairs.order.length < 3) continue;
    // A target holds PART_OF of some version's pairs, so it is in one of that version's rarest pairs' lists.
    const canTake = (j: number): boolean => j !== k && !clusters[j]!.folded && clusters[j]!.speaker === c.speaker && longest[j]! > c.pairs.order.length;
    const candidates = new Set<number>();
    const parts = distinct[k] as PairIds[];
    for (const pairs of parts) holdersOf(pairs, byPair, PART_OF, canTake, candidates);
    let target: Cluster | null = null;
    for (const j of candidates) {
      const t = clusters[j]!;
      // The target is the first of the most carried: one no more carried than it is not compared at all.
      if (target && t.versions.length <= target.versions.length) continue;
      // Outlets word a sentence differently ("in the U.S." / "from the US"): one pair of versions suffices.
      const wholes = distinct[j] as PairIds[];
      if (!parts.some((part) => wholes.some((whole) => containsShare(part.sorted, whole.sorted, PART_OF)))) continue;
      target = t;
    }
    if (!target) continue;
    target.parts.push(...c.versions.map((v) => v.statement), ...c.parts);
    c.folded = true;
  }
}

/**
 * A comparator that keeps outlets and articles in the order they first appear in `statements` and puts
 * each article's statements in reading order (paragraph, then place in the paragraph).
 */
export function articleOrderOf(statements: ShownStatement[]): (a: ShownStatement, b: ShownStatement) => number {
  const outletRank = new Map<string, number>();
  const fileRank = new Map<string, number>();
  for (const s of statements) {
    if (!outletRank.has(s.outlet)) outletRank.set(s.outlet, outletRank.size);
    if (!fileRank.has(s.article.file)) fileRank.set(s.article.file, fileRank.size);
  }
  return (a, b) =>
    (outletRank.get(a.outlet) ?? 0) - (outletRank.get(b.outlet) ?? 0) ||
    (fileRank.get(a.article.file) ?? 0) - (fileRank.get(b.article.file) ?? 0) ||
    a.paragraph - b.paragraph ||
    a.offset - b.offset;
}

/** The per-outlet view of the same statements: every version, outlet by outlet as the engine listed them, each article in reading order. */
export function statementsByOutlet(outlets: OutletExcerpts[], groups: StatementGroup[]): { outlet: string; statements: ShownStatement[] }[] {
  const outletRank = new Map(outlets.map((o, i) => [o.outlet, i]));
  const fileRank = new Map<string, number>();
  for (const o of outlets) for (const e of o.excerpts) if (!fileRank.has(e.article.file)) fileRank.set(e.article.file, fileRank.size);
  const all = groups
    .flatMap((g) => [...g.versions, ...g.parts])
    .sort(
      (a, b) =>
        (outletRank.get(a.outlet) ?? outletRank.size) - (outletRank.get(b.outlet) ?? outletRank.size) ||
        (fileRank.get(a.article.file) ?? 0) - (fileRank.get(b.article.file) ?? 0) ||
        a.paragraph - b.paragraph ||
        a.offset - b.offset,
    );
  const byOutlet = new Map<string, ShownStatement[]>();
  for (const s of all) {
    const list = byOutlet.get(s.outlet);
    if (list) list.push(s);
    else byOutlet.set(s.outlet, [s]);
  }
  return [...byOutlet].map(([outlet, statements]) => ({ outlet, statements }));
}
