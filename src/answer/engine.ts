// The engine: a corpus read, attributed and indexed, answering questions with cited excerpts.

import { liveStatementCount, positionsInDays, rankByTopic } from '../search/index.js';
import { newestFirst, newestFirstBySpeaker } from '../search/newest.js';
import { findPhrase, speakerCounts } from '../search/phrase.js';
import type { IndexedStatement } from '../search/index.js';
import { fold } from '../text/normalize.js';
import type {
  AnswerResult,
  AnswerSpeaker,
  Article,
  ArticleSummary,
  Comparison,
  CorpusStats,
  DateSpan,
  OutletExcerpts,
  ParsedQuestion,
  PersonChoice,
  PersonRecord,
  StatementGroup,
  TimelineStatement,
} from '../types.js';
import { compareGroups } from './compare.js';
import { formatSpan, spanBounds } from './dates.js';
import { Excerpts } from './excerpts.js';
import type { PeopleDirectory } from './people.js';
import { closestNames, findPerson, peopleDirectory, suggestPeople } from './people.js';
import { parseQuestion, QuestionError, type QuestionParts, warmUpQuestions } from './question.js';
import { passagesWith } from './passages.js';
import { summaryOf } from './summary.js';
import type { BuiltCorpus } from './build.js';

export type { BuildCaches, BuildTimings, BuiltCorpus, PreparedCorpus } from './build.js';
export { buildCorpus, newCaches, prepareCorpus } from './build.js';

/** A who-said phrase this common is not a quote; more matches than this are counted, not listed. */
export const MAX_PHRASE_MATCHES = 100;
/** Per outlet, a person answer lists this many statements and says how many more there are. */
export const MAX_EXCERPTS_PER_OUTLET = 25;

/** Whether this process has parsed the warm-up questions (see warmUpQuestions). */
let questionsWarmed = false;

/** Answers questions over one built corpus. Immutable: a reload builds a new Engine. */
export class Engine {
  readonly directory: PeopleDirectory;
  private readonly articleByFile: Map<string, Article>;
  readonly outletNames: string[];
  private readonly outletByFold: Map<string, string>;
  /** Each speaker's statements, newest article first (then corpus order): person answers read it as is. */
  private readonly newestBySpeaker: Map<string, number[]>;
  /** The same lists split by outlet: a person answer takes the first 25 of each without a scan. */
  private readonly newestBySpeakerOutlet: Map<string, Map<string, number[]>>;
  /** The bot's clock: relative dates in questions ("this week") count from its day. Tests set it. */
  now: () => Date = () => new Date();
  private readonly excerpts: Excerpts;

  /**
   * `grownFrom`: an engine whose corpus this one only adds to (articles and statements appended to the
   * same index, nothing removed), as after a reload that brought new files only: its tables are
   * extended for the speakers and files that are new instead of built again.
   */
  constructor(
    readonly corpus: BuiltCorpus,
    grownFrom?: Engine,
  ) {
    const counts = new Map<string, number>();
    for (const [id, list] of corpus.index.bySpeaker) counts.set(id, list.length);
    this.directory = peopleDirectory(corpus.people, counts);
    const from = grownFrom?.corpus.index.db === corpus.index.db ? grownFrom : undefined;
    const firstNew = from ? from.corpus.index.statements.length : 0;
    const articles = from ? corpus.articles.slice(from.corpus.articles.length) : corpus.articles;
    this.articleByFile = new Map(from?.articleByFile);
    for (const a of articles) this.articleByFile.set(a.file, a);
    this.outletNames = [...new Set([...(from?.outletNames ?? []), ...articles.map((a) => a.outlet)])];
    this.outletByFold = new Map(this.outletNames.map((o) => [fold(o), o]));
    this.excerpts = new Excerpts(corpus, this.articleByFile, this.outletNames, (id) => this.directory.byId.get(id)?.name ?? id);
    this.newestBySpeakerOutlet = new Map(from?.newestBySpeakerOutlet);
    if (from) {
      this.newestBySpeaker = new Map(from.newestBySpeaker);
      const speakers = new Set(corpus.index.statements.slice(firstNew).map((st) => st.speaker));
      for (const speaker of speakers) this.newestBySpeaker.set(speaker, newestFirst(corpus.index, corpus.index.bySpeaker.get(speaker) ?? []));
      for (const speaker of speakers) this.newestBySpeakerOutlet.set(speaker, this.byOutlet(this.newestBySpeaker.get(speaker) ?? []));
    } else {
      this.newestBySpeaker = newestFirstBySpeaker(corpus.index);
      for (const [speaker, list] of this.newestBySpeaker) this.newestBySpeakerOutlet.set(speaker, this.byOutlet(list));
    }
    // Once a process: every later engine (each reload makes one) finds the parser compiled.
    if (!questionsWarmed) {
      warmUpQuestions();
      questionsWarmed = true;
    }
  }

