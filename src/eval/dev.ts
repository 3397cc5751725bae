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

export type SourceKind = 'name' | 'pronoun' | 'description' | 'group' | 'null';

export interface GoldAttribution {
  file: string;
  split: string;
  source: string | null;
  source_span: [number, number][] | null;
  cue: string | null;
  content: string;
  content_span: [number, number][];
  speech: boolean;
  source_kind: SourceKind;
}

interface Ratio {
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

const WORD = /[\p{L}\p{N}]+/gu;

export interface ArticleTokens {
  starts: number[];
  ends: number[];
}

export function wordTokens(text: string): ArticleTokens {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends };
}

/** Token indexes whose start lies in one of the spans. */
export function tokensIn(tokens: ArticleTokens, spans: [number, number][]): number[] {
  const out: number[] = [];
  for (const [s, e] of spans) {
    let lo = lowerBound(tokens.starts, s);
    for (; lo < tokens.starts.length && (tokens.starts[lo] as number) < e; lo++) out.push(lo);
  }
  return out;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each cleaned paragraph starts in the raw file. The cleaner collapses white space and joins
 * hard-wrapped lines, so the search runs on a white-space-collapsed copy of the raw text that keeps
 * a map back to raw offsets.
 */
export function placeParagraphs(raw: string, paragraphs: { n: number; text: string }[]): Map<number, (offset: number) => number> {
  let collapsed = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      collapsed += ' ';
    } else {
      inSpace = false;
      collapsed += ch;
    }
    map.push(i);
  }
  map.push(raw.length);
  const placed = new Map<number, (offset: number) => number>();
  let cursor = 0;
  for (const p of paragraphs) {
    const at = collapsed.indexOf(p.text, cursor);
    if (at < 0) continue;
    cursor = at + p.text.length;
    // A paragraph offset → raw offset; the paragraph text has single spaces, as the collapsed copy does.
    placed.set(p.n, (offset: number) => map[at + offset] ?? raw.length);
  }
  return placed;
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * The surname in a gold source: the last capitalised word of its name, read from the first comma or
 * bracket piece that holds a capitalised word other than a determiner, without a trailing "of New
 * York", "himself" or "Jr.": "Democratic nominee Hillary Clinton" → "clinton", "Rep. Jim Clyburn
 * (D-S.C.), the assistant leader …" → "clyburn", "Representative Charles B. Rangel of New York" → "rangel".
 */
