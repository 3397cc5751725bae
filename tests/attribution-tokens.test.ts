// Word tokens of a paragraph: ASCII words, words with accented letters or curly apostrophes, sums, marks.
import { describe, expect, it } from 'vitest';
import { findQuotes, tokenize } from '../src/attribution/tokens.js';

function words(text: string): string[] {
  return tokenize(text, 0, text.length, findQuotes(text)).map((t) => t.text);
}

describe('tokenize', () => {
  it('keeps an owner’s curly apostrophe and an accented word whole; a bare trailing apostrophe is a mark', () => {
    expect(words("Zelenskyy’s aide and Williams' lawyer met José Núñez at the café.")).toEqual([
      'Zelenskyy’s',
      'aide',
      'and',
      'Williams',
      "'",
      'lawyer',
      'met',
      'José',
      'Núñez',
      'at',
      'the',
      'café',
      '.',
    ]);
  });

  it('reads a sum as one word and a lone currency sign as a mark', () => {
    expect(words('It cost $5.5 million, €20 more, then $ nothing.')).toEqual([
      'It',
      'cost',
      '$5.5',
      'million',
      ',',
      '€20',
      'more',
      ',',
      'then',
      '$',
      'nothing',
      '.',
    ]);
  });

  it('ends a word before a doubled apostrophe that opens or closes a quotation', () => {
    expect(words("He called it ''a disgrace'' and didn't ''care''.")).toEqual([
      'He',
      'called',
      'it',
      "'",
      "'",
      'a',
      'disgrace',
      "'",
      "'",
      'and',
      "didn't",
      "'",
      "'",
      'care',
      "'",
      "'",
      '.',
    ]);
  });

  it('keeps the period of an abbreviation or initial, not of a sentence’s last word', () => {
    expect(words('Sen. George W. Bush of Calif. said yesterday.')).toEqual(['Sen.', 'George', 'W.', 'Bush', 'of', 'Calif.', 'said', 'yesterday', '.']);
  });

  it('marks the words inside a quotation as quoted, not its marks', () => {
    const text = 'Lee said “we will win” today.';
    const quoted = tokenize(text, 0, text.length, findQuotes(text))
      .filter((t) => t.quoted)
      .map((t) => t.text);
    expect(quoted).toEqual(['we', 'will', 'win']);
  });
});
