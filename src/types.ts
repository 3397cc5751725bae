// Plain data shapes shared along the chain corpus → statements → index → answer → message.
// Each stage only imports the shapes of the stages before it.

/** One paragraph of a cleaned article. `n` is its 1-based number among the article's kept paragraphs. */
export interface Paragraph {
  n: number;
  text: string;
}

export interface Article {
  /** File name relative to the corpus folder (posix separators). */
  file: string;
  outlet: string;
  title: string;
  /** ISO date YYYY-MM-DD, or null when neither metadata nor text gives one. */
  date: string | null;
  url: string | null;
  author: string | null;
  paragraphs: Paragraph[];
  /** sha256 of the raw file bytes: identical files are one article; extraction is cached by it. */
  hash: string;
  /** Other files in the corpus with the same text: indexed once, cited as this article. */
  alsoAt?: string[];
}

export type StatementKind = 'direct' | 'indirect' | 'mixed';
export type ExcerptKind = StatementKind | 'passage' | 'mention';

/** A span [start, end) of a paragraph's text. */
export type Span = [number, number];

export interface Statement {
  /** Person id in the registry (see PersonRecord.id). */
  speaker: string;
  kind: StatementKind;
  /** Exact article text: the content spans joined with " … " when a quote is split by its cue. */
  text: string;
  file: string;
  paragraph: number;
  spans: Span[];
  /**
   * The reporting words as the article writes them — "said", "rejected", "accused", "according to", ":" for a
   * colon-introduced quote — and their span in the paragraph. Null when the paragraph has none: a quotation
   * that goes on from the speaker's previous paragraph.
   */
  cue: string | null;
  cueSpan: Span | null;
}

export type PersonKind = 'person' | 'organisation';

export interface PersonRecord {
  /** Stable id: the folded canonical name, e.g. "volodymyr zelenskyy". */
  id: string;
  /** Canonical display name: the longest full name met, e.g. "Volodymyr Zelenskyy". */
  name: string;
  aliases: string[];
  roles: string[];
  kind: PersonKind;
}

export interface LoadProblem {
  file: string;
  reason: string;
}

// ---- Answer contract (npm run ask -- --json; the Discord bot renders the same object) ----

export interface ExcerptArticle {
  title: string;
  date: string | null;
  url: string | null;
  file: string;
}

export interface Excerpt {
  text: string;
  /** Display name of the speaker (null for passages that are not statements). */
  speaker: string | null;
  kind: ExcerptKind;
  /**
   * The reporting words as the article writes them ("rejected", "accused", "said", "according to"):
   * a paraphrase without them can say the opposite of what was said. Null for a passage, or when the
   * article gives none (a quote standing in its own paragraph).
   */
  cue: string | null;
  paragraph: number;
  article: ExcerptArticle;
}

/**
 * One statement as a reader is shown it (not in the JSON contract): either only the speaker's own
 * quoted words or only the reporter's paraphrase, never the two joined by "…". An excerpt whose
 * spans mix the two becomes two of these; the later one carries the words that introduce it
 * ("adding that").
 */
export interface ShownStatement extends Excerpt {
  outlet: string;
  /** Every word is the speaker's own, inside quotation marks in the article. */
  verbatim: boolean;
  /** Offset in its paragraph: statements of one article are shown in the article's order. */
  offset: number;
}

/** A statement quoted under a chart: the excerpt, and its pieces as answers show them (quote apart from paraphrase, each with its reporting words). */
export interface TimelineStatement {
  excerpt: Excerpt;
  shown: ShownStatement[];
}

/** One statement once, with every outlet that carried it (not in the JSON contract). */
export interface StatementGroup {
  /** The version shown: the wording closest to all the others. */
  shown: ShownStatement;
  /** One version per outlet, in the answer's outlet order; `shown` is among them. */
  versions: ShownStatement[];
  /** The outlets did not all word it the same way (/compare shows how). */
  reworded: boolean;
  /** Shorter statements whose words all stand in it (one sentence of a longer quote an outlet carried
   * alone): listed with the outlets as carrying it in part, never shown as statements of their own. */
  parts: ShownStatement[];
}

export interface OutletExcerpts {
  outlet: string;
  excerpts: Excerpt[];
}

export interface AnswerSpeaker {
  name: string;
  aliases: string[];
  roles: string[];
}

/**
 * Calendar days an answer was limited to (ISO YYYY-MM-DD, both included); null on an open end
 * ("since 14 December" has no `to`, "before 15 Dec" no `from`).
 */
export interface DateSpan {
  from: string | null;
  to: string | null;
}

/** Exactly the JSON contract of `npm run ask -- --json`. */
export interface Answer {
  question: string;
  speaker: AnswerSpeaker | null;
  outlets: OutletExcerpts[];
  absent: string[];
  /** The dates the question asked for, as absolute days; null for an undated question. */
  span: DateSpan | null;
}

/** What the engine returns: the contract plus what a human-facing renderer needs to explain itself. */
export interface AnswerResult extends Answer {
  /** One line that explains an empty or unusual answer ("No one named …"), or null. */
  notice: string | null;
  /** Closest known names when the asked name matched nobody. */
  suggestions: string[];
  /** How the question was understood (for follow-ups and headers). */
  parsed: ParsedQuestion;
  /** Undated articles that would have matched but were left out because the question is dated. */
  undatedLeftOut: number;
  /**
   * The excerpts as readers are shown them: quotes apart from paraphrase, each statement once with
   * the outlets that carried it, the most widely carried first, then each outlet's own in article order.
   */
  groups: StatementGroup[];
}

