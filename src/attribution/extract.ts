// Finds who said what in one article: cue verbs and their speakers, quotes and their continuations.
// Work is spent only on sentences that hold a cue verb or a quotation mark.

import type { Article, PersonKind, Span, StatementKind } from '../types.js';

import { AUXILIARIES, CUE_FORMS, SPEECH_CHECK, SPEECH_NOUNS, NOT_NAMES, OBJECT_CUES, PARTICLE_CUES, PRONOUNS, ROLE_NOUNS, THAT_ONLY_CUES } from './lexicon.js';
import type { Gender, LocalEntity, NameRun } from './mentions.js';
import { findNameRuns, foldName, genderFromWords, isRoleWord, looksLikeVerbOrAdverb, nameSkeleton, sameSurname, surnameOf } from './mentions.js';
import type { QuoteSpan, Token, Unit } from './tokens.js';
import { paragraphUnits } from './tokens.js';

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

/** One article's findings; speakers and mentions point into `entities` by index (the registry's ids are numbers). */
export interface ArticleAttribution {
  file: string;
  /** `gender` when the article shows it (Mr./Mrs., he/she, a gendered role): the registry keeps namesakes apart by it. */
  entities: { key: string; kind: PersonKind; name: string; aliases: string[]; roles: string[]; gender?: Gender | null }[];
  statements: (Omit<LocalStatement, 'speaker'> & { speaker: number })[];
  /** Entities mentioned per paragraph number (for "mentioned but never quoted"). */
  mentions: { entity: number; paragraph: number }[];
}

interface Subject {
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

interface Para {
  n: number;
  text: string;
  units: Unit[];
  runs: NameRun[][];
}

const GENERIC_SUBJECTS = new Set(['source', 'sources', 'official', 'officials', 'critics', 'analysts', 'experts', 'observers', 'people', 'reports', 'report', 'media', 'some', 'others', 'many', 'one', 'someone', 'who', 'which', 'that', 'it', 'they', 'we', 'i', 'you', 'this', 'polls', 'poll', 'survey', 'data', 'study']);
const NARRATIVE_AFTER_QUOTE = /^[\s,]*(as|while|when|after|before|during|though|although|but|and|in|at|on|since|because|amid)\b/i;
const TELL_LIKE = new Set(['tell', 'ask', 'inform', 'assure', 'reassure', 'urge', 'warn', 'remind', 'advise', 'email']);

class ArticleExtractor {
  private entities = new Map<string, LocalEntity>();
  private statements: LocalStatement[] = [];
  private mentions: { key: string; paragraph: number }[] = [];
  /** Recent subjects and speakers, most recent last, for resolving "he"/"she" and descriptions. */
  /** `gender`: what the mention itself said ("Mrs. Clinton"), whatever the entity is known as. */
  private salience: { key: string; paragraph: number; gender?: Gender | null }[] = [];
  private lastDirect: { key: string; paragraph: number } | null = null;
  /** A single word → the entity it was found to name; the first match never changes as entities are only appended. */
  private singleHits = new Map<string, string>();
  /** Surname skeleton → entities carrying it; folded name → first organisation of that name. */
  private bySurname = new Map<string, LocalEntity[]>();
  private orgByName = new Map<string, LocalEntity>();
  /** Set once genders and roles are learnt: before that, "Mr."/"Mrs." neither pick for good nor teach a gender. */
  private settled = false;
  /** Names capitalised somewhere other than a sentence's first word. */
  private midSentenceNames = new Set<string>();

  constructor(private readonly article: Article) {}

  run(): ArticleAttribution {
    const paras: Para[] = this.article.paragraphs.map((p) => {
      const units = paragraphUnits(p.text);
      return { n: p.n, text: p.text, units, runs: units.map((u) => findNameRuns(p.text, u.tokens)) };
    });
    // Pass 1: who is named, with which roles, before deciding who speaks.
    // A title-case headline ("Hold Melania Trump to Her Husband's Standards") runs verbs into names: its names
    // are registered after the body's, so a surname resolves to the body's spelling of the person first.
    const headline = paras[0] && sameHeadline(paras[0].text, this.article.title) ? paras[0] : undefined;
    for (const para of [...paras.filter((p) => p !== headline), ...(headline ? [headline] : [])]) para.runs.forEach((runs, ui) => runs.forEach((run) => this.register(run, para, ui, para === headline)));
    this.rereadFirstWords(paras);
    for (const para of paras) {
      para.units.forEach((unit, ui) => {
        const first = unit.tokens.findIndex((t) => !t.punct);
        for (const run of para.runs[ui] ?? []) if (run.from > first) this.midSentenceNames.add(run.name);
      });
    }
    this.learnGenders(paras);
    this.learnAppositions(paras);
    this.settled = true;
    // "Mr. Trump", "Mrs. Clinton" in reading order: each sure match teaches a gender before pronouns are resolved.
    for (const para of paras) for (const runs of para.runs) for (const run of runs) if (run.kind === 'single' && run.honorific) this.resolveSingle(run, false);
    // Pass 2: statements.
    for (const para of paras) this.extractParagraph(para);
    this.markPlaces();
    const index = new Map<string, number>();
    const entities = [...this.entities.values()].map((e, k) => {
      index.set(e.key, k);
      return { key: e.key, kind: e.kind, name: e.name, aliases: [...e.aliases], roles: [...e.roles], gender: e.gender };
    });
    const seen = new Set<string>();
    const mentions: ArticleAttribution['mentions'] = [];
    for (const m of this.mentions) {
      const entity = index.get(m.key);
      const tag = `${m.key}\u0000${m.paragraph}`;
      if (entity === undefined || seen.has(tag)) continue;
      seen.add(tag);
      mentions.push({ entity, paragraph: m.paragraph });
    }
    return {
      file: this.article.file,
      entities,
      statements: this.statements.flatMap((st) => {
        const speaker = index.get(st.speaker);
        return speaker === undefined ? [] : [{ ...st, speaker }];
      }),
      mentions,
    };
  }

  // ---- people ----

