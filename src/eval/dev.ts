// Scores the whole engine path (loader → attribution) against an annotated news corpus in the
// attribution-dev format: DIR/articles/*.txt (+ sources.json) and DIR/attributions.jsonl.
//
// Rule (see that folder's README): gold = speech attributions with a named source. Persons match by
// surname (last capitalised word of the gold source) against our speaker's name and aliases. Tokens
// are words by position in the raw article text.
// - Recall: a gold attribution is found when our statements for that person, in that file, cover
//   ≥ 50% of its content tokens.
// - Precision: a statement is right when ≥ 50% of its tokens lie in the content of a gold attribution
//   (speech or not) whose named source is the same person. A statement that is not right is left out
//   of precision when its tokens lie mostly (≥ 50%) in gold content whose source is a pronoun, a
//   description, a group or none: the gold does not say who that is, so it cannot judge our speaker.
//   Every other statement that is not right counts against precision.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { create, insertMultiple } from '@orama/orama';
import { attributeCorpus } from '../attribution/index.js';
import type { AttributionOptions } from '../attribution/index.js';
import { loadCorpus } from '../corpus/load.js';
import { fold } from '../text/normalize.js';
import type { Article, PersonRecord, Statement, StatementKind } from '../types.js';
import type { ArticleTokens, GoldAttribution } from './gold.js';
import { NAME_SUFFIXES, goldKind, goldSurname, parseGold, placeParagraphs, tokensIn, wordTokens } from './gold.js';

export type { GoldAttribution, SourceKind } from './gold.js';
export { goldKind, goldSurname, parseGold, placeParagraphs } from './gold.js';

export interface Ratio {
  hit: number;
  total: number;
}

export interface Miss {
  file: string;
  paragraph: number | null;
  source: string;
  kind: StatementKind;
  coverage: number;
  /** Content tokens not covered by our statements for that person. */
  lost: number;
  content: string;
  /** Who we gave the content to instead, if anyone. */
  ours: string[];
}

export interface FalseAttribution {
  file: string;
  paragraph: number;
  speaker: string;
  kind: StatementKind;
  tokens: number;
  text: string;
  /** The gold source of the content, when the gold has one there. */
  gold: string | null;
}

export interface DevScore {
  articles: number;
  statements: number;
  overall: { recall: Ratio; precision: Ratio; excluded: number };
  bySplit: Record<string, { recall: Ratio; precision: Ratio }>;
  /** Recall by gold kind, precision by our kind. */
  byKind: Record<StatementKind, { recall: Ratio; precision: Ratio }>;
  /** name: person-matched recall; others: content covered by a statement of anyone (the gold names no person). */
  bySourceKind: Record<string, Ratio>;
  /** Named gold content that some statement covers (≥ 50%): how often that statement's speaker is the right person. */
  speakerAccuracy: Ratio;
  misses: Miss[];
  falseAttributions: FalseAttribution[];
  /** Raw article text for paragraphs the loader's cleaning could not place in the file. */
  unplaced: number;
  /** Gold outside every kept paragraph (the headline, lines the cleaner dropped): no statement can hold it. */
  outsideParagraphs: { headline: number; dropped: number };
  /** attributeMs and oramaInsertMs are second (warm) runs; coldMs is the first attribution run. */
  timing: { coldMs: number; attributeMs: number; oramaInsertMs: number; paragraphs: number };
}

