// The Discord renderer on its own: hostile and oversized engine output still gives pages that fit
// Discord's limits, ping nobody and keep quotes inside their quote blocks.
import { describe, expect, it } from 'vitest';
import type { AnswerResult, Comparison, Excerpt, ReloadReport } from '../src/types.js';
import { escapeText } from '../src/discord/escape.js';
import { renderAnswer, renderComparison, renderDiff, renderReload } from '../src/discord/render.js';
import { embedAsText, renderAnswerText, renderComparisonText } from '../src/discord/render-text.js';
import { messageLimitProblems } from './support/fake-discord/limits.js';

const HOSTILE = '@everyone look: <@123456789012345678> <@&223456789012345678> <#323456789012345678> **bold** [click](https://evil.example) `code`\n# heading\n> quote';

function excerpt(text: string, n: number, article = 'a.txt'): Excerpt {
  return { text, speaker: 'Kaja Kallas', kind: 'direct', paragraph: n, article: { title: `Title of ${article}`, date: '2025-12-15', url: `https://news.example/${article}`, file: article } };
}

function answer(outlets: number, excerptsPerOutlet: number, text: string): AnswerResult {
  return {
    question: 'what did Kallas say?',
    speaker: { name: 'Kaja Kallas', aliases: ['Kallas'], roles: ['EU foreign affairs chief'] },
    outlets: Array.from({ length: outlets }, (_, i) => ({
      outlet: `Outlet ${i}`,
      excerpts: Array.from({ length: excerptsPerOutlet }, (_, j) => excerpt(`${text} ${j}`, j + 1, `f${i}-${j % 3}.txt`)),
    })),
    absent: ['cashwinner.info'],
    notice: null,
    suggestions: [],
    parsed: { type: 'person', person: 'Kaja Kallas', topic: null, outlet: null },
    span: null,
    undatedLeftOut: 0,
  };
}

