// Sieves that look at a whole sentence or its quotations, and the bookkeeping later sentences read
// (sentences written for these tests). Each case also shows what is lost with its sieve switched off.
import { describe, expect, it } from 'vitest';
import { attributeCorpus } from '../../src/attribution/index.js';
import { attributeWithout, statementsOf, testArticle } from '../support/attribute.js';

function said(disabled: string[], name: string, ...paragraphs: string[]) {
  return statementsOf(attributeWithout(disabled, ...paragraphs), name);
}

describe('colon-labels', () => {
  const paragraphs = ['Okafor: The housing bill will fail without new money', 'Ruth Okafor chairs the housing committee in the state senate.'];
  it('gives a name-and-colon label’s claim to a person the article names elsewhere', () => {
    expect(said([], 'Ruth Okafor', ...paragraphs)).toMatchObject([{ text: 'The housing bill will fail without new money', cue: ':', kind: 'indirect' }]);
  });
  it('switched off, the label says nothing', () => {
    expect(said(['colon-labels'], 'Ruth Okafor', ...paragraphs)).toEqual([]);
  });
});

describe('headline-claims', () => {
  const title = 'Berglund Tells Council To Find The Money';
  const article = testArticle([title, 'Tomas Berglund, the mayor, spoke to reporters on Monday.'], 'bridge.md', title);
  it('gives a headline’s “Name Verbs …” claim to that person', () => {
    expect(statementsOf(attributeCorpus([article]), 'Tomas Berglund')).toMatchObject([{ text: 'Council To Find The Money', cue: 'Tells', paragraph: 1 }]);
  });
  it('switched off, the headline says nothing', () => {
    expect(statementsOf(attributeCorpus([article], undefined, { disabled: new Set(['headline-claims']) }), 'Tomas Berglund')).toEqual([]);
  });
});

describe('possessive-claims', () => {
  const paragraphs = ['Tomas Berglund is the mayor.', 'Engineers disputed Berglund’s claim that the bridge was unsafe.'];
  it('gives what follows a person’s speech noun to that person', () => {
    expect(said([], 'Tomas Berglund', ...paragraphs)).toMatchObject([{ text: 'the bridge was unsafe', cue: 'claim', kind: 'indirect' }]);
  });
  it('switched off, the claim is no one’s', () => {
    expect(said(['possessive-claims'], 'Tomas Berglund', ...paragraphs)).toEqual([]);
  });
  it('reads a speech noun with a word or two before it, and a promise or vow “to …”', () => {
    expect(
      said(
        [],
        'Tomas Berglund',
        paragraphs[0] as string,
        'Voters cheered Berglund’s fire-breathing vows to close the old bridge.',
        'Critics target Berglund’s false claims that the bridge was unsafe.',
      ).map((s) => s.text),
    ).toEqual(['close the old bridge', 'the bridge was unsafe']);
  });
  it('leaves a speech noun another person judges to that person: “called Berglund’s remarks on the bridge a new low”', () => {
    expect(said([], 'Tomas Berglund', paragraphs[0] as string, 'Engineer Ann Holm called Berglund’s remarks on the bridge a “new low.”')).toEqual([]);
  });
});

describe('according-to', () => {
  const p = 'The port will reopen in May, according to Marta Lindqvist.';
  it('gives the sentence to the source after “according to”', () => {
    expect(said([], 'Marta Lindqvist', p)).toMatchObject([{ text: 'The port will reopen in May', cue: 'according to' }]);
  });
  it('switched off, the sentence is no one’s', () => {
    expect(said(['according-to'], 'Marta Lindqvist', p)).toEqual([]);
  });
  it('takes the person a possessive owner describes, not the owner', () => {
    expect(said([], 'Wilma Benn', 'The port will reopen in May, according to Ronald Regan’s former education secretary Wilma Benn.')).toMatchObject([
      { text: 'The port will reopen in May' },
    ]);
  });
  it('reads “as reported by” the same way, keeping the frame as the cue', () => {
    expect(said([], 'Marta Lindqvist', 'As first reported by Marta Lindqvist, the port will reopen in May.')).toMatchObject([
      { text: 'the port will reopen in May', cue: 'As first reported by' },
    ]);
  });
});

