import { describe, expect, it } from 'vitest';
import { phraseTest } from '../src/search/phrase.js';
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

describe('who said: which texts hold a phrase', () => {
  it('agrees with folding both texts, for case, punctuation, quotes, dashes and diacritics', () => {
    for (const phrase of phrases) {
      const holds = phraseTest(phrase);
      expect(holds, phrase).not.toBeNull();
      for (const text of texts) expect(holds?.(text), `${phrase} in ${text}`).toBe(byFolding(phrase, text));
    }
  });

  it('matches whole words only, in the order asked', () => {
    const holds = phraseTest('in one year than');
    expect(holds?.('We will not give up, in one year than in ten.')).toBe(true);
    expect(holds?.('IN   ONE—YEAR...THAN')).toBe(true);
    expect(holds?.('Within one year than')).toBe(false);
    expect(holds?.('in one yearly than')).toBe(false);
    expect(holds?.('than one year in')).toBe(false);
    expect(phraseTest('vaitkevicius')?.('Vaitkevičius said it')).toBe(true);
  });

  it('has nothing to look for in a phrase of punctuation only', () => {
    expect(phraseTest('“…”')).toBeNull();
  });
});