function personSurnames(p: PersonRecord): Set<string> {
  const out = new Set<string>();
  for (const n of [p.name, ...p.aliases]) {
    const parts = fold(n)
      .split(/\s+/)
      .map((w) => w.replace(/[.,]+$/, ''))
      .filter((w) => !NAME_SUFFIXES.has(w));
    const last = parts[parts.length - 1];
    if (last) out.add(last.replace(/[.'’]+$/, ''));
  }
  return out;
}

export function ratio(r: Ratio): number {
  return r.total ? r.hit / r.total : 1;
}

export function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

const newRatio = (): Ratio => ({ hit: 0, total: 0 });

/** An annotated corpus read once: its articles through our loader, the gold, and each file's raw text. */
export interface DevData {
  articleDir: string;
  articles: Article[];
  gold: GoldAttribution[];
  /** Raw text per gold file (null when unreadable). */
  raw: Map<string, string | null>;
}

/** Which split is scored and listed: one of them, or all (each still reported apart). */
export type SplitFilter = 'train' | 'dev' | 'all';

export async function loadDev(dir: string): Promise<DevData> {
  const articleDir = path.join(dir, 'articles');
  const gold = parseGold(await readFile(path.join(dir, 'attributions.jsonl'), 'utf8'));
  const { articles } = await loadCorpus(articleDir);
  const raw = new Map<string, string | null>();
  for (const file of new Set(gold.map((g) => g.file))) raw.set(file, await readFile(path.join(articleDir, file), 'utf8').catch(() => null));
  return { articleDir, articles, gold, raw };
}

/** What scoring needs of one file whatever the attribution: its words, where its paragraphs are, its gold as words. */
interface FilePrep {
  tokens: ArticleTokens;
  placed: Map<number, (offset: number) => number>;
  goldTokens: number[][];
  /** Token → gold attributions covering it. */
  owner: Map<number, number[]>;
  surnameOfGold: (string | null)[];
}

const prepared = new WeakMap<DevData, Map<string, FilePrep>>();

/** Prepared once per file and corpus, so that runs of the ablation only redo what depends on the statements. */
function prepareFile(data: DevData, file: string, raw: string, article: Article | undefined, golds: GoldAttribution[]): FilePrep {
  const cache = prepared.get(data) ?? new Map<string, FilePrep>();
  prepared.set(data, cache);
  const hit = cache.get(file);
  if (hit) return hit;
  const tokens = wordTokens(raw);
  const placed = article ? placeParagraphs(raw, article.paragraphs) : new Map<number, (o: number) => number>();
  const goldTokens = golds.map((g) => tokensIn(tokens, g.content_span));
  const owner = new Map<number, number[]>();
  goldTokens.forEach((ts, gi) => {
    for (const t of ts) owner.set(t, [...(owner.get(t) ?? []), gi]);
  });
  const surnameOfGold = golds.map((g) => (g.source_kind === 'name' && g.source ? goldSurname(g.source) : null));
  const prep = { tokens, placed, goldTokens, owner, surnameOfGold };
  cache.set(file, prep);
  return prep;
}

/** Runs loader and attribution on DIR and scores them; nothing is printed. */
export async function scoreDev(dir: string, split: SplitFilter = 'all', options: AttributionOptions = {}): Promise<DevScore> {
  const data = await loadDev(dir);
  const { articles } = data;
  const t0 = performance.now();
  const attribution = attributeCorpus(articles, undefined, options);
  const coldMs = performance.now() - t0;
  // A second run times the rules themselves, without the JIT warming up; Orama gets the same chance.
  const t1 = performance.now();
  attributeCorpus(articles, undefined, options);
  const attributeMs = performance.now() - t1;
  await bareOramaInsert(articles);
  const oramaInsertMs = await bareOramaInsert(articles);
  return scoreAttribution(data, attribution, split, { coldMs, attributeMs, oramaInsertMs, paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0) });
}

/** Scores one attribution of the corpus against its gold, on the files of `split`. */
export function scoreAttribution(
  data: DevData,
  attribution: { people: PersonRecord[]; statements: Statement[] },
  split: SplitFilter,
  timing: DevScore['timing'],
): DevScore {
  const { articles, gold } = data;
  const { people, statements } = attribution;
  const personById = new Map(people.map((p) => [p.id, p]));
  const surnamesById = new Map(people.map((p) => [p.id, personSurnames(p)]));
  const byFile = new Map<string, Statement[]>();
  const articleOf = new Map<string, Article>();
  for (const a of articles) {
    for (const f of [a.file, ...(a.alsoAt ?? [])]) articleOf.set(f, a);
  }
  for (const s of statements) {
    const a = articleOf.get(s.file);
    for (const f of [s.file, ...(a?.alsoAt ?? [])]) {
      const list = byFile.get(f) ?? [];
      list.push(s.file === f ? s : { ...s, file: f });
      byFile.set(f, list);
    }
  }
  const goldByFile = new Map<string, GoldAttribution[]>();
  for (const g of gold) {
    const list = goldByFile.get(g.file) ?? [];
    list.push(g);
    goldByFile.set(g.file, list);
  }

  const score: DevScore = {
    articles: articles.length,
    statements: statements.length,
    overall: { recall: newRatio(), precision: newRatio(), excluded: 0 },
    bySplit: {},
    byKind: {
      direct: { recall: newRatio(), precision: newRatio() },
      indirect: { recall: newRatio(), precision: newRatio() },
      mixed: { recall: newRatio(), precision: newRatio() },
    },
    bySourceKind: {},
    speakerAccuracy: newRatio(),
    misses: [],
    falseAttributions: [],
    unplaced: 0,
    outsideParagraphs: { headline: 0, dropped: 0 },
    timing,
  };

  const files = [...new Set([...goldByFile.keys()])].sort();
  for (const file of files) {
    const article = articleOf.get(file);
    const raw = data.raw.get(file) ?? null;
    if (raw === null) continue;
    const golds = goldByFile.get(file) ?? [];
    const fileSplit = golds[0]?.split ?? 'unknown';
    if (split !== 'all' && fileSplit !== split) continue;
    const splitScore = score.bySplit[fileSplit] ?? { recall: newRatio(), precision: newRatio() };
    score.bySplit[fileSplit] = splitScore;
    const { tokens, placed, goldTokens, owner, surnameOfGold } = prepareFile(data, file, raw, article, golds);
    if (article) score.unplaced += article.paragraphs.filter((p) => !placed.has(p.n)).length;
    const paragraphStarts = article ? [...placed.entries()].map(([n, at]) => ({ n, start: at(0) })) : [];
    const paragraphAt = (offset: number): number | null => {
      let best: number | null = null;
      for (const p of paragraphStarts) if (p.start <= offset) best = p.n;
      return best;
    };

    // Our statements as token sets.
    const ours = (byFile.get(file) ?? [])
      .map((s) => {
        const at = placed.get(s.paragraph);
        if (!at) return null;
        const spans = s.spans.map(([a, b]) => [at(a), at(b)] as [number, number]);
        return { s, tokens: tokensIn(tokens, spans) };
      })
      .filter((x): x is { s: Statement; tokens: number[] } => x !== null && x.tokens.length > 0);

    const anyone = new Set(ours.flatMap((o) => o.tokens));
    const samePerson = (speaker: string, gi: number): boolean => {
      const sn = surnameOfGold[gi];
      return sn !== null && sn !== undefined && (surnamesById.get(speaker)?.has(sn) ?? false);
    };

    // Recall. The loader keeps the first line as the title and drops short non-sentence lines, so gold
    // there is out of reach of any statement: it is counted apart, not as a miss.
    const headlineEnd = raw.indexOf('\n') < 0 ? raw.length : raw.indexOf('\n');
    const paragraphRanges = article
      ? article.paragraphs
          .filter((p) => placed.has(p.n))
          .map((p) => {
            const at = placed.get(p.n) as (o: number) => number;
            return [at(0), at(p.text.length)] as [number, number];
          })
      : [];
    const inParagraph = (offset: number): boolean => paragraphRanges.some(([s, e]) => offset >= s && offset < e);
    golds.forEach((g, gi) => {
      if (!g.speech) return;
      const first = g.content_span[0]?.[0] ?? 0;
      if (g.source_kind === 'name' && !inParagraph(first)) {
        if (first < headlineEnd) score.outsideParagraphs.headline++;
        else score.outsideParagraphs.dropped++;
        return;
      }
      const ts = goldTokens[gi] as number[];
      if (ts.length === 0) return;
      const kindScore = score.bySourceKind[g.source_kind] ?? newRatio();
      score.bySourceKind[g.source_kind] = kindScore;
      if (g.source_kind !== 'name') {
        // No person to match: count content covered by anyone's statement.
        kindScore.total++;
        if (ts.filter((t) => anyone.has(t)).length / ts.length >= 0.5) kindScore.hit++;
        return;
      }
      const mine = new Set(ours.filter((o) => samePerson(o.s.speaker, gi)).flatMap((o) => o.tokens));
      const coveredCount = ts.filter((t) => mine.has(t)).length;
      const found = coveredCount / ts.length >= 0.5;
      if (ts.filter((t) => anyone.has(t)).length / ts.length >= 0.5) {
        score.speakerAccuracy.total++;
        if (found) score.speakerAccuracy.hit++;
      }
      const kind = goldKind(g.content);
      for (const r of [score.overall.recall, splitScore.recall, score.byKind[kind].recall, kindScore]) {
        r.total++;
        if (found) r.hit++;
      }
      if (!found) {
        const others = new Set<string>();
        for (const o of ours) if (o.tokens.some((t) => ts.includes(t))) others.add(personById.get(o.s.speaker)?.name ?? o.s.speaker);
        score.misses.push({
          file,
          paragraph: paragraphAt(g.content_span[0]?.[0] ?? 0),
          source: g.source ?? '',
          kind,
          coverage: coveredCount / ts.length,
          lost: ts.length - coveredCount,
          content: g.content,
          ours: [...others],
        });
      }
    });

    // Precision.
    for (const o of ours) {
      const right = o.tokens.filter((t) => (owner.get(t) ?? []).some((gi) => samePerson(o.s.speaker, gi))).length;
      const correct = right / o.tokens.length >= 0.5;
      if (!correct) {
        const unnamed = o.tokens.filter((t) => {
          const gis = owner.get(t) ?? [];
          return gis.length > 0 && gis.every((gi) => golds[gi]?.source_kind !== 'name');
        }).length;
        if (unnamed / o.tokens.length >= 0.5) {
          score.overall.excluded++;
          continue;
        }
      }
      for (const r of [score.overall.precision, splitScore.precision, score.byKind[o.s.kind].precision]) {
        r.total++;
        if (correct) r.hit++;
      }
      if (!correct) {
        const counts = new Map<number, number>();
        for (const t of o.tokens) for (const gi of owner.get(t) ?? []) counts.set(gi, (counts.get(gi) ?? 0) + 1);
        const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
        const g = top ? golds[top[0]] : undefined;
        score.falseAttributions.push({
          file,
          paragraph: o.s.paragraph,
          speaker: personById.get(o.s.speaker)?.name ?? o.s.speaker,
          kind: o.s.kind,
          tokens: o.tokens.length,
          text: o.s.text,
          gold: g ? `${g.source ?? '(no source)'} [${g.source_kind}${g.speech ? '' : ', not speech'}]` : null,
        });
      }
    }
  }
  score.misses.sort((a, b) => b.lost - a.lost);
  score.falseAttributions.sort((a, b) => b.tokens - a.tokens);
  return score;
}

/** The same paragraphs inserted in a bare Orama index: the yardstick the extraction time is held to. */
async function bareOramaInsert(articles: Article[]): Promise<number> {
  const db = create({ schema: { text: 'string', file: 'string', paragraph: 'number' } as const });
  const docs = articles.flatMap((a) => a.paragraphs.map((p) => ({ text: p.text, file: a.file, paragraph: p.n })));
  const t0 = performance.now();
  await insertMultiple(db, docs, 500);
  return performance.now() - t0;
}

export function devF1(score: DevScore): number {
  return f1(ratio(score.overall.precision), ratio(score.overall.recall));
}

/** F1 of one split of a score (0 when the split was not scored). */
export function splitF1(score: DevScore, split: string): number {
  const s = score.bySplit[split];
  return s ? f1(ratio(s.precision), ratio(s.recall)) : 0;
}
