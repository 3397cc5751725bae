// Colon labels that open paragraphs (sentences written for these tests, not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { attribute, said } from '../support/attribute.js';

describe('a transcript’s labels', () => {
  const transcript = [
    'Host Rhona Vik spoke with the economist Edgar Moll about rents.',
    'Vik: Rents rose again this spring. Tenants are leaving the centre. Where do they go?',
    'Moll: Mostly to the suburbs along the tram line.',
    'Vik: So the tram decides the market now. That would be new.',
  ];
  it('give the speaker every sentence of the paragraph the label opens, when the label opens more than one paragraph', () => {
    expect(said(attribute(...transcript), 'Rhona Vik')).toEqual([
      'Rents rose again this spring. Tenants are leaving the centre. Where do they go?',
      'So the tram decides the market now. That would be new',
    ]);
  });
  it('give a label used once only its own sentence, as a heading would', () => {
    const r = attribute('Edgar Moll studies housing.', 'Moll: Rents rose again this spring. The council, meanwhile, has set up a new office.');
    expect(said(r, 'Edgar Moll')).toEqual(['Rents rose again this spring']);
  });
});