describe('labelled-quotes', () => {
  const paragraphs = [
    'Marta Lindqvist gave evidence to the committee on Monday.',
    'Here is Lindqvist in 2019: “The harbour cannot take larger ships without dredging.”',
  ];
  it('gives a quote under a label with one person’s name and a colon to that person', () => {
    expect(said([], 'Marta Lindqvist', ...paragraphs)).toMatchObject([
      { text: 'The harbour cannot take larger ships without dredging.', cue: ':', kind: 'direct' },
    ]);
  });
  it('switched off, the labelled quote is no one’s', () => {
    expect(said(['labelled-quotes'], 'Marta Lindqvist', ...paragraphs)).toEqual([]);
  });
  it('reads a label after a heading and a dash: “Heading - Name: “…””', () => {
    const p = 'FERRY NUMBERS FELL AGAIN IN THE WINTER MONTHS - Oskar Brandt: “Fewer people crossed in January than in any month since 1998.”';
    expect(said([], 'Oskar Brandt', p)).toMatchObject([{ text: 'Fewer people crossed in January than in any month since 1998.', cue: ':' }]);
    expect(said(['labelled-quotes'], 'Oskar Brandt', p)).toEqual([]);
  });
  it('finds the label after an opening phrase, or the name right before the colon, and a quote closed with a left mark', () => {
    const r = attributeWithout(
      [],
      'In a radio interview later that day, Tom Crane went even further: “If he goes forward and loses, it is the end of his career.”',
      'The timing of the surge does not surprise Republican pollster Dara Shaw: “Lesser-known candidates have seen the biggest boost.”',
      '“It is unusual and hard to pull off,“ said Larry Noble, an attorney.',
    );
    expect(statementsOf(r, 'Tom Crane').map((s) => s.text)).toEqual(['If he goes forward and loses, it is the end of his career.']);
    expect(statementsOf(r, 'Dara Shaw').map((s) => s.text)).toEqual(['Lesser-known candidates have seen the biggest boost.']);
    expect(statementsOf(r, 'Larry Noble').map((s) => s.text)).toEqual(['It is unusual and hard to pull off']);
  });
  it('never gives a labelled quote to the one addressed, and reads a person’s speech noun as the label', () => {
    const r = attributeWithout(
      [],
      'Senate Leader Mitch Mallon, R-Ky., delivered a blunt message to Tom Crane: “It is time to quit attacking people and get on message.”',
      'Hilda Crane’s response was: “Is the harbour master from Ohio or from Wisconsin?”',
    );
    expect(statementsOf(r, 'Tom Crane')).toEqual([]);
    expect(statementsOf(r, 'Mitch Mallon').map((s) => s.text)).toEqual(['It is time to quit attacking people and get on message.']);
    expect(statementsOf(r, 'Hilda Crane').map((s) => s.text)).toEqual(['Is the harbour master from Ohio or from Wisconsin?']);
  });
});

describe('signature-lines', () => {
  const paragraphs = [
    'Marta Lindqvist and Oskar Brandt debated the harbour plan.',
    '"The harbour has never once made a profit. I wrote the plan that saved it."',
    '- Lindqvist.',
    'She did not write the plan alone.',
  ];
  it('gives a paragraph that is only a quotation to the name on the dash line under it', () => {
    expect(said([], 'Marta Lindqvist', ...paragraphs)).toMatchObject([
      { paragraph: 2, text: 'The harbour has never once made a profit. I wrote the plan that saved it.', kind: 'direct' },
    ]);
  });
  it('overrides the guess that the quotation went on from the last speaker', () => {
    const p = ['“The plan is sound,” Oskar Brandt said.', ...paragraphs.slice(1, 3), 'Marta Lindqvist did not write the plan alone.'];
    expect(said([], 'Oskar Brandt', ...p).map((s) => s.paragraph)).toEqual([1]);
    expect(said([], 'Marta Lindqvist', ...p).map((s) => s.paragraph)).toEqual([2]);
  });
  it('leaves a dash line under prose alone, and is switched off by name', () => {
    expect(said([], 'Marta Lindqvist', paragraphs[0] as string, 'The harbour has never made a profit.', '- Lindqvist.')).toEqual([]);
    expect(said(['signature-lines'], 'Marta Lindqvist', ...paragraphs)).toEqual([]);
  });
});

