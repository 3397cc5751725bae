// Statement positions turned into what an answer cites: excerpts grouped by outlet, and the groups
// readers are shown (quotes apart from paraphrase, each statement once). One per engine: its caches
// hold statements answers already showed, because answers repeat them.

import type { IndexedStatement } from '../search/index.js';
import type { Article, Excerpt, OutletExcerpts, ShownStatement, StatementGroup, TimelineStatement } from '../types.js';
import type { BuiltCorpus } from './build.js';
import { groupStatements } from './groups.js';
import { PairTable } from './pairs.js';
import { paragraphOf, type ShownPiece, shownAs, shownPassage, splitStatement, wholePiece } from './shown.js';

/** Caches bounded so a long-running bot asking about everything does not keep every statement twice. */
const CACHE_ENTRIES = 20_000;

type Pieces = ShownPiece[];

export class Excerpts {
  private readonly piecesCache = new Map<number, Pieces | null>();
  /** Word pairs of the texts answers showed, as ids (see pairs.ts). */
  private readonly pairs = new PairTable();
  constructor(
    private readonly corpus: BuiltCorpus,
    private readonly articleByFile: Map<string, Article>,
    private readonly outletNames: string[],
    private readonly nameOf: (speakerId: string) => string,
  ) {}

  /** Forgets every statement shown so far (see Engine.forgetAnswers); the words named for their pairs stay. */
  forget(): void {
    this.piecesCache.clear();
    this.pairs.forgetTexts();
  }

  statement(k: number): IndexedStatement {
    return this.corpus.index.statements[k] as IndexedStatement;
  }

  /** Positions this engine can cite: a query in flight while a patch lands may see newer ones. */
  known(positions: number[]): number[] {
    const known: number[] = [];
    for (const k of positions) if (this.isKnown(k)) known.push(k);
    return known;
  }

  /** The positions of ranked hits this engine can cite, in their order. */
  knownHits(hits: readonly { position: number }[]): number[] {
    const known: number[] = [];
    for (const h of hits) if (this.isKnown(h.position)) known.push(h.position);
    return known;
  }

  private isKnown(k: number): boolean {
    return k < this.corpus.index.statements.length && !this.corpus.index.removed.has(k);
  }

  /**
   * How an excerpt cites its article. Made anew for each excerpt: a table of the citations made, one per
   * article ever shown, was a lookup far away in memory for each of a big answer's 1,000 excerpts, and
   * it grew with every article the bot showed.
   */
  citation(a: Article): Excerpt['article'] {
    return { title: a.title, date: a.date, url: a.url, file: a.file };
  }

  /**
   * An answer's excerpts from statement positions, by outlet in the outlets' order, each outlet's in the
   * order given and at most `perOutlet` of them, and its groups (as `groupsOf` makes them), each excerpt
   * shown from the statement it was made from (`groupsOf` has to find each excerpt's statement again).
   */
  answer(positions: number[], perOutlet = Number.POSITIVE_INFINITY): { outlets: OutletExcerpts[]; groups: StatementGroup[] } {
    const outlets: OutletExcerpts[] = [];
    const shown: ShownStatement[] = [];
    for (const { outlet, picked } of this.pick(positions, perOutlet)) {
      const excerpts: Excerpt[] = [];
      for (const k of picked) {
        const e = this.excerpt(k);
        excerpts.push(e);
        for (const s of this.shownWith(e, outlet, this.piecesAt(k))) shown.push(s);
      }
      outlets.push({ outlet, excerpts });
    }
    return { outlets, groups: this.grouped(shown) };
  }

  /** The positions an answer cites, by outlet in the outlets' order. */
  private pick(positions: number[], perOutlet: number): { outlet: string; picked: number[] }[] {
    const byOutlet = new Map<string, number[]>();
    // A ranked answer can hold tens of thousands of positions: once every outlet has its fill, the rest
    // would only be read to be dropped.
    let full = 0;
    for (const k of positions) {
      if (!this.isKnown(k)) continue;
      // From the index's outlet column: a statement object read per position costs more than the rest.
      const o = this.corpus.index.columns.outletOf(k) ?? this.statement(k).outlet;
      const list = byOutlet.get(o) ?? [];
      if (list.length === 0) byOutlet.set(o, list);
      if (list.length >= perOutlet) continue;
      list.push(k);
      if (list.length === perOutlet && ++full === this.outletNames.length) break;
    }
    const order = this.outletNames.filter((o) => byOutlet.has(o));
    return order.map((o) => ({ outlet: o, picked: (byOutlet.get(o) as number[]).slice(0, perOutlet) }));
  }

  /** The statement at position `k` as an answer cites it. */
  excerpt(k: number): Excerpt {
    const s = this.statement(k);
    const article = this.articleByFile.get(s.file) as Article;
    return {
      text: s.text,
      speaker: this.nameOf(s.speaker),
      kind: s.kind,
      cue: s.cue,
      paragraph: s.paragraph,
      article: this.citation(article),
    };
  }

  /** Passages (article text, attributed to no one) as readers are shown them: each once, with its outlets. */
  passageGroups(outlets: OutletExcerpts[]): StatementGroup[] {
    return this.grouped(outlets.flatMap(({ outlet, excerpts }) => excerpts.map((e) => shownPassage(e, outlet))));
  }

  private grouped(shown: ShownStatement[]): StatementGroup[] {
    this.pairs.bound();
    return groupStatements(shown, this.pairs);
  }

  /** The statement at position `k` as an answer cites it, and as readers are shown it. */
  quoted(k: number): TimelineStatement {
    const excerpt = this.excerpt(k);
    return { excerpt, shown: this.shownWith(excerpt, this.statement(k).outlet, this.piecesAt(k)) };
  }

  /** An excerpt as readers are shown it: a quote and a paraphrase it joined become two statements. */
  private shownWith(e: Excerpt, outlet: string, pieces: Pieces | null): ShownStatement[] {
    if (!pieces) return [shownAs(e, e, outlet, e.kind === 'direct', 0)];
    return pieces.map((piece) => shownAs(e, piece, outlet, piece.verbatim, piece.offset));
  }

  /**
   * Statement `k` cut where a quote meets paraphrase (see shown.ts); null without its paragraph. Most
   * are shown whole, as the index noted when it was built: only the rest read their paragraph (and are
   * kept, because answers repeat statements).
   */
  private piecesAt(k: number): Pieces | null {
    const statement = this.statement(k);
    if (statement.wholeVerbatim !== null) return [wholePiece(statement, statement.wholeVerbatim)];
    const cached = this.piecesCache.get(k);
    if (cached !== undefined) return cached;
    if (this.piecesCache.size >= CACHE_ENTRIES) this.piecesCache.clear();
    const article = this.articleByFile.get(statement.file);
    const paragraph = article ? paragraphOf(article, statement.paragraph) : undefined;
    const pieces = paragraph ? splitStatement(statement, paragraph.text) : null;
    this.piecesCache.set(k, pieces);
    return pieces;
  }
}
