// Each attribution pattern with sentences written for this test (no seed or dev text): the rules must
// hold on news they were not tuned on.
import { describe, expect, it } from 'vitest';
import { attributeCorpus } from '../src/attribution/index.js';
import { extractArticle } from '../src/attribution/extract.js';
import { sameSurname } from '../src/attribution/mentions.js';
import type { Article, PersonRecord, Statement } from '../src/types.js';
import { attribute, testArticle } from './support/attribute.js';

function article(file: string, paragraphs: string[], outlet = 'Test Gazette'): Article {
  return { ...testArticle(paragraphs, file), outlet };
}

/** The statements of the person whose name or alias is `name`. */
function by(result: { people: PersonRecord[]; statements: Statement[] }, name: string): Statement[] {
  const person = result.people.find((p) => p.name === name || p.aliases.includes(name));
  return person ? result.statements.filter((s) => s.speaker === person.id) : [];
}

function texts(statements: Statement[]): string[] {
  return statements.map((s) => s.text);
}

describe('direct quotes', () => {
  it('takes the speaker named after the quote', () => {
    const r = attribute('“We will not retreat from the coast,” Amelia Hartley said on Tuesday.');
    expect(by(r, 'Amelia Hartley')).toMatchObject([{ kind: 'direct', text: 'We will not retreat from the coast', paragraph: 1 }]);
  });

  it('takes an inverted cue: “…,” said Nowak', () => {
    const r = attribute('Tomasz Nowak runs the farmers’ union.', '“Prices will fall before the harvest,” said Nowak.');
    expect(texts(by(r, 'Tomasz Nowak'))).toEqual(['Prices will fall before the harvest']);
  });

  it('takes the speaker named before a colon', () => {
    const r = attribute('Senator Ruth Okafor said: “This bill protects every renter in the state.”');
    expect(by(r, 'Ruth Okafor')).toMatchObject([{ kind: 'direct', text: 'This bill protects every renter in the state.' }]);
  });

  it('joins a quote split by its cue into one statement', () => {
    const r = attribute('Amelia Hartley chairs the committee.', '“The budget is fair,” she said, “and it will pass by June.”');
    const s = by(r, 'Amelia Hartley');
    expect(s).toHaveLength(1);
    expect(s[0]?.spans).toHaveLength(2);
    expect(s[0]?.text).toBe('The budget is fair … and it will pass by June.');
  });

  it('attributes a question with "asked"', () => {
    const r = attribute('Tomasz Nowak spoke at the rally.', '“Who will pay for the new roads?” asked Nowak.');
    expect(texts(by(r, 'Tomasz Nowak'))).toEqual(['Who will pay for the new roads?']);
  });

  it('follows a quote across three paragraphs without a new cue', () => {
    const r = attribute(
      'Mayor Jorge Rivera said: “The river has risen four metres since Friday.',
      '“Every school on the east bank will stay closed this week.',
      '“We ask people to stay away from the bridges until the water goes down.”',
      'The city council meets on Monday.',
    );
    const s = by(r, 'Jorge Rivera');
    expect(s.map((x) => x.paragraph)).toEqual([1, 2, 3]);
    expect(s.every((x) => x.kind === 'direct')).toBe(true);
  });
});

describe('indirect and mixed speech', () => {
  it('takes "told reporters that …" as indirect speech without the person told', () => {
    const r = attribute('Tomasz Nowak told reporters that grain prices would fall by autumn.');
    expect(by(r, 'Tomasz Nowak')).toMatchObject([{ kind: 'indirect', text: 'grain prices would fall by autumn' }]);
  });

  it('takes a partial quote inside indirect speech as mixed', () => {
    const r = attribute('Tomasz Nowak said the trade deal was “a step backwards for every farmer.”');
    expect(by(r, 'Tomasz Nowak')).toMatchObject([{ kind: 'mixed' }]);
    expect(by(r, 'Tomasz Nowak')[0]?.text).toContain('a step backwards for every farmer');
  });

  it('takes "according to" before and after the content', () => {
    const r = attribute(
      'Ingrid Solberg leads the inquiry.',
      'According to Solberg, the pumps failed twice before the flood.',
      'The repairs were never logged, according to Ingrid Solberg.',
    );
    expect(texts(by(r, 'Ingrid Solberg'))).toEqual(['the pumps failed twice before the flood', 'The repairs were never logged']);
  });

  it('takes the content around a parenthetical cue', () => {
    const r = attribute('Ingrid Solberg leads the inquiry.', 'The new pumps, Solberg said, will cost twice as much as the old ones.');
    const s = by(r, 'Ingrid Solberg');
    expect(s).toHaveLength(1);
    expect(s[0]?.text).toBe('The new pumps … will cost twice as much as the old ones');
  });

  it('takes the content before a trailing cue', () => {
    const r = attribute('Ingrid Solberg leads the inquiry.', 'The report will be published in May, Solberg said.');
    expect(texts(by(r, 'Ingrid Solberg'))).toEqual(['The report will be published in May']);
  });
});

