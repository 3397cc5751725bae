// Where reported content starts and ends after its cue (sentences written for these tests, not taken from any corpus).
import { describe, expect, it } from 'vitest';
import { attribute, said } from '../support/attribute.js';

describe('a "that" right after the cue', () => {
  it('is the subject of the content when a verb follows it, so the clause is still reported', () => {
    const r = attribute('Ingrid Solberg chairs the harbour board.', 'Solberg said that was partly because the ferry company had never paid its dues.');
    expect(said(r, 'Ingrid Solberg')).toEqual(['that was partly because the ferry company had never paid its dues']);
  });
  it('also after a time adverbial before it', () => {
    const r = attribute('Piet Ramaker said on Friday that would leave the canal without a keeper for the winter.');
    expect(said(r, 'Piet Ramaker')).toEqual(['that would leave the canal without a keeper for the winter']);
  });
  it('stays a conjunction, left out of the content, when a clause with its own subject follows', () => {
    const r = attribute('Piet Ramaker said that the canal would close for the winter.');
    expect(said(r, 'Piet Ramaker')).toEqual(['the canal would close for the winter']);
  });
});
