// The people sieves: who is named, genders, roles, honorifics, and places (sentences written for these tests).
import { describe, expect, it } from 'vitest';
import { attributeWithout, statementsOf } from '../support/attribute.js';

describe('names', () => {
  it('registers full names so their statements have a speaker', () => {
    const paragraphs = ['Marta Lindqvist said the port would reopen in May after the repairs.'];
    expect(statementsOf(attributeWithout([], ...paragraphs), 'Marta Lindqvist')).toMatchObject([
      { text: 'the port would reopen in May after the repairs', cue: 'said' },
    ]);
    expect(attributeWithout(['names'], ...paragraphs).people.find((p) => p.name === 'Marta Lindqvist')).toBeUndefined();
  });
});

describe('genders', () => {
  const paragraphs = [
    'Lena Voss leads the opposition on the council.',
    'Oskar Brandt said he would stand again next year.',
    '“We will fight every cut to the library budget,” she said.',
  ];

  it('learns from “X said he …” that X is a man, so a later “she” is someone else', () => {
    expect(statementsOf(attributeWithout([], ...paragraphs), 'Lena Voss').map((s) => s.text)).toEqual(['We will fight every cut to the library budget']);
  });

  it('switched off, the most recent person takes the “she”', () => {
    expect(statementsOf(attributeWithout(['genders'], ...paragraphs), 'Lena Voss')).toEqual([]);
  });
});

describe('appositions', () => {
  const paragraphs = [
    'Dmitri Orlov, a spokesman for the fisheries ministry, met the trawler owners on Monday.',
    'The spokesman said the quota talks would resume in June.',
  ];

  it('gives a person the role an apposition names, so a later description finds him', () => {
    const r = attributeWithout([], ...paragraphs);
    expect(r.people.find((p) => p.name === 'Dmitri Orlov')?.roles).toContain('spokesman for the fisheries ministry');
    expect(statementsOf(r, 'Dmitri Orlov')).toMatchObject([{ text: 'the quota talks would resume in June', cue: 'said' }]);
  });

  it('switched off, the role is unknown and the description names no one', () => {
    expect(statementsOf(attributeWithout(['appositions'], ...paragraphs), 'Dmitri Orlov')).toEqual([]);
  });
});

describe('honorifics', () => {
  const paragraphs = [
    'Anna Kurz owns the bakery on the square.',
    'Paul Weber runs the shop next door.',
    '“The rent is too high for any of us,” she said.',
    'Mr. Weber declined to comment.',
  ];

  it('learns from a later “Mr.” that a person is a man before any pronoun is resolved', () => {
    const r = attributeWithout([], ...paragraphs);
    expect(statementsOf(r, 'Anna Kurz').map((s) => s.text)).toEqual(['The rent is too high for any of us']);
    expect(statementsOf(r, 'Paul Weber')).toEqual([]);
  });

  it('switched off, the “she” goes to the most recent person', () => {
    expect(statementsOf(attributeWithout(['honorifics'], ...paragraphs), 'Paul Weber').map((s) => s.text)).toEqual(['The rent is too high for any of us']);
  });
});

describe('places', () => {
  const paragraphs = ['The trade delegation flew to Valdoria on Monday for the talks.', 'Valdoria said the treaty could not be signed this year.'];

  it('makes a lone word the article also uses as a place an institution', () => {
    expect(attributeWithout([], ...paragraphs).people.find((p) => p.name === 'Valdoria')?.kind).toBe('organisation');
  });

  it('switched off, it stays a person', () => {
    expect(attributeWithout(['places'], ...paragraphs).people.find((p) => p.name === 'Valdoria')?.kind).toBe('person');
  });
});