  /** The `n` most quoted speakers' ids with their statement counts, most first. */
  mostQuoted(n: number): [speakerId: string, statements: number][] {
    return [...this.corpus.index.bySpeaker]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, n)
      .map(([id, list]) => [id, list.length]);
  }

  /** A person's newest statement (the warm-up makes its questions from it), or null if they are not quoted. */
  newestStatementOf(speakerId: string): IndexedStatement | null {
    const k = this.newestBySpeaker.get(speakerId)?.[0];
    return k === undefined ? null : this.statement(k);
  }

  /** Drops what answers cached (see warm-up.ts): the next question works everything out again. */
  forgetAnswers(): void {
    this.excerpts.forget();
    this.corpus.index.topicCache.clear();
  }

  /** Statement positions split by outlet, each in the order given. */
  private byOutlet(list: number[]): Map<string, number[]> {
    const byOutlet = new Map<string, number[]>();
    for (const k of list) {
      const o = this.corpus.index.columns.outletOf(k) ?? this.statement(k).outlet;
      const l = byOutlet.get(o);
      if (l) l.push(k);
      else byOutlet.set(o, [k]);
    }
    return byOutlet;
  }

  findOutlet(name: string): string | null {
    const f = fold(name)
      .replace(/^the\s+/, '')
      .replace(/[?.!]+$/, '');
    return this.outletByFold.get(f) ?? [...this.outletByFold].find(([k]) => k.replace(/[^a-z0-9]/g, '') === f.replace(/[^a-z0-9]/g, ''))?.[1] ?? null;
  }

  async ask(question: string): Promise<AnswerResult> {
    let parts: QuestionParts;
    try {
      parts = parseQuestion(question, (name) => this.findOutlet(name) !== null, this.now());
    } catch (err) {
      if (err instanceof QuestionError) return this.empty(question, { type: 'empty' }, err.message);
      throw err;
    }
    const outlet = parts.outlet ? this.findOutlet(parts.outlet) : null;
    const span = parts.span;

    if (parts.phrase) return this.whoSaid(question, parts.phrase, outlet, span);
    const who = parts.who ?? parts.bare;
    if (who) {
      const person = findPerson(this.directory, who);
      if (person) return this.personAnswer(question, person, parts.who ? parts.topic : parts.bare === who && parts.topic ? parts.topic : null, outlet, span);
      if (parts.bare && !parts.who && parts.topic) {
        const person2 = findPerson(this.directory, parts.bare.split(/\s+(?:on|about|regarding)\s+/i)[0] ?? '');
        if (person2) return this.personAnswer(question, person2, parts.topic, outlet, span);
      }
      if (parts.bare && !parts.who) {
        const topical = await this.topicAnswer(question, parts.bare, outlet, span);
        if (topical.outlets.length) return topical;
      }
      const suggestions = closestNames(this.directory, who);
      const notice = `No one by the name “${who}” is quoted in this corpus.${suggestions.length ? ` Closest names: ${suggestions.join(', ')}.` : ''}`;
      return { ...this.empty(question, { type: 'person', person: who, topic: parts.topic, outlet, span }, notice), suggestions };
    }
    if (parts.topic) return this.topicAnswer(question, parts.topic, outlet, span);
    return this.empty(question, { type: 'empty' }, 'Ask about a person, for example: what did Kallas say?');
  }

  private empty(question: string, parsed: ParsedQuestion, notice: string): AnswerResult {
    return {
      question,
      speaker: null,
      outlets: [],
      absent: [],
      notice,
      suggestions: [],
      parsed,
      span: parsed.type === 'empty' ? null : (parsed.span ?? null),
      undatedLeftOut: 0,
      groups: [],
    };
  }

  /** Keeps the positions dated inside `span`, in their order, and counts the undated articles that were left out. */
  private inSpan(positions: number[], span: DateSpan): { kept: number[]; undated: number; undatedPositions: number[] } {
    const undatedPositions: number[] = [];
    const kept = positionsInDays(this.corpus.index, positions, spanBounds(span), undatedPositions);
    return { kept, undated: this.articlesOf(undatedPositions), undatedPositions };
  }

  private articlesOf(positions: number[]): number {
    return new Set(positions.map((k) => this.statement(k).file)).size;
  }

  speakerOf(person: PersonRecord): AnswerSpeaker {
    return { name: person.name, aliases: person.aliases, roles: person.roles };
  }

  /**
   * Every statement a person question selects (positions), newest first, best match first with a
   * topic: answers show the head of it, charts count all of it.
   */
  async selectStatements(
    person: PersonRecord,
    topic: string | null,
    outlet: string | null,
    span: DateSpan | null,
  ): Promise<{ positions: number[]; total: number; dated: number; undatedLeftOut: number }> {
    const byOutlet = this.newestBySpeakerOutlet.get(person.id);
    let positions = outlet ? (byOutlet?.get(outlet) ?? []) : (this.newestBySpeaker.get(person.id) ?? []);
    const total = positions.length;
    let undatedLeftOut = 0;
    let undatedPositions: number[] = [];
    if (span) ({ kept: positions, undated: undatedLeftOut, undatedPositions } = this.inSpan(positions, span));
    const dated = positions.length;
    if (span && topic && undatedPositions.length) {
      // Only the undated statements on the topic count as left out.
      const undated = await rankByTopic(this.corpus.index, topic, undatedPositions, { speaker: person.id, outlet: outlet ?? undefined, days: [0, 0] });
      undatedLeftOut = this.articlesOf(this.excerpts.knownHits(undated));
    }
    if (topic && positions.length) {
      const ranked = await rankByTopic(this.corpus.index, topic, positions, {
        speaker: person.id,
        outlet: outlet ?? undefined,
        days: span ? spanBounds(span) : undefined,
      });
      positions = this.excerpts.knownHits(ranked);
    }
    return { positions, total, dated, undatedLeftOut };
  }

  private async personAnswer(
    question: string,
    person: PersonRecord,
    topic: string | null,
    outlet: string | null,
    span: DateSpan | null = null,
  ): Promise<AnswerResult> {
    // Newest first; with a topic, best match first.
    const byOutlet = this.newestBySpeakerOutlet.get(person.id);
    const { positions, total, dated, undatedLeftOut } = await this.selectStatements(person, topic, outlet, span);
    let answer: { outlets: OutletExcerpts[]; groups: StatementGroup[] };
    if (topic || span) {
      answer = this.excerpts.answer(positions, MAX_EXCERPTS_PER_OUTLET);
    } else {
      // Already newest first per outlet: only the first 25 of each are read.
      const heads = this.outletNames.flatMap((o) => (outlet && o !== outlet ? [] : (byOutlet?.get(o) ?? []).slice(0, MAX_EXCERPTS_PER_OUTLET)));
      answer = this.excerpts.answer(heads, MAX_EXCERPTS_PER_OUTLET);
    }
    const { outlets, groups } = answer;
    const parsed: ParsedQuestion = { type: 'person', person: person.name, topic, outlet, span };
    const shown = outlets.reduce((n, o) => n + o.excerpts.length, 0);
    const scope = outlet ? [outlet] : this.outletNames;
    const absent = scope.filter((o) => !outlets.some((g) => g.outlet === o));
    let notice: string | null = null;
    if (total === 0) {
      const files = this.corpus.mentionedIn[person.id] ?? [];
      const where = [...new Set(files.map((f) => this.articleByFile.get(f)?.outlet).filter(Boolean))];
      notice = files.length
        ? `${person.name} is mentioned in ${files.length} article${files.length === 1 ? '' : 's'} (${where.join(', ')}) but not quoted${outlet ? ` by ${outlet}` : ''}.`
        : `${person.name} is not quoted${outlet ? ` by ${outlet}` : ''} in this corpus.`;
    } else if (span && dated === 0) {
      notice = `${person.name} is not quoted${outlet ? ` by ${outlet}` : ''} in ${formatSpan(span)} (${total} statement${total === 1 ? '' : 's'} at other dates${undatedLeftOut ? ' or undated' : ''}).`;
    } else if (positions.length === 0 && topic) {
      notice = `${person.name} said nothing about “${topic}” in this corpus (${total} other statement${total === 1 ? '' : 's'}).`;
    } else if (shown < positions.length) {
      notice = `Showing ${shown} of ${positions.length} statements: at most ${MAX_EXCERPTS_PER_OUTLET} per outlet, ${topic ? 'the most relevant' : 'the most recent'} first. Ask about a topic or one outlet to narrow it down.`;
    }
    return {
      question,
      speaker: this.speakerOf(person),
      outlets,
      absent,
      notice,
      suggestions: [],
      parsed,
      span,
      undatedLeftOut,
      groups,
    };
  }

  private async whoSaid(question: string, phrase: string, outlet: string | null, span: DateSpan | null = null): Promise<AnswerResult> {
    let positions = this.known(findPhrase(this.corpus.index, phrase));
    if (outlet) positions = positions.filter((k) => this.corpus.index.columns.outletOf(k) === outlet);
    let undatedLeftOut = 0;
    const undatedTotal = positions.length;
    if (span) ({ kept: positions, undated: undatedLeftOut } = this.inSpan(positions, span));
    const parsed: ParsedQuestion = { type: 'phrase', phrase, outlet, span };
    if (positions.length === 0 && span && undatedTotal > 0) {
      return {
        ...this.empty(question, parsed, `Nobody said “${phrase}” in ${formatSpan(span)}; ask without the dates to see who said it when.`),
        undatedLeftOut,
      };
    }
    if (positions.length === 0) {
      const passages = passagesWith(this.corpus.articles, phrase, outlet, (a) => this.excerpts.citation(a), MAX_PHRASE_MATCHES);
      const notice = passages.length
        ? `The words “${phrase}” appear in the articles but are not attributed to anyone.`
        : `No article has the words “${phrase}”.`;
      const outlets = span ? [] : passages;
      return {
        question,
        speaker: null,
        outlets,
        absent: [],
        notice: span && passages.length ? `No one is quoted saying “${phrase}” in ${formatSpan(span)}.` : notice,
        suggestions: [],
        parsed,
        span,
        undatedLeftOut,
        groups: this.excerpts.passageGroups(outlets),
      };
    }
    // Counted from the index's speaker column: tens of thousands of statement objects cost more than the answer may.
    const counts = speakerCounts(this.corpus.index, positions);
    const top = counts[0]?.[0];
    const person = top ? this.directory.byId.get(top) : undefined;
    const shown = positions.slice(0, MAX_PHRASE_MATCHES);
    const { outlets, groups } = this.excerpts.answer(shown);
    const notes: string[] = [];
    if (counts.length > 1) notes.push(`Said by ${counts.length} people; the most often quoted is shown in the header.`);
    if (shown.length < positions.length)
      notes.push(`Showing the first ${shown.length} of ${positions.length} statements with these words; quote more of them to narrow it down.`);
    const others = notes.length ? notes.join(' ') : null;
    return {
      question,
      speaker: person ? this.speakerOf(person) : null,
      outlets,
      absent: [],
      notice: others,
      suggestions: [],
      parsed,
      span,
      undatedLeftOut,
      groups,
    };
  }

  private async topicAnswer(question: string, topic: string, outlet: string | null, span: DateSpan | null = null): Promise<AnswerResult> {
    const days = span ? spanBounds(span) : undefined;
    const ranked = await rankByTopic(this.corpus.index, topic, null, { outlet: outlet ?? undefined, days });
    const positions = this.excerpts.knownHits(ranked).slice(0, 50);
    const parsed: ParsedQuestion = { type: 'topic', topic, outlet, span };
    // Undated statements are 0 in the index: the same search limited to day 0 finds the ones left out.
    const undated = span ? await rankByTopic(this.corpus.index, topic, null, { outlet: outlet ?? undefined, days: [0, 0] }) : [];
    const undatedLeftOut = this.articlesOf(this.excerpts.knownHits(undated));
    const notice = positions.length ? null : `No statement about “${topic}” in ${span ? formatSpan(span) : 'this corpus'}.`;
    const { outlets, groups } = this.excerpts.answer(positions);
    return { question, speaker: null, outlets, absent: [], notice, suggestions: [], parsed, span, undatedLeftOut, groups };
  }

  private statement(k: number): IndexedStatement {
    return this.corpus.index.statements[k] as IndexedStatement;
  }

  private known(positions: number[]): number[] {
    return this.excerpts.known(positions);
  }

  /** The statement at position `k` as an answer cites it, and as readers are shown it. */
  quoted(k: number): TimelineStatement {
    return this.excerpts.quoted(k);
  }

  /** What one file yielded; a file indexed as a duplicate of another reports that article. */
  articleSummary(file: string): ArticleSummary | null {
    const article = this.articleByFile.get(file) ?? this.corpus.articles.find((a) => a.alsoAt?.includes(file));
    return article ? summaryOf(article, this.corpus.index, (id) => this.directory.byId.get(id)?.name ?? id) : null;
  }

  suggest(typed: string, limit = 25): PersonChoice[] {
    return suggestPeople(this.directory, typed, limit);
  }

  stats(): CorpusStats {
    const outletCounts = new Map<string, number>();
    for (const a of this.corpus.articles) outletCounts.set(a.outlet, (outletCounts.get(a.outlet) ?? 0) + 1);
    const top = this.mostQuoted(10);
    return {
      articles: this.corpus.articles.length,
      statements: liveStatementCount(this.corpus.index),
      people: this.corpus.people.filter((p) => p.kind === 'person').length,
      organisations: this.corpus.people.filter((p) => p.kind === 'organisation').length,
      outlets: [...outletCounts].map(([outlet, articles]) => ({ outlet, articles })).sort((a, b) => b.articles - a.articles),
      topSpeakers: top.map(([id, statements]) => ({ name: this.directory.byId.get(id)?.name ?? id, statements })),
      loadedAt: this.corpus.loadedAt,
      problems: this.corpus.problems,
    };
  }

  async compare(personName: string, topic: string | null, span: DateSpan | null = null): Promise<Comparison> {
    const person = findPerson(this.directory, personName);
    if (!person) {
      const suggestions = closestNames(this.directory, personName);
      return { speaker: null, topic, notice: `No one by the name “${personName}” is quoted in this corpus.`, suggestions, shared: [] };
    }
    const answer = await this.personAnswer(personName, person, topic, null, span);
    const shared = compareGroups(answer.groups);
    const notice = shared.length
      ? null
      : `No statement by ${person.name}${topic ? ` about “${topic}”` : ''}${span ? ` in ${formatSpan(span)}` : ''} was reported by two or more outlets.`;
    return { speaker: this.speakerOf(person), topic, notice, suggestions: [], shared, span };
  }
}
