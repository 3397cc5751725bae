// Quotation layout: sentences split after abbreviations, quotes continued in the same paragraph, colon labels.
// Sentences are written for this test, not taken from the dev or seed data.
import { describe, expect, it } from 'vitest';
import { attributeCorpus } from '../src/attribution/index.js';
import { spacedPieces } from '../src/attribution/quotes.js';
import { attribute, said, testArticle } from './support/attribute.js';

describe('quotation layout', () => {
  it('starts a new sentence at a quote after a place abbreviation, and keeps the speaker for it', () => {
    const r = attribute('“The count was fair,” Nora Quill, a county clerk, said at a briefing in Fresno, Calif. “Every ballot was seen twice.”');
    expect(said(r, 'Nora Quill')).toEqual(['The count was fair', 'Every ballot was seen twice.']);
  });

  it('continues a speaker’s quote that the writer finishes with a few words', () => {
    const r = attribute('“It is a modest change,” said Omar Velde, an economist. “It is basically a fee increase” for the largest ports.');
    expect(said(r, 'Omar Velde')).toEqual(['It is a modest change', '“It is basically a fee increase” for the largest ports']);
  });

  it('does not continue a quote when the words after it name someone else', () => {
    const r = attribute('“It is a modest change,” said Omar Velde, an economist. “A fee increase” is how Lena Morse put it on Monday.');
    expect(said(r, 'Omar Velde')).toEqual(['It is a modest change']);
  });

  it('gives a quote after “Name continued:” to that person', () => {
    const r = attribute('Greta Olsen spoke for an hour. Olsen continued: “We will rebuild the pier before the storms come.”');
    expect(said(r, 'Greta Olsen')).toContain('We will rebuild the pier before the storms come.');
  });

  it('gives the next paragraph’s quote to the person whose sentence ends in a colon', () => {
    const r = attribute('On March 3, Paul Darnell made the following comment:', '“Nobody on this council voted to close the harbour, and nobody will.”');
    expect(said(r, 'Paul Darnell')).toEqual(['Nobody on this council voted to close the harbour, and nobody will.']);
  });

  it('reads a headline of the form “Name: words” even when the words hold a verb of saying', () => {
    const headline = 'Varga: Voters Will Say No to the Harbour Tax';
    const r = attributeCorpus([testArticle([headline, 'Mayor Ilona Varga spoke at the town hall on Monday.'], 'b.md', headline)]);
    expect(said(r, 'Ilona Varga')).toEqual(['Voters Will Say No to the Harbour Tax']);
  });

  it('reads a quotation opened with a right-hand mark and signed with a dash', () => {
    const r = attribute('”The ferry is late every single morning and nobody answers for it.” ― Ruth Ellery');
    expect(said(r, 'Ruth Ellery')).toEqual(['The ferry is late every single morning and nobody answers for it.']);
  });

  it('takes a speech tag with a verb of saying it does not list, after or before the quote', () => {
    const after = attribute('“They only came for the free parking and the coffee,” Dale Brixton shot back with a laugh.');
    expect(said(after, 'Dale Brixton')).toEqual(['They only came for the free parking and the coffee']);
    const before = attribute('Mara Feld interjected, “Please let the harbourmaster finish his answer first.”');
    expect(said(before, 'Mara Feld')).toEqual(['Please let the harbourmaster finish his answer first.']);
  });

  it('does not take a capitalised phrase after a quote for a speaker', () => {
    const r = attribute('“Wages must rise before the winter comes,” Fight for Fairness organizer Ana Lowe told the crowd.');
    expect(r.people.map((p) => p.name)).not.toContain('Fight');
  });

  it('resumes the content after an inverted cue and the speaker’s description', () => {
    const r = attribute(
      'The trouble with the port, says Lionel Amsel, historian at the Maritime Museum, is that it "was built for ships that no longer exist."',
    );
    expect(said(r, 'Lionel Amsel')).toEqual(['The trouble with the port … is that it "was built for ships that no longer exist."']);
    const q = attribute('Because the vote came so late, explained Hanna Ruiz, “there was no time left to print new ballots for the district.”');
    expect(said(q, 'Hanna Ruiz')).toEqual(['Because the vote came so late … “there was no time left to print new ballots for the district.”']);
  });

  it('reads a title-case headline claim whose verb runs on from the name', () => {
    const headline = 'The Briefing: Mayor Ilona Varga Tells Harbour Workers They Will Keep Their Jobs';
    const r = attributeCorpus([testArticle([headline, 'Varga spoke at the town hall on Monday.'], 'c.md', headline)]);
    expect(said(r, 'Ilona Varga')).toEqual(['Harbour Workers They Will Keep Their Jobs']);
  });

  it('takes the speaker behind a short lower-case description after the quote', () => {
    const r = attribute('“But who pays for the new pier?” reporter Tilda Banks asked him.');
    expect(said(r, 'Tilda Banks')).toEqual(['But who pays for the new pier?']);
  });

  it('goes on with the same speaker after “before adding:”', () => {
    const r = attribute('“The pier will open in May,” Owen Cray said before adding: “Unless the council finds another reason to wait.”');
    expect(said(r, 'Owen Cray')).toEqual(['The pier will open in May', 'Unless the council finds another reason to wait.']);
  });

  it('keeps a short second quote with the speaker named in the same paragraph', () => {
    const r = attribute('“I would,” Ida Marsh said to the television. “I would, mayor.”');
    expect(said(r, 'Ida Marsh')).toEqual(['I would', 'I would, mayor.']);
  });

  it('finds the subject after two leading adverbials in a row', () => {
    const r = attribute(
      'In June, after Nils Aberg lost the vote, Kira Dunn emailed him, addressing him as “Nils” and telling him, “You fought for the harbour and we need you.”',
    );
    expect(said(r, 'Kira Dunn')).toEqual(['You fought for the harbour and we need you.']);
    expect(said(r, 'Nils Aberg')).toEqual([]);
  });

  it('keeps a cue in an opening subordinate clause to that clause', () => {
    const after = attribute('After Nora Quill testified, the committee adjourned the hearing until Friday morning.');
    expect(after.statements).toEqual([]);
    const although = attribute('Although Nora Quill has admitted using the harbour loophole, she does not defend it.');
    expect(said(although, 'Nora Quill')).toEqual(['using the harbour loophole']);
  });

  it('does not read “added” as speech when something is added to something', () => {
    const r = attribute('Gary Vela added to his fleet of ferries by buying two more in Oslo.', 'Marta Lind added 300 jobs at the port last year.');
    expect(r.statements).toEqual([]);
  });

  it('reads a speech noun a person owns: “X’s claim that …”, “X’s calls for …”', () => {
    const r = attribute(
      'Reporters checked Ilona Varga’s claim that the harbour had never flooded.',
      'Mayor Varga’s calls for a second pier, first made in May, were ignored.',
    );
    expect(said(r, 'Ilona Varga')).toEqual(['the harbour had never flooded', 'a second pier']);
  });

  it('does not read a speech noun with a place or an audience as words said', () => {
    const r = attribute('Ilona Varga’s speech to the harbour association lasted an hour.', 'It helped Ilona Varga’s claim to the mayoralty.');
    expect(r.statements).toEqual([]);
  });

  it('counts the words of a quote as splitting it on white space would, odd spaces included', () => {
    // (The short-quote rules count words this way: one count too many or too few moves a quote across them.)
    const texts = ['', ' ', '  two  words ', 'no\u00a0break space', 'em\u2003space and\u3000ideograph', 'line\u2028sep\tand tab', 'zero\u200bwidth'];
    for (const text of texts)
      for (let from = 0; from <= text.length; from++)
        for (let to = from; to <= text.length; to++) expect(spacedPieces(text, from, to)).toBe(text.slice(from, to).split(/\s+/).length);
  });
});
