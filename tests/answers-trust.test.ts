// Answers a reader can trust at a glance (issue 15), on the seed corpus: every paraphrase keeps its
// reporting words, quotes and paraphrase are never joined, a statement several outlets carried is shown
// once, the first page is one screen, and links land on the words they cite.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { statementsByOutlet } from '../src/answer/groups.js';
import { encodeTextDirective, textDirective, urlToWords } from '../src/answer/fragment.js';
import { renderText } from '../src/answer/render.js';
import { renderAnswer, renderStats } from '../src/discord/render.js';
import { PAGE_STATEMENTS, PAGE_VISIBLE, statementMarkdown, visibleLength } from '../src/discord/render-answer.js';
import { renderAnswerText } from '../src/discord/render-text.js';
import type { AnswerResult, Article, ShownStatement } from '../src/types.js';
import { seedEngineOnce } from './helpers.js';

let engine: Engine;
let everyone: AnswerResult[];
let articles: Map<string, Article>;

beforeAll(async () => {
  engine = await seedEngineOnce();
  articles = new Map(engine.corpus.articles.map((a) => [a.file, a]));
  everyone = await Promise.all(engine.directory.people.map((p) => engine.ask(`what did ${p.name} say?`)));
});

const shown = (results: AnswerResult[]): ShownStatement[] => results.flatMap((r) => r.groups.flatMap((g) => [...g.versions, ...g.parts]));
const paragraphOf = (s: ShownStatement): string => articles.get(s.article.file)!.paragraphs.find((p) => p.n === s.paragraph)!.text;
/** Labels of masked links, as a reader sees the line. */
const unlinked = (markdown: string): string => markdown.replace(/\[([^\]]*)\]\(<?[^)\s>]*>?\)/g, '$1');

describe('the reporting words stay with the statement', () => {
  it('every indirect or mixed statement has its cue, and its Discord line and CLI text show it', () => {
    const paraphrases = shown(everyone).filter((s) => s.kind === 'indirect' || s.kind === 'mixed');
    expect(paraphrases.length).toBeGreaterThan(20);
    for (const s of paraphrases) expect(s.cue, s.text).toMatch(/\p{L}/u);
    for (const result of everyone) {
      const cli = renderText(result);
      const discord = renderAnswer(result)
        .map((p) => p.embeds[0]!.description)
        .join('\n');
      const plain = renderAnswerText(result).join('\n');
      for (const g of result.groups) {
        if (g.shown.kind !== 'indirect' && g.shown.kind !== 'mixed') continue;
        const cue = g.shown.cue!;
        expect(statementMarkdown(g.shown, result.speaker?.name ?? null).startsWith(`**${cue}** `)).toBe(true);
        expect(discord).toContain(`**${cue}** *`);
        expect(plain).toContain(`**${cue}** *`);
        expect(cli).toContain(`${cue} ${g.shown.text.slice(0, 40)}`);
      }
    }
  });

  it('Kallas *rejected* the Donbas suggestions, in Discord, in plain text and on the command line', async () => {
    const kallas = await engine.ask('what did Kallas say?');
    const donbas = kallas.groups.find((g) => g.shown.text.startsWith('suggestions that the Donbas region'));
    expect(donbas?.shown.cue).toBe('rejected');
    expect(renderAnswer(kallas)[0]!.embeds[0]!.description).toContain('**rejected** *suggestions that the Donbas region could serve as a buffer zone');
    expect(renderAnswerText(kallas)[0]).toContain('**rejected** *suggestions that the Donbas region');
    expect(renderText(kallas)).toContain('[paraphrase] rejected suggestions that the Donbas region');
    // A paraphrase is never dressed as a quote.
    expect(renderText(kallas)).not.toContain('“suggestions');
    expect(renderAnswer(kallas)[0]!.embeds[0]!.description).not.toMatch(/^>/m);
  });

  it('Zelenskyy *accused* Russia and *announced* the concession', async () => {
    const zelenskyy = await engine.ask('what did Zelenskyy say?');
    const lines = renderAnswer(zelenskyy)
      .map((p) => p.embeds[0]!.description)
      .join('\n');
    expect(lines).toContain('**accused** *Russia of dragging out the war');
    expect(lines).toContain('**announced** *the concession while flying to the German capital');
  });
});