describe('more cue patterns', () => {
  it('gives a participle cue after a comma to the subject of the main clause', () => {
    const r = attribute('In Leeds, Marta Kowalczyk opened the depot on Friday, saying the new trams would run by spring.');
    expect(by(r, 'Marta Kowalczyk')).toMatchObject([{ kind: 'indirect', text: 'the new trams would run by spring' }]);
  });

  it('reads a title-case headline with the verb after the name', () => {
    const r = attribute('Okafor Says Rent Bill Will Pass Before Summer');
    expect(texts(by(r, 'Okafor'))).toEqual(['Rent Bill Will Pass Before Summer']);
  });

  it('takes a partial quote before a trailing cue as the whole sentence, mixed', () => {
    const r = attribute('Lena Brandt chairs the inquiry.', 'The minister “misled the house,” Brandt said, and still “refuses to correct the record.”');
    expect(by(r, 'Lena Brandt')).toMatchObject([{ kind: 'mixed', text: 'The minister “misled the house,” … and still “refuses to correct the record.”' }]);
  });

  it('does not take a quoted programme title before the speaker as the quote', () => {
    const r = attribute('Speaking on the radio programme “Morning Round Table,” Senator Ruth Okafor said the levy was unfair.');
    expect(texts(by(r, 'Ruth Okafor'))).toEqual(['the levy was unfair']);
  });

  it('finds the named subject behind a description apposition with a relative clause', () => {
    const r = attribute('Ines Duarte, a spokeswoman for the Harbour Workers Alliance, which represents dockers, said the strike would go on.');
    expect(texts(by(r, 'Ines Duarte'))).toEqual(['the strike would go on']);
  });

  it('takes "described X as “…”" as mixed speech', () => {
    const r = attribute('Governor Paul Ekwueme described the ruling as “a gift to polluters” on Monday.');
    expect(by(r, 'Paul Ekwueme')).toMatchObject([{ kind: 'mixed' }]);
    expect(by(r, 'Paul Ekwueme')[0]?.text).toContain('a gift to polluters');
  });

  it('does not take a sentence-initial adjective or adverb as a first name', () => {
    const r = attribute('Marco Perez runs the port.', 'Unfazed Perez said the cranes would be replaced.');
    expect(r.people.map((p) => p.name)).toEqual(['Marco Perez']);
    expect(texts(by(r, 'Marco Perez'))).toEqual(['the cranes would be replaced']);
  });
});