  /**
   * "Schlafly also noted", "Schilling told WEEI": a sentence's first word that looks like an adverb or a verb
   * is a name after all when the article names someone with that surname.
   */
  private rereadFirstWords(paras: Para[]): void {
    const isKnownName = (word: string): boolean => this.sameSurnamePeople(word).length > 0;
    for (const para of paras) {
      para.units.forEach((unit, ui) => {
        const first = unit.tokens.find((t) => !t.punct);
        if (!first?.cap || !looksLikeVerbOrAdverb(first.lower) || !isKnownName(first.text.replace(/['’]s?$/, ''))) return;
        para.runs[ui] = findNameRuns(para.text, unit.tokens, isKnownName);
      });
    }
  }

  /** A lone capitalised word that the article also uses as a place ("to Moscow") speaks for an institution. */
  private markPlaces(): void {
    const body = this.article.paragraphs.map((p) => p.text).join('\n');
    for (const e of this.entities.values()) {
      if (e.kind !== 'person' || e.name.includes(' ') || e.roles.size > 0 || e.gender) continue;
      const name = e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`\\b(in|to|from|at|into|across|toward|towards|near|visited|visit|against|with)\\s+${name}\\b`).test(body)) e.kind = 'organisation';
    }
  }

  private register(run: NameRun, para: Para, unitIndex: number, headline = false): void {
    if (run.kind === 'single') return; // resolved once all full names are known
    // "Hold Melania Trump to …": in a title-case headline, a first word before a name the body uses is a verb.
    if (headline && run.kind === 'person' && run.to - run.from >= 3) {
      const toks = para.units[unitIndex]?.tokens ?? [];
      const tail = toks.slice(run.from + 1, run.to).map((t, k, all) => (k === all.length - 1 ? t.text.replace(/['’]s?$/, '') : t.text)).join(' ');
      if (this.entities.has(`person:${foldName(tail)}`)) {
        run.from += 1;
        run.name = tail;
      }
    }
    // "Hillary Clinton Speaks …", "Obama Sees …": a verb after a name the body uses is no part of it.
    if (headline && run.kind === 'person' && run.to - run.from >= 2 && !this.entities.has(`person:${foldName(run.name)}`)) {
      const words = (para.units[unitIndex]?.tokens ?? []).slice(run.from, run.to).map((t) => t.text.replace(/['’]s?$/, ''));
      for (let k = words.length - 1; k >= 1; k--) {
        const prefix = words.slice(0, k).join(' ');
        if (this.entities.has(`person:${foldName(prefix)}`) || (k === 1 && this.sameSurnamePeople(prefix).length > 0)) {
          run.to = run.from + k;
          run.name = prefix;
          break;
        }
      }
    }
    const key = this.keyForRun(run, false) as string;
    const entity = this.entity(key, run.kind === 'organisation' ? 'organisation' : 'person', run.name);
    if (run.role) entity.roles.add(run.role);
    if (run.honorific) entity.gender ??= genderFromWords([run.honorific]);
    if (run.role) entity.gender ??= genderFromWords(run.role.split(/\s+/));
  }

  private personKeyFor(name: string): string {
    const mine = name.split(' ');
    const match = this.earliest(this.sameSurnamePeople(surnameOf(name)), (e) => {
      const other = e.name.split(' ');
      return other.length === 1 || mine.length === 1 || nameSkeleton(other[0] ?? '') === nameSkeleton(mine[0] ?? '');
    });
    return match?.key ?? `person:${foldName(name)}`;
  }

  /** People of the article whose surname matches, looked up by skeleton rather than by a scan of every entity. */
  private sameSurnamePeople(surname: string): LocalEntity[] {
    return (this.bySurname.get(nameSkeleton(surname)) ?? []).filter((e) => e.kind === 'person' && sameSurname(surnameOf(e.name), surname));
  }

  /** The first-registered entity among candidates that passes `test`: the order a scan of all entities would find. */
  private earliest(candidates: LocalEntity[], test: (e: LocalEntity) => boolean = () => true): LocalEntity | undefined {
    let best: LocalEntity | undefined;
    for (const e of candidates) if ((!best || e.seq < best.seq) && test(e)) best = e;
    return best;
  }

  private indexSurname(e: LocalEntity): void {
    const skeleton = nameSkeleton(surnameOf(e.name));
    const list = this.bySurname.get(skeleton);
    if (!list) this.bySurname.set(skeleton, [e]);
    else if (!list.includes(e)) list.push(e);
  }

  private entity(key: string, kind: PersonKind, name: string): LocalEntity {
    let e = this.entities.get(key);
    if (!e) {
      e = { key, kind, name, aliases: new Set(), roles: new Set(), gender: null, seq: this.entities.size };
      this.entities.set(key, e);
      if (kind === 'organisation' && !this.orgByName.has(foldName(name))) this.orgByName.set(foldName(name), e);
      this.indexSurname(e);
    }
    e.aliases.add(name);
    if (name.split(/\s+/).length > e.name.split(/\s+/).length) {
      e.name = name;
      this.indexSurname(e);
    }
    return e;
  }

  /** A single capitalised word: a known person's surname, someone with a title, or nobody we know. */
  private resolveSingle(run: NameRun, asSubject: boolean): string | null {
    // "Mr. Clinton" and "Mrs. Clinton" are two people when the article names both: the honorific picks by gender.
    const honorificGender = run.honorific ? genderFromWords([run.honorific]) : null;
    const cacheKey = honorificGender ? `${honorificGender}:${run.name}` : run.name;
    const known = this.singleHits.get(cacheKey);
    const knownEntity = known === undefined ? undefined : this.entities.get(known);
    if (knownEntity) return knownEntity.key;
    const people = this.sameSurnamePeople(run.name);
    // (When every namesake is known to be of the other gender, "Mr. Obama" is someone the article has not named in full.)
    const person = honorificGender ? this.earliest(people, (e) => e.gender === honorificGender || e.gender === null) : this.earliest(people);
    const org = this.orgByName.get(foldName(run.name));
    if (org && org.kind === 'organisation' && (!person || org.seq < person.seq)) {
      this.singleHits.set(cacheKey, org.key);
      return org.key;
    }
    if (person) {
      // A guess among people of unknown gender is not remembered: a later pronoun may still tell them apart.
      // Only once genders are learnt from roles and pronouns, and only a sure match is remembered and teaches a
      // gender: of two Clintons of unknown gender, "Mr." says nothing about the first.
      if (honorificGender && !this.settled) return person.key;
      const compatible = honorificGender ? people.filter((e) => e.gender === honorificGender || e.gender === null) : [];
      const sure = !honorificGender || compatible.length === 1 || person.gender === honorificGender;
      if (sure) this.singleHits.set(cacheKey, person.key);
      if (run.honorific && sure) person.gender ??= honorificGender;
      person.aliases.add(run.honorific ? `${capitalise(run.honorific)} ${run.name}` : run.name);
      return person.key;
    }
    // A plural-looking word met only at sentence starts ("Economists predicted", "Allies say") is no one.
    if (run.honorific || run.role || (asSubject && (this.midSentenceNames.has(run.name) || !/s$/.test(run.name)))) {
      if (NOT_NAMES.has(run.name.toLowerCase())) return null;
      const e = this.entity(`person:${foldName(run.name)}`, 'person', run.name);
      if (run.honorific) e.gender ??= genderFromWords([run.honorific]);
      if (run.role) e.roles.add(run.role);
      return e.key;
    }
    return null;
  }

  /** Full names and organisations keep the key they got when registered: entities are only appended, so it cannot change. */
  private keyForRun(run: NameRun, asSubject: boolean): string | null {
    if (run.kind === 'single') return this.resolveSingle(run, asSubject);
    run.key ??= run.kind === 'organisation' ? `org:${foldName(run.name)}` : this.personKeyFor(run.name);
    return run.key;
  }

  /** "Dmytro Lytvyn, a spokesman for the Ukrainian presidential office," and "Zelenskyy's adviser, Dmytro Lytvyn,". */
  private learnAppositions(paras: Para[]): void {
    for (const para of paras) {
      para.units.forEach((unit, ui) => {
        const runs = para.runs[ui] ?? [];
        for (const run of runs) {
          if (run.kind === 'organisation') continue;
          const key = this.keyForRun(run, false);
          if (!key) continue;
          const e = this.entities.get(key);
          if (!e) continue;
          const toks = unit.tokens;
          if (toks[run.to]?.text === ',') {
            const close = findComma(toks, run.to + 1, 14);
            if (close > 0) {
              const phrase = toks.slice(run.to + 1, close);
              if (phrase.some(isRoleWord) && !phrase.some((t) => CUE_FORMS.has(t.lower)) && !['who', 'which', 'whose'].includes(phrase[0]?.lower ?? '')) {
                e.roles.add(joinTokens(para.text, stripArticle(phrase)));
                e.gender ??= genderFromWords(phrase.map((t) => t.lower));
              }
            }
          }
          if (toks[run.phraseFrom - 1]?.text === ',' && toks[run.to]?.text === ',') {
            let open = run.phraseFrom - 2;
            while (open >= 0 && !toks[open]?.punct && run.phraseFrom - open < 8) open--;
            const phrase = toks.slice(open + 1, run.phraseFrom - 1);
            if (phrase.length && phrase.some(isRoleWord)) e.roles.add(joinTokens(para.text, stripArticle(phrase)));
            // "his wife, Michelle Obama,": a kinship or gendered role before the name tells the gender.
            if (phrase.length) e.gender ??= genderFromWords(phrase.slice(-3).map((t) => t.lower));
          }
        }
      });
    }
  }

  /**
   * "Bill Clinton said he …", "Trump drew criticism after he …": a he/she with no other person named between it
   * and the full name that opens its sentence tells that person's gender (for "Mr."/"Mrs." and pronouns).
   */
  private learnGenders(paras: Para[]): void {
    for (const para of paras) {
      for (let ui = 0; ui < para.units.length; ui++) {
        const toks = (para.units[ui] as Unit).tokens;
        const runs = para.runs[ui] ?? [];
        if (runs.length === 0 || !toks.some((t) => t.lower === 'he' || t.lower === 'she')) continue;
        let subject: LocalEntity | null = null;
        for (let k = 0; k < toks.length; k++) {
          const t = toks[k] as Token;
          const run = runs.find((r) => r.phraseFrom === k || r.from === k);
          if (run) {
            // A second name before the pronoun makes it ambiguous.
            const key: string | null = !subject && run.kind === 'person' && !run.possessive && opensClause(toks, run.phraseFrom) ? this.keyForRun(run, false) : null;
            subject = key ? (this.entities.get(key) ?? null) : null;
            if (!subject) break;
            k = run.to - 1;
            continue;
          }
          if (t.quoted || (t.lower !== 'he' && t.lower !== 'she')) continue;
          if (subject) subject.gender ??= t.lower === 'he' ? 'm' : 'f';
          break;
        }
      }
    }
  }

  // ---- statements ----

  private extractParagraph(para: Para): void {
    const covered: QuoteSpan[] = [];
    // Only a paragraph with a quotation mark, a cue verb or "according to" can hold a statement.
    const speech = SPEECH_CHECK.test(para.text);
    para.units.forEach((unit, ui) => {
      const runs = para.runs[ui] ?? [];
      const runKeys = runs.map((run) => this.keyForRun(run, false));
      runKeys.forEach((key) => key && this.mentions.push({ key, paragraph: para.n }));
      const found = speech ? this.extractUnit(para, unit, runs, covered) : [];
      // Salience: the unit's subject (first named, not after a preposition) and its speakers.
      const subjectRun = runs.findIndex((run) => !isAfterPreposition(unit.tokens, run.phraseFrom) && !run.possessive);
      const subjectKey = subjectRun >= 0 ? runKeys[subjectRun] : null;
      const honorific = subjectRun >= 0 ? runs[subjectRun]?.honorific : null;
      if (subjectKey && this.entities.get(subjectKey)?.kind === 'person') this.salience.push({ key: subjectKey, paragraph: para.n, gender: honorific ? genderFromWords([honorific]) : null });
      for (const s of found) this.salience.push({ key: s.speaker, paragraph: para.n });
      this.continueQuotes(para, unit, covered);
      // "Sanders made the following comment:" closing a paragraph introduces the quotation that opens the next.
      const last = unit.tokens[unit.tokens.length - 1];
      if (found.length === 0 && last?.text === ':' && !last.quoted && ui === para.units.length - 1) {
        const speaker = this.colonClauseSpeaker(para, unit, runs, unit.tokens.length - 1);
        if (speaker) this.lastDirect = { key: speaker, paragraph: para.n };
      }
    });
  }

  private extractUnit(para: Para, unit: Unit, runs: NameRun[], covered: QuoteSpan[]): LocalStatement[] {
    const toks = unit.tokens;
    const out: LocalStatement[] = [];
    const hasQuote = unit.quotes.length > 0;
    // "Obama: I’m Optimistic Americans Will Say No to Trump", "Prager Tells Conservatives They Need To Change
    // Course": in a label or a headline claim, any later cue is the content's own.
    const named = this.colonLabel(para, unit, runs) ?? this.headlineClaim(para, unit, runs);
    if (named) {
      unit.quotes.filter((q) => q.start >= (named.spans[0]?.[0] ?? 0)).forEach((q) => covered.push(q));
      this.statements.push(named);
      return [named];
    }
    let hasCue = false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.quoted || !this.isCue(toks, i)) continue;
      // A cue inside content already attributed ("…, adding that …") belongs to that statement.
      if (out.some((s) => s.spans.some(([a, b]) => t.start >= a && t.start < b))) continue;
      hasCue = true;
      const statement = this.statementAt(para, unit, runs, i, covered);
      if (statement) {
        out.push(statement);
        this.statements.push(statement);
        this.lastDirect = { key: statement.speaker, paragraph: para.n };
      }
    }
    const claim = this.possessiveClaim(para, unit, runs, out, covered);
    if (claim) {
      out.push(claim);
      this.statements.push(claim);
    }
    if (!hasCue && !hasQuote && !toks.some((t) => t.lower === 'according')) return out;
    const according = this.accordingTo(para, unit, runs);
    if (according) {
      out.push(according);
      this.statements.push(according);
    }
    for (const q of unit.quotes) {
      if (covered.includes(q)) continue;
      const labelled = this.labelledQuote(para, unit, runs, q) ?? this.speechTag(para, unit, runs, q);
      if (labelled) {
        covered.push(q);
        out.push(labelled);
        this.statements.push(labelled);
        this.lastDirect = { key: labelled.speaker, paragraph: para.n };
      }
    }
    return out;
  }

  /**
   * "Graham: Trump’s rhetoric is destroying the party’s chances": a sentence that opens with a person's name
   * and a colon reports that person's words (the headline convention). Only a person the article names
   * elsewhere counts, so "Fact Check: …" or "Update: …" never speak.
   */
  private colonLabel(para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
    const toks = unit.tokens;
    const run = runs[0];
    if (!run || run.phraseFrom !== 0 || run.possessive || toks[run.to]?.text !== ':') return null;
    const rest = toks.slice(run.to + 1).filter((t) => !t.punct);
    if (rest.length < 4 || rest[0]?.quoted) return null;
    const key = this.keyForRun(run, false);
    const e = key ? this.entities.get(key) : undefined;
    if (!key || e?.kind !== 'person') return null;
    const surname = surnameOf(e.name);
    if (!this.article.paragraphs.some((p) => p.n !== para.n && p.text.includes(surname))) return null;
    const start = (rest[0] as Token).start;
    const inside = unit.quotes.some((q) => q.start >= start);
    return this.make(key, inside ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, contentEnd(para.text, unit))], tokenSpan(toks[run.to] as Token));
  }

  /**
   * "Biden calls Trump risk to U.S. safety", "Clinton blasts Trump over deportation idea": in a headline a
   * person followed by a present-tense verb of saying reports that person's words, even with verbs
   * ("calls", "slams", "praises") that need a "that" or a quotation in running text.
   */
  private headlineClaim(para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
    if (para.n !== 1 || unit.start !== 0 || !sameHeadline(para.text, this.article.title)) return null;
    const toks = unit.tokens;
    // "The Latest: Trump urges …": a short label before a colon is not the subject.
    const colon = toks.findIndex((t, k) => t.text === ':' && k <= 4);
    const from = colon >= 0 ? colon + 1 : 0;
    // Title case runs the name into the verb ("Dennis Prager Tells …"), so the verb is found by its form:
    // the first present-tense verb of saying after capitalised words, or "Just" and a past form.
    for (let v = from + 1; v < toks.length && v <= from + 6; v++) {
      const t = toks[v] as Token;
      const lemma = CUE_FORMS.get(t.lower);
      const present = lemma !== undefined && t.lower.endsWith('s') && t.lower !== lemma;
      const justPast = lemma !== undefined && t.lower.endsWith('ed') && toks[v - 1]?.lower === 'just';
      if (!present && !justPast) {
        if (!t.cap || t.possessive || t.quoted) return null;
        continue;
      }
      let end = v;
      while (end > from && HEADLINE_ADVERBS.has(toks[end - 1]?.lower ?? '')) end--;
      const key = this.headlineSpeaker(toks, runs, from, end);
      if (!key) return null;
      let c = v + 1;
      if (lemma && PARTICLE_CUES[lemma]?.includes(toks[c]?.lower ?? '')) c++;
      const cue: Span = [t.start, (toks[c - 1] as Token).end];
      if (toks[c]?.lower === 'on' || toks[c]?.lower === 'that') c++;
      const start = toks[c]?.start;
      if (start === undefined) return null;
      const inside = unit.quotes.some((q) => q.start >= start);
      return this.make(key, inside ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, contentEnd(para.text, unit))], cue);
    }
    return null;
  }

  /** The person a headline's subject words name: by surname among the people of the article, else the name itself. */
  private headlineSpeaker(toks: Token[], runs: NameRun[], from: number, end: number): string | null {
    const words = toks.slice(from, end);
    const last = words[words.length - 1];
    if (!last || words.length > 5 || words.some((w) => w.punct && w.text !== '.')) return null;
    const known = this.earliest(this.sameSurnamePeople(last.text));
    if (known) return known.key;
    const run = runs.find((r) => r.phraseFrom === from && r.to === end && !r.possessive);
    const key = run ? this.keyForRun(run, true) : null;
    return key && this.entities.get(key)?.kind === 'person' ? key : null;
  }

  /**
   * A quote labelled with its speaker by punctuation alone: "Rep. Jane Roe (D-Ore.): “…”", "Here is
   * Clinton in 1992: “…”", and the signature dash after a quote: "“…” ― Maria Lopez".
   */
  private labelledQuote(para: Para, unit: Unit, runs: NameRun[], q: QuoteSpan): LocalStatement | null {
    const toks = unit.tokens;
    const words = para.text.slice(q.innerStart, q.innerEnd).split(/\s+/).length;
    if (words < 4) return null;
    const after = para.text.slice(q.end, unit.end);
    const dash = after.match(/^\s*[―—–-]\s*/);
    if (dash && q.closed) {
      const from = q.end + dash[0].length;
      const run = runs.find((r) => toks[r.phraseFrom]?.start === from || toks[r.from]?.start === from);
      if (run && !run.possessive && onlyPunctuationBetween(para.text, toks[run.to - 1]?.end ?? from, unit.end)) {
        const key = this.keyForRun(run, true);
        if (key) return this.make(key, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], trimSpan(para.text, q.end, from));
      }
    }
    const colon = toks.findIndex((t) => t.text === ':' && t.end <= q.start && onlyPunctuationBetween(para.text, t.end, q.start));
    if (colon < 1) return null;
    // The speaker is the one person named in the short label before the colon.
    let from = colon - 1;
    while (from > 0 && !toks[from - 1]?.quoted && !['.', ';', '!', '?'].includes(toks[from - 1]?.text ?? '') && colon - from < 10) from--;
    if (colon - from >= 10 && from > 0) return null;
    const label = runs.filter((r) => r.from >= from && r.to <= colon && !r.possessive);
    const people = label.map((r) => this.keyForRun(r, true)).filter((k): k is string => k !== null && this.entities.get(k)?.kind === 'person');
    if (new Set(people).size !== 1 || toks.slice(from, colon).some((t) => CUE_FORMS.has(t.lower))) {
      // "Limbaugh continued: “…”", "Sanders made the following comment: “…”": the subject of the clause the colon ends;
      // "“…,” Trump said before adding: “…”": a participle with no subject of its own goes on with the last speaker.
      const participle = toks[colon - 1];
      const goesOn = people.every((k) => k === this.lastDirect?.key) && participle !== undefined && participle.lower.endsWith('ing') && CUE_FORMS.has(participle.lower) && this.lastDirect?.paragraph === para.n;
      const speaker = goesOn ? this.lastDirect?.key ?? null : this.colonClauseSpeaker(para, unit, runs, colon);
      // ("Limbaugh continued: “…”": the verb before the colon is the cue, else the colon itself.)
      const cue = participle && CUE_FORMS.has(participle.lower) ? tokenSpan(participle) : tokenSpan(toks[colon] as Token);
      return speaker ? this.make(speaker, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], cue) : null;
    }
    return this.make(people[0] as string, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], tokenSpan(toks[colon] as Token));
  }

  /**
   * A quote and a speech tag whose verb we do not list: "“…,” Bennett shot back with a laugh." and
   * "Silverman interjected, “…”". The punctuation marks it as speech: a quote that ends in a comma, question or
   * exclamation mark before the speaker's name, or a short clause with the speaker and a comma before the quote.
   */
  private speechTag(para: Para, unit: Unit, runs: NameRun[], q: QuoteSpan): LocalStatement | null {
    const toks = unit.tokens;
    if (!q.closed || para.text.slice(q.innerStart, q.innerEnd).split(/\s+/).length < 3) return null;
    const spans: Span[] = [trimSpan(para.text, q.innerStart, q.innerEnd)];
    const next = toks.findIndex((t) => t.start >= q.end);
    if (onlyPunctuationBetween(para.text, unit.start, q.start) && /[,?!]\s*$/.test(para.text.slice(q.innerStart, q.innerEnd))) {
      // "…,” [reporter] Jane Roe VERB …: a name within three words, then a lower-case verb; nothing quoted after.
      if (next < 0 || unit.quotes.some((o) => o.start > q.start)) return null;
      for (let k = next; k < toks.length && k < next + 4; k++) {
        const t = toks[k] as Token;
        if (t.punct) return null;
        const pronoun = (t.lower === 'he' || t.lower === 'she') && t.cap ? PRONOUNS[t.lower] : undefined;
        const run = runs.find((r) => r.phraseFrom === k || r.from === k);
        if (!pronoun && !run) {
          if (t.cap || CUE_FORMS.has(t.lower) || ['and', 'but', 'as', 'while', 'when', 'was', 'is'].includes(t.lower)) return null;
          continue;
        }
        const end = run ? run.to : k + 1;
        const verb = toks[end];
        if (run?.possessive || !verb || !looksLikeTagVerb(verb)) return null;
        const key = pronoun && pronoun !== 'any' ? this.resolvePronoun(pronoun, para.n) : run ? this.keyForRun(run, true) : null;
        if (!key || this.entities.get(key)?.kind !== 'person') return null;
        return this.make(key, 'direct', para, spans, tagVerbSpan(toks, end));
      }
      return null;
    }
    // Name VERB …, “…”: the quote runs to the sentence end after a comma that closes a short opening clause.
    const comma = toks.findIndex((t) => t.start >= q.start) - 1;
    if (toks[comma]?.text !== ',' || comma > 12 || !onlyPunctuationBetween(para.text, q.end, unit.end)) return null;
    if (toks.slice(0, comma).some((t) => t.quoted || ['.', ';', '(', ')'].includes(t.text))) return null;
    const subject = this.clauseSubject(para, unit, runs, comma + 1);
    if (!subject?.key || this.entities.get(subject.key)?.kind !== 'person') return null;
    const verb = toks[subject.to];
    if (!verb || !looksLikeTagVerb(verb)) return null;
    return this.make(subject.key, 'direct', para, spans, tagVerbSpan(toks, subject.to));
  }

  /** The person whose clause ends in the colon at `colon`: named (or he/she) as its subject, no quote before it. */
  private colonClauseSpeaker(para: Para, unit: Unit, runs: NameRun[], colon: number): string | null {
    const toks = unit.tokens;
    if (colon > 30 || toks.slice(0, colon).some((t) => t.quoted || t.text === ';')) return null;
    const subject = this.clauseSubject(para, unit, runs, colon + 1);
    const person = subject?.key ? this.entities.get(subject.key) : undefined;
    // A lone capitalised word seen nowhere else ("Like the page:") is not a person.
    if (person?.kind !== 'person' || (!person.name.includes(' ') && person.aliases.size < 2 && !person.gender && person.roles.size === 0)) return null;
    return person.key;
  }