describe('speech-tags', () => {
  const paragraphs = ['Tomas Berglund faced the council on Monday.', '“You have not even read the report,” Berglund shot back with a laugh.'];
  it('gives a quote and a speech tag with an unlisted verb to the tag’s subject', () => {
    expect(said([], 'Tomas Berglund', ...paragraphs)).toMatchObject([{ text: 'You have not even read the report', cue: 'shot back', kind: 'direct' }]);
  });
  it('switched off, the quote is no one’s', () => {
    expect(said(['speech-tags'], 'Tomas Berglund', ...paragraphs)).toEqual([]);
  });
  it('takes a verb trusted only before "that" as a tag right after a quote: “…,” Berglund continued.', () => {
    const p = ['Tomas Berglund faced the council on Monday.', '“Nobody on this council has read the ferry report,” Berglund continued.'];
    expect(said([], 'Tomas Berglund', ...p)).toMatchObject([{ text: 'Nobody on this council has read the ferry report', cue: 'continued' }]);
    // Off, only the learned passes could take it (they judge that verb after a named speaker themselves).
    expect(said(['speech-tags', 'learned-cues', 'learned'], 'Tomas Berglund', ...p)).toEqual([]);
  });
  it('takes an inverted tag, verb then name: “…,” beamed Berglund / remembered Ida Sundqvist, a former clerk', () => {
    const p = [
      'Tomas Berglund faced the council on Monday.',
      '“This is the best harbour on the coast!” beamed Berglund.',
      '“Nobody wanted the second pier at all,” remembered Ida Sundqvist, a former harbour clerk.',
    ];
    expect(said([], 'Tomas Berglund', ...p)).toMatchObject([{ text: 'This is the best harbour on the coast!', cue: 'beamed' }]);
    expect(said([], 'Ida Sundqvist', ...p)).toMatchObject([{ text: 'Nobody wanted the second pier at all', cue: 'remembered' }]);
  });
  it('leaves a tag verb whose name goes on into a clause of its own alone', () => {
    const r = attributeWithout([], '“The pier is closed for the winter,” reported Ida Sundqvist was wrong about that.');
    expect(statementsOf(r, 'Ida Sundqvist')).toEqual([]);
  });
});

describe('salience', () => {
  const paragraphs = ['Marta Lindqvist runs the port.', 'She said the cranes would be replaced next spring.'];
  it('keeps a sentence’s subject for the pronouns of the next', () => {
    expect(said([], 'Marta Lindqvist', ...paragraphs)).toHaveLength(1);
  });
  it('switched off, no one is salient and the pronoun names no one', () => {
    expect(said(['salience'], 'Marta Lindqvist', ...paragraphs)).toEqual([]);
  });
});

describe('continued-quotes', () => {
  const paragraphs = [
    '“We will not retreat from the coast,” Amelia Hartley said on Tuesday.',
    '“The sea wall will be finished before the winter storms arrive.”',
  ];
  it('gives a bare quote after a speaker’s quote to the same speaker, with no cue of its own', () => {
    expect(said([], 'Amelia Hartley', ...paragraphs)[1]).toMatchObject({
      text: 'The sea wall will be finished before the winter storms arrive.',
      cue: null,
      cueSpan: null,
      paragraph: 2,
    });
  });
  it('switched off, the bare quote is no one’s', () => {
    expect(said(['continued-quotes'], 'Amelia Hartley', ...paragraphs)).toHaveLength(1);
  });
  it('keeps a quote that ends its sentence apart from a next speaker whose cue has its own clause', () => {
    const p =
      '“We will not retreat,” Amelia Hartley told reporters. “The sea wall will be finished before the winter storms.” Mayor Oskar Brandt said he would rather move the road inland.';
    expect(said([], 'Amelia Hartley', p).map((s) => s.text)).toEqual(['We will not retreat', 'The sea wall will be finished before the winter storms.']);
    expect(said([], 'Oskar Brandt', p).map((s) => s.text)).toEqual(['he would rather move the road inland']);
  });
});

describe('colon-handover', () => {
  const paragraphs = [
    'Amelia Hartley made the following remarks about the flood defences:',
    '“The sea wall will be finished before the winter storms arrive.”',
  ];
  it('hands a paragraph-ending colon’s speaker the quotation that opens the next paragraph', () => {
    expect(said([], 'Amelia Hartley', ...paragraphs)).toMatchObject([{ text: 'The sea wall will be finished before the winter storms arrive.', paragraph: 2 }]);
  });
  it('switched off, that quotation is no one’s', () => {
    expect(said(['colon-handover'], 'Amelia Hartley', ...paragraphs)).toEqual([]);
  });
});