describe('a quote and a paraphrase are never joined', () => {
  it('each shown statement is all inside quotation marks or all outside, whatever the article joined', () => {
    let pieces = 0;
    for (const s of shown(everyone)) {
      if (s.kind === 'passage') continue;
      const paragraph = paragraphOf(s);
      if (!/["“”«»]/.test(paragraph)) continue;
      for (const piece of s.text.split(' … ')) {
        pieces++;
        const at = paragraph.indexOf(piece);
        expect(at, piece).toBeGreaterThanOrEqual(0);
        // Verbatim words open right after a quotation mark; paraphrase does not.
        const opensQuote = /["“«]/.test(paragraph[at - 1] ?? '');
        expect(opensQuote, `${s.outlet} ¶${s.paragraph}: ${piece}`).toBe(s.verbatim);
      }
    }
    expect(pieces).toBeGreaterThan(25);
  });

  it('"on our part" and "legally binding" are two statements: the quote in quotation marks, the paraphrase after "adding that"', async () => {
    const zelenskyy = await engine.ask('what did Zelenskyy say?');
    const cna = shown([zelenskyy]).filter((s) => s.outlet === 'CNA' && s.paragraph === 11);
    expect(cna.map((s) => [s.text, s.verbatim, s.cue])).toEqual([
      ['And it is already a compromise on our part', true, 'said'],
      ['the security guarantees should be legally binding', false, 'adding that'],
    ]);
    // The JSON contract keeps the statement as attributed.
    const excerpt = zelenskyy.outlets.find((o) => o.outlet === 'CNA')!.excerpts.find((e) => e.paragraph === 11)!;
    expect(excerpt.text).toBe('And it is already a compromise on our part … the security guarantees should be legally binding');
  });
});

describe('one statement once, one screen a page', () => {
  it("Zelenskyy's first page: at most 10 statements and 2,000 characters, a summary on top, the NATO quote once with its four outlets and AnewZ's sentence of it", async () => {
    const zelenskyy = await engine.ask('what did Zelenskyy say?');
    const [first] = renderAnswer(zelenskyy);
    const description = first!.embeds[0]!.description!;
    expect(visibleLength(description)).toBeLessThanOrEqual(PAGE_VISIBLE);
    expect(visibleLength(description) + first!.embeds[0]!.title!.length).toBeLessThanOrEqual(2000);
    const statements = description.split('\n').filter((line) => line.includes(' — '));
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.length).toBeLessThanOrEqual(PAGE_STATEMENTS);
    expect(description.split('\n')[0]).toBe(
      'Ukrainian President · 21 distinct statements in 5 outlets · 14–15 Dec 2025 · date not given by AnewZ, cashwinner.info',
    );
    const nato = statements.filter((line) => line.includes('From the very beginning, Ukraine'));
    expect(nato).toHaveLength(1);
    expect(unlinked(nato[0]!)).toMatch(/ — CNA · LBC · cashwinner\.info · RFE\/RL · AnewZ \(in part\) \*\(wording varies\)\*$/);
    // AnewZ and RFE/RL also ran its last sentence on its own: that is part of the quote, not a statement of its own.
    expect(statements.filter((line) => /Some partners (from|in) the/.test(line))).toHaveLength(1);
    // The most widely carried statements come first.
    const outletsPerLine = statements.map((line) => unlinked(line).split(' — ').at(-1)!.split(' · ').length);
    expect(outletsPerLine).toEqual([...outletsPerLine].sort((a, b) => b - a));
    // "date not given" once for the whole answer, never per statement.
    expect(description.match(/date not given/g)).toHaveLength(1);
    expect(description).not.toContain('¶');
  });

  it('grouping loses nothing: the per-outlet view lists every statement of every answer, parts of longer quotes included', () => {
    for (const answer of everyone) {
      const perOutlet = statementsByOutlet(answer.outlets, answer.groups).flatMap((o) => o.statements);
      expect(perOutlet).toHaveLength(answer.groups.reduce((n, g) => n + g.versions.length + g.parts.length, 0));
      expect(new Set(perOutlet).size).toBe(perOutlet.length);
    }
    const zelenskyy = everyone.find((a) => a.speaker?.name === 'Volodymyr Zelenskyy')!;
    const anewz = statementsByOutlet(zelenskyy.outlets, zelenskyy.groups).find((o) => o.outlet === 'AnewZ')!;
    expect(anewz.statements.some((s) => s.text.startsWith('Some partners in the U.S. and Europe'))).toBe(true);
  });

  it('statements only one outlet carried follow the article order', async () => {
    const zelenskyy = await engine.ask('what did Zelenskyy say?');
    const singles = zelenskyy.groups.filter((g) => g.versions.length === 1).map((g) => g.shown);
    for (let i = 1; i < singles.length; i++) {
      const [a, b] = [singles[i - 1]!, singles[i]!];
      if (a.article.file === b.article.file) expect(a.paragraph * 1e4 + a.offset).toBeLessThan(b.paragraph * 1e4 + b.offset);
    }
  });

  it('the title says what was asked: topic and outlet, or for a who-said question the person', async () => {
    expect(renderAnswer(await engine.ask('what did Zelenskyy say about NATO according to LBC'))[0]!.embeds[0]!.title).toBe(
      'Volodymyr Zelenskyy on NATO, according to LBC',
    );
    expect(renderAnswer(await engine.ask('Zelenskyy on NATO according to LBC'))[0]!.embeds[0]!.title).toBe('Volodymyr Zelenskyy on NATO, according to LBC');
    expect(renderAnswer(await engine.ask('who said "real troops"'))[0]!.embeds[0]!.title).toBe('Kaja Kallas');
  });
});

describe('citations land on the words', () => {
  it('text fragments are percent-encoded per the WICG syntax and their words are in the cited article', async () => {
    const results = [await engine.ask('what did Zelenskyy say?'), await engine.ask('what did Kallas say?'), await engine.ask('what did Merz say?')];
    const byUrl = new Map(engine.corpus.articles.filter((a) => a.url).map((a) => [a.url!.replace(/#.*$/, ''), a]));
    let checked = 0;
    for (const result of results) {
      for (const page of renderAnswer(result)) {
        for (const [, href] of page.embeds[0]!.description!.matchAll(/\]\((https?:[^)\s]+)\)/g)) {
          const [base, fragment] = href!.split('#:~:text=');
          if (fragment === undefined) continue;
          const article = byUrl.get(base!);
          expect(article, base).toBeDefined();
          const terms = fragment.split(',');
          expect(terms.length).toBeGreaterThanOrEqual(1);
          expect(terms.length).toBeLessThanOrEqual(2);
          const text = article!.paragraphs.map((p) => p.text).join('\n');
          for (const term of terms) {
            // Only unreserved characters and escapes: "-", "&", "," and spaces never appear raw.
            expect(term).toMatch(/^(?:[A-Za-z0-9._]|%[0-9A-F]{2})+$/);
            expect(text).toContain(decodeURIComponent(term));
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('encodes the directive delimiters and picks the start and end words of long or joined text', () => {
    expect(encodeTextDirective('Article 5-like, US & Europe')).toBe('Article%205%2Dlike%2C%20US%20%26%20Europe');
    expect(textDirective('“real troops”')).toBe('text=real%20troops');
    expect(textDirective('one two three four five six seven eight nine ten')).toBe('text=one%20two%20three%20four,seven%20eight%20nine%20ten');
    expect(textDirective('A quote begins here, and … it ends there.')).toBe('text=A%20quote%20begins%20here,it%20ends%20there');
    expect(urlToWords('https://x.example/a#top', 'short words')).toBe('https://x.example/a#:~:text=short%20words');
    expect(urlToWords(null, 'short words')).toBeNull();
  });
});

describe('/sources', () => {
  it('counts people apart from organisations and places', () => {
    const stats = engine.stats();
    expect(stats.organisations).toBeGreaterThan(0);
    expect(stats.people).toBe(engine.corpus.people.filter((p) => p.kind === 'person').length);
    expect(renderStats(stats).description).toContain(`**${stats.people}** people, **${stats.organisations}** organisations and places`);
  });
});
