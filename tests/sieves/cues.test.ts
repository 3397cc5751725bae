// The cue family: for each cue, a whole-statement sieve, the speaker sieves, then the content sieves
// (sentences written for these tests). Each case also shows what is lost with its sieve switched off.
import { describe, expect, it } from 'vitest';
import { attributeWithout, statementsOf } from '../support/attribute.js';

function said(disabled: string[], name: string, ...paragraphs: string[]) {
  return statementsOf(attributeWithout(disabled, ...paragraphs), name);
}

describe('opening-participles', () => {
  const p = 'Noting that the river had flooded twice this year, Marta Lindqvist called for a new barrier.';
  it('gives the opening participle’s clause to the subject after its comma', () => {
    expect(said([], 'Marta Lindqvist', p)).toContainEqual(
      expect.objectContaining({ text: 'the river had flooded twice this year', cue: 'Noting', kind: 'indirect' }),
    );
  });
  it('switched off, the participle speaker sieve still finds it; with that off too, the clause is no one’s', () => {
    expect(said(['opening-participles'], 'Marta Lindqvist', p).map((s) => s.text)).toContain('the river had flooded twice this year');
    expect(said(['opening-participles', 'speaker-participle'], 'Marta Lindqvist', p).map((s) => s.text)).not.toContain('the river had flooded twice this year');
  });
});

describe('speaker-participle', () => {
  const p = 'Tomas Berglund opened the meeting, saying the budget would be cut by a tenth.';
  it('gives a participle after a comma to the main clause’s subject', () => {
    expect(said([], 'Tomas Berglund', p)).toMatchObject([{ text: 'the budget would be cut by a tenth', cue: 'saying' }]);
  });
  it('switched off, the participle has no speaker', () => {
    expect(said(['speaker-participle'], 'Tomas Berglund', p)).toEqual([]);
  });
});

describe('speaker-before', () => {
  const p = 'Marta Lindqvist, who has run the port since 2015, said the cranes would be replaced.';
  it('finds the name before the cue across a relative clause', () => {
    expect(said([], 'Marta Lindqvist', p)).toMatchObject([{ text: 'the cranes would be replaced', cue: 'said', kind: 'indirect' }]);
  });
  it('switched off, no other sieve names her', () => {
    expect(said(['speaker-before'], 'Marta Lindqvist', p)).toEqual([]);
  });
  it('gives the person, not the end of an organisation’s name: “X of the Centre for Coastal Studies said”', () => {
    const q = 'Marta Lindqvist of the Centre for Coastal Studies said the cranes would be replaced.';
    expect(said([], 'Marta Lindqvist', q)).toMatchObject([{ text: 'the cranes would be replaced', cue: 'said' }]);
    expect(said([], 'Coastal Studies', q)).toEqual([]);
  });
});

describe('speaker-coordinated', () => {
  const p = 'Tomas Berglund left the hall early and said the vote had been rigged from the start.';
  it('gives a coordinated cue the clause’s subject', () => {
    expect(said([], 'Tomas Berglund', p)).toMatchObject([{ text: 'the vote had been rigged from the start', cue: 'said' }]);
  });
  it('switched off, the cue has no subject of its own', () => {
    expect(said(['speaker-coordinated'], 'Tomas Berglund', p)).toEqual([]);
  });
});

describe('speaker-inverted', () => {
  const p = '“Prices will fall before the harvest,” said Tomasz Nowak.';
  it('takes the name after an inverted cue', () => {
    expect(said([], 'Tomasz Nowak', p)).toMatchObject([{ text: 'Prices will fall before the harvest', cue: 'said', kind: 'direct' }]);
  });
  it('switched off, the quote has no speaker', () => {
    expect(said(['speaker-inverted'], 'Tomasz Nowak', p)).toEqual([]);
  });
  it('reads an employer of two capitalised words and a role before the name as a description, not the speaker', () => {
    const q = '“The harvest was the worst in a decade,” said Grain Watch president Tomasz Nowak.';
    expect(said([], 'Tomasz Nowak', q)).toMatchObject([{ text: 'The harvest was the worst in a decade', cue: 'said' }]);
    expect(said([], 'Grain Watch', q)).toEqual([]);
  });
});

describe('pronouns', () => {
  const paragraphs = ['Marta Lindqvist runs the port.', 'She said the cranes would be replaced next spring.'];
  it('gives “she” to the salient woman', () => {
    expect(said([], 'Marta Lindqvist', ...paragraphs)).toMatchObject([{ text: 'the cranes would be replaced next spring', cue: 'said' }]);
  });
  it('switched off, a pronoun names no one', () => {
    expect(said(['pronouns'], 'Marta Lindqvist', ...paragraphs)).toEqual([]);
  });
});