  private isCue(toks: Token[], i: number): boolean {
    const t = toks[i] as Token;
    // "As Senator Cornyn put it, “…”": "put it" reports the words that follow or come before.
    if ((t.lower === 'put' || t.lower === 'puts') && toks[i + 1]?.lower === 'it') return true;
    const lemma = CUE_FORMS.get(t.lower);
    if (!lemma) return false;
    // "from remarks Clinton made", "the claims", "his comments": after a determiner or preposition it is a noun.
    if (NOUN_CONTEXT.has(toks[i - 1]?.lower ?? '') && !t.lower.endsWith('ing') && !t.lower.endsWith('ed')) return false;
    // "the proposed wall", "his stated goal", "the reported figure": a participle used as an adjective.
    if ((t.lower.endsWith('ed') || t.lower === 'said') && OBJECT_DETERMINERS.has(toks[i - 1]?.lower ?? '')) return false;
    // "pointed to remarks Duarte made": an -s form after a preposition is a plural noun.
    if (t.lower !== lemma && t.lower.endsWith('s') && ['to', 'about', 'on', 'with', 'in', 'at', 'by', 'for', 'against', 'over'].includes(toks[i - 1]?.lower ?? '')) return false;
    // "responded by blocking …", "added to his portfolio": reacting and adding to, not saying.
    // ("responded by saying …": the participle is the cue.)
    if (['respond', 'reply', 'add'].includes(lemma) && ['to', 'by'].includes(toks[i + 1]?.lower ?? '')) return false;
    // "the U.S. added around 292,000 jobs": adding a number of things.
    if (lemma === 'add' && (/^\d/.test(toks[i + 1]?.text ?? '') || ['around', 'nearly', 'roughly', 'almost', 'another', 'more', 'some', 'over'].includes(toks[i + 1]?.lower ?? ''))) return false;
    // "When told Perez was in the Cabinet, Bush …", "was asked about": the one told or asked does not speak.
    if (PASSIVE_PARTICIPLES.has(t.lower) && BEFORE_PASSIVE.has(toks[i - 1]?.lower ?? '')) return false;
    // "wrote a children's book", "wrote an op-ed", "has written off": writing a thing, not reporting words.
    if (lemma === 'write' && ['a', 'an', 'off'].includes(toks[i + 1]?.lower ?? '')) return false;
    const particle = PARTICLE_CUES[lemma];
    if (particle) return particleAt(toks, i, lemma) > 0 || toks[i + 1]?.lower === 'that' || (lemma === 'call' && (quoteSoonAfter(toks, i) || namesSomething(toks, i)));
    // "Limbaugh continued: “…”": a colon right after the verb introduces what was said.
    // ("assured his hometown's residents that …": whom it was said to may come before "that".)
    // ("threatened to veto the bill": a threat in words.)
    if (THAT_ONLY_CUES.has(lemma)) return toks[i + 1]?.lower === 'that' || toks[i + 1]?.text === ':' || (lemma === 'threaten' && toks[i + 1]?.lower === 'to') || (TELL_LIKE.has(lemma) && toks[skipObject(toks, i + 1)]?.lower === 'that');
    // "said" as an adjective ("the said document") is rare in news; "-ing" forms after "while"/"by" are not cues.
    if (t.lower.endsWith('ing') && ['while', 'of', 'for', 'about', 'without', 'besides'].includes(toks[i - 1]?.lower ?? '')) return false;
    if (OBJECT_CUES.has(lemma)) {
      // "the praise", "the Paris attacks", "thanks to": the base and -s forms of some object cues are nouns.
      if (t.lower === lemma || NOUN_LIKE_S.has(t.lower)) return ['he', 'she', 'they', 'we', 'i', 'did'].includes(toks[i - 1]?.lower ?? '');
      // "criticised the so-called “green levy”": the quotation names the thing criticised.
      if (quoteSoonAfter(toks, i) && namesAQuote(toks, i)) return false;
      // "is lauded for his effectiveness", "was criticized by": without an object it is passive, not speech.
      // ("described as “an intentional act”" is speech: the name given follows "as".)
      if (['for', 'by', 'in', 'on', 'at', 'with', 'after', 'over', 'from'].includes(toks[i + 1]?.lower ?? '') || (toks[i + 1]?.lower === 'as' && lemma !== 'describe')) return false;
      // "was criticized", "has been described as": the one spoken about is the subject.
      if (t.lower.endsWith('ed') && ['was', 'were', 'is', 'are', 'been', 'being', 'be', 'get', 'got'].includes(toks[i - 1]?.lower ?? '')) return false;
    }
    const next = toks[i + 1];
    // "added to his portfolio", "added 292,000 jobs": doing, not saying.
    if (lemma === 'add' && next && (next.lower === 'to' || /^[\d$]/.test(next.text) || ['more', 'another', 'new'].includes(next.lower))) return false;
    if (t.lower === 'email' || t.lower === 'emails' || t.lower === 'remark' || t.lower === 'state' || t.lower === 'states' || t.lower === 'report' || t.lower === 'note' || t.lower === 'claim' || t.lower === 'post' || t.lower === 'comment' || t.lower === 'question' || t.lower === 'call' || t.lower === 'demand' || t.lower === 'promise' || t.lower === 'pledge' || t.lower === 'counter' || t.lower === 'charge') {
      // Base forms double as nouns; only count them right after a subject pronoun or auxiliary.
      return ['he', 'she', 'they', 'we', 'i', 'did'].includes(toks[i - 1]?.lower ?? '');
    }
    return true;
  }

  /** The statement a cue at token i introduces, if its speaker is known. */
  private statementAt(para: Para, unit: Unit, runs: NameRun[], i: number, covered: QuoteSpan[]): LocalStatement | null {
    const toks = unit.tokens;
    const opening = this.openingParticiple(para, unit, runs, i, covered);
    if (opening !== undefined) return opening;
    const lemma = CUE_FORMS.get(toks[i]?.lower ?? '') ?? '';
    const cue = cueSpan(toks, i);
    // "praised the Saudis", "referring to Obama": after an object cue comes the one spoken about, not an inverted speaker.
    // ("called for" and "pointed out" take a whole clause: "called for taxing income, such as …, at 15 percent".)
    const particleIndex = particleAt(toks, i, lemma);
    const preposition = toks[particleIndex]?.lower ?? '';
    const objectCue = OBJECT_CUES.has(lemma) || (particleIndex > 0 && preposition !== 'for' && !(preposition === 'out' && lemma === 'point'));
    // ("calling Alwaleed “dopey”": whoever is called something is spoken about, too.)
    const subject = this.participleSubject(para, unit, runs, i) ?? this.subjectBefore(para, unit, runs, i) ?? (coordinatedCue(unit.tokens, i) || chainedCue(toks, i, lemma) ? this.clauseSubject(para, unit, runs, i) : null) ?? (objectCue || lemma === 'call' || toks[i]?.lower.endsWith('ing') || !invertedPosition(toks, i) ? null : this.subjectAfter(para, unit, runs, i));
    if (!subject?.key) {
      // Someone we cannot name speaks ("a spokesman said"): a quote after this is not the earlier speaker's.
      if (subject) this.lastDirect = null;
      return null;
    }
    const speaker = subject.key;
    if (subject.content) {
      const [a, b] = subject.content;
      const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= a && q.start < b);
      inside.forEach((q) => covered.push(q));
      return this.make(speaker, inside.length ? 'mixed' : 'indirect', para, [subject.content], cue);
    }

    // 1. A quote right before the subject and cue: “…,” Zelenskyy said / “…,” said Zelenskyy.
    const subjectStart = Math.min(subject.from, i);
    // ("In his book, ''Make Your Kid a Millionaire,'' McKinley suggested …": a title, not his words.)
    const quoteBefore = unit.quotes.find((q) => q.closed && q.end <= (toks[subjectStart]?.start ?? 0) && (onlyPunctuationBetween(para.text, q.end, toks[subjectStart]?.start ?? 0) || onlyDescriptorBetween(toks, q, subjectStart)) && !namedWork(para.text, unit.start, q));
    const embedded = quoteBefore ? embeddedAfterWord(para.text, unit.start, quoteBefore) : null;
    if (quoteBefore && embedded === 'partial' && !covered.includes(quoteBefore)) {
      // Mills “got an immunity agreement,” Jordan said, and still “got to sit in …”: the sentence is the content.
      const spans: Span[] = [trimSpan(para.text, unit.start, quoteBefore.end)];
      const next = toks[Math.max(i, subject.to - 1) + 1];
      if (next?.text === ',' && subject.from <= i) {
        const rest = toks[Math.max(i, subject.to - 1) + 2];
        if (rest) spans.push(trimSpan(para.text, rest.start, contentEnd(para.text, unit)));
      }
      unit.quotes.filter((q) => spans.some(([a, b]) => q.start >= a && q.start < b)).forEach((q) => covered.push(q));
      return this.make(speaker, 'mixed', para, spans, cue);
    }
    // A title run into the sentence (on Fox News channel’s “Sunday Morning Futures,” Rep. Issa said) is not what was said.
    if (quoteBefore && !embedded && !covered.includes(quoteBefore)) {
      const quotes = [quoteBefore];
      covered.push(quoteBefore);
      // A split quote: “…,” he said, “…”. The part after the cue belongs to the same statement.
      const after = unit.quotes.find((q) => q.start > (toks[i]?.end ?? 0) && !covered.includes(q) && resumesAfterCue(para.text, toks, Math.max(i, subject.to - 1), q));
      if (after) {
        quotes.push(after);
        covered.push(after);
      }
      const spans: Span[] = quotes.map((q) => trimSpan(para.text, q.innerStart, q.innerEnd));
      const adding = this.participleContent(para, unit, Math.max(i, subject.to - 1) + 1);
      if (adding) spans.push(adding);
      return this.make(speaker, 'direct', para, spans, cue);
    }