describe('who is speaking', () => {
  it('resolves "she" to the nearest earlier woman, not the man named after her', () => {
    const r = attribute(
      'Ms. Dana Whitcombe, the housing minister, met Mr. Victor Lang on Monday.',
      'Lang asked for more time. She said the money was already spent.',
    );
    expect(texts(by(r, 'Dana Whitcombe'))).toEqual(['the money was already spent']);
    expect(by(r, 'Victor Lang')).toEqual([]);
  });

  it('resolves a role description ("the chancellor said") to the person who holds it', () => {
    const r = attribute(
      'German Chancellor Anna Weber arrived in Lisbon on Thursday.',
      'The chancellor said the two countries would sign the energy pact within weeks.',
    );
    expect(texts(by(r, 'Anna Weber'))).toEqual(['the two countries would sign the energy pact within weeks']);
  });

  it('matches a speaker with diacritics across spellings and articles', () => {
    const r = attributeCorpus([
      article('lt.md', ['Lithuanian minister Agnė Šimonytė said the border would stay open.']),
      article('en.md', ['Agne Simonyte said that trade with Poland had doubled.'], 'Other Wire'),
    ]);
    const person = r.people.find((p) => p.name.startsWith('Agn'));
    expect(person).toBeDefined();
    expect(
      r.statements
        .filter((s) => s.speaker === person?.id)
        .map((s) => s.file)
        .sort(),
    ).toEqual(['en.md', 'lt.md']);
  });

  it('merges transliterations of one person across outlets, with or without a title', () => {
    const r = attributeCorpus([
      article('a.md', ['Volodymyr Zelenskyy said the front line was holding.']),
      article('b.md', ['Volodymyr Zelenskiy said that talks would resume in Geneva.'], 'Wire Two'),
      article('c.md', ['Volodymyr Zelensky met the envoys.', 'Mr Zelensky said the guarantees had to be binding.'], 'Wire Three'),
      article('d.md', ['Rimantas Vaitkevičius said the port would reopen.', 'Rimantas Vaitkevicius later said that the port was open.'], 'Wire Four'),
    ]);
    const zelensky = r.people.filter((p) => p.name.startsWith('Volodymyr'));
    expect(zelensky).toHaveLength(1);
    expect(
      r.statements
        .filter((s) => s.speaker === zelensky[0]?.id)
        .map((s) => s.file)
        .sort(),
    ).toEqual(['a.md', 'b.md', 'c.md']);
    expect(r.people.filter((p) => p.name.startsWith('Rimantas'))).toHaveLength(1);
  });

  it('keeps apart different people whose names are one letter apart', () => {
    const r = attributeCorpus([
      article('a.md', ['Sam Patelnts said the budget was balanced.']),
      article('b.md', ['Sam Patelntt said the budget was a fraud.'], 'Wire Two'),
      article('c.md', ['Rachel Kellywood said the port would close.', 'Rachel Kellyford said it would not.'], 'Wire Three'),
    ]);
    expect(r.people.map((p) => p.name).sort()).toEqual(['Rachel Kellyford', 'Rachel Kellywood', 'Sam Patelnts', 'Sam Patelntt']);
    expect(by(r, 'Sam Patelntt').map((s) => s.text)).toEqual(['the budget was a fraud']);
  });

  it('takes council and company titles in front of a name as roles, not as the name', () => {
    const r = attribute(
      'Councillor Ana Lopez said the library would stay open.',
      'Chief Executive Tomasz Wielgus said that profits had doubled.',
      'Presidential Adviser Ines Duarte said the talks were over.',
    );
    expect(r.people.map((p) => p.name).sort()).toEqual(['Ana Lopez', 'Ines Duarte', 'Tomasz Wielgus']);
    expect(r.people.find((p) => p.name === 'Ana Lopez')?.roles).toContain('Councillor');
  });

  it('lets an organisation speak', () => {
    const r = attribute('The Kremlin said the talks in Geneva had been useful.');
    const kremlin = r.people.find((p) => p.name === 'Kremlin');
    expect(kremlin?.kind).toBe('organisation');
    expect(by(r, 'Kremlin')).toMatchObject([{ kind: 'indirect', text: 'the talks in Geneva had been useful' }]);
  });

  it('gives no statement to a person who is only mentioned', () => {
    const r = attribute('Ruth Okafor met Daniel Marsh in Abuja.', '“The pipeline will be finished next year,” Okafor said.', 'Marsh’s company owns the land.');
    expect(by(r, 'Daniel Marsh')).toEqual([]);
    expect(texts(by(r, 'Ruth Okafor'))).toEqual(['The pipeline will be finished next year']);
  });
});