describe('descriptions', () => {
  const paragraphs = [
    'Dmitri Orlov, a spokesman for the fisheries ministry, met the trawler owners on Monday.',
    'The spokesman said the quota talks would resume in June.',
  ];
  it('gives “the spokesman” to the person the article gave that role', () => {
    expect(said([], 'Dmitri Orlov', ...paragraphs)).toMatchObject([{ text: 'the quota talks would resume in June', cue: 'said' }]);
  });
  it('switched off, a description names no one', () => {
    expect(said(['descriptions'], 'Dmitri Orlov', ...paragraphs)).toEqual([]);
  });
});

describe('content-from-speaker', () => {
  const p = 'Noting that the river – swollen by a week of rain – had flooded twice, Marta Lindqvist asked the council for help.';
  it('keeps the clause the speaker sieve bounded', () => {
    expect(said([], 'Marta Lindqvist', p)).toContainEqual(
      expect.objectContaining({ text: 'the river – swollen by a week of rain – had flooded twice', cue: 'Noting' }),
    );
  });
  it('switched off, the later content sieves bound it otherwise', () => {
    expect(said(['content-from-speaker'], 'Marta Lindqvist', p).map((s) => s.text)).not.toContain('the river – swollen by a week of rain – had flooded twice');
  });
});

describe('quote-before', () => {
  const p = '“We will not retreat from the coast,” Amelia Hartley said on Tuesday, “whatever the ministry decides.”';
  it('takes the quote before the cue and its second half after it', () => {
    expect(said([], 'Amelia Hartley', p)).toMatchObject([
      { kind: 'direct', text: 'We will not retreat from the coast … whatever the ministry decides.', cue: 'said' },
    ]);
  });
  it('takes the quote when the speaker’s outlet or employer stands before the name', () => {
    const q = [
      '“The coast road will close by noon,” Harbour Radio’s Amelia Hartley said.',
      '“Nobody expected the storm to turn north,” the Gazette’s weather editor Lena Horvath wrote.',
    ];
    expect(said([], 'Amelia Hartley', ...q)).toMatchObject([{ text: 'The coast road will close by noon', cue: 'said' }]);
    expect(said([], 'Lena Horvath', ...q)).toMatchObject([{ text: 'Nobody expected the storm to turn north', cue: 'wrote' }]);
    expect(said(['quote-before'], 'Amelia Hartley', ...q)).toEqual([]);
  });
  it('switched off, the quote before the cue is not hers', () => {
    expect(said(['quote-before'], 'Amelia Hartley', p).map((s) => s.text)).not.toContain('We will not retreat from the coast … whatever the ministry decides.');
  });
});

describe('as-frame', () => {
  const p = 'As Marta Lindqvist put it, the port cannot take larger ships without dredging.';
  it('takes the clause after “as X put it,”', () => {
    expect(said([], 'Marta Lindqvist', p)).toMatchObject([{ text: 'the port cannot take larger ships without dredging', cue: 'put it', kind: 'indirect' }]);
  });
  it('switched off, the frame gives nothing', () => {
    expect(said(['as-frame'], 'Marta Lindqvist', p).map((s) => s.text)).not.toContain('the port cannot take larger ships without dredging');
  });
});

describe('after-cue', () => {
  it('takes a that-clause after the cue', () => {
    expect(said([], 'Marta Lindqvist', 'Marta Lindqvist said that the port would reopen in May.')).toMatchObject([
      { text: 'the port would reopen in May', cue: 'said', kind: 'indirect' },
    ]);
  });
  it('takes the object of an object cue, with the verb as the cue', () => {
    expect(said([], 'Tomas Berglund', 'Tomas Berglund rejected suggestions that the bridge should be closed to lorries.')).toMatchObject([
      { text: 'suggestions that the bridge should be closed to lorries', cue: 'rejected' },
    ]);
  });
  it('takes the sentence around a bracketed cue', () => {
    expect(said([], 'Tomas Berglund', 'The repairs, Tomas Berglund said, would take until the autumn.')).toMatchObject([
      { text: 'The repairs … would take until the autumn', cue: 'said' },
    ]);
  });
  it('switched off, no content is bounded after the cue', () => {
    expect(said(['after-cue'], 'Marta Lindqvist', 'Marta Lindqvist said that the port would reopen in May.')).toEqual([]);
  });
});
