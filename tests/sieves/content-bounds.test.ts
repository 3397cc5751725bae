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

describe('the one told, before the content', () => {
  it('ends at a subject pronoun after a name, as after "reporters"', () => {
    const r = attribute('Dana Whitfield told AP she was leaning toward the harbour plan.');
    expect(said(r, 'Dana Whitfield')).toEqual(['she was leaning toward the harbour plan']);
  });
  it('keeps an object pronoun with the one told', () => {
    const r = attribute('Dana Whitfield told him it would close before the winter.');
    expect(said(r, 'Dana Whitfield')).toEqual(['it would close before the winter']);
  });
});

describe('a short description apposed to the name that opens the sentence', () => {
  it('makes the name the speaker, whatever the noun ("Another ally, X, said")', () => {
    const r = attribute('Another ally, Tomas Vale, said the bridge tolls would fall in May.');
    expect(said(r, 'Tomas Vale')).toEqual(['the bridge tolls would fall in May']);
  });
  it('still finds the speaker after an opening time phrase', () => {
    const r = attribute('A day later, Tomas Vale, the mayor, said the bridge tolls would fall in May.');
    expect(said(r, 'Tomas Vale')).toEqual(['the bridge tolls would fall in May']);
  });
});

describe('an object with a short bracket inside', () => {
  it('runs on past a party tag or an acronym to what is asked of it', () => {
    const r = attribute('Senator Ilse Norrby called on Gov. Aron Pike (R) to resign over the water crisis.');
    expect(said(r, 'Ilse Norrby')).toEqual(['Gov. Aron Pike (R) to resign over the water crisis']);
  });
});

describe('a trailing cue', () => {
  it('reports the sentence before it when only a day follows ("…, Fiorina said Monday.")', () => {
    const r = attribute(
      'The harbour toll is far too high, Ingrid Solberg said Monday.',
      'Solberg will retire in the spring, she told the board two months ago.',
    );
    expect(said(r, 'Ingrid Solberg')).toEqual(['The harbour toll is far too high', 'Solberg will retire in the spring']);
  });
  it('does not end the sentence at "v." in a case name, nor take the second party as a speaker', () => {
    const r = attribute('Ingrid Solberg said the judges would overturn Roe v. Wade, and reminded the board of the toll.');
    expect(said(r, 'Ingrid Solberg')[0]).toBe('the judges would overturn Roe v. Wade');
    expect(r.people.map((p) => p.name)).not.toContain('Wade');
  });
});

describe('the end of a clause after its cue', () => {
  it('stops before ", but she said …": a second act of saying with its own subject', () => {
    const r = attribute('Ingrid Solberg said the toll would stay, but she said the ferry could run on Sundays.');
    expect(said(r, 'Ingrid Solberg')).toEqual(['the toll would stay', 'the ferry could run on Sundays']);
  });
});

describe('the one told and the words between subject and cue', () => {
  it('ends the one told at a name: "told POLITICO the union will …"', () => {
    const r = attribute('Phil Marsh told POLITICO the union will sit out the election.');
    expect(said(r, 'Phil Marsh')).toEqual(['the union will sit out the election']);
  });
  it('reads "told reporters this was …" as content, not "this week"', () => {
    const r = attribute('While the council waited, Phil Marsh told reporters this was the only chance to pass the toll.');
    expect(said(r, 'Phil Marsh')).toEqual(['this was the only chance to pass the toll']);
  });
  it('skips "since" and a day between the speaker and the cue, and reads a sum as a word', () => {
    const r = attribute(
      'Ingrid Solberg has since said she would support a higher toll.',
      'Phil Marsh Sunday night recounted a meeting with the harbour board.',
      'Marsh announced $5 million more was being sent to the harbour.',
    );
    expect(said(r, 'Ingrid Solberg')).toEqual(['she would support a higher toll']);
    expect(said(r, 'Phil Marsh')).toEqual(['a meeting with the harbour board', '$5 million more was being sent to the harbour']);
  });
});

