import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { wordDiff } from '../src/answer/compare.js';
import { seedEngineOnce } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngineOnce();
});

describe('comparing how outlets worded a statement', () => {
  it('lines up the same quote across outlets and marks "on our part" against "from our part"', async () => {
    const comparison = await engine.compare('Zelenskyy', null);
    const compromise = comparison.shared.find((s) => s.versions.some((v) => v.text.includes('compromise')));
    expect(compromise?.versions.map((v) => v.outlet).sort()).toEqual(['CNA', 'LBC', 'RFE/RL', 'cashwinner.info']);
    const marked = compromise!.versions.flatMap((v) => v.diff.filter((d) => d.changed).map((d) => d.text.trim()));
    expect(marked.some((m) => /^(on|from)$/.test(m))).toBe(true);
    // The diff is the text itself, cut into pieces: nothing added, nothing lost.
    for (const v of compromise!.versions) expect(v.diff.map((d) => d.text).join('')).toBe(v.text);
  });

  it('keeps different statements apart even when they share vocabulary', async () => {
    const comparison = await engine.compare('Zelenskyy', null);
    for (const statement of comparison.shared) {
      const outlets = statement.versions.map((v) => v.outlet);
      expect(new Set(outlets).size).toBe(outlets.length);
    }
    const beginning = comparison.shared.find((s) => s.versions.some((v) => v.text.startsWith('From the very beginning')));
    expect(beginning?.versions.some((v) => v.text.includes('instead of NATO membership'))).toBe(false);
  });

  it('explains when nothing was reported by two outlets', async () => {
    const comparison = await engine.compare('Kallas', null);
    expect(comparison.shared).toEqual([]);
    expect(comparison.notice).toMatch(/two or more outlets/);
  });

  it('marks only the words that differ', () => {
    expect(wordDiff('a compromise on our part', 'a compromise from our part')).toEqual([
      { text: 'a compromise ', changed: false },
      { text: 'from ', changed: true },
      { text: 'our part', changed: false },
    ]);
  });
});
