import { describe, expect, it } from 'vitest';
import { foldedBytes, phraseNeedle, StatementColumns } from '../src/search/columns.js';
import { comparable } from '../src/text/normalize.js';

/** The definition who-said answers by: the folded words of the phrase, in order, inside the folded text. */
const byFolding = (phrase: string, text: string): boolean => ` ${comparable(text)} `.includes(` ${comparable(phrase)} `);

const texts = [
  'We will not give up, in one year than in ten.',
  '“In one year,” than ever before',
  'Within one year than',
  'in one yearly than',
  'IN   ONE—YEAR...THAN',
  'in_one year than',
  'Vaitkevičius said it was in one year than expected',
  'Ein Jahr: café in one year than',
  'a matter of survival',
  'Mr Vaitkevicius is “not for sale”',
  'Mr Vaitkevičius is «not for sale»',
  'É tão simples: in one year than',
  'über den Krieg',
];

const phrases = [
  'in one year than',
  'IN ONE year, than',
  'one year',
  'vaitkevicius',
  'Vaitkevičius is not',
  'not for sale',
  'cafe in one',
  'uber den',
  'e tao',
  'than',
];

/** Each text once, split over two chunks as an index that grew by an append holds them. */
const table = StatementColumns.of(texts.slice(0, 5).map((text, i) => ({ text, speaker: 'a', outlet: 'X', date: `2025-03-0${i + 1}` }))).extended(
  texts.slice(5).map((text) => ({ text, speaker: 'b', outlet: 'Y', date: null })),
);
const holdsIn = (phrase: string, text: string): boolean => {
  const needle = phraseNeedle(phrase);
  return needle !== null && table.holds(texts.indexOf(text), needle);
};

describe('who said: which statements hold a phrase', () => {
  it('folds text exactly as phrases are compared elsewhere', () => {
    for (const text of [...texts, '', '  ...  ', 'A1-b2_C3']) expect(foldedBytes(text).toString('utf8'), text).toBe(` ${comparable(text)} `);
  });

  it('agrees with folding both texts, for case, punctuation, quotes, dashes and diacritics', () => {
    for (const phrase of phrases) for (const text of texts) expect(holdsIn(phrase, text), `${phrase} in ${text}`).toBe(byFolding(phrase, text));
  });

  it('matches whole words only, in the order asked, never across two statements', () => {
    expect(holdsIn('in one year than', 'We will not give up, in one year than in ten.')).toBe(true);
    expect(holdsIn('in one year than', 'IN   ONE—YEAR...THAN')).toBe(true);
    expect(holdsIn('in one year than', 'Within one year than')).toBe(false);
    expect(holdsIn('in one year than', 'in one yearly than')).toBe(false);
    expect(holdsIn('vaitkevicius', 'Vaitkevičius said it was in one year than expected')).toBe(true);
    // The end of one text and the start of the next are not one sentence.
    expect(holdsIn('in ten in one', 'We will not give up, in one year than in ten.')).toBe(false);
    expect(holdsIn('in ten in one', '“In one year,” than ever before')).toBe(false);
  });

  it("knows each statement's speaker across chunks", () => {
    expect(table.speakerIds[table.speakerCode(0)]).toBe('a');
    expect(table.speakerIds[table.speakerCode(texts.length - 1)]).toBe('b');
    expect(table.speakerCode(texts.length)).toBe(-1);
  });

  it("knows each statement's day across chunks, undated as 0", () => {
    expect([0, 4, 5, texts.length - 1].map((k) => table.dayOf(k))).toEqual([20250301, 20250305, 0, 0]);
    expect(table.dayOf(texts.length)).toBe(-1);
  });

  it('has nothing to look for in a phrase of punctuation only', () => {
    expect(phraseNeedle('“…”')).toBeNull();
  });
});
