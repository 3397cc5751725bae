// The Discord renderer on its own: hostile and oversized engine output still gives pages that fit
// Discord's limits, ping nobody, keep each statement on its line and a reader's screen per page.
import { describe, expect, it } from 'vitest';
import type { AnswerResult, ComparedVersion, Comparison, DiffPiece, Excerpt, ReloadReport, ShownStatement } from '../src/types.js';
import { wordDiff } from '../src/answer/compare.js';
import { groupStatements } from '../src/answer/groups.js';
import { escapeText } from '../src/discord/escape.js';
import { renderAnswer, renderComparison, renderReload } from '../src/discord/render.js';
import { PAGE_STATEMENTS, PAGE_VISIBLE, visibleLength } from '../src/discord/render-answer.js';
import { renderDiff } from '../src/discord/render-compare.js';
import { embedAsText, renderAnswerText, renderComparisonText } from '../src/discord/render-text.js';
import { messageLimitProblems } from './support/fake-discord/limits.js';

const HOSTILE =
  '@everyone look: <@123456789012345678> <@&223456789012345678> <#323456789012345678> **bold** [click](https://evil.example) `code`\n# heading\n> quote';

function excerpt(text: string, n: number, article = 'a.txt'): Excerpt {
  return {
    text,
    speaker: 'Kaja Kallas',
    kind: 'direct',
    cue: 'said',
    paragraph: n,
    article: { title: `Title of ${article}`, date: '2025-12-15', url: `https://news.example/${article}`, file: article },
  };
}

/** The answer as the engine gives it: its excerpts grouped, each statement once (quotes stay quotes here). */
function withGroups(result: Omit<AnswerResult, 'groups'>): AnswerResult {
  const shown: ShownStatement[] = result.outlets.flatMap((o) => o.excerpts.map((e) => ({ ...e, outlet: o.outlet, verbatim: e.kind === 'direct', offset: 0 })));
  return { ...result, groups: groupStatements(shown) };
}

/** Words no two statements share, so none of them group: `w7q3a w7q3b …`. */
const distinct = (i: number, j: number, count: number): string =>
  Array.from({ length: count }, (_, k) => `w${i}q${j}${String.fromCharCode(97 + (k % 26))}${Math.floor(k / 26)}`).join(' ');

function answer(outlets: number, excerptsPerOutlet: number, text: string | ((i: number, j: number) => string)): AnswerResult {
  return withGroups({
    question: 'what did Kallas say?',
    speaker: { name: 'Kaja Kallas', aliases: ['Kallas'], roles: ['EU foreign affairs chief'] },
    outlets: Array.from({ length: outlets }, (_, i) => ({
      outlet: `Outlet ${i}`,
      excerpts: Array.from({ length: excerptsPerOutlet }, (_, j) => excerpt(typeof text === 'string' ? text : text(i, j), j + 1, `f${i}-${j % 3}.txt`)),
    })),
    absent: ['cashwinner.info'],
    notice: null,
    suggestions: [],
    parsed: { type: 'person', person: 'Kaja Kallas', topic: null, outlet: null },
    span: null,
    undatedLeftOut: 0,
  });
}

const statementLines = (description: string): string[] => description.split('\n').filter((line) => /^\*\*said\*\* /.test(line));

