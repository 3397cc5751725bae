// "asked by X whether …": the question is X's (sentences written for these tests, not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { attribute, attributeWithout, said } from '../support/attribute.js';

describe('asked-by', () => {
  const p = 'Asked by Lena Horvath whether the ferry would run in winter, Oskar Brandt said the harbour would decide in March.';
  it('gives the question to the one named after "asked by", and the answer to the subject', () => {
    const r = attribute(p);
    expect(said(r, 'Lena Horvath')).toEqual(['whether the ferry would run in winter']);
    expect(said(r, 'Oskar Brandt')).toEqual(['the harbour would decide in March']);
  });
  it('skips a description and a day between the name and the question', () => {
    const r = attribute('Oskar Brandt was asked by host Lena Horvath on Sunday about the ferry timetable for the winter.');
    expect(said(r, 'Lena Horvath')).toEqual(['about the ferry timetable for the winter']);
  });
  it('leaves "asked by" with no question after it alone', () => {
    expect(said(attribute('The change was asked by Lena Horvath in a letter to the council.'), 'Lena Horvath')).toEqual([]);
  });
  it('switched off, the question is no one’s', () => {
    expect(said(attributeWithout(['asked-by'], p), 'Lena Horvath')).toEqual([]);
  });
});
