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
    // The diff is the text itself, cut into pieces (the words a version leaves out set apart): nothing added, nothing lost.
    for (const v of compromise!.versions)
      expect(
        v.diff
          .filter((d) => !d.omitted)
          .map((d) => d.text)
          .join(''),
      ).toBe(v.text);
    // The first version is the wording the others are measured against.
    expect(compromise!.versions.map((v) => v.reference)).toEqual([true, false, false, false]);
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

  it('marks only the words that differ, and the words a version leaves out', () => {
    expect(wordDiff('a compromise on our part', 'a compromise from our part')).toEqual([
      { text: 'a compromise ', changed: false },
      { text: 'on ', changed: false, omitted: true },
      { text: 'from ', changed: true },
      { text: 'our part', changed: false },
    ]);
    expect(wordDiff('the guarantees should be legally binding', 'guarantees should be binding')).toEqual([
      { text: 'the ', changed: false, omitted: true },
      { text: 'guarantees should be ', changed: false },
      { text: 'legally ', changed: false, omitted: true },
      { text: 'binding', changed: false },
    ]);
  });

  it('keeps the quote apart from the paraphrase that followed it: "on our part" is compared alone', async () => {
    const comparison = await engine.compare('Zelenskyy', null);
    const compromise = comparison.shared.find((s) => s.versions.some((v) => v.text.includes('compromise')));
    for (const v of compromise!.versions) {
      expect(v.text).not.toContain('legally binding');
      expect(v.verbatim).toBe(true);
    }
    const binding = comparison.shared.find((s) => s.versions.some((v) => v.text.includes('legally binding')));
    expect(binding?.versions.every((v) => !v.verbatim && v.cue === 'adding that')).toBe(true);
  });
});
