// The eval's split filter and ablation, on the ten annotated articles of tests/fixtures/dev-slice.
import { describe, expect, it } from 'vitest';
import { ablate } from '../src/eval/ablate.js';
import { loadDev, scoreDev } from '../src/eval/dev.js';
import { SIEVE_NAMES } from '../src/attribution/index.js';

const SLICE = 'tests/fixtures/dev-slice';

describe('eval --split', () => {
  it('scores only the chosen split, and both apart by default with the same figures', async () => {
    const all = await scoreDev(SLICE);
    const train = await scoreDev(SLICE, 'train');
    const dev = await scoreDev(SLICE, 'dev');
    expect(Object.keys(all.bySplit).sort()).toEqual(['dev', 'train']);
    expect(Object.keys(train.bySplit)).toEqual(['train']);
    expect(Object.keys(dev.bySplit)).toEqual(['dev']);
    expect(train.overall.recall).toEqual(all.bySplit.train?.recall);
    expect(dev.overall.precision).toEqual(all.bySplit.dev?.precision);
    expect(train.overall.recall.total + dev.overall.recall.total).toBe(all.overall.recall.total);
  });

  it('lists misses only from the chosen split', async () => {
    const train = await scoreDev(SLICE, 'train');
    const devFiles = new Set((await loadDev(SLICE)).gold.filter((g) => g.split === 'dev').map((g) => g.file));
    expect(train.misses.length).toBeGreaterThan(0);
    expect(train.misses.some((m) => devFiles.has(m.file))).toBe(false);
  });
});

describe('eval --ablate', () => {
  it('reports the full pipeline, then one row per sieve; switching off a speaker sieve costs F1', async () => {
    const data = await loadDev(SLICE);
    const rows = ablate(data, ['speaker-before', 'places']);
    expect(rows.map((r) => r.sieve)).toEqual([null, 'speaker-before', 'places']);
    const [full, before] = rows;
    expect(before?.f1.train).toBeLessThan(full?.f1.train ?? 0);
    expect(before?.statements).toBeLessThan(full?.statements ?? 0);
    expect(SIEVE_NAMES).toContain('speaker-before');
  });
});