describe('as-frames with where it was said', () => {
  it('takes the quotation before "as X said on …" and the sentence before a trailing one', () => {
    const r = attribute(
      'Still, the fact that the race “is a dead heat right now,” as Tom Crane said on a radio program on Monday, only magnifies the problem.',
      'The harbour toll is too high, as Crane said on Monday.',
      'As Crane noted in a speech, the ferry is slow.',
    );
    expect(said(r, 'Tom Crane')).toEqual(['is a dead heat right now', 'The harbour toll is too high', 'the ferry is slow']);
  });
});

describe('trailing speakers with a description, and lists of objects', () => {
  it('closes the content at the comma before "journalist Martha Raddatz said" and "Trump’s confidant Roger Stone stated"', () => {
    const r = attribute(
      'Many voters found it offensive, journalist Marta Radisson said.',
      'There is concern about the machines, Trump’s confidant Roger Stahl stated.',
    );
    expect(said(r, 'Marta Radisson')).toEqual(['Many voters found it offensive']);
    expect(said(r, 'Roger Stahl')).toEqual(['There is concern about the machines']);
  });
  it('keeps a list of objects whole: "thanked his parents, his siblings, his wife and his children"', () => {
    const r = attribute('Governor Dana Kell thanked his parents, his siblings, his wife and his children, as well as his staff.');
    expect(said(r, 'Dana Kell')).toEqual(['his parents, his siblings, his wife and his children']);
  });
});

describe('the one addressed before the content', () => {
  it('skips "his counterpart Vladimir Putin" before "that", and reads "called upon X to …"', () => {
    const r = attribute(
      'Xi Ling has worked hard to calm fears, reassuring his counterpart Vlad Petrov that Beijing has no plans to counter him.',
      'Xi Ling called upon Mayor Bill Blasco to restart the talks.',
    );
    expect(said(r, 'Xi Ling')).toEqual(['Beijing has no plans to counter him', 'Mayor Bill Blasco to restart the talks']);
  });
});

describe('sentence ends', () => {
  it('ends a sentence at "no." unless a number follows ("No. 5")', () => {
    const r = attribute(
      '“Should the dealer be sued for selling a legal product?” Bern Sandler asked, shaking his head no. “But makers should be sued when they know better.”',
      'He was ranked No. 5 on the list, Sandler said.',
    );
    expect(said(r, 'Bern Sandler')).toEqual([
      'Should the dealer be sued for selling a legal product?',
      'But makers should be sued when they know better.',
      'He was ranked No. 5 on the list',
    ]);
  });
});

describe('two quotations after one cue', () => {
  it('keeps ‘“…” and “…”’ together, but leaves narrative after a quote out', () => {
    const r = attribute(
      'Hope Hickson added that “many of his executives are local” and “no one will be stronger on the harbour than him.”',
      'Hickson said “a lot of progress was made” as he and the mayor met.',
    );
    expect(said(r, 'Hope Hickson')).toEqual([
      '“many of his executives are local” and “no one will be stronger on the harbour than him.”',
      '“a lot of progress was made”',
    ]);
  });
});

describe('the writer after the content', () => {
  it('ends reported content before ", while …" and ", according to …"', () => {
    const r = attribute(
      'Ingrid Solberg said the toll would stay, while the council wants it gone.',
      'Solberg told the board the ferry would run on Sundays, according to two members.',
    );
    expect(said(r, 'Ingrid Solberg')).toEqual(['the toll would stay', 'the ferry would run on Sundays']);
  });
});

describe('unquoted words after a colon', () => {
  it('are what was said: "Hewitt writes: The movie mentions …", and "talked up" reports its object', () => {
    const r = attribute(
      'Hugh Hewlett writes: The movie mentions neither the mayor nor the harbour master by name.',
      'Hewlett talked up his plans to rebuild the pier.',
    );
    expect(said(r, 'Hugh Hewlett')).toEqual(['The movie mentions neither the mayor nor the harbour master by name', 'his plans to rebuild the pier']);
  });
});
