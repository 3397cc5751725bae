// The synthetic corpus behind `npm run bench`: deterministic, and a valid corpus for the loader.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, ensureCorpus, generateArticles, stripDiacritics } from '../bench/synthetic.js';
import { loadCorpus } from '../src/corpus/load.js';

const scratch = mkdtempSync(join(tmpdir(), 'whosaid-synthetic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('synthetic corpus generator', () => {
  it('gives the same bytes for the same seed, and other bytes for another seed', () => {
    const a = generateArticles(120, DEFAULT_SEED);
    const b = generateArticles(120, DEFAULT_SEED);
    expect(a.map((x) => x.file)).toEqual(b.map((x) => x.file));
    expect(a.map((x) => x.text)).toEqual(b.map((x) => x.text));
    const other = generateArticles(120, DEFAULT_SEED + 1);
    expect(other.map((x) => x.text)).not.toEqual(a.map((x) => x.text));
  });

  it('makes a small corpus the prefix of a larger one, so questions carry across sizes', () => {
    const small = generateArticles(40);
    const large = generateArticles(160);
    expect(large.slice(0, 40).map((x) => x.text)).toEqual(small.map((x) => x.text));
  });

  it('looks like news: many outlets and people, every kind of quote, variants, diacritics, organisations', () => {
    const articles = generateArticles(1000);
    const outlets = new Set(articles.map((a) => a.outlet));
    expect(outlets.size).toBeGreaterThanOrEqual(35);
    const speakers = new Set(articles.flatMap((a) => a.statements.map((s) => s.speaker)));
    expect(speakers.size).toBeGreaterThan(400);
    const kinds = new Set(articles.flatMap((a) => a.statements.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['direct', 'indirect', 'mixed']);
    const text = articles.map((a) => a.text).join('\n');
    // Split quotes, pronoun follow-ups, "according to", a quote left open across paragraphs, scare quotes.
    expect(text).toMatch(/," \S+(?: \S+)*? said, "/);
    expect(text).toMatch(/" (?:he|she) added\./);
    expect(text).toMatch(/\nAccording to /);
    expect(text).toMatch(/: "[^"\n]+\n\n"[^"\n]+\n\n"[^"\n]+"\n/);
    expect(text).toMatch(/so-called "[^"]+"/);
    expect(text).toMatch(/\nThe Kremlin |, the Kremlin said|According to the Kremlin/);
    // The same person printed with and without diacritics by different outlets.
    const withMarks = articles.flatMap((a) => a.statements.map((s) => s.speaker)).find((n) => n !== stripDiacritics(n));
    expect(withMarks).toBeDefined();
    expect(text).toContain(stripDiacritics((withMarks as string).split(' ').pop() as string));
    // Common words everywhere: they are what makes bare-word searches expensive.
    for (const word of ['war', 'government', 'people', 'said', 'year']) {
      const share = articles.filter((a) => new RegExp(`\\b${word}\\b`).test(a.text)).length / articles.length;
      expect(share, word).toBeGreaterThan(0.3);
    }
    // Every recorded statement can be found in its paragraph.
    for (const a of articles.slice(0, 200)) {
      for (const s of a.statements) expect(a.paragraphs[s.paragraph - 1], `${a.file} ¶${s.paragraph}`).toContain(s.snippet);
    }
  });

  it('writes a folder once and reuses it while the marker matches', () => {
    const dir = join(scratch, 'corpus-150');
    const first = ensureCorpus(150, DEFAULT_SEED, dir);
    expect(first.reused).toBe(false);
    expect(first.marker.files).toBe(150);
    const second = ensureCorpus(150, DEFAULT_SEED, dir);
    expect(second.reused).toBe(true);
    expect(second.marker.digest).toBe(first.marker.digest);
    const generated = generateArticles(150);
    for (const article of generated.slice(0, 20)) expect(readFileSync(join(dir, article.file), 'utf8')).toBe(article.text);
    // Another n in the same folder is regenerated, not mistaken for the cached one.
    const other = ensureCorpus(140, DEFAULT_SEED, dir);
    expect(other.reused).toBe(false);
    expect(other.marker.files).toBe(140);
  });

  it('writes files the corpus loader reads with no problems, frontmatter and paragraphs intact', async () => {
    const dir = join(scratch, 'corpus-300');
    ensureCorpus(300, DEFAULT_SEED, dir);
    const { articles, problems } = await loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(300);
    const byFile = new Map(articles.map((a) => [a.file, a]));
    for (const generated of generateArticles(300)) {
      const loaded = byFile.get(generated.file);
      expect(loaded, generated.file).toBeDefined();
      if (!loaded) continue;
      expect(loaded.outlet).toBe(generated.outlet);
      expect(loaded.title).toBe(generated.title);
      expect(loaded.date).toBe(generated.date);
      expect(loaded.url).toBe(generated.url);
      expect(loaded.paragraphs.map((p) => p.text)).toEqual(generated.paragraphs);
    }
  });

  it('reports a damaged file by name and still loads the rest', async () => {
    const dir = join(scratch, 'corpus-damaged');
    const { marker } = ensureCorpus(30, DEFAULT_SEED, dir);
    const victim = generateArticles(30)[7] as { file: string };
    writeFileSync(join(dir, victim.file), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
    const { articles, problems } = await loadCorpus(dir);
    expect(problems.map((p) => p.file)).toEqual([victim.file]);
    expect(articles).toHaveLength(marker.files - 1);
  });
});