describe('escapeText', () => {
  it('shows mentions, markdown and links as written and never leaves a line', () => {
    const out = escapeText(HOSTILE);
    expect(out).not.toMatch(/(^|[^\\])<[@#]/);
    expect(out).not.toMatch(/@everyone/);
    expect(out).not.toContain('\n');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('\\[click\\](https://evil.example)');
  });

  it('escapes text holding a single thing to escape, and leaves plain text as it is', () => {
    // Plain text skips the rewriting: each of these alone must still be caught.
    const cases: [string, string][] = [
      ['Kallas said so', 'Kallas said so'],
      ['# not a heading', '\\# not a heading'],
      ['- not a list', '\\- not a list'],
      ['12. not an item', '12\\. not an item'],
      ['hi @everyone', `hi @\u200Beveryone`],
      ['one\ntwo', 'one two'],
      ['one\u2028two', 'one two'],
      ['bell\u0007', 'bell'],
      ['a\u202Eb', 'ab'],
      ['snake_case', 'snake\\_case'],
      ['<#123>', '\\<#123\\>'],
      ['a|b', 'a\\|b'],
    ];
    for (const [text, shown] of cases) expect(escapeText(text)).toBe(shown);
  });
});

describe('renderAnswer', () => {
  it('titles the answer with the person, sums it up in one line, and shows a statement several outlets carried once', () => {
    const [page] = renderAnswer(answer(2, 1, 'real troops and real capabilities'));
    const [embed] = page!.embeds;
    expect(page!.embeds).toHaveLength(1);
    expect(embed!.title).toBe('Kaja Kallas');
    expect(embed!.description).toContain('EU foreign affairs chief · 1 statement in 2 outlets · 15 Dec 2025');
    expect(embed!.description).toContain('Not reported by: cashwinner.info');
    expect(embed!.footer?.text).toBe('Question: what did Kallas say?');
    const lines = statementLines(embed!.description!);
    expect(lines).toEqual([
      '**said** “real troops and real capabilities” — [Outlet 0](https://news.example/f0-0.txt#:~:text=real%20troops%20and%20real%20capabilities) · [Outlet 1](https://news.example/f1-0.txt#:~:text=real%20troops%20and%20real%20capabilities)',
    ]);
    // Paragraph numbers stay in the JSON and the CLI; in Discord the link lands on the words.
    expect(embed!.description).not.toContain('¶');
  });

  it('pages a long answer at one screen a page — at most 10 statements and 2000 visible characters — losing none', () => {
    const pages = renderAnswer(answer(14, 8, (i, j) => distinct(i, j, 40)));
    expect(pages.length).toBeGreaterThan(10);
    let shown = 0;
    for (const page of pages) {
      expect(messageLimitProblems({ embeds: page.embeds })).toEqual([]);
      const lines = statementLines(page.embeds[0]!.description!);
      expect(lines.length).toBeLessThanOrEqual(PAGE_STATEMENTS);
      expect(visibleLength(page.embeds[0]!.description!)).toBeLessThanOrEqual(PAGE_VISIBLE);
      shown += lines.length;
    }
    expect(shown).toBe(14 * 8);
    expect(pages.at(-1)!.embeds[0]!.footer?.text).toMatch(/Page \d+ of \d+$/);
  });

  it('keeps hostile article text on its own line, never in a block quote, and pings nobody', () => {
    const [page] = renderAnswer(answer(1, 1, HOSTILE));
    const description = page!.embeds[0]!.description!;
    expect(statementLines(description)).toHaveLength(1);
    expect(description.split('\n').some((line) => line.startsWith('>'))).toBe(false);
    expect(description).not.toMatch(/(^|[^\\])<@/);
    expect(description).not.toContain('@everyone');
  });

  it('says "date not given" once in the summary, not on each statement', () => {
    const result = answer(3, 2, (i, j) => distinct(i, j, 6));
    for (const g of result.groups) for (const v of g.versions) if (v.outlet !== 'Outlet 0') v.article = { ...v.article, date: null };
    const [page] = renderAnswer(result);
    const description = page!.embeds[0]!.description!;
    expect(description.match(/date not given/g)).toHaveLength(1);
    expect(description).toContain('date not given by Outlet 1, Outlet 2');
  });

  it('explains an empty answer with its notice, the closest names and where to find everyone', () => {
    const result: AnswerResult = {
      ...answer(0, 0, ''),
      speaker: null,
      absent: [],
      notice: 'No one named Kalas in the corpus.',
      suggestions: ['Kaja Kallas'],
      parsed: { type: 'person', person: 'Kalas', topic: null, outlet: null },
    };
    const pages = renderAnswer(result);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.embeds).toHaveLength(1);
    expect(pages[0]!.embeds[0]!.description).toContain('No one named Kalas');
    expect(pages[0]!.embeds[0]!.description).toContain('Did you mean **Kaja Kallas**?');
    expect(pages[0]!.embeds[0]!.description).toContain('`/sources`');
  });
});

describe('renderComparison', () => {
  const version = (outlet: string, text: string, diff: DiffPiece[], reference: boolean, file = 'a.txt'): ComparedVersion => ({
    outlet,
    text,
    kind: 'direct',
    cue: 'said',
    verbatim: true,
    reference,
    paragraph: 3,
    article: excerpt('', 3, file).article,
    diff,
  });

  it('says what the marks are measured against and marks added and left-out words, one layout for every statement', () => {
    const comparison: Comparison = {
      speaker: { name: 'Volodymyr Zelenskyy', aliases: [], roles: ['President of Ukraine'] },
      topic: null,
      notice: null,
      suggestions: [],
      shared: [
        {
          versions: [
            version('CNA', 'compromise on our part', [{ text: 'compromise on our part', changed: false }], true),
            version('LBC', 'compromise from our part', wordDiff('compromise on our part', 'compromise from our part'), false, 'b.txt'),
          ],
        },
      ],
    };
    const [page] = renderComparison(comparison, { person: 'Zelenskyy', topic: null });
    expect(page!.embeds[0]!.title).toBe('How each outlet reported Volodymyr Zelenskyy’s words');
    expect(page!.embeds[0]!.description).toMatch(/wording most of them used/);
    const description = page!.embeds[1]!.description!;
    expect(description).toContain('__**CNA**__ · 15 Dec 2025 · *the wording the others are marked against*');
    expect(description).toContain('**said** “compromise ~~on~~ **__from__** our part”');
    expect(page!.embeds[1]!.fields).toBeUndefined();
    expect(messageLimitProblems({ embeds: page!.embeds })).toEqual([]);
  });

  it('marks changed words without swallowing the spaces around them', () => {
    expect(
      renderDiff([
        { text: 'a', changed: false },
        { text: ' b* ', changed: true },
        { text: 'c', changed: false },
      ]),
    ).toBe('a **__b\\*__** c');
  });
});

describe('renderReload', () => {
  it('lists what changed and every failed file with its reason, within a field', () => {
    const report: ReloadReport = {
      ok: true,
      added: ['new.txt'],
      changed: [],
      removed: ['old.txt'],
      articles: 5,
      statements: 80,
      people: 30,
      problems: Array.from({ length: 200 }, (_, i) => ({ file: `bad-${i}.txt`, reason: 'not valid UTF-8' })),
      ms: 1234,
    };
    const embed = renderReload(report);
    expect(embed.title).toBe('Corpus reloaded in 1.2 s');
    expect(embed.description).toContain('**5** articles');
    expect(embed.fields?.find((f) => f.name === 'Files that failed (200)')?.value).toMatch(/^bad-0\.txt: not valid UTF-8\n[\s\S]*and \d+ more$/);
    expect(messageLimitProblems({ embeds: [embed] })).toEqual([]);
  });
});

describe('plain-text answers (no Embed Links)', () => {
  const longTitleAnswer = (excerpts: number): AnswerResult => {
    const result = answer(14, excerpts, (i, j) => distinct(i, j, 60));
    for (const g of result.groups) {
      for (const v of g.versions) {
        v.outlet = `${v.outlet} ${'x'.repeat(200)}`;
        v.article = { ...v.article, title: `*${'T'.repeat(300)}*`, url: `https://news.example/${'p'.repeat(240)}` };
      }
    }
    return { ...result, question: `${'why '.repeat(200)}?`, absent: Array.from({ length: 50 }, (_, i) => `Absent outlet ${i}`) };
  };

  it('every page fits 2000 characters however long the parts, and no statement is lost', () => {
    const pages = renderAnswerText(longTitleAnswer(8));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2000);
    expect(pages.flatMap((page) => statementLines(page))).toHaveLength(14 * 8);
    pages.forEach((page, i) => {
      expect(page.split('\n').at(-1)).toMatch(new RegExp(` · Page ${i + 1} of ${pages.length}$`));
    });
  });

  it('the per-outlet view says, on a page that starts inside an outlet, which outlet it is', () => {
    const pages = renderAnswerText(
      answer(3, 12, (i, j) => distinct(i, j, 40)),
      'outlets',
    );
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.slice(1).every((page) => /\n\n__\*\*Outlet \d+\*\*__/.test(page))).toBe(true);
    expect(pages.flatMap((page) => page.split('\n').filter((line) => line.startsWith('**said**')))).toHaveLength(36);
  });

  it('keeps hostile text escaped on its statement line, and escapes the question in the footer', () => {
    const result = { ...answer(1, 1, HOSTILE), question: 'what did @everyone <@&223456789012345678> say?' };
    const [page] = renderAnswerText(result);
    expect(page).not.toMatch(/(^|[^\\])<[@#]/);
    expect(page).not.toMatch(/@everyone/);
    const quote = page!.split('\n').filter((line) => line.includes('evil.example'));
    expect(quote).toHaveLength(1);
    expect(quote[0]!.startsWith('**said** “')).toBe(true);
    expect(page!.split('\n').at(-1)).toBe('-# Question: what did @\u200beveryone \\<@&223456789012345678\\> say?');
  });

  it('a comparison and a reload report fit too', () => {
    const version = (outlet: string): ComparedVersion => ({
      outlet,
      text: 'w '.repeat(900),
      kind: 'direct',
      cue: 'said',
      verbatim: true,
      reference: false,
      paragraph: 1,
      article: excerpt('', 1).article,
      diff: [],
    });
    const comparison: Comparison = {
      speaker: { name: 'Volodymyr Zelenskyy', aliases: [], roles: [] },
      topic: null,
      notice: null,
      suggestions: [],
      shared: Array.from({ length: 6 }, () => ({ versions: Array.from({ length: 5 }, (_, i) => version(`Outlet ${i}`)) })),
    };
    const pages = renderComparisonText(comparison, { person: 'Zelenskyy', topic: null });
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2000);
    expect(pages.join('\n').match(/^\*\*said\*\* “/gm)).toHaveLength(30);
    const report: ReloadReport = {
      ok: true,
      added: Array.from({ length: 300 }, (_, i) => `new-${i}.txt`),
      changed: [],
      removed: [],
      articles: 5,
      statements: 80,
      people: 30,
      problems: Array.from({ length: 200 }, (_, i) => ({ file: `bad-${i}.txt`, reason: 'not valid UTF-8' })),
      ms: 1234,
    };
    const text = embedAsText(renderReload(report));
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^\*\*Corpus reloaded in 1\.2 s\*\*\nNow serving/);
    expect(text).toContain('**Files that failed (200)**\nbad-0.txt: not valid UTF-8');
  });
});