export function goldSurname(source: string): string | null {
  const pieces = source.split(/[,(\[]/).map((piece) => {
    // "… of New York", "… of the Virgin Islands" is a place; "Secretary of State John F. Kerry" is a title.
    const head = piece.replace(/\s+(?:of|from|in|at|with|who|for)\s(?:the\s.*|\S+(?:\s\S+)?)$/u, '').replace(/\s+who\s.*$/u, '');
    return (head.replace(/['’]s\b/g, '').match(/[\p{L}\p{M}][\p{L}\p{M}\-'’.]*/gu) ?? []).map((w) => w.replace(/[.'’]+$/, '')).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()));
  });
  // A name ends its noun phrase: in "Her campaign manager, Robby Mook," or "Florida’s Republican attorney general,
  // Pam Bondi," the first piece is a description and the name is the piece that ends in a capital.
  for (const words of pieces) {
    const last = words[words.length - 1];
    if (last && /^\p{Lu}/u.test(last) && !(words.length === 1 && /^(the|a|an|her|his|their|its)$/i.test(last))) return fold(last);
  }
  for (const words of pieces) {
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i] as string;
      if (!/^\p{Lu}/u.test(w)) continue;
      if (i === 0 && /^(the|a|an|her|his|their|its)$/i.test(w)) break;
      return fold(w);
    }
  }
  return null;
}

function personSurnames(p: PersonRecord): Set<string> {
  const out = new Set<string>();
  for (const n of [p.name, ...p.aliases]) {
    const parts = fold(n).split(/\s+/).map((w) => w.replace(/[.,]+$/, '')).filter((w) => !NAME_SUFFIXES.has(w));
    const last = parts[parts.length - 1];
    if (last) out.add(last.replace(/[.'’]+$/, ''));
  }
  return out;
}

/** Direct when the content is all quotation, mixed when it holds some, indirect when none. */
export function goldKind(quoted: string): StatementKind {
  // Two apostrophes ('') are a double quote mark in some archives.
  const content = quoted.replace(/''|’’/g, '"');
  const marks = [...content.matchAll(/["“”]/g)].map((m) => m.index);
  if (marks.length === 0) return 'indirect';
  let outside = '';
  let open = false;
  let last = 0;
  for (const at of marks) {
    if (!open) outside += content.slice(last, at);
    open = !open;
    last = at + 1;
  }
  if (!open) outside += content.slice(last);
  const outsideWords = outside.match(WORD)?.length ?? 0;
  return outsideWords <= 1 ? 'direct' : 'mixed';
}

function ratio(r: Ratio): number {
  return r.total ? r.hit / r.total : 1;
}

function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export function parseGold(jsonl: string): GoldAttribution[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldAttribution);
}

const newRatio = (): Ratio => ({ hit: 0, total: 0 });

/** Runs loader and attribution on DIR and scores them; nothing is printed. */
export async function scoreDev(dir: string, options: AttributionOptions = {}): Promise<DevScore> {
  const articleDir = path.join(dir, 'articles');
  const gold = parseGold(await readFile(path.join(dir, 'attributions.jsonl'), 'utf8'));
  const { articles } = await loadCorpus(articleDir);

  const t0 = performance.now();
  const { people, statements } = attributeCorpus(articles, undefined, options);
  const coldMs = performance.now() - t0;
  // A second run times the rules themselves, without the JIT warming up; Orama gets the same chance.
  const t1 = performance.now();
  attributeCorpus(articles, undefined, options);
  const attributeMs = performance.now() - t1;
  await bareOramaInsert(articles);
  const oramaInsertMs = await bareOramaInsert(articles);

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
    byKind: { direct: { recall: newRatio(), precision: newRatio() }, indirect: { recall: newRatio(), precision: newRatio() }, mixed: { recall: newRatio(), precision: newRatio() } },
    bySourceKind: {},
    speakerAccuracy: newRatio(),
    misses: [],
    falseAttributions: [],
    unplaced: 0,
    outsideParagraphs: { headline: 0, dropped: 0 },
    timing: { coldMs, attributeMs, oramaInsertMs, paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0) },
  };

  const files = [...new Set([...goldByFile.keys()])].sort();
  for (const file of files) {
    const article = articleOf.get(file);
    const raw = await readFile(path.join(articleDir, file), 'utf8').catch(() => null);
    if (raw === null) continue;
    const tokens = wordTokens(raw);
    const golds = goldByFile.get(file) ?? [];
    const split = golds[0]?.split ?? 'unknown';
    const splitScore = (score.bySplit[split] ??= { recall: newRatio(), precision: newRatio() });
    const placed = article ? placeParagraphs(raw, article.paragraphs) : new Map<number, (o: number) => number>();
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

    // Token → gold attributions covering it.
    const goldTokens = golds.map((g) => tokensIn(tokens, g.content_span));
    const owner = new Map<number, number[]>();
    goldTokens.forEach((ts, gi) => ts.forEach((t) => owner.set(t, [...(owner.get(t) ?? []), gi])));
    const surnameOfGold = golds.map((g) => (g.source_kind === 'name' && g.source ? goldSurname(g.source) : null));
    const samePerson = (speaker: string, gi: number): boolean => {
      const sn = surnameOfGold[gi];
      return sn !== null && sn !== undefined && (surnamesById.get(speaker)?.has(sn) ?? false);
    };

    // Recall. The loader keeps the first line as the title and drops short non-sentence lines, so gold
    // there is out of reach of any statement: it is counted apart, not as a miss.
    const headlineEnd = raw.indexOf('\n') < 0 ? raw.length : raw.indexOf('\n');
    const paragraphRanges = article ? article.paragraphs.filter((p) => placed.has(p.n)).map((p) => {
      const at = placed.get(p.n) as (o: number) => number;
      return [at(0), at(p.text.length)] as [number, number];
    }) : [];
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
        const covered = new Set(ours.flatMap((o) => o.tokens));
        kindScore.total++;
        if (ts.filter((t) => covered.has(t)).length / ts.length >= 0.5) kindScore.hit++;
        return;
      }
      const mine = new Set(ours.filter((o) => samePerson(o.s.speaker, gi)).flatMap((o) => o.tokens));
      const coveredCount = ts.filter((t) => mine.has(t)).length;
      const found = coveredCount / ts.length >= 0.5;
      const anyone = new Set(ours.flatMap((o) => o.tokens));
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

function line(label: string, precision: Ratio, recall: Ratio): string {
  const p = ratio(precision);
  const r = ratio(recall);
  return `  ${label.padEnd(10)} P ${p.toFixed(3)} (${precision.hit}/${precision.total})  R ${r.toFixed(3)} (${recall.hit}/${recall.total})  F1 ${f1(p, r).toFixed(3)}`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export function devF1(score: DevScore): number {
  return f1(ratio(score.overall.precision), ratio(score.overall.recall));
}

export async function runDevEval(dir: string, options: { verbose?: boolean } & AttributionOptions = {}): Promise<number> {
  const score = await scoreDev(dir, { learned: options.learned });
  const show = options.verbose ? Infinity : 20;
  console.log(`Attribution on ${dir}: ${score.articles} articles, ${score.statements} statements extracted (${options.learned === false ? 'rules alone' : 'rules and learned sieve'})`);
  console.log('Speech attributions with a named source (person matched by surname, ≥50% token overlap):');
  console.log(line('overall', score.overall.precision, score.overall.recall));
  for (const [split, s] of Object.entries(score.bySplit).sort()) console.log(line(split, s.precision, s.recall));
  console.log(`  (${score.overall.excluded} statements left out of precision: their text is gold content whose source is a pronoun, description, group or none)`);
  console.log('By kind (recall by the gold content: quotes → direct/mixed; precision by our kind):');
  for (const [kind, s] of Object.entries(score.byKind)) console.log(line(kind, s.precision, s.recall));
  console.log('Recall by gold source kind (name: the same person; others: covered by any speaker, as the gold names no one):');
  for (const [kind, r] of Object.entries(score.bySourceKind).sort()) console.log(`  ${kind.padEnd(12)} ${ratio(r).toFixed(3)} (${r.hit}/${r.total})`);
  const acc = score.speakerAccuracy;
  console.log(`Speaker accuracy (named gold content we extracted, given to the right person): ${ratio(acc).toFixed(3)} (${acc.hit}/${acc.total})`);
  const { coldMs, attributeMs, oramaInsertMs, paragraphs } = score.timing;
  console.log(
    `Extraction (attributeCorpus, warm): ${attributeMs.toFixed(0)} ms for ${score.articles} articles = ${(attributeMs / Math.max(1, score.articles)).toFixed(3)} ms/article ` +
      `(first, cold run ${coldMs.toFixed(0)} ms); bare Orama insert of the same ${paragraphs} paragraphs (warm): ${oramaInsertMs.toFixed(0)} ms ` +
      `= ${(oramaInsertMs / Math.max(1, score.articles)).toFixed(3)} ms/article`,
  );
  const { headline, dropped } = score.outsideParagraphs;
  console.log(`  (${headline + dropped} named gold attributions not scored: ${headline} in headlines, ${dropped} in lines the loader's cleaning dropped)`);
  if (score.unplaced) console.log(`  note: ${score.unplaced} cleaned paragraphs could not be placed in their raw file (their statements are not scored)`);
  console.log(`\nWorst misses (${Math.min(show, score.misses.length)} of ${score.misses.length}):`);
  for (const m of score.misses.slice(0, show)) {
    const given = m.ours.length ? ` → ours: ${m.ours.join(', ')}` : '';
    console.log(`  ${m.file} ¶${m.paragraph ?? '?'} [${m.kind}] ${m.source} (${(m.coverage * 100).toFixed(0)}% covered)${given}: “${clip(m.content, 140)}”`);
  }
  console.log(`\nWorst false attributions (${Math.min(show, score.falseAttributions.length)} of ${score.falseAttributions.length}):`);
  for (const w of score.falseAttributions.slice(0, show)) {
    console.log(`  ${w.file} ¶${w.paragraph} [${w.kind}] ${w.speaker} (gold: ${w.gold ?? 'no attribution'}): “${clip(w.text, 140)}”`);
  }
  return 0;
}