describe('third round: coordination, appositions, resumed quotes', () => {
  it('gives a cue coordinated with an earlier verb to the clause subject', () => {
    const r = attribute(
      'Marisol Quintero toured the flooded farms with Governor Alan Petty and joked, “Bring boots, not speeches.”',
      'Quintero thanked the volunteers, then says she will return in the spring to see the levee rebuilt.',
    );
    expect(texts(by(r, 'Marisol Quintero'))).toEqual([
      'Bring boots, not speeches.',
      'the volunteers',
      'she will return in the spring to see the levee rebuilt',
    ]);
    expect(by(r, 'Alan Petty')).toEqual([]);
  });

  it('reads "said he was …" as content, not an inverted speaker', () => {
    const r = attribute('Owen Pryce spoke first.', 'Nadia Farrow criticised the budget and said he was wrong about the deficit.');
    expect(texts(by(r, 'Nadia Farrow'))).toEqual(['the budget', 'he was wrong about the deficit']);
    expect(by(r, 'Owen Pryce')).toEqual([]);
  });

  it('takes the name apposed to a description as the speaker', () => {
    const r = attribute(
      'A lawyer for the harbour authority, Teodor Vance, said no appeal had been decided.',
      'The county’s campaign chairman, Lena Mokoena, said she had not seen the letter.',
    );
    expect(texts(by(r, 'Teodor Vance'))).toEqual(['no appeal had been decided']);
    expect(texts(by(r, 'Lena Mokoena'))).toEqual(['she had not seen the letter']);
  });

  it('lets "who" after a speaker keep the speaker for the quote that follows', () => {
    const r = attribute(
      '“Rents are up a little,” said Mr. Abernathy, who noted that prices had “cratered” in 2009. “Things are moving in the right direction.”',
    );
    expect(texts(by(r, 'Abernathy'))).toEqual(['Rents are up a little', 'prices had “cratered” in 2009', 'Things are moving in the right direction.']);
  });

  it('joins a quote resumed after a cue with a short adverbial', () => {
    const r = attribute('“The word is,” Hollis Grant said last month on the radio, “that the mill will stay open.”');
    expect(texts(by(r, 'Hollis Grant'))).toEqual(['The word is … that the mill will stay open.']);
  });

  it('does not read a sentence-initial “Said” as part of the name', () => {
    const r = attribute('Priya Ellison spoke after the vote.', 'Said Ellison: “Nobody here wanted this fight.”');
    expect(texts(by(r, 'Priya Ellison'))).toEqual(['Nobody here wanted this fight.']);
  });

  it('skips the state of a place pair when finding a participle’s subject', () => {
    const r = attribute('Speaking at a town hall in Dover, New Hampshire, Walt Brenner went after his rival, calling him “a total stiff on trade.”');
    expect(texts(by(r, 'Walt Brenner'))).toEqual(['him “a total stiff on trade.”']);
    expect(by(r, 'New Hampshire')).toEqual([]);
  });
});

describe('subjects behind places, clauses and unclosed appositions', () => {
  it('takes the person before "of <place>" as the speaker', () => {
    const r = attribute('Chancellor Ilse Brandauer of Austria condemned “such a cowardly attack” on Monday.');
    expect(texts(by(r, 'Ilse Brandauer'))).toEqual(['“such a cowardly attack”']);
  });

  it('takes the person of an apposition left unclosed before the cue, not the organisation', () => {
    const r = attribute('Tomas Reyes, the communications director for the Harbour Workers Union said in a statement. “There are no ballots left to count.”');
    expect(texts(by(r, 'Tomas Reyes'))).toEqual(['There are no ballots left to count.']);
  });

  it('skips a leading clause when looking for the subject of a coordinated cue', () => {
    const r = attribute('Gloria Hayes spoke first.', 'When asked whom she backed, Ms. Abara smiled and said, “I am waiting for a better candidate.”');
    expect(texts(by(r, 'Abara'))).toEqual(['I am waiting for a better candidate.']);
    expect(by(r, 'Gloria Hayes')).toEqual([]);
  });

  it('does not read a plural noun after "and" as a coordinated cue', () => {
    const r = attribute('Ivo Marsh thrilled the crowds with speeches and promises to rebuild the docks, Lena Hart said.');
    expect(by(r, 'Ivo Marsh')).toEqual([]);
    expect(texts(by(r, 'Lena Hart'))).toEqual(['Ivo Marsh thrilled the crowds with speeches and promises to rebuild the docks']);
  });

  it('takes the content after "told X," when a short adverb opens the sentence', () => {
    const r = attribute('Instead, Dana Welch told reporters, her plan would merely be “to go after them” if she wins.');
    expect(by(r, 'Dana Welch')).toMatchObject([{ kind: 'mixed', text: 'her plan would merely be “to go after them” if she wins' }]);
  });

  it('does not take the adverbial after a cue as content when the words follow', () => {
    const r = attribute('Hollis Grant said in a statement. “The mill will stay open.”');
    expect(texts(by(r, 'Hollis Grant'))).toEqual(['The mill will stay open.']);
  });
});