/** `span` is absent in thread state saved before dates were understood: read it as null. */
export type ParsedQuestion =
  | { type: 'person'; person: string; topic: string | null; outlet: string | null; span?: DateSpan | null }
  | { type: 'phrase'; phrase: string; outlet: string | null; span?: DateSpan | null }
  | { type: 'topic'; topic: string; outlet: string | null; span?: DateSpan | null }
  | { type: 'empty' };

// ---- What the engine offers the front ends (CLI, Discord) ----

/** How many statements (or articles) one outlet had on one calendar day. */
export interface DayCount {
  date: string;
  outlet: string;
  count: number;
}

/** Everything a person question selects, counted for charts (answers list only the head of it). */
export interface Timeline {
  question: string;
  speaker: AnswerSpeaker | null;
  topic: string | null;
  outlet: string | null;
  span: DateSpan | null;
  /** Why there is nothing to draw ("No one by the name …"), or null. */
  notice: string | null;
  suggestions: string[];
  /** Dated statements per day and outlet, oldest day first. */
  days: DayCount[];
  /** Statements per outlet, undated ones included, most first. */
  outlets: { outlet: string; statements: number }[];
  /** Statements with no date: counted per outlet, not drawn on a time axis. */
  undated: number;
  /** Undated articles left out because the question is dated. */
  undatedLeftOut: number;
  /** The earliest and the latest dated statement. */
  first: TimelineStatement | null;
  latest: TimelineStatement | null;
}

/** Articles per day and outlet: the corpus over time. */
export interface Coverage {
  days: DayCount[];
  undated: number;
}

export interface PersonChoice {
  id: string;
  name: string;
  /** "Kaja Kallas — EU foreign affairs chief" (≤ 100 chars), for autocomplete lists. */
  label: string;
  statements: number;
}

export interface CorpusStats {
  articles: number;
  statements: number;
  /** People quoted or mentioned (kind "person"). */
  people: number;
  /** Organisations and places that speak ("the Kremlin said", "Moscow said"). */
  organisations: number;
  outlets: { outlet: string; articles: number }[];
  topSpeakers: { name: string; statements: number }[];
  /** ISO timestamp of the load that built this index. */
  loadedAt: string;
  problems: LoadProblem[];
}

/**
 * A word-level diff piece: `changed` marks words this version has and the reference wording lacks;
 * `omitted` marks words of the reference wording this version leaves out (not in its text).
 */
export interface DiffPiece {
  text: string;
  changed: boolean;
  omitted?: boolean;
}

export interface ComparedVersion {
  outlet: string;
  text: string;
  kind: StatementKind;
  /** The reporting words ("said", "rejected"), as on excerpts. */
  cue: string | null;
  /** The speaker's own quoted words (else paraphrase). */
  verbatim: boolean;
  /** The wording the others are marked against: the one most outlets share. */
  reference: boolean;
  paragraph: number;
  article: ExcerptArticle;
  diff: DiffPiece[];
}

/** One statement as each outlet worded it. */
export interface ComparedStatement {
  versions: ComparedVersion[];
}

export interface Comparison {
  speaker: AnswerSpeaker | null;
  topic: string | null;
  notice: string | null;
  suggestions: string[];
  /** Statements reported by two or more outlets, most widely reported first. */
  shared: ComparedStatement[];
  /** The days compared, when the question was dated. */
  span?: DateSpan | null;
}

export interface ReloadReport {
  ok: boolean;
  added: string[];
  changed: string[];
  removed: string[];
  articles: number;
  statements: number;
  people: number;
  problems: LoadProblem[];
  ms: number;
  /** How the new index was made: patched in place (few statements changed) or rebuilt. */
  mode?: 'patched' | 'rebuilt';
  /** People quoted after this reload who had no statement before it (names as answers show them). */
  newlyQuoted?: string[];
  /** Set when ok is false: why the old index is still serving. */
  error?: string;
}

/** What one article yielded: for /add's reply and the news channel's announcement. */
export interface ArticleSummary {
  file: string;
  title: string;
  outlet: string;
  date: string | null;
  url: string | null;
  statements: number;
  /** Speakers by how many statements the article gives them, most first. */
  speakers: { name: string; statements: number }[];
}

/**
 * The engine as the front ends see it. In the CLI it runs in-process; in the bot it lives in a
 * worker thread so index builds and heavy queries never block the gateway.
 */
export interface EngineApi {
  ask(question: string): Promise<AnswerResult>;
  suggestPeople(prefix: string, limit?: number): Promise<PersonChoice[]>;
  outlets(): Promise<string[]>;
  stats(): Promise<CorpusStats>;
  compare(person: string, topic: string | null, span?: DateSpan | null): Promise<Comparison>;
  /** A person question counted in full, for a chart: statements per day and outlet. */
  timeline(question: string): Promise<Timeline>;
  /** Articles per day and outlet. */
  coverage(): Promise<Coverage>;
  /**
   * Re-read the corpus, build a new index off the serving path and swap it in; the old one serves until
   * then. `changed` (files relative to the corpus, from the folder watcher) lets it skip the rest.
   */
  reload(changed?: string[]): Promise<ReloadReport>;
  /** One article's title, outlet, date and statements by speaker; null when the file is not in the index. */
  articleSummary(file: string): Promise<ArticleSummary | null>;
  close(): Promise<void>;
}
