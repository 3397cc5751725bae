import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../src/corpus/clean.js';
import { titleFromProse, titleFromSlug } from '../src/corpus/titles.js';
import { loadCorpus } from '../src/corpus/load.js';
import { Engine, buildCorpus } from '../src/answer/engine.js';
import { FIXTURES, SEED_CORPUS } from './helpers.js';

const PAGES = path.join(FIXTURES, 'pages');

async function withPages<T>(files: Record<string, string>, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'whosaid-html-'));
  try {
    for (const [name, source] of Object.entries(files)) {
      if (source.startsWith('<')) await writeFile(path.join(dir, name), source);
      else await copyFile(path.join(PAGES, source), path.join(dir, name));
    }
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('web pages in the corpus', () => {
  it('reads the main text of a news page, paragraphs kept, and none of its navigation, banner or related links', async () => {
    await withPages({ 'news.html': 'news.html' }, async (dir) => {
      const { articles, problems } = await loadCorpus(dir);
      expect(problems).toEqual([]);
      const a = articles[0];
      expect(a?.title).toBe('Merz urges patience as Berlin hosts Ukraine talks');
      expect(a?.outlet).toBe('The Harbour Times');
      expect(a?.date).toBe('2025-12-16');
      expect(a?.author).toBe('Anna Weber');
      expect(a?.url).toBe('https://harbourtimes.example/world/2025/12/16/merz-urges-patience-ukraine-talks');
      const texts = a?.paragraphs.map((p) => p.text) ?? [];
      expect(texts).toHaveLength(5);
      expect(texts[1]).toBe(
        '“We are not going to accept a peace that rewards aggression,” Merz told reporters at the Chancellery. “Ukraine must decide its own future.”',
      );
      const all = texts.join('\n');
      for (const furniture of ['cookies', 'Politics', 'Markets rally', 'Five things', 'All rights reserved', 'About us']) expect(all).not.toContain(furniture);
    });
  });

  it('takes the date from JSON-LD, from a <time> element, and the outlet from og:site_name on an AMP page', async () => {
    await withPages({ 'ld.html': 'jsonld.html', 'time.html': 'time.html', 'amp.html': 'amp.html' }, async (dir) => {
      const { articles } = await loadCorpus(dir);
      const by = Object.fromEntries(articles.map((a) => [a.file, a]));
      expect(by['ld.html']).toMatchObject({
        title: 'Kallas rejects buffer zone idea',
        date: '2025-12-17',
        outlet: 'Nordic Wire',
        url: 'https://nordicwire.example/news/kallas-rejects-buffer-zone',
      });
      expect(by['time.html']).toMatchObject({ title: 'Zelenskyy: guarantees must be legally binding', date: '2025-12-18' });
      expect(by['time.html']?.paragraphs[0]?.text).toMatch(/^Ukrainian President Volodymyr Zelenskyy said on Thursday/);
      // No date in the AMP page's metadata: its canonical URL carries one.
      expect(by['amp.html']).toMatchObject({
        title: 'Witkoff sees progress in Berlin',
        outlet: 'Plains Daily',
        date: '2025-12-19',
        url: 'https://plainsdaily.example/2025/12/19/witkoff-sees-progress-in-berlin.html',
      });
      expect(by['amp.html']?.paragraphs).toHaveLength(3);
    });
  });

  it('finds who said what in a page like in a text file', async () => {
    await withPages({ 'news.html': 'news.html', 'ld.html': 'jsonld.html' }, async (dir) => {
      const engine = new Engine((await buildCorpus(dir)).corpus);
      const merz = await engine.ask('what did Merz say?');
      expect(merz.speaker?.name).toBe('Friedrich Merz');
      expect(merz.outlets[0]?.outlet).toBe('The Harbour Times');
      expect(merz.outlets[0]?.excerpts.map((e) => e.text).join(' ')).toContain('We are not going to accept a peace that rewards aggression');
      const kallas = await engine.ask('what did Kallas say?');
      expect(kallas.outlets.map((o) => o.outlet).sort()).toEqual(['Nordic Wire', 'The Harbour Times']);
    });
  });

  it('reports a page with no article text by name and loads the others', async () => {
    await withPages(
      {
        'news.html': 'news.html',
        'empty.html': '<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>',
        'junk.htm': '<<<>>> <p',
      },
      async (dir) => {
        const { articles, problems } = await loadCorpus(dir);
        expect(articles.map((a) => a.file)).toEqual(['news.html']);
        expect(problems.map((p) => p.file).sort()).toEqual(['empty.html', 'junk.htm']);
        for (const p of problems) expect(p.reason).toMatch(/no article text|not an HTML page/);
      },
    );
  });

  it('never takes a masthead that repeats the site name as the title', async () => {
    const page =
      '<html><head><meta property="og:site_name" content="Kyiv Courier"><title>Kyiv Courier</title></head><body><div>KYIV COURIER</div><article><p>Officials said on Thursday that the talks in Berlin would resume next month after a pause for the holidays.</p><p>“We are ready,” the Ukrainian negotiator Rustem Umerov said in a statement.</p></article></body></html>';
    await withPages({ 'p.html': page }, async (dir) => {
      const { articles } = await loadCorpus(dir);
      expect(articles[0]?.outlet).toBe('Kyiv Courier');
      expect(articles[0]?.title).not.toMatch(/courier/i);
      expect(articles[0]?.title).toBe('Officials said on Thursday that the talks in Berlin would resume next month after a pause for the holidays.');
    });
    const cleaned = cleanArticleText('The Harbour Times\n\nTalks resume in Berlin\n\nThe talks resumed on Monday after a pause.', {
      mastheads: ['The Harbour Times'],
    });
    expect(cleaned.headline).toBe('Talks resume in Berlin');
  });
});

describe('titles and dates for every format', () => {
  it('gives the seed articles a headline that is never a sentence cut mid-clause, and a date to RFE/RL from "December 14"', async () => {
    const { articles } = await loadCorpus(SEED_CORPUS);
    const cna = articles.find((a) => a.outlet === 'CNA');
    expect(cna?.title).toBe('Ukraine drops NATO goal Trump envoy sees progress peace talks Russia Zelenskyy Putin Russia');
    for (const a of articles) expect(a.title).not.toMatch(/…$/);
    expect(articles.find((a) => a.outlet === 'RFE/RL')?.date).toBe('2025-12-14');
  });

  it("spells a slug in the article's own case and drops ids", () => {
    expect(
      titleFromSlug('https://example.org/world/merz-meets-nato-chief-in-berlin-5581336', 'Friedrich Merz met the NATO chief in Berlin. Merz said little.'),
    ).toBe('Merz meets NATO chief in Berlin');
    expect(titleFromSlug('https://example.org/article/5581336', 'x')).toBeNull();
  });

  it('shortens a long first sentence at a clause boundary or a word boundary, never mid-word', () => {
    const long =
      'President Volodymyr Zelenskyy offered to drop Ukraine’s aspirations to join the NATO military alliance, as he held five hours of talks with United States envoys in Berlin on Sunday.';
    expect(titleFromProse(long)).toBe('President Volodymyr Zelenskyy offered to drop Ukraine’s aspirations to join the NATO military alliance');
    const noClause = `AAA${' word'.repeat(40)}.`;
    const t = titleFromProse(noClause);
    expect(t.endsWith(' word…')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(120);
  });

  it('reads "Dec. 14, 2025", "14 December" and "December 14" with the year from the other articles', async () => {
    expect(cleanArticleText('Talks end\n\nThe talks ended in Berlin on Dec. 14, 2025, officials said.').date).toBe('2025-12-14');
    expect(cleanArticleText('Talks end\n\nThe talks ended in Berlin on 14 December, officials said.').dayMonth).toEqual({ month: 12, day: 14 });
    const dir = await mkdtemp(path.join(tmpdir(), 'whosaid-dates-'));
    try {
      await writeFile(path.join(dir, 'a.md'), '---\ndate: 2024-01-03\n---\nTalks\n\nThe talks opened on Wednesday, officials said.\n');
      await writeFile(path.join(dir, 'b.txt'), 'Talks end\n\nThe talks ended in Berlin on December 30, officials said.\n');
      const { articles } = await loadCorpus(dir);
      // Nearest the corpus's other article (January 2024), not the year the file was saved.
      expect(articles.find((a) => a.file === 'b.txt')?.date).toBe('2023-12-30');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
