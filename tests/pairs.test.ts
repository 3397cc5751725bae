// Word pairs as ids, which grouping compares: spellings that fold alike give the same ids, a repeated
// pair counts once, and grouping reads the same groups through an engine's long-lived pair table as
// through a fresh one (ids are only ever compared within one table).

import { describe, expect, it } from 'vitest';
import { groupStatements } from '../src/answer/groups.js';
import { containsShare, MAX_WORDS, PairTable, plainWords, sameIds, sharedCount } from '../src/answer/pairs.js';
import { words } from '../src/text/normalize.js';
import type { ShownStatement } from '../src/types.js';

function shown(text: string, outlet: string, paragraph = 1): ShownStatement {
  return {
    text,
    speaker: 'Kaja Kallas',
    kind: 'direct',
    cue: 'said',
    paragraph,
    article: { title: `${outlet} story`, date: '2025-12-15', url: `https://news.example/${outlet}`, file: `${outlet}.txt` },
    outlet,
    verbatim: true,
    offset: 0,
  };
}

describe('pair ids', () => {
  it('are the same for texts that differ only in case, punctuation, quotes and diacritics', () => {
    const table = new PairTable();
    const a = table.pairsOf('“Security guarantees” must be legally binding, Kallas said.');
    const b = table.pairsOf('security GUARANTEES must be legally binding — kallas said');
    const c = table.pairsOf('Security guarantees must be légally binding, Kállas said');
    expect(sameIds(a.sorted, b.sorted)).toBe(true);
    expect(sameIds(a.sorted, c.sorted)).toBe(true);
    expect(a.order).toHaveLength(7);
    expect(sameIds(a.sorted, table.pairsOf('Security guarantees must be binding, Kallas said').sorted)).toBe(false);
  });

  it('count a repeated pair once, where it first occurs, and keep word order', () => {
    const table = new PairTable();
    const repeated = table.pairsOf('we will we will win');
    // we will, will we, will win
    expect(repeated.order).toHaveLength(3);
    expect([...repeated.sorted]).toEqual([...repeated.order].sort((x, y) => x - y));
    expect(repeated.order[0]).toBe(table.pairsOf('we will').order[0]);
    expect(repeated.order[1]).toBe(table.pairsOf('will we').order[0]);
    expect(table.pairsOf('will we').order[0]).not.toBe(table.pairsOf('we will').order[0]);
    expect(table.pairsOf('one').order).toHaveLength(0);
  });

  it('compare as the grouping thresholds need', () => {
    const table = new PairTable();
    const whole = table.pairsOf('a b c d e f g h i j k').sorted;
    expect(sharedCount(table.pairsOf('a b c d x y').sorted, whole)).toBe(3);
    // 8 of 10 pairs in the whole: exactly 80 %.
    expect(containsShare(table.pairsOf('a b c d e f g h i z y').sorted, whole, 0.8)).toBe(true);
    expect(containsShare(table.pairsOf('a b c d e f g h z y x').sorted, whole, 0.8)).toBe(false);
    expect(containsShare(new Int32Array(0), whole, 0.8)).toBe(false);
  });
});

describe('plain words', () => {
  it('are the folded words of text whose letters are ASCII, curly quotes and dashes included', () => {
    for (const text of [
      '“We won’t back down,” said O’Neill — twice – at 10:30 on the A4.',
      "«Non» — it's `final´; costs−rise ‘sharply’ „now‟ ″x″",
      'UPPER lower MiXeD 2025 x_y tab\there',
      '',
      '  ...  ',
    ]) {
      expect(plainWords(text)).toEqual(words(text));
    }
  });

  it('leave text with any other character beyond ASCII (accents, no-break spaces) to the full fold', () => {
    expect(plainWords('Kállas said')).toBeNull();
    expect(plainWords('Kallas said naïvely')).toBeNull();
    expect(plainWords('Kallas\u00a0said')).toBeNull();
  });
});

describe('grouping through a pair table', () => {
  const statements = [
    shown('Security guarantees must be legally binding for Ukraine, Kallas said.', 'A'),
    shown('“Security guarantees must be legally binding for Ukraine,” she said', 'B'),
    shown('We will not recognise the annexation of any Ukrainian territory.', 'A', 2),
    shown('Security guarantees must be legally binding for Ukraine.', 'C'),
    shown('Europe will keep supporting Kyiv for as long as it takes.', 'C', 2),
  ];

  it('gives the same groups from a table that served earlier answers as from a fresh one', () => {
    const table = new PairTable();
    table.pairsOf('Europe will keep supporting Kyiv');
    const fresh = groupStatements(statements);
    expect(groupStatements(statements, table)).toEqual(fresh);
    expect(groupStatements([...statements].reverse(), table)).toEqual(groupStatements([...statements].reverse()));
    // A table a few words short of its bound crosses it during the grouping (its later pairs take the overflow ids): it keeps its ids through
    // the grouping and starts over only between groupings.
    const full = new PairTable();
    full.pairsOf(Array.from({ length: MAX_WORDS - 4 }, (_, j) => `w${j}`).join(' '));
    const early = full.pairsOf(statements[0]!.text);
    expect(groupStatements(statements, full)).toEqual(fresh);
    expect(full.pairsOf(statements[0]!.text)).toBe(early);
    full.bound();
    expect(full.pairsOf(statements[0]!.text)).not.toBe(early);
    expect(groupStatements(statements, full)).toEqual(fresh);
    // The guarantee carried by three outlets is one group, shown first; the others stand alone.
    expect(fresh).toHaveLength(3);
    expect(fresh[0]?.versions.map((v) => v.outlet)).toEqual(['A', 'B', 'C']);
  });

  const table = new PairTable();

  it('an outlet that carried the words twice starts a second group, which later outlets join (the later of two equal groups)', () => {
    const words = 'Security guarantees must be legally binding for Ukraine, Kallas said.';
    const copies = [shown(words, 'A'), shown(words, 'B'), shown(words, 'A', 2), shown(words, 'C'), shown(words, 'B', 3)];
    const groups = groupStatements(copies, table);
    expect(groups.map((g) => g.versions.map((v) => `${v.outlet}${v.paragraph}`))).toEqual([
      ['A2', 'C1', 'B3'],
      ['A1', 'B1'],
    ]);
  });
});
