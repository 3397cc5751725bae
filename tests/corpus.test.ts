import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../src/corpus/clean.js';
import { loadCorpus } from '../src/corpus/load.js';
import { SEED_CORPUS, withTempCorpus } from './helpers.js';

describe('cleaning scraped pages', () => {
  it('drops page furniture from the seed pages and never takes it as a title', async () => {
    const { articles } = await loadCorpus(SEED_CORPUS);
    const rfe = articles.find((a) => a.outlet === 'RFE/RL');
    expect(rfe?.title).toBe('US-Ukraine Negotiators Agree To Return For Second Day After 5 Hours Of Talks');
    const text = articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('\n');
    for (const furniture of [
      'Accessibility links',
      'Breaking News',
      'Listen',
      '5 min',
      'AI-generated',
      'please wait',
      '0:00',
      'XS',
      'Tags',
      'undesirable organization',
    ]) {
      expect(text).not.toContain(furniture);
    }
    // The caption printed twice is gone; the article's own first paragraph is kept.
    expect(text).not.toContain('officials meet in the Chancellery');
    expect(rfe?.paragraphs[0]?.text).toMatch(/^Ukrainian President Volodymyr Zelenskyy completed/);
  });

  it('applies the same rules to another page', () => {
    const page = [
      'Skip to main content',
      'Menu',
      'Senate passes budget bill',
      'Share',
      '4 min read',
      'The Senate passed the budget on Tuesday after a long night of debate.',
      'Advertisement',
      'We use cookies to improve your experience. Accept all cookies',
      'Photo: Reuters',
      '"It is a good day," Senator Ana Lopez told reporters.',
      'Related',
      'Another story',
      '© 2026 Example News. All rights reserved.',
    ].join('\n\n');
    const cleaned = cleanArticleText(page);
    expect(cleaned.headline).toBe('Senate passes budget bill');
    expect(cleaned.paragraphs).toEqual([
      'The Senate passed the budget on Tuesday after a long night of debate.',
      '"It is a good day," Senator Ana Lopez told reporters.',
    ]);
    expect(cleaned.footerOutlet).toBe('Example News');
  });

  it('keeps a short lead-in that ends in a colon over a quotation, and drops a short label over prose', () => {
    const page = [
      'Council backs the harbour plan',
      'The council voted on Monday to back the harbour plan after a long debate.',
      'Mayor Lindqvist stated:',
      '“The harbour will be dredged before the summer, whatever the ministry decides.”',
      'Photos from the vote:',
      'The vote was twelve to three, with two members absent.',
    ].join('\n\n');
    expect(cleanArticleText(page).paragraphs).toEqual([
      'The council voted on Monday to back the harbour plan after a long debate.',
      'Mayor Lindqvist stated:',
      '“The harbour will be dredged before the summer, whatever the ministry decides.”',
      'The vote was twelve to three, with two members absent.',
    ]);
  });

  it('infers title, date and outlet when neither frontmatter nor sources.json says', async () => {
    const { articles } = await loadCorpus(SEED_CORPUS);
    const lbc = articles.find((a) => a.file === '002_190b2f4bf00dd89e.txt');
    expect(lbc?.title).toBe('Ukraine abandons ambitions to join NATO as latest peace talks get underway');
    expect(lbc?.date).toBe('2025-12-14');
  });
});

describe('loading a corpus folder', () => {
  it('reads frontmatter, and reports each broken file by name while the rest load', async () => {
    await withTempCorpus(async (dir) => {
      await writeFile(
        path.join(dir, 'fm.md'),
        '---\noutlet: The Herald\ntitle: Budget passes\ndate: 2026-01-02\nurl: https://example.org/a\n---\nThe Senate passed the budget.\n\n"It is a good day," said Ana Lopez.\n',
      );
      await writeFile(path.join(dir, 'empty.txt'), '');
      await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
      await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9]));
      await writeFile(path.join(dir, 'badyaml.md'), '---\noutlet: [unclosed\n---\nText here that is long enough to be a paragraph.\n');
      await writeFile(
        path.join(dir, 'utf16.txt'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Headline here\r\n\r\nThe mayor said the bridge will open in May.\r\n', 'utf16le')]),
      );
      await writeFile(path.join(dir, 'copy.txt'), await import('node:fs/promises').then((fs) => fs.readFile(path.join(dir, '003_9d8285dfcdeb9e65.txt'))));
      await mkdir(path.join(dir, 'loop'));
      await symlink('..', path.join(dir, 'loop', 'again'));
      await symlink('/etc', path.join(dir, 'outside'));
      const { articles, problems } = await loadCorpus(dir);
      const reasons = Object.fromEntries(problems.map((p) => [p.file, p.reason]));
      expect(reasons['empty.txt']).toMatch(/empty/);
      expect(reasons['binary.txt']).toMatch(/binary/);
      expect(reasons['latin1.txt']).toMatch(/UTF-8/);
      expect(reasons['badyaml.md']).toMatch(/frontmatter/);
      expect(reasons.outside).toMatch(/outside the corpus/);
      expect(Object.keys(reasons).some((f) => f.startsWith('loop'))).toBe(true);
      const fm = articles.find((a) => a.file === 'fm.md');
      expect(fm).toMatchObject({ outlet: 'The Herald', title: 'Budget passes', date: '2026-01-02', url: 'https://example.org/a' });
      expect(articles.find((a) => a.file === 'utf16.txt')?.paragraphs[0]?.text).toBe('The mayor said the bridge will open in May.');
      // Identical files are one article, cited once, with the other name kept.
      const cash = articles.filter((a) => a.paragraphs[0]?.text.startsWith('Ukraine has given up its goal'));
      expect(cash).toHaveLength(1);
      expect(cash[0]?.alsoAt).toEqual(['copy.txt']);
      expect(articles.filter((a) => a.file.endsWith('.txt') && a.file.startsWith('00'))).toHaveLength(5);
    });
  });

  it('keeps the same wire copy printed by two outlets as two articles', async () => {
    await withTempCorpus(async (dir) => {
      const body = 'Talks resume in Geneva\n\n"We are close," envoy Ana Lopez told reporters.\n';
      await writeFile(path.join(dir, 'wire-a.md'), `---\noutlet: The Herald\n---\n${body}`);
      await writeFile(path.join(dir, 'wire-b.md'), `---\noutlet: Daily Post\n---\n${body}`);
      const { articles } = await loadCorpus(dir);
      expect(articles.filter((a) => a.file.startsWith('wire-')).map((a) => a.outlet)).toEqual(['The Herald', 'Daily Post']);
    });
  });

  it('reports sources.json that is not valid JSON and still loads the articles', async () => {
    await withTempCorpus(async (dir) => {
      await writeFile(path.join(dir, 'sources.json'), '{ not json');
      const { articles, problems } = await loadCorpus(dir);
      expect(problems.find((p) => p.file === 'sources.json')?.reason).toMatch(/invalid JSON/);
      expect(articles).toHaveLength(5);
      expect(articles[0]?.outlet).toBe('000_80e74d5ca70cb1f7');
    });
  });
});