describe('headline conventions', () => {
  function headlined(title: string, ...paragraphs: string[]): { people: PersonRecord[]; statements: Statement[] } {
    return attributeCorpus([{ ...article('h.md', [title, ...paragraphs]), title }]);
  }

  it('reads "Name: claim" as that person’s words when the article names the person', () => {
    const r = headlined('Okafor: The Levy Will Cost Every Farmer a Harvest.', 'Senator Ruth Okafor spoke in Lagos on Monday.');
    expect(by(r, 'Ruth Okafor')).toMatchObject([{ kind: 'indirect', text: 'The Levy Will Cost Every Farmer a Harvest', paragraph: 1 }]);
  });

  it('does not take a label nobody in the article bears as a speaker', () => {
    const r = headlined('Fact Check: The Numbers in the Budget Do Not Add Up.', 'The budget was published on Monday.');
    expect(r.statements).toEqual([]);
  });

  it('reads a headline verb like "calls" or "slams" as a report of words', () => {
    const r = headlined('Marta Lindqvist calls tariff plan a gift to smugglers', 'Marta Lindqvist spoke at the port.');
    expect(texts(by(r, 'Marta Lindqvist'))).toEqual(['tariff plan a gift to smugglers']);
  });

  it('keeps "calls" in running text a non-statement without "that" or a quotation', () => {
    const r = attribute('Marta Lindqvist calls her mother every Sunday from the port office.');
    expect(r.statements).toEqual([]);
  });
});

describe('what is not a statement', () => {
  it('never makes a scare quote with no cue a quotation of its own (criticising it may be reported, with its verb)', () => {
    const r = attribute('Ruth Okafor has criticised the so-called “green levy” for months.');
    expect(r.statements.filter((s) => s.kind === 'direct')).toEqual([]);
    expect(r.statements.every((s) => s.cue === 'criticised' && s.text.startsWith('the so-called'))).toBe(true);
  });

  it('ignores the title of a plan', () => {
    const r = attribute('Tomasz Nowak presented the “Fields of Tomorrow” plan in Warsaw.');
    expect(r.statements).toEqual([]);
  });
});

describe('surname variants', () => {
  it('treats transliterations and diacritics as one surname', () => {
    for (const [a, b] of [
      ['Zelenskyy', 'Zelenskiy'],
      ['Zelenskyy', 'Zelensky'],
      ['Vaitkevičius', 'Vaitkevicius'],
      ['Güneşlı', 'Gunesli'],
      ['Syrskovych', 'Syrskovytch'],
      ['Kamińskyy', 'Kaminskiy'],
      ['Khodorkovsky', 'Hodorkovskiy'],
    ]) {
      expect(sameSurname(a as string, b as string), `${a} = ${b}`).toBe(true);
    }
  });

  it('keeps near-spellings of different surnames apart', () => {
    for (const [a, b] of [
      ['Patelnts', 'Patelntt'],
      ['Kellywood', 'Kellyford'],
      ['Morozska', 'Morozova'],
      ['Schafinger', 'Schafner'],
      ['Berzints', 'Berzinus'],
      ['Peskovova', 'Peskovov'],
    ]) {
      expect(sameSurname(a as string, b as string), `${a} ≠ ${b}`).toBe(false);
    }
  });
});

describe('people across articles', () => {
  it('does not give a lone “Mr. X” to a namesake the corpus knows as a woman', () => {
    const r = attributeCorpus([
      article('a.md', ['Senator Ann Lowry said the harbour bill would pass.', 'She said the vote would come on Friday.']),
      article('b.md', ['Mrs. Ann Lowry said the ferry would keep running.']),
      article('c.md', ['Former governor Tom Lowry said he opposed the toll.', 'He said it would hurt fishermen.']),
      article('d.md', ['Mr. Lowry said the harbour should stay open at night.']),
    ]);
    expect(texts(by(r, 'Tom Lowry'))).toContain('the harbour should stay open at night');
    expect(texts(by(r, 'Ann Lowry'))).not.toContain('the harbour should stay open at night');
  });
});

describe('names that are not people', () => {
  it('keeps a title-case headline verb and a sentence-opening word out of a known name', () => {
    const headline = 'Ilona Varga Speaks ‘Plainly To Voters’ After The Harbour Vote.';
    const r = attributeCorpus([
      { ...testArticle([headline, 'Mayor Ilona Varga said the vote was fair.', 'Even Ilona Varga admitted the count was slow.'], 'h.md'), title: headline },
    ]);
    const names = r.people.map((p) => p.name);
    expect(names).toContain('Ilona Varga');
    expect(names.filter((n) => n.includes('Varga'))).toEqual(['Ilona Varga']);
  });
});

describe('one article at a time', () => {
  it('extractArticle reports the people it found with their roles', () => {
    const x = extractArticle(article('b.md', ['Ingrid Solberg, the chief inspector, said the dam was safe.']));
    const solberg = x.entities.find((e) => e.name === 'Ingrid Solberg');
    expect(solberg?.roles).toContain('chief inspector');
    expect(x.statements).toMatchObject([{ kind: 'indirect', text: 'the dam was safe' }]);
  });
});