    // 2. Content after the cue: indirect, mixed, or a quote introduced by the cue.
    let c = i + 1;
    if (subject.from > i) c = subject.to; // said Smith, …
    if (particleIndex > 0 && c <= particleIndex) c = particleIndex + 1;
    const putIt = (toks[i]?.lower === 'put' || toks[i]?.lower === 'puts') && toks[i + 1]?.lower === 'it';
    // "As Mr. Bown observed, in the early days …", "…, as Smith noted.": the same frame with any cue.
    const asFrame = !putIt && toks[subject.from - 1]?.lower === 'as' && subject.from < i && (toks[c]?.text === ',' || toks.slice(c).every((t) => t.punct));
    if (putIt || asFrame) {
      if (putIt) c = i + 2;
      // "As The Post's Ruth Marcus puts it": "as" opens the frame a few words before the name.
      let as = subject.from;
      while (as > 0 && subject.from - as < 5 && toks[as]?.lower !== 'as' && !toks[as - 1]?.punct) as--;
      if (toks[as]?.lower !== 'as') return null;
      // "Yet, as Bown observed, in the early days …" opens the sentence all the same.
      const opening = toks.slice(0, as - 1).every((t) => !t.punct) && as - 1 <= 2;
      if (toks[as - 1]?.text === ',' && !opening) {
        // "…, as Marcus puts it." The content is the sentence before "as"; "…, as the magazine put it, “the operator.”" the quote after.
        const after = unit.quotes.find((q) => q.start > (toks[i + 1] as Token).end && !covered.includes(q));
        if (after) {
          covered.push(after);
          return this.make(speaker, 'direct', para, [trimSpan(para.text, after.innerStart, after.innerEnd)], cue);
        }
        return toks.slice(c).every((t) => t.punct) ? this.trailingContent(para, unit, { ...subject, from: as }, i, covered) : null;
      }
      // "As Marcus puts it, Obama is trying …": the content follows the comma (after "in a statement in July").
      if (toks[c]?.text !== ',') {
        const comma = toks.findIndex((t, k) => k > c && k < c + 15 && t.text === ',');
        if (comma > 0 && toks.slice(c, comma).every((t) => !t.quoted)) c = comma;
      }
      const rest = toks[c + 1];
      if (toks[c]?.text === ',' && rest && !rest.punct) {
        const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= rest.start);
        if (!(inside.length === 1 && inside[0]?.start === rest.start)) {
          inside.forEach((q) => covered.push(q));
          return this.make(speaker, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, rest.start, contentEnd(para.text, unit))], cue);
        }
      }
    }
    // "asked for more time", "urged to resign": a request, not reported words.
    if ((lemma === 'ask' || lemma === 'urge') && ['for', 'to', 'about'].includes(toks[c]?.lower ?? '')) return null;
    if (TELL_LIKE.has(lemma)) c = skipObject(toks, c);
    // "wrote to Mrs. Clinton about a visit": the addressee is not what was written.
    if (lemma === 'write' && toks[c]?.lower === 'to' && (toks[c + 1]?.cap || OBJECT_DETERMINERS.has(toks[c + 1]?.lower ?? ''))) c = skipObject(toks, c + 1);
    c = skipToThat(toks, c);
    const afterCue = toks[c];
    if (afterCue?.text === ',' && subject.from < i && inLeadingSubordinateClause(toks, i)) return null; // "After Quill testified, …"
    if (afterCue && (afterCue.text === ':' || afterCue.text === ',')) {
      const quote = unit.quotes.find((q) => q.start >= afterCue.end && !covered.includes(q) && onlyPunctuationBetween(para.text, afterCue.end, q.start));
      // "Issa said: “…”" and "Issa said, “…”": the quote the cue introduces.
      if (quote && (afterCue.text === ':' || subject.from < i)) {
        covered.push(quote);
        return this.make(speaker, 'direct', para, [trimSpan(para.text, quote.innerStart, quote.innerEnd)], cue);
      }
      // (after at most a short sentence adverb: "Instead, Trump told CNN, his policy would …")
      if (afterCue.text === ',' && subject.from < i && (onlyPunctuationBetween(para.text, unit.start, toks[subject.from]?.start ?? 0) || shortLeadingAdverb(toks, subject.from))) {
        // "Rubio says, win or lose, he is staying in the race": the subject opens the sentence, so the content follows.
        const rest = toks[c + 1];
        if (rest && !rest.punct) {
          const spans: Span[] = [trimSpan(para.text, rest.start, contentEnd(para.text, unit))];
          const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= rest.start);
          inside.forEach((q) => covered.push(q));
          return this.make(speaker, inside.length ? 'mixed' : 'indirect', para, spans, cue);
        }
      }
      if (afterCue.text === ',' && subject.from < i) {
        // Parenthetical or trailing cue: "Officials, Lytvyn said, were …" / "…, Zelenskiy said as talks began."
        // (Not after an opening adverbial when the cue has an object: in "In June, after Roe lost, Lee emailed him, …"
        // nothing before is said; "By doing X, Tchen said, the …" stays parenthetical.)
        if (subject.from > 0 && leadingClauseEnd(toks, i) === subject.from && c > i + 1) return null;
        return this.trailingContent(para, unit, subject, i, covered);
      }
    }
    // "…, said David Gilbert, its president.": the content is what comes before the cue.
    if (subject.from > i && toks[i - 1]?.text === ',') return this.trailingContent(para, unit, { ...subject, from: i, to: i + 1 }, i, covered, subject.to);
    // "Limbaugh continued:" at a paragraph's end: the quotation that opens the next paragraph is his.
    if (afterCue?.text === ':' && toks.slice(c + 1).every((t) => t.punct)) {
      this.lastDirect = { key: speaker, paragraph: para.n };
      return null;
    }
    if (!afterCue || (afterCue.punct && !afterCue.quoted && !unit.quotes.some((q) => q.start === afterCue.start))) return subject.from > 0 ? this.trailingContent(para, unit, subject, i, covered) : null;
    const start = afterCue.start;
    // "what Bernie is talking about now is mainstream": the object came first, in a relative clause.
    if (objectCue && toks.slice(Math.max(0, subject.from - 1), subject.to).some((t) => ['what', 'which', 'whom'].includes(t.lower))) return null;
    // "records that Linick questioned are already stored", "Everything Trump says is a lie": a verb right
    // after the cue means what was said came before it.
    if ((objectCue && NEW_VERB_AFTER_AND.has(afterCue.lower)) || ['is', 'was', 'are', 'were', 'be', 'been'].includes(afterCue.lower)) return null;
    // An object, or an infinitive ("vowed to bring back mining jobs, and Clinton is promising …"), ends with its
    // phrase; a clause ("mentioned that …") runs to the sentence's end.
    // ("questioned what kind of person gets up at 3 a.m. to send tweets": a question clause runs on.)
    const phrase = (objectCue && toks[c - 1]?.lower !== 'that' && !['what', 'whether', 'how', 'why', 'if', 'who', 'where', 'when'].includes(afterCue.lower)) || (afterCue.lower === 'to' && !toks[c + 1]?.cap && !OBJECT_DETERMINERS.has(toks[c + 1]?.lower ?? ''));
    let end = phrase ? objectPhraseEnd(para.text, unit, toks, c) : clauseContentEnd(para.text, unit, toks, c);
    // "As Obama announces that he is ready for the fight, he is set to …": a cue inside an opening
    // subordinate clause reports only that clause; the main clause after its comma is the writer's.
    if (CLAUSE_SUBORDINATORS.has(toks[0]?.lower ?? '') && toks.slice(1, i).every((t) => t.text !== ',' && !t.quoted)) {
      const close = toks.findIndex((t, k) => k > c && !t.quoted && (t.text === ',' || ['—', '–', '―'].includes(t.text)));
      if (close > 0 && (toks[close] as Token).start < end) end = (toks[close] as Token).start;
    }
    // Trailing cue with whom it was said to after it: "…, Kennedy wrote Linick.", "…, Graham told The Huffington Post on Thursday."
    if (subject.from > 0 && toks[subject.from - 1]?.text === ',' && (TELL_LIKE.has(lemma) || lemma === 'write') && leadingClauseEnd(toks, i) === 0 && shortTail(toks, c)) {
      return this.trailingContent(para, unit, subject, i, covered);
    }
    // "the place he proposed two months ago": only when, not what.
    if (onlyATime(para.text.slice(start, end))) return null;
    // A bare object ("thanked the volunteers") says too little to quote; "criticized X for Y" says what.
    if (OBJECT_CUES.has(lemma) ? (para.text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3 : end - start < (objectCue ? 3 : 8)) return null;

    // Trailing cue with an adverbial after it: "…, Zelenskiy said as peace talks got underway."
    // (Not "…, Bush thought for a moment and said that in the current climate …": "that" opens the content.)
    if (subject.from > 0 && toks[subject.from - 1]?.text === ',' && toks[c - 1]?.lower !== 'that' && ['as', 'in', 'on', 'at', 'during', 'when', 'while', 'after', 'before', 'late', 'earlier', 'last', 'this', 'from'].includes(afterCue.lower)) {
      return this.trailingContent(para, unit, subject, i, covered);
    }
    // "Lau said in a statement." The words follow in the next sentence; the adverbial is not what was said.
    // ("urged voters to stay home", "vowed to fight on": "to" and a verb is the content, not an adverbial.)
    const infinitive = afterCue.lower === 'to' && !!toks[c + 1] && !toks[c + 1]?.cap && !toks[c + 1]?.punct && !OBJECT_DETERMINERS.has(toks[c + 1]?.lower ?? '');
    if (PREPOSITIONAL_START.has(afterCue.lower) && !infinitive && toks.filter((t) => t.start >= start && !t.punct).length <= 6 && !unit.quotes.some((q) => q.start >= start)) {
      this.lastDirect = { key: speaker, paragraph: para.n };
      return null;
    }
    const inside = unit.quotes.filter((q) => q.start >= start && q.start < end && !covered.includes(q));
    inside.forEach((q) => covered.push(q));
    const wholeQuote = inside.length === 1 && inside[0] && inside[0].start === start && inside[0].end >= end - 2;
    if (wholeQuote && inside[0] && /^\s*[\p{Lu}]/u.test(para.text.slice(inside[0].innerStart, inside[0].innerStart + 3))) {
      this.lastDirect = { key: speaker, paragraph: para.n };
      return this.make(speaker, 'direct', para, [trimSpan(para.text, inside[0].innerStart, inside[0].innerEnd)], cue);
    }
    // “a lot of progress was made” as he and … met: the narrative after a leading quote is not the statement.
    const lead = inside[0];
    if (lead && lead.start === start && lead.end < end && NARRATIVE_AFTER_QUOTE.test(para.text.slice(lead.end, end))) {
      return this.make(speaker, 'mixed', para, [trimSpan(para.text, lead.start, lead.end)], cue);
    }
    return this.make(speaker, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], cue);
  }

  /**
   * "Noting that both men battled the media, Schlafly put her finger on …", "Citing a conspiracy theory,
   * Trump accused …": a participle cue that opens the sentence reports the words of the subject named right
   * after its clause. Undefined when the cue is not such a participle.
   */
  private openingParticiple(para: Para, unit: Unit, runs: NameRun[], i: number, covered: QuoteSpan[]): LocalStatement | null | undefined {
    const toks = unit.tokens;
    // (A section heading in capitals, "REPORTING ON …", is not a sentence.)
    if (!toks[i]?.lower.endsWith('ing') || toks[i]?.text === toks[i]?.text.toUpperCase() || !(i === 0 || (i === 1 && ['in', 'by', 'after', 'while', 'when', 'before'].includes(toks[0]?.lower ?? '')))) return undefined;
    let comma = -1;
    for (let k = i + 1; k < toks.length && k < i + 30; k++) {
      if (toks[k]?.quoted) continue;
      if (toks[k]?.text === ',') {
        comma = k;
        break;
      }
      if (toks[k]?.punct && !["'", '’', '-', '(', ')', '$', '%'].includes(toks[k]?.text ?? '')) return undefined;
    }
    const first = toks[comma + 1];
    if (comma < 0 || !first) return undefined;
    let key: string | null = null;
    if (first.lower === 'he' || first.lower === 'she') key = this.resolvePronoun(PRONOUNS[first.lower] as Gender, para.n);
    else {
      const run = runs.find((r) => r.phraseFrom === comma + 1 && !r.possessive && r.kind !== 'organisation');
      if (run) key = this.keyForRun(run, true);
    }
    if (!key) return null;
    let c = i + 1;
    if (PARTICLE_CUES[CUE_FORMS.get(toks[i]?.lower ?? '') ?? '']?.includes(toks[c]?.lower ?? '')) c++;
    // ("Writing for the Los Angeles Times, Barabak noted …": where it was written, not what.)
    if (SETTING_PREPOSITIONS.has(toks[c]?.lower ?? '') || toks[c]?.lower === 'for') return undefined;
    c = skipToThat(toks, c);
    const start = toks[c]?.start;
    if (start === undefined || comma - c < (i === 1 ? 1 : 2)) return null;
    const end = (toks[comma] as Token).start;
    const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= start && q.start < end);
    inside.forEach((q) => covered.push(q));
    return this.make(key, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], cueSpan(toks, i));
  }

  /**
   * "Cruz took the stage with a shot at Trump, saying his use of the term was incorrect": a participle cue
   * after a comma reports the words of the main clause's subject, the first person named (or he/she) in it.
   */
  private participleSubject(para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
    const toks = unit.tokens;
    const to = toks[i - 1]?.lower === 'to' ? i - 1 : toks[i - 1]?.lower === 'not' && toks[i - 2]?.lower === 'to' ? i - 2 : -1;
    if (to > 0 && CUE_FORMS.get(toks[i]?.lower ?? '') === toks[i]?.lower) return reportsClause(toks, i) ? this.infinitiveSubject(para, unit, runs, i, to) : null;
    if (!toks[i]?.lower.endsWith('ing')) return null;
    if (toks.slice(0, i).every((t) => t.punct && !t.quoted)) return this.leadingParticipleSubject(para, unit, runs, i);
    const prev = toks[i - 1]?.lower ?? '';
    // "…, saying", "by saying", "said: “…,” adding that", "“…,” Cruz replied, before adding that": the main clause's subject.
    const commaInQuote = ['"', '”', "'"].includes(prev) && toks[i - 2]?.text === ',';
    if (prev === ',' || prev === 'by' || commaInQuote) return this.clauseSubject(para, unit, runs, i) ?? this.earlierSpeaker(para, unit, i);
    if (['before', 'after', 'upon'].includes(prev)) return this.clauseSubject(para, unit, runs, i, 0, toks[i - 2]?.text === ',') ?? this.earlierSpeaker(para, unit, i);
    // "Trump focused on reiterating …", "Kasich has taken to urging …": the verb before governs the participle.
    if (['on', 'to', 'into'].includes(prev) && !toks[i - 2]?.punct && reportsClause(toks, i)) return this.clauseSubject(para, unit, runs, i, 0, false, true);
    // "(Frank cites a memo saying …)", "Later, Trump issued a statement saying": the subject of the clause
    // that put out the message, after the nearest mark.
    if (messageBefore(toks, i)) return this.clauseSubject(para, unit, runs, i, clauseStart(toks, i));
    return null;
  }

  /** "“…,” Trump said before adding: “…”": the sentence's earlier statement names who goes on speaking. */
  private earlierSpeaker(para: Para, unit: Unit, i: number): Subject | null {
    const last = this.statements[this.statements.length - 1];
    const cueStart = unit.tokens[i]?.start ?? 0;
    if (last && last.paragraph === para.n && last.spans.every(([a, b]) => a >= unit.start && b <= cueStart)) return { key: last.speaker, from: i, to: i };
    return null;
  }

  /**
   * "Ham went on to explain", "McConnell agreed to a call, but only to tell Garland …": an infinitive of saying
   * reports the words of its clause's subject, or of the person right before "to" ("prompted Cooper to accuse").
   */
  private infinitiveSubject(para: Para, unit: Unit, runs: NameRun[], i: number, to: number): Subject | null {
    const toks = unit.tokens;
    const agent = runs.find((r) => r.to === to && !r.possessive && r.kind !== 'organisation' && !isAfterPreposition(toks, r.phraseFrom));
    const agentKey = agent ? this.keyForRun(agent, false) : null;
    if (agent && agentKey && this.entities.get(agentKey)?.kind === 'person') return { key: agentKey, from: agent.phraseFrom, to: agent.to };
    return this.clauseSubject(para, unit, runs, i, 0, false, true);
  }

  /**
   * "Noting that both men faced a hostile press, Schlafly put her finger on …": a participle of saying that
   * opens the sentence reports the words of the main clause's subject, right after the participle's comma.
   */
  private leadingParticipleSubject(para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
    const toks = unit.tokens;
    // A clause follows ("Noting that …", "Noting he …"), not an object ("Responding to this criticism").
    if (!['that', 'he', 'she', 'they', 'it', 'we', 'i'].includes(toks[i + 1]?.lower ?? '')) return null;
    let comma = -1;
    for (let k = i + 1; k < toks.length && k - i <= 40; k++) {
      const t = toks[k] as Token;
      if (t.quoted) continue;
      if (t.text === ',') {
        comma = k;
        break;
      }
      if (['.', ';', ':', '!', '?'].includes(t.text)) return null;
    }
    const first = toks[comma + 1];
    if (comma < i + 3 || !first) return null;
    const content = trimSpan(para.text, (toks[skipToThat(toks, i + 1)] as Token).start, (toks[comma] as Token).start);
    if (first.lower === 'he' || first.lower === 'she') {
      return { key: this.resolvePronoun(first.lower === 'he' ? 'm' : 'f', para.n), from: comma + 1, to: comma + 2, content };
    }
    const run = runs.find((r) => r.phraseFrom === comma + 1 && r.kind !== 'organisation' && !r.possessive);
    const key = run ? this.keyForRun(run, true) : null;
    return key && run ? { key, from: run.phraseFrom, to: run.to, content } : null;
  }

  /** The subject of the clause a cue at i continues: the first person named (or he/she) before it. */
  private clauseSubject(para: Para, unit: Unit, runs: NameRun[], i: number, from = 0, afterQuote = false, knownOnly = false): Subject | null {
    const toks = unit.tokens;
    // “…,” Cruz replied, before adding …: after a quote that opens the sentence, the clause starts.
    const opening = unit.quotes[0];
    let start = Math.max(from, leadingClauseEnd(toks, i));
    if (afterQuote && start === 0 && opening && opening.closed && onlyPunctuationBetween(para.text, unit.start, opening.start)) {
      while (start < i && (toks[start] as Token).start < opening.end) start++;
    }
    for (let k = start; k < i - 1; k++) {
      const t = toks[k] as Token;
      if (t.quoted) return null;
      const pronoun = t.lower === 'he' || t.lower === 'she' ? PRONOUNS[t.lower] : undefined;
      if (pronoun && pronoun !== 'any') return { key: this.resolvePronoun(pronoun, para.n, unit, runs, k), from: k, to: k + 1 };
      // "And, like Trump, they have played …": a plural or first-person subject is no one we can name.
      if (['they', 'we', 'i'].includes(t.lower)) return { key: null, from: k, to: k + 1 };
      const run = runs.find((r) => r.phraseFrom === k || r.from === k);
      if (!run) continue;
      if (isAfterPreposition(toks, run.phraseFrom) || isAfterPreposition(toks, run.from) || ['like', 'unlike'].includes(toks[run.phraseFrom - 1]?.lower ?? '')) continue; // "In Iowa, Trump …"
      if (isPlaceTail(toks, runs, run)) continue; // "in Salem, New Hampshire, Trump …"
      if (run.possessive || run.to >= i) return null;
      // (A verb far from its subject takes only a person the article knows, not "Even" or "Promise".)
      const key = this.keyForRun(run, !knownOnly);
      if (knownOnly && (!key || this.entities.get(key)?.kind !== 'person')) return null;
      // The subject is followed by its verb or by an apposition, not by more of a noun phrase.
      return { key, from: run.phraseFrom, to: run.to };
    }
    return null;
  }

  /** "…, adding that the guarantees should be legally binding." after a quote and its cue. */
  private participleContent(para: Para, unit: Unit, from: number): Span | null {
    const toks = unit.tokens;
    for (let k = from; k < toks.length && k < from + 25; k++) {
      const t = toks[k] as Token;
      if (t.quoted) return null;
      // "…,” added Leo Park, speaking to reporters: a verb that needs its particle ("speaking about") is no cue without it.
      const lemma = CUE_FORMS.get(t.lower);
      if (t.lower.endsWith('ing') && lemma && toks[k - 1]?.text === ',' && (!PARTICLE_CUES[lemma] || this.isCue(toks, k))) {
        const c = skipToThat(toks, k + 1);
        const start = toks[c]?.start;
        if (start === undefined) return null;
        return trimSpan(para.text, start, contentEnd(para.text, unit));
      }
    }
    return null;
  }

  /** Content before a trailing cue, plus what follows a parenthetical one. */
  private trailingContent(para: Para, unit: Unit, subject: Subject, cue: number, covered: QuoteSpan[], invertedNameEnd?: number): LocalStatement | null {
    const toks = unit.tokens;
    const comma = subject.from - 1;
    if (toks[comma]?.text !== ',' || comma < 1) return null;
    const spans: Span[] = [trimSpan(para.text, unit.start, toks[comma]?.start ?? unit.start)];
    const next = toks[Math.max(cue, subject.to - 1) + 1];
    // After "…, Nowak said, …" the sentence goes on; after "…, said Nowak, …" comes his description.
    if (next?.text === ',' && subject.from <= cue) {
      const rest = toks[Math.max(cue, subject.to - 1) + 2];
      if (rest) spans.push(trimSpan(para.text, rest.start, contentEnd(para.text, unit)));
    } else if (invertedNameEnd !== undefined) {
      const rest = resumeAfterInvertedCue(toks, invertedNameEnd);
      if (rest) spans.push(trimSpan(para.text, rest.start, contentEnd(para.text, unit)));
    }
    const inside = unit.quotes.filter((q) => !covered.includes(q) && spans.some(([s, e]) => q.start >= s && q.start < e));
    inside.forEach((q) => covered.push(q));
    if (spans.reduce((n, [s, e]) => n + e - s, 0) < 12) return null;
    return this.make(subject.key as string, inside.length ? 'mixed' : 'indirect', para, spans, cueSpan(toks, cue));
  }

  /**
   * A nominal cue owned by a person: "Trump’s claim that there have been thousands of shootings",
   * "Obama’s announcement Friday of new rules", "Fiorina’s statement about the video". What follows
   * "that", "about", "on" or "of" is what the person said.
   */
  private possessiveClaim(para: Para, unit: Unit, runs: NameRun[], found: LocalStatement[], covered: QuoteSpan[]): LocalStatement | null {
    const toks = unit.tokens;
    for (const run of runs) {
      if (!run.possessive || run.kind === 'organisation') continue;
      let k = run.to;
      if (['own', 'latest', 'earlier', 'repeated', 'recent', 'new'].includes(toks[k]?.lower ?? '')) k++;
      // ("Trump’s talking about the working class": a possessive gerund is a nominal cue too.)
      const gerund = (toks[k]?.lower ?? '').endsWith('ing') && CUE_FORMS.has(toks[k]?.lower ?? '');
      if (!SPEECH_NOUNS.has(toks[k]?.lower ?? '') && !gerund) continue;
      // "Trump’s statement earlier this year that …": a short adverbial may sit between the noun and "that".
      let c = k + 1;
      // "Obama’s calls for …", "his response to …": "for" and "to" lead to words only after a call, plea or response
      // ("her speech to the association", "Trump's claim to the nomination" do not).
      const links = ['call', 'calls', 'plea', 'response'].includes(toks[k]?.lower ?? '') ? ['that', 'about', 'on', 'of', 'for', 'to'] : ['that', 'about', 'on', 'of'];
      while (c < toks.length && c - k <= 4 && (TIME_WORDS.test((toks[c] as Token).lower) || ((toks[c] as Token).lower === 'in' && /^\d{4}$/.test(toks[c + 1]?.text ?? '')))) c++;
      const link = toks[c]?.lower ?? '';
      if (!links.includes(link) || !toks[c + 1]) continue;
      const start = (toks[c + 1] as Token).start;
      if (found.some((st) => st.spans.some(([a, b]) => start >= a && start < b))) continue;
      // "Clinton’s comments on the shooting came as …": the noun phrase is the subject; its verb ends the content.
      let end = link === 'that' ? clauseContentEnd(para.text, unit, toks, c) : objectPhraseEnd(para.text, unit, toks, c);
      if (link !== 'that') {
        const verb = toks.find((t, j) => j > c + 1 && t.start < end && !t.quoted && (NEW_VERB_AFTER_AND.has(t.lower) || ['came', 'comes', 'seems', 'seemed', 'drew', 'draws'].includes(t.lower) || /^\p{Ll}{3,}ed$/u.test(t.text)));
        if (verb) end = verb.start;
      }
      if ((para.text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 2) continue;
      const key = this.keyForRun(run, true);
      if (!key || this.entities.get(key)?.kind !== 'person') continue;
      const inside = unit.quotes.filter((q) => !covered.includes(q) && q.start >= start && q.start < end);
      inside.forEach((q) => covered.push(q));
      return this.make(key, inside.length ? 'mixed' : 'indirect', para, [trimSpan(para.text, start, end)], tokenSpan(toks[k] as Token));
    }
    return null;
  }

  /** "According to X, …" and "…, according to X." */
  private accordingTo(para: Para, unit: Unit, runs: NameRun[]): LocalStatement | null {
    const toks = unit.tokens;
    const at = toks.findIndex((t, k) => t.lower === 'according' && toks[k + 1]?.lower === 'to' && !t.quoted);
    if (at < 0) return null;
    const run = runs.find((r) => r.phraseFrom >= at + 2 && r.phraseFrom <= at + 6);
    if (!run) return null;
    const key = this.keyForRun(run, true);
    if (!key) return null;
    let spans: Span[];
    if (at === 0 || (at === 1 && toks[0]?.punct)) {
      const comma = toks.findIndex((t, k) => k > run.to - 1 && t.text === ',');
      if (comma < 0 || !toks[comma + 1]) return null;
      spans = [trimSpan(para.text, toks[comma + 1]!.start, contentEnd(para.text, unit))];
    } else {
      // "…,'' according to Mr. Rhodes.": the comma may sit inside the closing quotation marks.
      let k = at - 1;
      while (k > 0 && QUOTE_MARKS.has(toks[k]?.text ?? '')) k--;
      if (toks[k]?.text !== ',') return null;
      spans = [trimSpan(para.text, unit.start, toks[k]!.start)];
      // "At the heart of the trouble, according to Dennis Ross, another former envoy, was a decision …":
      // the sentence goes on after the source and its apposition.
      let resume = toks[run.to]?.text === ',' ? run.to + 1 : -1;
      if (resume > 0) {
        const close = findComma(toks, resume, 12);
        if (close > 0 && toks.slice(resume, close).some(isRoleWord)) resume = close + 1;
        const rest = toks.slice(resume).filter((t) => !t.punct);
        const verb = toks[resume]?.lower ?? '';
        if (rest.length >= 3 && (NEW_VERB_AFTER_AND.has(verb) || ['are', 'would', 'will', 'should', 'could', 'can', 'may', 'might', 'must'].includes(verb))) spans.push(trimSpan(para.text, (toks[resume] as Token).start, contentEnd(para.text, unit)));
      }
    }
    const inside = unit.quotes.filter((q) => spans.some(([s, e]) => q.start >= s && q.start < e));
    return this.make(key, inside.length ? 'mixed' : 'indirect', para, spans, [(toks[at] as Token).start, (toks[at + 1] as Token).end]);
  }

  /** A paragraph or sentence that is only a quotation, right after a direct quote: the same speaker goes on. */
  private continueQuotes(para: Para, unit: Unit, covered: QuoteSpan[]): void {
    for (const q of unit.quotes) {
      if (covered.includes(q)) continue;
      const opensUnit = onlyPunctuationBetween(para.text, unit.start, q.start);
      const fillsUnit = q.end >= unit.end - 2 || onlyPunctuationBetween(para.text, q.end, unit.end);
      const words = para.text.slice(q.innerStart, q.innerEnd).split(/\s+/).length;
      const last = this.lastDirect;
      // Four words at least, unless the speaker was named in this very paragraph (“I would, Donald.”).
      if (!opensUnit || !last || para.n - last.paragraph > 1 || words < (last.paragraph === para.n ? 2 : 4)) continue;
      if (fillsUnit) {
        covered.push(q);
        this.statements.push(this.make(last.key, 'direct', para, [trimSpan(para.text, q.innerStart, q.innerEnd)], null));
        this.lastDirect = { key: last.key, paragraph: para.n };
      } else if (quoteTailsOff(unit, q)) {
        // “It's basically just a tax increase” for the top income bracket.: the speaker's words finished by the writer.
        covered.push(q);
        this.statements.push(this.make(last.key, 'mixed', para, [trimSpan(para.text, q.start, contentEnd(para.text, unit))], null));
      }
    }
  }

  private make(speaker: string, kind: StatementKind, para: Para, spans: Span[], cue: Span | null): LocalStatement {
    const clean = spans.filter(([s, e]) => e > s);
    return { speaker, kind, paragraph: para.n, spans: clean, text: clean.map(([s, e]) => para.text.slice(s, e)).join(' … '), cue: cue ? para.text.slice(cue[0], cue[1]) : null, cueSpan: cue };
  }

  // ---- subjects ----

  /** The speaker phrase before cue i: a name, a pronoun, or a description ("the chancellor"). */
  private subjectBefore(para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
    const toks = unit.tokens;
    let k = i - 1;
    // Skip auxiliaries and short adverbials: "has repeatedly", "late on December 14", "on Saturday".
    let skipped = 0;
    while (k >= 0 && skipped < 7) {
      const t = toks[k] as Token;
      if (t.quoted || t.punct) break;
      // A name's last word is not a date: "Prime Minister Theresa May said".
      if (t.cap && runs.some((r) => r.to - 1 === k && (r.kind === 'person' || r.honorific !== null))) break;
      // "Morial forcefully told", "Trump has long said": an adverb between subject and verb (not "the assembly said").
      // So are "isn’t", an emphatic "did", "itself": "Trump isn’t saying", "Allen did suggest", "Ford itself said"
      // (not "did not complain": a denied verb reports no words).
      const adverb = ((/^\p{Ll}{3,}ly$/u.test(t.text) || t.lower === 'long') && !['the', 'a', 'an', 'this', 'its', 'his', 'her', 'their'].includes(toks[k - 1]?.lower ?? '')) ||
        /^(?:is|was|were|are)n['’]t$/.test(t.lower) || (['did', 'does', 'do'].includes(t.lower) && k === i - 1) || ['time', 'himself', 'herself', 'itself', 'themselves'].includes(t.lower);
      if (adverb || AUXILIARIES.has(t.lower) || /^(on|late|early|in|at|this|last|year|week|month|earlier|the|day|morning|evening|night|\d+)$/.test(t.lower) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(t.lower)) {
        k--;
        skipped++;
        continue;
      }
      break;
    }
    if (k < 0) return null;
    // "Clinton was officially declared the winner", "Trump was asked about …": a passive verb's subject is not the speaker.
    const form = toks[i]?.lower ?? '';
    if (form !== CUE_FORMS.get(form) && !/(?:s|ing)$/.test(form) && toks.slice(k + 1, i).some((t) => BE_FORMS.has(t.lower))) return null;
    k = skipBracketsBack(toks, k);
    if (k < 0) return null;
    // "Trump - who once said he would “bomb them” - said", "Kall -- co-editor of a book, Debating Trump -- said":
    // a dash aside, whatever it holds, follows the subject; a description before it may be named inside it.
    if (isDash(toks, k)) {
      const open = openingDash(toks, k);
      const candidate = open > 0 ? this.subjectEndingAt(para, unit, runs, skipBracketsBack(toks, open - 1)) : null;
      if (candidate && (opensClause(toks, candidate.from) || describedLead(toks, candidate.from)) && !isPartyTag(toks, candidate)) {
        if (!candidate.described && candidate.key) return candidate;
        let first = open + 1;
        while (isDash(toks, first)) first++;
        const named = runs.find((r) => r.phraseFrom === first && r.kind === 'person' && !r.possessive);
        const key = named ? this.keyForRun(named, true) : null;
        return key ? { key, from: candidate.from, to: (named as NameRun).to } : candidate;
      }
      // "The film ― which features author Ann Lee, among others ― explains …": a subject that is no one.
      if (open > 0) return null;
    }
    // Appositions and relative clauses between subject and cue: "Witkoff, Trump's envoy, said",
    // "Edd, an official at the housing authority in Arizona, which has a backlog, said". Walk back over
    // the comma pieces and take the nearest name or pronoun that opens a clause, not one inside a piece.
    if (APPOSITION_MARKS.has(toks[k]?.text ?? '')) {
      let end = k;
      for (let piece = 0; piece < 4; piece++) {
        const open = findCommaBack(toks, end - 1, 40);
        if (open <= 0) return null;
        const before = skipBracketsBack(toks, open - 1);
        let candidate = before >= 0 ? this.subjectEndingAt(para, unit, runs, before) : null;
        // "David Woodard of Clemson University": the person before the place or employer.
        const link = candidate ? toks[candidate.from - 1]?.lower ?? '' : '';
        if (candidate && ['of', 'at', 'from', 'with', 'for'].includes(link)) candidate = this.subjectEndingAt(para, unit, runs, candidate.from - 2) ?? candidate;
        // "A lawyer for the outlets, David Schulz, said": the name apposed to a description is the speaker.
        if (candidate?.described || describedBefore(toks, open)) {
          const named = runs.find((r) => r.phraseFrom === open + 1 && r.kind !== 'organisation' && !r.possessive);
          const tail = named ? toks[named.to] : undefined;
          // (A party tag may follow the name: "Sen. Tim Kaine (D-Va.),".)
          if (named && (named.to === end || named.to === skipBracketsBack(toks, end - 1) + 1 || ['of', 'at', 'from', 'with'].includes(tail?.lower ?? ''))) {
            const key = this.keyForRun(named, true);
            if (key) return { key, from: candidate?.from ?? 0, to: named.to };
          }
        }
        // A description right after a comma is one more apposition of the subject further back; so is the
        // second name of a place pair ("who flew to Columbus, Ohio, on Monday").
        const apposed = (candidate?.described && APPOSITION_MARKS.has(toks[candidate.from - 1]?.text ?? '')) ||
          (candidate && toks[candidate.from - 1]?.text === ',' && runs.some((r) => r.to === candidate.from - 1 && isAfterPreposition(toks, r.phraseFrom)));
        // (A subordinate clause has its own subject: "after Mr. Trump, asked about it, had said …".)
        const subordinate = CLAUSE_SUBORDINATORS.has(toks[(candidate?.from ?? 0) - 1]?.lower ?? '');
        if (candidate && !apposed && (opensClause(toks, candidate.from) || subordinate || describedLead(toks, candidate.from)) && !isPartyTag(toks, candidate)) return candidate;
        end = open;
      }
      return null;
    }
    return this.subjectEndingAt(para, unit, runs, k);
  }

  /** A subject phrase whose last token is k. */
  private subjectEndingAt(para: Para, unit: Unit, runs: NameRun[], k: number): Subject | null {
    const toks = unit.tokens;
    const t = toks[k];
    if (!t || t.quoted || t.punct) return null;
    const pronoun = PRONOUNS[t.lower];
    if (pronoun && !['him', 'her'].includes(t.lower)) {
      return { key: this.resolvePronoun(pronoun === 'any' ? null : pronoun, para.n, unit, runs, k), from: k, to: k + 1 };
    }
    const run = runs.find((r) => r.to - 1 === k);
    if (run) {
      if (run.possessive) return null;
      // "Angela Merkel of Germany said", "David Woodard of Clemson University said": the person, not the place.
      if (run.kind !== 'person' && ['of', 'at', 'from'].includes(toks[run.phraseFrom - 1]?.lower ?? '')) {
        const owner = runs.find((r) => r.to === run.phraseFrom - 1 && r.kind !== 'organisation' && !r.possessive);
        if (owner) return { key: this.keyForRun(owner, true), from: owner.phraseFrom, to: run.to };
      }
      // "Sam Lau, the communications director for the Iowa Democratic Party said": an apposition left unclosed.
      if (run.kind === 'organisation') {
        const person = this.unclosedApposition(unit, runs, run);
        if (person) return person;
      }
      // "The dynamic on the Affordable Care Act suggests", "supporters of Hillary Clinton say", "leaders who'd
      // rather work for Cruz or Rubio or Ben Carson said": the subject is the noun before the preposition. (A title
      // keeps its preposition: "Secretary of State John Kerry"; "footage of Trump saying" is Trump's.)
      const link = toks[run.phraseFrom - 1]?.lower ?? '';
      const head = toks[run.phraseFrom - 2];
      const headNoun = head !== undefined && !head.cap && !head.punct && !isRoleWord(head);
      const participle = toks[run.to]?.lower.endsWith('ing') ?? false;
      if (!participle && ((link === 'or' && runs.some((r) => r.to === run.phraseFrom - 1)) || (NOT_SUBJECT_AFTER.has(link) && headNoun))) {
        return { key: null, from: run.phraseFrom, to: run.to };
      }
      return { key: this.keyForRun(run, true), from: run.phraseFrom, to: run.to };
    }
    // "said Mr. Lee, who noted that …": a relative pronoun speaks for the name it follows.
    if (t.lower === 'who' && toks[k - 1]?.text === ',') {
      const head = runs.find((r) => r.to === k - 1 && !r.possessive && r.kind !== 'organisation');
      if (head) return { key: this.keyForRun(head, true), from: k, to: k + 1 };
    }
    if (GENERIC_SUBJECTS.has(t.lower)) return { key: null, from: k, to: k + 1 };
    if (ROLE_NOUNS.has(t.lower.replace(/['’]s$/, ''))) {
      // A description: "the chancellor", "the Ukrainian president", "Trump's envoy", "a spokesman".
      let from = k;
      while (from > 0 && k - from < 5) {
        const p = toks[from - 1] as Token;
        if (p.punct || p.quoted) break;
        from--;
        if (['the', 'a', 'an'].includes(p.lower) || p.possessive) break;
      }
      const words = toks.slice(from, k + 1);
      if (['a', 'an'].includes(words[0]?.lower ?? '')) return { key: null, from, to: k + 1, described: true };
      return { key: this.resolveDescription(words, para.n), from, to: k + 1, described: true };
    }
    return null;
  }

  /** A person, a comma and a role phrase that ends in the organisation `org`, with no comma to close it. */
  private unclosedApposition(unit: Unit, runs: NameRun[], org: NameRun): Subject | null {
    const toks = unit.tokens;
    const comma = findCommaBack(toks, org.phraseFrom - 1, 14);
    if (comma < 1 || toks[comma]?.text !== ',') return null;
    const phrase = toks.slice(comma + 1, org.phraseFrom);
    if (!phrase.some(isRoleWord) || !['of', 'for', 'at'].includes(phrase[phrase.length - 1]?.lower ?? '')) return null;
    const person = runs.find((r) => r.to === comma && r.kind !== 'organisation' && !r.possessive);
    if (!person || !opensClause(toks, person.phraseFrom)) return null;
    const key = this.keyForRun(person, true);
    return key ? { key, from: person.phraseFrom, to: org.to } : null;
  }

  /** Inverted order: "said Smith", "said the spokesman", and the subject after a quote: “…,” Smith said. */
  private subjectAfter(para: Para, unit: Unit, runs: NameRun[], i: number): Subject | null {
    const toks = unit.tokens;
    const next = toks[i + 1];
    if (!next || next.quoted) return null;
    // "Just ask former senator Evan Bayh": a bare verb opening the sentence is an imperative, not an inversion.
    if (i <= 1 && CUE_FORMS.get(toks[i]?.lower ?? '') === toks[i]?.lower && !toks[0]?.quoted) return null;
    // An inverted verb opens its clause (“…,” said Smith; …, explained Rosenberg, “…”); after a word it has its
    // object there: "to tell Garland", "When told Perez was …", "disparaging remarks Trump had made".
    const before = toks[i - 1];
    if (before && !before.punct && !(AUXILIARIES.has(before.lower) && (!toks[i - 2] || toks[i - 2]?.punct))) return null;
    const pronoun = PRONOUNS[next.lower];
    // "…,” said he." is inverted; "said he was …" is the content's own subject.
    const afterPronoun = toks[i + 2];
    if (pronoun && ['he', 'she'].includes(next.lower) && (!afterPronoun || afterPronoun.punct)) return { key: this.resolvePronoun(pronoun === 'any' ? null : pronoun, para.n, unit, runs, i + 1), from: i + 1, to: i + 2 };
    const run = runs.find((r) => r.phraseFrom === i + 1 || r.from === i + 1);
    if (!run || run.possessive) return this.describedNameAfter(unit, runs, i);
    // "said Republican party boss Reince Priebus", "said Air Force 1st Lt. Jane Roe": an adjective or
    // employer opens the phrase; the person is the full name at the end of the same noun phrase.
    if (run.kind !== 'person') {
      const later = runs.find((r) => r.from > run.to && r.from - (i + 1) <= 7 && r.kind === 'person' && !r.possessive &&
        toks.slice(run.to, r.from).every((t) => !t.quoted && (!t.punct || t.text === '.') && !CUE_FORMS.has(t.lower) && !['and', 'or', 'to', 'in', 'at', 'on', 'with', 'who'].includes(t.lower)));
      if (later) return { key: this.keyForRun(later, true), from: run.from, to: later.to };
    }
    // "…, said Trump will exceed expectations": a name followed by its own verb starts the content.
    const follower = toks[run.to];
    if (follower && !follower.punct && !follower.cap && !AFTER_INVERTED_SUBJECT.has(follower.lower)) return null;
    return { key: this.keyForRun(run, true), from: run.from, to: run.to };
  }

  /**
   * "said retired neurosurgeon Ben Carson", "added his campaign manager Jeff Weaver", "said Florida’s Rick
   * Wilson, a consultant", "said the bureau's director, James B. Comey,": a short description or owner opens
   * the inverted subject; the person's name closes it (or follows the description after a comma).
   */
  private describedNameAfter(unit: Unit, runs: NameRun[], i: number): Subject | null {
    const toks = unit.tokens;
    let roleSeen = false;
    for (let k = i + 1; k < toks.length && k <= i + 7; k++) {
      const t = toks[k] as Token;
      const run = runs.find((r) => r.phraseFrom === k || r.from === k);
      if (run) {
        const named = run.kind === 'person' || (run.kind === 'single' && (run.role !== null || run.honorific !== null));
        if (k > i + 1 && named && !run.possessive && endsNounPhrase(toks, run.to)) {
          const key = this.keyForRun(run, true);
          return key ? { key, from: i + 1, to: run.to } : null;
        }
        if (!run.possessive && run.kind !== 'organisation') return null;
        k = run.to - 1;
        continue;
      }
      if (t.text === ',' && roleSeen) {
        const apposed = runs.find((r) => r.phraseFrom === k + 1 && r.kind === 'person' && !r.possessive);
        const key = apposed && endsNounPhrase(toks, apposed.to) ? this.keyForRun(apposed, true) : null;
        return key ? { key, from: i + 1, to: apposed!.to } : null;
      }
      if (t.quoted || (t.punct && !['/', '-'].includes(t.text)) || CUE_FORMS.has(t.lower) || !DESCRIPTION_WORD.test(t.text) || NOT_DESCRIPTION.has(t.lower)) return null;
      if (isRoleWord(t)) roleSeen = true;
    }
    return null;
  }

  private resolvePronoun(gender: Gender | null, paragraph: number, unit?: Unit, runs?: NameRun[], at = 0): string | null {
    // "Trump has blasted the system, which he said …": the sentence's own subject, named before the pronoun,
    // comes first; not in "Trump will win, he said", where the words before the comma are the content, nor an
    // apposition ("On another tough guy, Mr. Putin, Mr. Trump was asked why he …").
    // After a mark ("…,” she said") only a label before a colon counts: "Sen. Roe scolded him: “…,” she said".
    const prev = unit?.tokens[at - 1];
    const colon = prev?.punct && unit ? lastColonBefore(unit.tokens, at) : at;
    if (unit && runs && prev && colon > 0) {
      let apposed: LocalEntity | undefined;
      for (const run of runs) {
        if (run.to > colon) break;
        if (run.possessive || !opensClause(unit.tokens, run.phraseFrom)) continue;
        const key = this.keyForRun(run, false);
        const e = key ? this.entities.get(key) : undefined;
        if (!e || e.kind !== 'person' || (gender && e.gender && e.gender !== gender)) continue;
        if (unit.tokens[run.to]?.text !== ',') return e.key;
        apposed ??= e;
      }
      if (apposed) return apposed.key;
    }
    for (let k = this.salience.length - 1; k >= 0; k--) {
      const s = this.salience[k] as { key: string; paragraph: number; gender?: Gender | null };
      if (paragraph - s.paragraph > 3) break;
      const e = this.entities.get(s.key);
      if (!e || e.kind !== 'person') continue;
      if (gender && ((e.gender && e.gender !== gender) || (s.gender && s.gender !== gender))) continue;
      if (gender) e.gender ??= gender;
      return e.key;
    }
    return null;
  }

  private resolveDescription(words: Token[], paragraph: number): string | null {
    const head = (words[words.length - 1] as Token).lower;
    const modifiers = words.filter((w) => !['the', 'a', 'an'].includes(w.lower)).map((w) => foldName(w.text.replace(/['’]s$/, '')));
    const candidates = [...this.entities.values()].filter((e) => e.kind === 'person' && [...e.roles].some((r) => {
      const role = expandTitles(foldName(r));
      return role.includes(head) && modifiers.every((m) => role.includes(m) || ['former', 'current', 'new'].includes(m));
    }));
    if (candidates.length === 1) return candidates[0]?.key ?? null;
    if (candidates.length > 1) {
      for (let k = this.salience.length - 1; k >= 0; k--) {
        const s = this.salience[k];
        if (s && candidates.some((c) => c.key === s.key) && paragraph - s.paragraph <= 5) return s.key;
      }
    }
    return null;
  }
}

/** Words that can open a description before a name: "retired", "his", "9/11", "Florida’s"; not "in", "that". */
/** Words that may follow an inverted subject: “…,” said Smith in a statement / on Monday / who … / of Yale. */
const AFTER_INVERTED_SUBJECT = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'from', 'of', 'who', 'when', 'while', 'as', 'to', 'via', 'with', 'for', 'about', 'by', 'through', 'since', 'until', 'last', 'this', 'earlier', 'later', 'recently', 'today', 'yesterday', 'tonight', 'late', 'early', 'told', 'adding', 'noting', 'saying', 'and', 'but', 'referring', 'according', 'speaking', 'writing']);
/** Prepositions after which a name is not the subject of the verb that follows it (not "for": "a spokesman for X"). */
const NOT_SUBJECT_AFTER = new Set(['on', 'about', 'in', 'at', 'to', 'against', 'than', 'into', 'over', 'under', 'of', 'from', 'with', 'among', 'between', 'toward', 'towards']);
const CLAUSE_SUBORDINATORS = new Set(['after', 'before', 'when', 'whenever', 'because', 'while', 'although', 'though', 'since', 'if', 'once', 'until', 'whereas', 'as']);
const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);
const DESCRIPTION_WORD = /^[\p{L}\p{N}/'’.-]+$/u;
const NOT_DESCRIPTION = new Set(['in', 'on', 'at', 'to', 'for', 'of', 'with', 'by', 'about', 'from', 'that', 'and', 'or', 'but', 'as', 'than', 'if', 'because', 'when', 'while', 'who', 'which', 'after', 'before', 'during', 'since', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'not']);

/** A name closes its noun phrase: a mark, the end, or "of"/"at"/"who" follows ("Ann Lee of Yale"). */
function endsNounPhrase(toks: Token[], to: number): boolean {
  const next = toks[to];
  return !next || (next.punct && !next.quoted) || ['of', 'at', 'from', 'who'].includes(next.lower);
}

const TITLE_ABBREVIATIONS: Record<string, string> = { sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', adm: 'admiral', col: 'colonel', capt: 'captain', lt: 'lieutenant', sgt: 'sergeant', sec: 'secretary', pres: 'president', prof: 'professor', supt: 'superintendent', atty: 'attorney' };

/** "sen. tim kaine" → "senator tim kaine": a role written with an abbreviated title matches "the senator". */
function expandTitles(role: string): string {
  return role.replace(/\b(sen|rep|gov|gen|adm|col|capt|lt|sgt|sec|pres|prof|supt|atty)\b\.?/g, (_, abbr: string) => TITLE_ABBREVIATIONS[abbr] ?? abbr);
}

/** The first paragraph is the headline repeated: the same words, whatever the final stop. */
function sameHeadline(text: string, title: string): boolean {
  const bare = (s: string): string => s.trim().replace(/[.!?\s]+$/, '');
  return bare(text) === bare(title);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function findComma(toks: Token[], from: number, maxLen: number): number {
  for (let k = from; k < toks.length && k - from < maxLen; k++) {
    const t = toks[k] as Token;
    if (t.text === ',') return k;
    if (t.punct && t.text !== '-' && t.text !== '’' && t.text !== "'") return -1;
  }
  return -1;
}

const APPOSITION_MARKS = new Set([',', '—', '–', '―']);

/** A dash between words: "—", "–", or a hyphen standing apart ("Trump - who …", "Kall -- co-editor …"). */
function isDash(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!t) return false;
  if (t.text === '—' || t.text === '–' || t.text === '―') return true;
  if (t.text !== '-') return false;
  const prev = toks[k - 1];
  const next = toks[k + 1];
  const spacedBefore = !prev || prev.end < t.start || (prev.text === '-' && prev.end === t.start);
  const spacedAfter = !next || next.start > t.end || (next.text === '-' && next.start === t.end);
  return spacedBefore && spacedAfter;
}

/** The first token of the dash that opens the aside closed by the dash at k; -1 when a sentence mark comes first. */
function openingDash(toks: Token[], k: number): number {
  let j = k;
  while (j > 0 && isDash(toks, j - 1) && toks[j - 1]?.end === toks[j]?.start) j--;
  for (let m = j - 1; m >= 0 && j - m <= 60; m--) {
    const t = toks[m] as Token;
    if (isDash(toks, m)) {
      while (m > 0 && isDash(toks, m - 1) && toks[m - 1]?.end === t.start) m--;
      return m;
    }
    if (!t.quoted && ['.', ';', '!', '?', ':'].includes(t.text)) return -1;
  }
  return -1;
}

/** The nearest comma or dash before `from`, skipping bracketed asides; -1 when a sentence mark comes first. */
function findCommaBack(toks: Token[], from: number, maxLen: number): number {
  for (let k = from; k >= 0 && from - k < maxLen; k--) {
    const t = toks[k] as Token;
    if (APPOSITION_MARKS.has(t.text)) return k;
    if (t.text === ')') {
      const before = skipBracketsBack(toks, k);
      if (before === k) return -1;
      k = before + 1;
      continue;
    }
    if (t.punct && !['-', '’', "'", '(', '&', '/', '$', '%'].includes(t.text)) return -1;
  }
  return -1;
}

/**
 * "Silverman was joined on stage by Al Franken and joked, …", "Kasich offered him a job, then says …":
 * a cue coordinated with an earlier verb has no subject of its own; it shares the clause's.
 */
function coordinatedCue(toks: Token[], i: number): boolean {
  const form = toks[i]?.lower ?? '';
  // "speeches and promises", "and calls": an -s form after "and" is as often a plural noun.
  if (form.endsWith('s') && !UNAMBIGUOUS_S_CUES.has(CUE_FORMS.get(form) ?? '')) return false;
  let k = i - 1;
  while (k > 0 && AUXILIARIES.has(toks[k]?.lower ?? '') && !['then'].includes(toks[k]?.lower ?? '')) k--;
  const link = toks[k]?.lower ?? '';
  return ['and', 'but', 'then'].includes(link) && k > 0;
}

/** Things that carry words: a participle cue right after one speaks for the clause's subject. */
const SPEECH_VEHICLES = new Set(['statement', 'letter', 'tweet', 'tweets', 'memo', 'message', 'post', 'release', 'video', 'ad', 'email', 'e-mail', 'op-ed', 'column', 'speech', 'interview', 'response', 'reply']);

/** Where a token stands in its paragraph. */
function tokenSpan(t: Token): Span {
  return [t.start, t.end];
}

/**
 * The reporting words of the cue at i as written: the verb ("said", "rejected"), with its particle when it
 * follows at once ("called for", "pointed out"), or "put it".
 */
function cueSpan(toks: Token[], i: number): Span {
  const t = toks[i] as Token;
  if ((t.lower === 'put' || t.lower === 'puts') && toks[i + 1]?.lower === 'it') return [t.start, (toks[i + 1] as Token).end];
  const particle = particleAt(toks, i, CUE_FORMS.get(t.lower) ?? '');
  return particle === i + 1 ? [t.start, (toks[particle] as Token).end] : tokenSpan(t);
}

/** A speech tag's verb and an adverb particle it carries: "interjected", "shot back", "piped up". */
function tagVerbSpan(toks: Token[], k: number): Span {
  const verb = toks[k] as Token;
  const particle = toks[k + 1];
  return particle && ['back', 'up'].includes(particle.lower) ? [verb.start, particle.end] : tokenSpan(verb);
}

/** The particle of a particle cue right after it, or after one adverb of time ("called again for", "called Friday for"); -1 when none. */
function particleAt(toks: Token[], i: number, lemma: string): number {
  const particles = PARTICLE_CUES[lemma];
  if (!particles) return -1;
  if (particles.includes(toks[i + 1]?.lower ?? '')) return i + 1;
  // ("spoke emotionally of", "spoke out Tuesday about": up to two adverbs between.)
  for (let k = i + 1; k <= i + 2; k++) {
    const between = toks[k] as Token | undefined;
    if (!between || between.punct || !(TIME_WORDS.test(between.lower) || ['again', 'also', 'out', 'up'].includes(between.lower) || /^\p{Ll}{3,}ly$/u.test(between.text))) return -1;
    if (particles.includes(toks[k + 1]?.lower ?? '')) return k + 1;
  }
  return -1;
}

/** Cue verbs whose infinitive usually names an act rather than words. */
const CHAIN_ACTS = new Set(['confirm', 'report', 'deny', 'respond', 'reply', 'post', 'charge', 'state', 'signal', 'indicate', 'estimate', 'continue', 'reject', 'dismiss', 'counter', 'reveal', 'disclose']);

/**
 * "Ham went on to explain …", "Kasich has taken to urging …", "Clinton erred in saying …": a cue in an
 * infinitive or a gerund after another verb shares that verb's subject.
 */
function chainedCue(toks: Token[], i: number, lemma: string): boolean {
  const form = toks[i]?.lower ?? '';
  const prev = toks[i - 1]?.lower ?? '';
  const verbBefore = toks[i - 2] && !toks[i - 2]?.punct && !toks[i - 2]?.cap;
  // "issued a statement saying …", "unleashed tweets early Friday saying …": the participle of their author.
  if (form.endsWith('ing')) {
    let k = i - 1;
    while (k > 0 && i - k <= 3 && (TIME_WORDS.test(toks[k]?.lower ?? '') || ['early', 'late'].includes(toks[k]?.lower ?? ''))) k--;
    if (SPEECH_VEHICLES.has(toks[k]?.lower ?? '')) return true;
  }
  // ("a majority to confirm justices", "to respond in kind", "to deny him a path": acts, not words.)
  if (prev === 'to') return form === lemma && !!verbBefore && !CHAIN_ACTS.has(lemma);
  return ['in', 'on'].includes(prev) && form.endsWith('ing') && !!verbBefore;
}

/**
 * “…,” Trump said last month on Twitter, “…”: the quote after the cue resumes the same statement when only
 * punctuation, or a short adverbial with no verb of saying that ends in a comma, stands between them.
 */
function resumesAfterCue(text: string, toks: Token[], last: number, q: QuoteSpan): boolean {
  const from = toks[last]?.end ?? 0;
  if (onlyPunctuationBetween(text, from, q.start)) return true;
  if (!/,\s*$/.test(text.slice(from, q.start))) return false;
  const between = toks.filter((t) => t.start >= from && t.end <= q.start);
  // A participle of the same speaker (", referring to the 1 percent excuse,") does not change who speaks.
  return between.length <= 12 && between.every((t) => !t.quoted && (!CUE_FORMS.has(t.lower) || t.lower.endsWith('ing')) && !['.', ';', '!', '?', ':'].includes(t.text));
}

const HEADLINE_ADVERBS = new Set(['just', 'now', 'also', 'again', 'still', 'finally']);

const TAG_VERBS_IRREGULAR = new Set(['shot', 'sang', 'spoke', 'wrote', 'told', 'said', 'put', 'began', 'went', 'broke', 'threw', 'hit', 'swore']);

/** A lower-case past or present verb that can carry a speech tag ("shot back", "interjected", "sings"). */
function looksLikeTagVerb(t: Token): boolean {
  if (t.punct || t.cap || t.quoted || AUXILIARIES.has(t.lower)) return false;
  return TAG_VERBS_IRREGULAR.has(t.lower) || /[^aeiou]ed$|[^s'’]s$/.test(t.lower) && !['has', 'was', 'is', 'does', 'its', 'this', 'his', 'us'].includes(t.lower);
}

/**
 * "…, explained Rosenberg, “with this thing …”" and "The paradox, says Carl Anthony, historian at the library, is
 * that …": after an inverted cue the sentence resumes — at a quotation, or past the speaker's description.
 */
function resumeAfterInvertedCue(toks: Token[], nameEnd: number): Token | null {
  if (toks[nameEnd]?.text !== ',') return null;
  const first = toks[nameEnd + 1];
  if (!first) return null;
  if (first.quoted || toks[nameEnd + 2]?.quoted) return first;
  const close = findComma(toks, nameEnd + 1, 14);
  if (close < 0) return null;
  const description = toks.slice(nameEnd + 1, close);
  const resumed = toks[close + 1];
  const opener = description[0];
  const described = description.some(isRoleWord) || (opener !== undefined && !opener.cap && !opener.punct && !CUE_FORMS.has(opener.lower) && !opener.lower.endsWith('ing') && !['who', 'which', 'and', 'but'].includes(opener.lower));
  if (!resumed || resumed.cap || resumed.punct || CUE_FORMS.has(resumed.lower) || !described) return null;
  return resumed;
}

/** “But why?” reporter Jane Roe asked: one to three lower-case description words between a quote's comma or mark and the name. */
function onlyDescriptorBetween(toks: Token[], q: QuoteSpan, subjectStart: number): boolean {
  const between = toks.filter((t, k) => t.start >= q.end && k < subjectStart);
  if (between.length === 0 || between.length > 3) return false;
  return between.every((t) => !t.punct && !t.cap && !t.quoted && !CUE_FORMS.has(t.lower) && !AUXILIARIES.has(t.lower) && !NOT_NAMES.has(t.lower) && !GENERIC_SUBJECTS.has(t.lower));
}

/** "As X said, …" and "If X says …" frame what follows; the other subordinators close their clause at the comma. */
const LEADING_SUBORDINATORS = new Set([...CLAUSE_SUBORDINATORS].filter((w) => w !== 'as' && w !== 'if'));

/** The cue at i stands in an opening "After X testified," clause: a subordinator starts the sentence, a comma closes it. */
function inLeadingSubordinateClause(toks: Token[], i: number): boolean {
  if (!LEADING_SUBORDINATORS.has(toks[0]?.lower ?? '') || i > 8) return false;
  if (toks.slice(1, i).some((t) => t.punct || t.quoted)) return false;
  const clause = toks.slice(i + 1, i + 10);
  const comma = clause.findIndex((t) => t.text === ',');
  return comma >= 0 && clause.slice(0, comma).every((t) => !t.quoted && !t.punct && t.lower !== 'that');
}

/** After a quote that opens its sentence, a few plain words end it: no cue, no name, no second quote. */
function quoteTailsOff(unit: Unit, q: QuoteSpan): boolean {
  const tail = unit.tokens.filter((t) => t.start >= q.end);
  const words = tail.filter((t) => !t.punct);
  return words.length > 0 && words.length <= 8 && !unit.quotes.some((o) => o.start >= q.end) &&
    words.every((t) => !t.cap && !CUE_FORMS.has(t.lower)) && tail.every((t) => !['(', ':', ';'].includes(t.text));
}

/** "A lawyer for the news outlets," before a comma at `comma`: a short description that opens the sentence. */
function describedBefore(toks: Token[], comma: number): boolean {
  let k = comma - 1;
  while (k >= 0 && !toks[k]?.punct && comma - k <= 10) k--;
  // It may follow a short leading adverbial: "In a statement, one of the family's lawyers, Ann Roe, said".
  if (k >= 0 && !(toks[k]?.text === ',' && shortLeadingAdverb(toks, k + 1))) return false;
  const phrase = toks.slice(k + 1, comma);
  const first = phrase[0];
  // "Nevada's governor, Ann Roe,", "Her campaign manager, Ann Roe,": an owner opens a short description.
  if (first && (first.possessive || ['his', 'her', 'their', 'its'].includes(first.lower)) && phrase.length <= 4) return true;
  return ['a', 'an', 'the', 'one', 'another'].includes(first?.lower ?? '') && phrase.some((t) => isRoleWord(t) || ROLE_NOUNS.has(t.lower.replace(/s$/, '')));
}

/** "Instead," / "On Monday," / "In a statement," before the subject at `from`: up to four words and a comma. */
function shortLeadingAdverb(toks: Token[], from: number): boolean {
  if (from < 2 || from > 5 || toks[from - 1]?.text !== ',') return false;
  const words = toks.slice(0, from - 1);
  if (!words.every((t) => !t.punct && !t.quoted && !CUE_FORMS.has(t.lower))) return false;
  // An adverb or a prepositional phrase, not a noun phrase ("The new pumps, Solberg said, will …").
  const first = words[0] as Token;
  if (LEADING_WORDS.has(first.lower) || PREPOSITIONAL_START.has(first.lower)) return true;
  return words.length === 1 && (/ly$/.test(first.lower) || ['instead', 'meanwhile', 'however', 'still', 'now', 'yet', 'again', 'separately', 'earlier', 'later', 'then'].includes(first.lower));
}

/** Past participles of verbs whose object is the one spoken to: passive, they name the listener. */
const PASSIVE_PARTICIPLES = new Set(['told', 'asked', 'informed', 'reminded', 'assured', 'reassured', 'urged', 'warned', 'advised', 'pressed']);
/** Words before such a participle that make it passive: "When told …", "was asked …". */
const BEFORE_PASSIVE = new Set(['when', 'if', 'once', 'unless', 'until', 'after', 'before', 'while', 'was', 'were', 'been', 'being', 'be', 'is', 'are', 'get', 'got']);

/** Articles and possessive determiners: a noun phrase starts after one. */
const OBJECT_DETERMINERS_LIST = ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your'];

/** Words before a noun: a cue form after them is the noun ("the claims", "from remarks", "his comments"). */
const NOUN_CONTEXT = new Set([...OBJECT_DETERMINERS_LIST, 'these', 'those', 'such', 'some', 'many', 'any', 'no', 'from', 'of', 'several', 'other', 'whose']);

/** -s forms of object cues that are mostly nouns: "the Paris attacks", "thanks to", "blasts of cold air". */
const NOUN_LIKE_S = new Set(['attacks', 'thanks', 'blasts']);

const UNAMBIGUOUS_S_CUES = new Set(['say', 'tell', 'add', 'write', 'insist', 'argue', 'explain', 'ask', 'urge', 'warn', 'predict', 'acknowledge', 'admit']);

const LEADING_WORDS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'since', 'because', 'although', 'though', 'if', 'despite', 'amid', 'following', 'with', 'without', 'for', 'from', 'by', 'unlike', 'like', 'asked', 'once', 'until', 'whereas']);

/**
 * "When asked whom she supported, Ms. Sherry smiled and said …", "Before the Paris attacks, Trump took …":
 * the token after a leading adverbial clause (opened by a preposition, subordinator or participle and closed
 * by a comma before the cue), where the main clause's subject can start; 0 when there is none.
 */
function leadingClauseEnd(toks: Token[], i: number): number {
  // "In June 2009, after Clinton fell ill, Axelrod emailed her …": adverbials may follow one another.
  let start = 0;
  for (let clause = 0; clause < 3; clause++) {
    const first = toks[start];
    if (!first || !(LEADING_WORDS.has(first.lower) || (clause === 0 && /^\p{L}{3,}(?:ing|ed)$/u.test(first.text)))) return start;
    let end = 0;
    for (let k = start + 1; k < i - 1; k++) {
      if (toks[k]?.quoted) return start;
      if (toks[k]?.text === ',') {
        end = k + 1;
        break;
      }
    }
    if (!end) return start;
    start = end;
  }
  return start;
}

/** "in Columbus, Ohio," / "Salem, New Hampshire": the second name of a place pair after a preposition. */
function isPlaceTail(toks: Token[], runs: NameRun[], run: NameRun): boolean {
  // The pair is closed by a mark ("in Salem, New Hampshire, Trump …"); "in Ottawa, Trump was …" is not one.
  if (toks[run.phraseFrom - 1]?.text !== ',' || (toks[run.to] !== undefined && !toks[run.to]?.punct)) return false;
  const head = runs.find((r) => r.to === run.phraseFrom - 1);
  return head !== undefined && isAfterPreposition(toks, head.phraseFrom);
}

/** "Rep. Jim Jordan (R-Ohio)": from a closing bracket at k, the token before its opening one. */
function skipBracketsBack(toks: Token[], k: number): number {
  if (toks[k]?.text !== ')') return k;
  for (let j = k - 1; j >= 0 && k - j < 12; j--) if (toks[j]?.text === '(') return j - 1;
  return k;
}

/** "called Trump a “pathological liar”": a quotation opens within a few words, in the same clause. */
function quoteSoonAfter(toks: Token[], i: number): boolean {
  for (let k = i + 1; k < toks.length && k <= i + 8; k++) {
    const t = toks[k] as Token;
    if (t.quoted) return k > i + 1;
    if (t.punct && t.text !== '’' && t.text !== "'" && t.text !== '"' && t.text !== '“' && t.text !== '-') return false;
  }
  return false;
}

/**
 * "called it a common ailment", "called the charges fabricated", "calling him a liar": a verb of naming
 * with an object and what it is called. A pronoun object must be followed by the name given, not by a
 * particle ("called him back", "called them to the stage"); a name by "a"/"an" and the name given.
 */
function namesSomething(toks: Token[], i: number): boolean {
  const object = toks[i + 1];
  const then = toks[i + 2];
  if (!object || !then || then.punct || then.quoted) return false;
  // ("calls her mother every Sunday": "her" is as often a possessive, so it needs the article of a name given.)
  if (object.lower === 'her') return ['a', 'an'].includes(then.lower);
  if (['it', 'him', 'them', 'himself', 'herself', 'themselves'].includes(object.lower)) {
    return !NOT_A_NAME_GIVEN.has(then.lower) && !WEEKDAYS.test(then.lower);
  }
  // "called Trump a liar", "has called climate change a hoax": a name or a short noun phrase, then the
  // article of the name given to it (not "called the police a second time").
  let k = i + 1;
  while (k < toks.length && k <= i + 4 && !(toks[k] as Token).punct && !(toks[k] as Token).quoted && !['a', 'an'].includes((toks[k] as Token).lower) &&
    !CUE_FORMS.has((toks[k] as Token).lower) && !NOT_A_NAME_GIVEN.has((toks[k] as Token).lower)) k++;
  return k > i + 1 && ['a', 'an'].includes(toks[k]?.lower ?? '') && !['second', 'third', 'few', 'lot', 'number', 'day', 'week', 'year', 'time', 'bit', 'couple', 'meeting', 'press', 'news', 'vote', 'halt', 'truce', 'strike'].includes(toks[k + 1]?.lower ?? '');
}

const NOT_A_NAME_GIVEN = new Set(['back', 'up', 'off', 'out', 'to', 'on', 'in', 'at', 'for', 'from', 'over', 'into', 'and', 'or',
  'with', 'by', 'about', 'after', 'before', 'during', 'last', 'this', 'again', 'yesterday', 'today', 'when', 'while', 'as']);

/** "criticised the so-called “green levy”": the quotation names a thing, it does not report words. */
function namesAQuote(toks: Token[], i: number): boolean {
  let k = i + 1;
  while (k < toks.length && !(toks[k] as Token).quoted) k++;
  const before = toks[k - 1]?.punct ? toks[k - 2] : toks[k - 1];
  return ['the', 'so-called', 'dubbed', 'its', 'their', 'his', 'her'].includes(before?.lower ?? '');
}

/** "R-Fla.", "D-N.Y.": a US party-and-state tag after a lawmaker's name, never a speaker. */
function isPartyTag(toks: Token[], subject: Subject): boolean {
  return subject.to - subject.from === 1 && /^[RDI]-[\p{Lu}]/u.test(toks[subject.from]?.text ?? '');
}

/** The token after the nearest comma, bracket, colon or dash before i (0 when none): where i's clause starts. */
function clauseStart(toks: Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    const t = toks[k] as Token;
    if (!t.quoted && ([',', '(', ';', ':'].includes(t.text) || isDash(toks, k))) return k + 1;
  }
  return 0;
}

/**
 * A verb far from its subject counts as saying only when a clause or a quotation follows it: "to explain how",
 * "to tell Garland that", "on urging voters to …"; not "to confirm justices", "to maintaining the relationship".
 */
function reportsClause(toks: Token[], i: number): boolean {
  const lemma = CUE_FORMS.get(toks[i]?.lower ?? '') ?? '';
  const c = TELL_LIKE.has(lemma) ? skipObject(toks, i + 1) : i + 1;
  const next = toks[c];
  if (!next) return false;
  if (['that', 'how', 'why', 'what', 'whether', 'if'].includes(next.lower) || ['“', '"', "''", ':'].includes(next.text)) return true;
  return TELL_LIKE.has(lemma) && c > i + 1 && next.lower === 'to';
}

/** Things that carry words: "a statement saying", "a series of tweets early Friday saying". */
const MESSAGE_NOUNS = new Set(['statement', 'statements', 'tweet', 'tweets', 'post', 'posts', 'message', 'messages', 'letter', 'letters', 'response', 'reply', 'ad', 'ads', 'advertisement', 'video', 'release', 'email', 'e-mail', 'memo', 'note', 'op-ed', 'column', 'speech', 'remarks', 'interview', 'filing', 'complaint', 'lawsuit', 'petition', 'report', 'announcement', 'editorial', 'essay', 'article', 'book', 'broadside', 'rebuttal']);

/** An -ing verb of saying after a message the clause's subject put out, with no mark between. */
function messageBefore(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 6; k--) {
    const t = toks[k] as Token;
    if (t.punct || t.quoted) return false;
    if (MESSAGE_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/** "GOP front-runner Donald Trump", "Retired general Ann Wu": a few description words open the clause before the name. */
function describedLead(toks: Token[], from: number): boolean {
  let k = from - 1;
  while (k >= 0 && from - k <= 5) {
    const t = toks[k] as Token;
    // "And North Carolina’s Ada Fisher, …, said": a conjunction opening the sentence, not "Davis and author Ann Lee".
    if (t.punct || t.quoted || (['and', 'but', 'so', 'then', 'meanwhile', 'also'].includes(t.lower) && (k === 0 || toks[k - 1]?.punct))) break;
    if (CUE_FORMS.has(t.lower) || NOT_DESCRIPTION.has(t.lower) || !DESCRIPTION_WORD.test(t.text)) return false;
    k--;
  }
  return k < from - 1 && opensClause(toks, k + 1);
}

function lastColonBefore(toks: Token[], at: number): number {
  for (let k = at - 1; k >= 0; k--) if (toks[k]?.text === ':' && !toks[k]?.quoted) return k;
  return -1;
}

/** A subject opens its clause: first in the sentence, or after punctuation or a conjunction. */
function opensClause(toks: Token[], from: number): boolean {
  const prev = toks[from - 1];
  return !prev || prev.punct || ['and', 'but', 'so', 'then', 'while', 'meanwhile', 'also'].includes(prev.lower);
}

function stripArticle(phrase: Token[]): Token[] {
  return ['a', 'an', 'the'].includes(phrase[0]?.lower ?? '') ? phrase.slice(1) : phrase;
}

function joinTokens(text: string, phrase: Token[]): string {
  if (phrase.length === 0) return '';
  return text.slice((phrase[0] as Token).start, (phrase[phrase.length - 1] as Token).end);
}

function isAfterPreposition(toks: Token[], from: number): boolean {
  return ['from', 'with', 'by', 'to', 'of', 'for', 'against', 'about', 'on', 'at', 'in', 'alongside', 'and', 'than', 'met', 'hosted', 'send', 'sending'].includes(toks[from - 1]?.lower ?? '');
}

const PREPOSITIONAL_START = new Set(['in', 'on', 'at', 'during', 'to', 'after', 'before', 'with', 'via', 'from', 'through', 'late', 'early', 'earlier', 'last', 'this', 'publicly', 'privately', 'repeatedly', 'also', 'again', 'then', 'recently', 'previously', 'separately', 'later', 'yesterday', 'today', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** "told reporters", "told the BBC", "urged Ukraine's allies": the person told is not the content. */
function skipObject(toks: Token[], c: number): number {
  let k = c;
  const limit = c + 7;
  let determined = false;
  while (k < toks.length && k < limit) {
    const t = toks[k] as Token;
    // "his 20,000 Twitter followers": the comma of a number.
    if (t.text === ',' && /^\d+$/.test(toks[k - 1]?.text ?? '') && /^\d{3}$/.test(toks[k + 1]?.text ?? '')) {
      k += 2;
      continue;
    }
    // "tells MSNBC’s “Morning Joe” on Friday that …": the name of a show after its owner is part of the object.
    if ((t.quoted || QUOTE_MARKS.has(t.text)) && toks[k - 1]?.possessive) {
      while (k < toks.length && ((toks[k] as Token).quoted || QUOTE_MARKS.has((toks[k] as Token).text))) k++;
      continue;
    }
    if (t.punct || t.quoted || t.lower === 'that' || t.lower === 'to') break;
    if (CUE_FORMS.has(t.lower) && !t.cap) break; // ("told The Huffington Post": a name, not the verb "post")
    const determiner = OBJECT_DETERMINERS.has(t.lower) || t.possessive;
    if (determiner && determined && !t.possessive) break; // "told the committee the plan was dead": a second noun phrase is the content
    determined ||= determiner;
    k++;
    if (!t.cap && !determiner && !(determined && nounPhraseGoesOn(toks, k))) break;
  }
  return k;
}

const OBJECT_DETERMINERS = new Set(OBJECT_DETERMINERS_LIST);

/** "told his radio audience, “…”": after a determiner, a lowercase word goes on the noun phrase when another follows before a comma, colon or "that". */
function nounPhraseGoesOn(toks: Token[], k: number): boolean {
  for (let j = k; j < toks.length && j < k + 2; j++) {
    const t = toks[j] as Token;
    if (t.lower === 'that') return j > k; // "assured his hometown residents that …"
    if (t.quoted || OBJECT_DETERMINERS.has(t.lower) || CUE_FORMS.has(t.lower)) return false;
    if (t.text === ',' && /^\d+$/.test(toks[j - 1]?.text ?? '') && /^\d{3}$/.test(toks[j + 1]?.text ?? '')) return true;
    if (t.text === ',' || t.text === ':') return true;
    if (t.punct) return false;
  }
  return false;
}

/** "asserted that, abortion aside, Planned Parenthood did …": the content starts after a short aside in commas. */
function afterAside(toks: Token[], c: number): number {
  if (toks[c]?.text !== ',') return c;
  const close = toks.findIndex((t, k) => k > c && k <= c + 8 && t.text === ',');
  return close > 0 && toks.slice(c + 1, close).every((t) => !t.quoted && !t.punct) && toks[close + 1] ? close + 1 : c;
}

const QUOTE_MARKS = new Set(["'", '"', '”', '’', '“', '‘', "''"]);

/**
 * A cue whose subject may follow it: "…,” said Smith", "…, says Smith.", "Said Smith: …". After a word
 * ("chairs predicted Clinton will …") the name after the cue is the content's own subject.
 */
function invertedPosition(toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  return !prev || prev.punct || prev.quoted || AUXILIARIES.has(prev.lower);
}

/** Words of a time adverbial between a nominal cue and its content: "statement earlier this year that". */
const TIME_WORDS = /^(earlier|later|this|last|next|year|week|month|morning|night|evening|today|yesterday|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/;

/** "two months ago", "last week": words that say when and nothing else. */
function onlyATime(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).every((w) => TIME_WORDS.test(w.toLowerCase()) || ['ago', 'two', 'three', 'several', 'few', 'days', 'weeks', 'months', 'years', 'a'].includes(w.toLowerCase()));
}

/** At most four words and no quotation or "that" from c to the sentence's end: no content of its own. */
function shortTail(toks: Token[], c: number): boolean {
  const rest = toks.slice(c);
  return rest.every((t) => !t.quoted && t.lower !== 'that') && rest.filter((t) => !t.punct).length <= 4;
}

/** Skips "in a statement", "on Saturday", "in a post on X" up to a following "that", if one comes soon. */
function skipToThat(toks: Token[], c: number): number {
  // "said — on Twitter, as it happens — that Trump raised …": a dashed aside before the content.
  if (['—', '–', '―', '-'].includes(toks[c]?.text ?? '')) {
    const close = toks.findIndex((t, k) => k > c && k < c + 12 && ['—', '–', '―', '-'].includes(t.text));
    if (close > 0 && toks[close + 1] && !toks[close + 1]?.punct) c = toks[close + 1]?.text === '-' ? close + 2 : close + 1;
  }
  if (toks[c]?.lower === 'that') return afterAside(toks, c + 1);
  if (!PREPOSITIONAL_START.has(toks[c]?.lower ?? '')) return c;
  for (let k = c; k < toks.length && k < c + 12; k++) {
    const t = toks[k] as Token;
    if (t.quoted) break;
    if (t.lower === 'that') return afterAside(toks, k + 1);
    if (t.punct && t.text !== ',' && t.text !== '-') break;
    if (CUE_FORMS.has(t.lower) && k > c) break;
  }
  return c;
}

/**
 * A quotation that follows a word of its own sentence (not a sentence start, colon, comma or dash): a title
 * when its words are capitalised (“Sunday Morning Futures”), else a partial quote inside reported speech.
 */
function embeddedAfterWord(text: string, unitStart: number, q: QuoteSpan): 'title' | 'partial' | null {
  let k = q.start - 1;
  while (k >= unitStart && text[k] === ' ') k--;
  if (k < unitStart || !/[\p{L}\p{N}]/u.test(text[k] as string)) return null;
  const words = text.slice(q.innerStart, q.innerEnd).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w)) ? 'title' : 'partial';
}

/** A quotation that is the title of a work named just before it: "his book, ''Make Your Kid a Millionaire''". */
function namedWork(text: string, unitStart: number, q: QuoteSpan): boolean {
  const before = text.slice(unitStart, q.start).match(/(\p{L}+)\W*$/u)?.[1]?.toLowerCase() ?? '';
  if (!WORK_NOUNS.has(before)) return false;
  const words = text.slice(q.innerStart, q.innerEnd).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w));
}

const WORK_NOUNS = new Set(['book', 'memoir', 'column', 'essay', 'article', 'film', 'movie', 'documentary', 'show', 'program',
  'programme', 'song', 'album', 'play', 'novel', 'report', 'titled', 'entitled', 'called', 'headlined', 'dubbed', 'series', 'podcast']);

function onlyPunctuationBetween(text: string, from: number, to: number): boolean {
  if (to < from) return false;
  return !/[\p{L}\p{N}]/u.test(text.slice(from, to));
}

/**
 * The end of an object cue's content: "criticized Bush, shows how …", "denounced her record and said …".
 * The object and its complements rarely hold a comma; a comma, dash or bracket, or "and"/"but" before a
 * new verb, starts the next part of the sentence.
 */
function objectPhraseEnd(text: string, unit: Unit, toks: Token[], from: number): number {
  for (let k = from + 1; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.quoted) continue;
    const next = toks[k + 1];
    // "criticized Tulsa, Okla., police officer Betty Shelby for …", "blamed several factors, including …": not the end.
    if (t.text === ',' && next && ((next.cap && toks[k + 2]?.text === ',') || ['including', 'notably', 'especially'].includes(next.lower))) {
      if (next.cap) k += 2;
      continue;
    }
    // "cited problems in the Middle East, China and elsewhere": a comma inside a list of objects.
    if (t.text === ',' && listGoesOn(toks, k + 1)) continue;
    if ([',', ';', '—', '–', '(', ':'].includes(t.text) || (t.text === '-' && next?.text === '-')) return t.start;
    if ((t.lower === 'and' || t.lower === 'but') && next && (CUE_FORMS.has(next.lower) || NEW_VERB_AFTER_AND.has(next.lower) || /^\p{Ll}+ed$/u.test(next.text))) return t.start;
    // "attacked Machado in early-morning tweets", "defended his father Tuesday on Facebook": where and
    // when it was said is not what was said.
    if (CIRCUMSTANCE_OPENERS.has(t.lower)) return t.start;
    // ("blasted Trump on Monday over his stance": what follows the day still says what.)
    if (WEEKDAYS.test(t.lower) && !['over', 'for', 'as', 'about'].includes(next?.lower ?? '')) return (['on', 'last', 'this'].includes(toks[k - 1]?.lower ?? '') ? (toks[k - 1] as Token) : t).start;
    if (SETTING_PREPOSITIONS.has(t.lower) && settingFollows(toks, k + 1)) return t.start;
  }
  return contentEnd(text, unit);
}

/** Words that open a second predicate after "and"/"but": "referred to jihadism but was careful …". */
const NEW_VERB_AFTER_AND = new Set(['was', 'is', 'were', 'are', 'has', 'had', 'have', 'did', 'does', 'will', 'would', 'could',
  'also', 'then', 'always', 'never', 'later', 'made', 'gave', 'took', 'went', 'got', 'won', 'lost', 'left', 'spoke', 'told']);

/** A subordinate clause after the object tells the circumstances: "spoke of her ties to churches while at …". */
const CIRCUMSTANCE_OPENERS = new Set(['while', 'when', 'because', 'although', 'though', 'whereas', 'after', 'before', 'during', 'since', 'amid']);

/** From k, a few words without a verb and then "and"/"or" and no verb: the next item of a list. */
function listGoesOn(toks: Token[], k: number): boolean {
  for (let j = k; j < toks.length && j < k + 5; j++) {
    const t = toks[j] as Token;
    if (t.punct || t.quoted || CUE_FORMS.has(t.lower) || NEW_VERB_AFTER_AND.has(t.lower) || /^\p{Ll}{3,}ed$/u.test(t.text)) return false;
    if ((t.lower === 'and' || t.lower === 'or') && j > k) {
      const after = toks[j + 1];
      return !!after && !after.punct && !CUE_FORMS.has(after.lower) && !NEW_VERB_AFTER_AND.has(after.lower) && !/^\p{Ll}{3,}ed$/u.test(after.text);
    }
  }
  return false;
}

const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)$/;
const SETTING_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'before', 'via', 'through']);
/** Words naming where words were said: the medium or the occasion. */
const SETTING_NOUNS = new Set(['twitter', 'facebook', 'tweet', 'tweets', 'interview', 'interviews', 'statement', 'speech',
  'address', 'debate', 'rally', 'meeting', 'diatribe', 'appearance', 'op-ed', 'post', 'remarks', 'conference', 'forum',
  'hearing', 'broadcast', 'video', 'ad', 'letter', 'email', 'column', 'editorial', 'radio', 'television', 'tv', 'podcast']);

/** A prepositional phrase of at most six words from k that names a medium or occasion ("in a Tuesday interview"). */
function settingFollows(toks: Token[], k: number): boolean {
  for (let j = k; j < toks.length && j < k + 6; j++) {
    const t = toks[j] as Token;
    if (t.punct || t.quoted) return false;
    if (SETTING_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/**
 * The end of reported content after its cue: the sentence's end, or where the speaker's next act of
 * saying starts ("said A and added B", "said A, saying B"), which is a statement of its own.
 */
function clauseContentEnd(text: string, unit: Unit, toks: Token[], from: number): number {
  for (let k = from + 1; k < toks.length - 1; k++) {
    const t = toks[k] as Token;
    const next = toks[k + 1] as Token;
    if (t.quoted || next.quoted) continue;
    if ((t.lower === 'and' || t.lower === 'but') && CUE_FORMS.has(next.lower) && !next.lower.endsWith('ing')) return t.start;
    // "said Trump’s visit to Des Moines — Iowa’s biggest market — would earn …": a dashed aside inside the
    // content; "… - which was exactly her goal": a dash before the writer's own comment.
    if (isDash(toks, k)) {
      const close = toks.findIndex((_, j) => j > k && isDash(toks, j));
      if (close > 0) {
        k = close;
        continue;
      }
      if (DASH_COMMENT.has(next.lower)) return t.start;
    }
  }
  return contentEnd(text, unit);
}

/** Words that, after a dash, open the writer's comment on what was said rather than more of it. */
const DASH_COMMENT = new Set(['which', 'and', 'but', 'something', 'even', 'while', 'as', 'though', 'although', 'a', 'an']);

/** End of the unit's content, without the final period. */
function contentEnd(text: string, unit: Unit): number {
  let end = unit.end;
  while (end > unit.start && /[\s.]/.test(text[end - 1] as string)) end--;
  return end;
}

/** Trims white space and stray punctuation from a span's ends, keeping closing quote marks balanced. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] as string)) s++;
  while (e > s && /[\s,;:—–-]/.test(text[e - 1] as string)) e--;
  // "… the timing was unrelated.)": a bracket closed outside the span.
  if (text[e - 1] === ')' && !text.slice(s, e).includes('(')) {
    e--;
    while (e > s && /[\s.,;:]/.test(text[e - 1] as string)) e--;
  }
  return [s, e];
}

export function extractArticle(article: Article): ArticleAttribution {
  return new ArticleExtractor(article).run();
}