describe('escapeText', () => {
  it('shows mentions, markdown and links as written and never leaves a line', () => {
    const out = escapeText(HOSTILE);
    expect(out).not.toMatch(/(^|[^\\])<[@#]/);
    expect(out).not.toMatch(/@everyone/);
    expect(out).not.toContain('\n');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('\\[click\\](https://evil.example)');
  });
});

describe('renderAnswer', () => {
  it('puts speaker and role in the header, one block per outlet with linked title, date, quote and paragraph', () => {
    const [page] = renderAnswer(answer(2, 1, 'real troops and real capabilities'));
    expect(page!.embeds[0]!.title).toBe('Kaja Kallas — EU foreign affairs chief');
    expect(page!.embeds[0]!.description).toContain('Not reported by: cashwinner.info');
    expect(page!.embeds[0]!.footer?.text).toBe('Question: what did Kallas say?');
    expect(page!.embeds[1]!.title).toBe('Outlet 0');
    expect(page!.embeds[1]!.description).toContain('**[Title of f0-0.txt](https://news.example/f0-0.txt)** · 15 Dec 2025');
    expect(page!.embeds[1]!.description).toContain('> real troops and real capabilities 0 *(¶1)*');
  });

  it('pages a long answer instead of cutting it, every page within the limits', () => {
    const long = 'word '.repeat(300).trim();
    const pages = renderAnswer(answer(14, 8, long));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(messageLimitProblems({ embeds: page.embeds })).toEqual([]);
    const shown = pages.flatMap((p) => p.embeds.slice(1)).map((e) => e.description ?? '').join('\n');
    const cited = shown.match(/\*\(¶\d+\)\*/g) ?? [];
    expect(cited).toHaveLength(14 * 8);
    expect(pages.at(-1)!.embeds[0]!.footer?.text).toMatch(/Page \d+ of \d+$/);
  });

  it('keeps hostile article text inside its quote and pings nobody', () => {
    const [page] = renderAnswer(answer(1, 1, HOSTILE));
    const description = page!.embeds[1]!.description!;
    for (const line of description.split('\n').slice(1)) expect(line.startsWith('> ')).toBe(true);
    expect(description).not.toMatch(/(^|[^\\])<@/);
    expect(description).not.toContain('@everyone');
  });

  it('explains an empty answer with its notice and suggestions', () => {
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
  });
});

describe('renderComparison', () => {
  it('shows each outlet side by side with changed words bold and underlined', () => {
    const comparison: Comparison = {
      speaker: { name: 'Volodymyr Zelenskyy', aliases: [], roles: ['President of Ukraine'] },
      topic: null,
      notice: null,
      suggestions: [],
      shared: [
        {
          versions: [
            { outlet: 'CNA', text: 'compromise on our part', kind: 'direct', paragraph: 3, article: excerpt('', 3).article, diff: [{ text: 'compromise on our part', changed: false }] },
            {
              outlet: 'LBC',
              text: 'compromise from our part',
              kind: 'direct',
              paragraph: 5,
              article: excerpt('', 5, 'b.txt').article,
              diff: [{ text: 'compromise ', changed: false }, { text: 'from', changed: true }, { text: ' our part', changed: false }],
            },
          ],
        },
      ],
    };
    const [page] = renderComparison(comparison, { person: 'Zelenskyy', topic: null });
    const fields = page!.embeds[1]!.fields!;
    expect(fields.map((f) => f.name)).toEqual(['CNA · 15 Dec 2025', 'LBC · 15 Dec 2025']);
    expect(fields[1]!.value).toContain('> compromise **__from__** our part');
    expect(fields.every((f) => f.inline)).toBe(true);
    expect(messageLimitProblems({ embeds: page!.embeds })).toEqual([]);
  });

  it('marks changed words without swallowing the spaces around them', () => {
    expect(renderDiff([{ text: 'a', changed: false }, { text: ' b* ', changed: true }, { text: 'c', changed: false }])).toBe('a **__b\\*__** c');
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
  const longTitleAnswer = (excerpts: number, text: string): AnswerResult => {
    const result = answer(14, excerpts, text);
    for (const outlet of result.outlets) {
      outlet.outlet = `${outlet.outlet} ${'x'.repeat(200)}`;
      for (const e of outlet.excerpts) e.article = { ...e.article, title: `*${'T'.repeat(300)}*`, url: `https://news.example/${'p'.repeat(240)}` };
    }
    return { ...result, question: `${'why '.repeat(200)}?`, absent: Array.from({ length: 50 }, (_, i) => `Absent outlet ${i}`) };
  };

  it('every page fits 2000 characters however long the parts, and no quote is lost', () => {
    const long = 'word '.repeat(300).trim();
    const pages = renderAnswerText(longTitleAnswer(8, long));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2000);
    const cited = pages.join('\n').match(/\*\(¶\d+\)\*/g) ?? [];
    expect(cited).toHaveLength(14 * 8);
    pages.forEach((page, i) => expect(page.split('\n').at(-1)).toMatch(new RegExp(` · Page ${i + 1} of ${pages.length}$`)));
    // A page that starts inside an outlet says which outlet it is.
    expect(pages.slice(1).every((page) => /\n\n__\*\*Outlet \d+/.test(page))).toBe(true);
  });

  it('keeps hostile text escaped inside its quote line, and escapes the question in the footer', () => {
    const result = { ...answer(1, 1, HOSTILE), question: 'what did @everyone <@&223456789012345678> say?' };
    const [page] = renderAnswerText(result);
    expect(page).not.toMatch(/(^|[^\\])<[@#]/);
    expect(page).not.toMatch(/@everyone/);
    const quote = page!.split('\n').filter((line) => line.includes('evil.example'));
    expect(quote).toHaveLength(1);
    expect(quote[0]!.startsWith('> ')).toBe(true);
    expect(page!.split('\n').at(-1)).toBe('-# Question: what did @\u200beveryone \\<@&223456789012345678\\> say?');
  });

  it('a comparison and a reload report fit too', () => {
    const version = (outlet: string) => ({ outlet, text: 'w '.repeat(900), kind: 'direct' as const, paragraph: 1, article: excerpt('', 1).article, diff: [] });
    const comparison: Comparison = {
      speaker: { name: 'Volodymyr Zelenskyy', aliases: [], roles: [] },
      topic: null,
      notice: null,
      suggestions: [],
      shared: Array.from({ length: 6 }, () => ({ versions: Array.from({ length: 5 }, (_, i) => version(`Outlet ${i}`)) })),
    };
    const pages = renderComparisonText(comparison, { person: 'Zelenskyy', topic: null });
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(2000);
    expect(pages.join('\n').match(/^> /gm)).toHaveLength(30);
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
