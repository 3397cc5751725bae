// Regression floor on ten annotated political news articles (tests/fixtures/dev-slice, a copy of part of
// the attribution development set): the whole path from files to statements, scored by token overlap.
import { describe, expect, it } from 'vitest';
import { devF1, goldKind, goldSurname, scoreDev } from '../src/eval/dev.js';

describe('attribution on annotated news (dev slice)', () => {
  it('keeps F1, precision, direct-quote recall and speaker accuracy above their floors', async () => {
    const score = await scoreDev('tests/fixtures/dev-slice');
    const precision = score.overall.precision.hit / score.overall.precision.total;
    const direct = score.byKind.direct.recall;
    // Measured 0.841 F1 / 0.942 precision / 1.000 direct recall / 1.000 speaker accuracy when the floor was last raised.
    expect(devF1(score)).toBeGreaterThanOrEqual(0.82);
    expect(precision).toBeGreaterThanOrEqual(0.92);
    expect(direct.hit / direct.total).toBeGreaterThanOrEqual(0.95);
    expect(score.speakerAccuracy.hit / score.speakerAccuracy.total).toBeGreaterThanOrEqual(0.95);
    expect(score.unplaced).toBe(0);
  });
});

describe('scoring helpers', () => {
  it('reads the surname out of a gold source with titles, appositions and places', () => {
    expect(goldSurname('Democratic nominee Hillary Clinton')).toBe('clinton');
    expect(goldSurname('Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus')).toBe('clyburn');
    expect(goldSurname('Representative Charles B. Rangel of New York')).toBe('rangel');
    expect(goldSurname('Secretary of State John F. Kerry')).toBe('kerry');
    expect(goldSurname('The minister of the economy, Mr. Guajardo Villarreal,')).toBe('villarreal');
    expect(goldSurname('Vice President Joseph R. Biden Jr.')).toBe('biden');
    expect(goldSurname('the campaign')).toBeNull();
    expect(goldSurname('Her campaign manager, Robby Mook,')).toBe('mook');
    expect(goldSurname('Florida’s Republican attorney general, Pam Bondi,')).toBe('bondi');
  });

  it('derives the kind of gold content from its quotation marks', () => {
    expect(goldKind('“We will win this state.”')).toBe('direct');
    expect(goldKind("''We will win this state.''")).toBe('direct');
    expect(goldKind('the deal was “a disaster” for workers')).toBe('mixed');
    expect(goldKind('the deal was bad for workers')).toBe('indirect');
  });
});
