// Speakers: who says it when a description, an apposition, an aside or a pronoun stands between the
// name and the verb of saying. Sentences written for this test, not taken from any corpus.
import { describe, expect, it } from 'vitest';
import { attributeCorpus } from '../src/attribution/index.js';
import { extractArticle } from '../src/attribution/extract.js';
import type { Article } from '../src/types.js';
import { attribute, said, testArticle } from './support/attribute.js';

const article = (paragraphs: string[]): Article => testArticle(paragraphs, 'speakers.md');

describe('inverted subjects after the verb of saying', () => {
  it('takes the name after a verb other than "said" and a role: “…,” explained party strategist Ana Ruiz', () => {
    const r = attribute('“The turnout in the suburbs will decide this race,” explained party strategist Ana Ruiz, a veteran of three campaigns.');
    expect(said(r, 'Ana Ruiz')).toEqual(['The turnout in the suburbs will decide this race']);
  });

  it('takes the name after a lower-case description: “…,” said retired surgeon Paul Brenner', () => {
    const r = attribute('“Nobody asked the nurses what they needed,” said retired surgeon Paul Brenner, asked about the hospital plan.');
    expect(said(r, 'Paul Brenner')).toEqual(['Nobody asked the nurses what they needed']);
  });

  it('takes the name after an owner: “…,” said Ohio’s Dana Whitfield', () => {
    const r = attribute('“We cannot keep closing rural schools,” said Ohio’s Dana Whitfield, a school board member.');
    expect(said(r, 'Dana Whitfield')).toEqual(['We cannot keep closing rural schools']);
  });

  it('takes the name after "his campaign manager": “…,” added his campaign manager Leo Park', () => {
    const r = attribute('Senator Hal Greer spoke first.', '“We have a path to the nomination,” added his campaign manager Leo Park, speaking to reporters.');
    expect(said(r, 'Leo Park')).toEqual(['We have a path to the nomination']);
    expect(said(r, 'Hal Greer')).toEqual([]);
  });

  it('takes the name apposed to a description: “…,” said the agency’s director, Ruth Calloway, on Monday', () => {
    const r = attribute('“The inspections found no sign of tampering,” said the agency’s director, Ruth Calloway, on Monday.');
    expect(said(r, 'Ruth Calloway')).toEqual(['The inspections found no sign of tampering']);
  });

  it('does not take the object of a verb for an inverted subject: "to tell Garland", "When told Perez was …"', () => {
    const r = attribute(
      'Leader Paul Ainsley agreed to a call on Monday, but only to tell Nadia Korr that he would not meet her this year.',
      'When told Ivo Stern was in the cabinet and in the running for a bigger job, Lara Voss thought for a moment.',
    );
    expect(said(r, 'Nadia Korr')).toEqual([]);
    expect(said(r, 'Ivo Stern')).toEqual([]);
  });

  it('does not take the subject of the content after the verb: "…, said Trump will win"', () => {
    const r = attribute('And Ohio’s Dana Whitfield, one of only a few black board members, said Victor Hale will win the county easily.');
    expect(said(r, 'Dana Whitfield')).toEqual(['Victor Hale will win the county easily']);
    expect(said(r, 'Victor Hale')).toEqual([]);
  });

  it('does not take a name after a preposition for the subject: "supporters of Mayor Ann Roe say"', () => {
    const r = attribute('By a wide margin, supporters of Mayor Ann Roe say the new stadium should be built downtown.');
    expect(said(r, 'Ann Roe')).toEqual([]);
  });

  it('keeps a title with a preposition and a name before a participle: "Secretary of State …", "footage of X saying"', () => {
    const r = attribute(
      'Secretary of State Ruth Amsel said the talks would resume in March.',
      'The ad ends with footage of Paul Vey saying, “We will build the bridge ourselves.”',
    );
    expect(said(r, 'Ruth Amsel')).toEqual(['the talks would resume in March']);
    expect(said(r, 'Paul Vey')).toEqual(['We will build the bridge ourselves.']);
  });

  it('does not read an imperative as an inversion: "Just ask former mayor Tom Reed"', () => {
    const r = attribute('Just ask former mayor Tom Reed of Dayton, twice passed over for the job.');
    expect(said(r, 'Tom Reed')).toEqual([]);
  });
});

describe('asides between the subject and the verb', () => {
  it('skips a relative clause set off by spaced hyphens, quotes and all', () => {
    const r = attribute('Union leader Maya Ortiz - who once promised to “shut the port down” - said on Friday that the strike would end next week.');
    expect(said(r, 'Maya Ortiz')).toEqual(['the strike would end next week']);
  });

  it('skips a description set off by double hyphens, commas and all', () => {
    const r = attribute('Brandt -- author of Counting Votes, a history of recounts -- said the count would take a month.');
    expect(said(r, 'Brandt')).toEqual(['the count would take a month']);
  });

  it('gives no speaker when the subject before the aside is no one: "The film ― featuring author Ann Lee ― explains"', () => {
    const r = attribute(
      'The film ― which weaves together the voices of historians like Rosa Diaz and author Nell Shaw, among others ― explains the history of the prison system.',
    );
    expect(r.statements).toEqual([]);
  });

  it('names a described subject from the aside: "A former governor -- Lena Hart, who lost in 2010 -- said"', () => {
    const r = attribute('A former governor -- Lena Hart, who lost the race in 2010 -- said the new map was unfair to rural towns.');
    expect(said(r, 'Lena Hart')).toEqual(['the new map was unfair to rural towns']);
  });
});

describe('appositions and adverbs before the verb', () => {
  it('takes the name apposed to a description after a leading adverbial', () => {
    const r = attribute('In a statement, one of the family’s lawyers, Nora Quist, said the footage shows no threat to the officers.');
    expect(said(r, 'Nora Quist')).toEqual(['the footage shows no threat to the officers']);
  });

  it('takes the name apposed to a description when a party tag follows it: "the nominee, Sen. Ann Roe (D-Va.), promised"', () => {
    const r = attribute('The party’s vice presidential nominee, Sen. Ann Roe (D-Va.), promised that the bill would pass in January.');
    expect(said(r, 'Ann Roe')).toEqual(['the bill would pass in January']);
  });

  it('takes the name apposed to an owner’s description: "Delaware’s governor, Tom Vance, said"', () => {
    const r = attribute('Delaware’s governor, Tom Vance, said the bridge would reopen in May.');
    expect(said(r, 'Tom Vance')).toEqual(['the bridge would reopen in May']);
  });

  it('takes the subject of a subordinate clause across an apposition: "after Mr. Lund, asked about it, had said"', () => {
    const r = attribute(
      'Karl Lund spoke on Friday.',
      'The issue came up after Mr. Lund, asked about the lost files, had said, “Our country does plenty of that too.”',
    );
    expect(said(r, 'Karl Lund')).toEqual(['Our country does plenty of that too.']);
  });

  it('skips the second name of a place pair inside a relative clause', () => {
    const r = attribute('Senator Ida Brooks, who flew to Austin, Texas, on Monday to meet farmers, said the drought aid was late.');
    expect(said(r, 'Ida Brooks')).toEqual(['the drought aid was late']);
    expect(r.statements).toHaveLength(1);
  });

  it('skips an adverb between the subject and the verb: "Ruiz flatly denied", "Ruiz has long said"', () => {
    const r = attribute('Carla Ruiz has long said that the port should stay public.', 'Ruiz bluntly warned that the sale would cost jobs.');
    expect(said(r, 'Carla Ruiz')).toEqual(['the port should stay public', 'the sale would cost jobs']);
  });

  it('does not make the subject of a passive verb its speaker', () => {
    const r = attribute('Omar Haddad was officially declared the winner of the race on Tuesday night.');
    expect(r.statements).toEqual([]);
  });
});

describe('participles of saying without a comma', () => {
  it('gives a message’s words to whoever put it out: "issued a statement saying"', () => {
    const r = attribute('Later that day, council member Jo Fenwick issued a statement saying the budget vote was rushed.');
    expect(said(r, 'Jo Fenwick')).toEqual(['the budget vote was rushed']);
  });

  it('takes the subject of the bracketed clause, not a name earlier in the sentence', () => {
    const r = attribute('It was a plan unthinkable to Ruth Gale or Simon Hale (Morrow cites a campaign memo saying as much after the vote).');
    expect(said(r, 'Simon Hale')).toEqual([]);
    expect(said(r, 'Ruth Gale')).toEqual([]);
    expect(said(r, 'Morrow')).toHaveLength(1);
  });

  it('carries the speaker of a quote to "before adding"', () => {
    const r = attribute('“Thank you for coming,” Petra Lind replied, before adding that the hall would stay open late.');
    expect(said(r, 'Petra Lind')).toEqual(['Thank you for coming', 'the hall would stay open late']);
  });

  it('takes the main clause subject after a leading clause that ends in a place: "As they met in Oslo, Berg was …, promising"', () => {
    const r = attribute(
      'As the ministers met in Oslo, Anders Berg was 300 miles away in Bergen, promising to cut the ferry fares for every island family by half.',
    );
    expect(said(r, 'Anders Berg')).toEqual(['to cut the ferry fares for every island family by half']);
  });
});

describe('descriptions', () => {
  it('links "the senator" to the person titled "Sen." earlier', () => {
    const r = attribute('Sen. Alma Reyes campaigned in Tucson on Friday.', 'The senator said the water bill would pass by June.');
    expect(said(r, 'Alma Reyes')).toEqual(['the water bill would pass by June']);
  });
});

describe('pronouns', () => {
  it('resolves he/she to the subject of the same sentence before the previous sentence’s', () => {
    const r = attribute(
      'Governor Alan Pryce spoke first at the forum.',
      'Mayor Rita Okoye has attacked the new tax plan, which she said would drive families out of the city.',
    );
    expect(said(r, 'Rita Okoye')).toContain('would drive families out of the city');
    expect(said(r, 'Alan Pryce')).toEqual([]);
  });

  it('does not resolve he/she to a place such as "New Hampshire"', () => {
    const r = attribute(
      'Senator Ted Halvorsen spoke in Concord on Monday. New Hampshire voters cheered him.',
      '“I have an idea of who should build it,” he said.',
    );
    expect(said(r, 'Ted Halvorsen')).toEqual(['I have an idea of who should build it']);
    expect(said(r, 'New Hampshire')).toEqual([]);
  });

  it('does not give a trailing "he said" to a name inside the content', () => {
    const r = attribute('Coach Leon Marsh picked the team.', 'Ivan Petrov will start on Sunday, he said.');
    expect(said(r, 'Leon Marsh')).toEqual(['Ivan Petrov will start on Sunday']);
    expect(said(r, 'Ivan Petrov')).toEqual([]);
  });

  it('gives “…,” she said to the person named before a colon', () => {
    const r = attribute('Dr. Paul Wendt sells the product.', 'Senator Claire Ogden scolded him: “The science is against you on this product,” she said.');
    expect(said(r, 'Claire Ogden')).toEqual(['The science is against you on this product']);
  });

  it('takes the subject after two leading adverbials: "In June, after Roe fell ill, Lee emailed her, telling her …"', () => {
    const r = attribute('In June 2009, after Mara Roe suffered a concussion, Tom Lee emailed her, telling her that the team needed her back soon.');
    expect(said(r, 'Tom Lee')).toEqual(['the team needed her back soon']);
    expect(said(r, 'Mara Roe')).toEqual([]);
  });
});

describe('names and auxiliaries', () => {
  it('does not make a person of a capitalised plural that only opens sentences: "Economists expect …"', () => {
    const r = attribute(
      'Economists predicted two more rate rises next year, depending on how strong the economy is.',
      'Mayor Lena Ortiz said the rises would hurt home buyers.',
    );
    expect(r.people.map((p) => p.name)).toEqual(['Lena Ortiz']);
  });

  it('reads a common word after a title as a surname: "Prime Minister Nora May", "Ms. May"', () => {
    const r = attribute(
      'Prime Minister Nora May said this week that the country would leave the customs union.',
      'Ms. May said the talks would go on for months.',
    );
    expect(said(r, 'Nora May')).toEqual(['the country would leave the customs union', 'the talks would go on for months']);
  });

  it('reads a sentence-initial surname that looks like an adverb or a verb as the name the article knows', () => {
    const r = attribute('The columnist Ruth Connolly died on Monday.', 'Connolly also noted that the two governors never gave in on taxes.');
    expect(said(r, 'Ruth Connolly')).toEqual(['the two governors never gave in on taxes']);
  });

  it('skips "isn’t", an emphatic "did" and "itself" before the verb, but not a denial ("did not complain")', () => {
    const r = attribute(
      'Mayor Dan Ruiz isn’t saying which budget lines he would cut.',
      'Acme itself said the merger was off.',
      'Gov. Ivy Lane did not complain when the state budget passed.',
    );
    expect(said(r, 'Dan Ruiz')).toEqual(['which budget lines he would cut']);
    expect(said(r, 'Acme')).toEqual(['the merger was off']);
    expect(said(r, 'Ivy Lane')).toEqual([]);
  });

  it('gives “…,” adding that to the speaker of the quote that ends in a comma', () => {
    const r = attribute(
      'In a statement, Nordvik said: “The company was highly successful when it went public a decade ago,” adding that its value quadrupled within a year.',
    );
    expect(said(r, 'Nordvik')).toEqual(['The company was highly successful when it went public a decade ago', 'its value quadrupled within a year']);
  });
});

describe('a participle of saying that opens the sentence', () => {
  it('gives "Noting that …," to the subject after the comma', () => {
    const r = attribute('Noting that both governors faced a hostile press, Ruth Connolly compared their campaigns at length.');
    expect(said(r, 'Ruth Connolly')).toEqual(['both governors faced a hostile press']);
  });

  it('does not read an object as content: "Responding to the criticism, Lee said: …"', () => {
    const r = attribute('Responding to the criticism in the interview, Tom Lee said: “He has never met me and does not know me.”');
    expect(said(r, 'Tom Lee')).toEqual(['He has never met me and does not know me.']);
  });
});

describe('infinitives and governed participles of saying', () => {
  it('gives "went on to explain how …" and "only to tell X that …" to the clause subject', () => {
    const r = attribute(
      'General Norman Pike went on to explain how the budget cuts left his officers short of fuel.',
      'Leader Ann Voss agreed to a phone call on Monday, but only to tell Hal Brink that she would not meet him.',
    );
    expect(said(r, 'Norman Pike')).toEqual(['how the budget cuts left his officers short of fuel']);
    expect(said(r, 'Ann Voss')).toEqual(['she would not meet him']);
    expect(said(r, 'Hal Brink')).toEqual([]);
  });

  it('takes the content after "said that" even when the subject follows a leading clause’s comma', () => {
    const r = attribute(
      'When told who the passenger was, Omar Hale thought for a moment and said that in the current climate, “being an ordinary guy has appeal.”',
    );
    expect(said(r, 'Omar Hale')).toEqual(['in the current climate, “being an ordinary guy has appeal.”']);
  });

  it('gives "has taken to urging voters to …" to the subject', () => {
    const r = attribute('Governor John Kessler spoke in Concord.', 'Kessler has taken to urging voters to slow down and listen to their neighbors more often.');
    expect(said(r, 'John Kessler')).toEqual(['to slow down and listen to their neighbors more often']);
  });

  it('does not read an infinitive or participle with a plain object as speech', () => {
    const r = attribute(
      'Senator Ruth Amsel would need a majority to confirm judges and other appointments.',
      'Premier Carl Dunn is committed to maintaining the special relationship with Canada.',
    );
    expect(r.statements).toEqual([]);
  });
});

describe('title-case headlines', () => {
  it('does not let a headline verb run into a name: "Hold Mara Quill to Her Own Standards"', () => {
    const a: Article = {
      ...article(['Hold Mara Quill to Her Own Standards.', 'Senator Mara Quill spoke on Monday.', 'Quill said the audit would be published in May.']),
      title: 'Hold Mara Quill to Her Own Standards',
    };
    const r = attributeCorpus([a]);
    expect(said(r, 'Mara Quill')).toEqual(['the audit would be published in May']);
    expect(r.people.map((p) => p.name)).not.toContain('Hold Mara Quill');
  });
});

describe('Mr. and Mrs. with one surname', () => {
  it('tells "Mr. Lindqvist" from "Mrs. Lindqvist" once the article shows who is he', () => {
    const r = attribute(
      'Paul Lindqvist said he would campaign for his wife all summer.',
      'Anna Lindqvist is running for governor.',
      'Mrs. Lindqvist said the state budget was broken.',
      'Mr. Lindqvist said the crowds were larger than in 1998.',
    );
    expect(said(r, 'Anna Lindqvist')).toEqual(['the state budget was broken']);
    expect(said(r, 'Paul Lindqvist')).toEqual(['he would campaign for his wife all summer', 'the crowds were larger than in 1998']);
  });

  it('keeps "Mr. Obama" apart from the only full name in the article, a woman’s: "the first lady, Michelle Obama"', () => {
    // Within the article "Mr. Obama" is his own entity; across a corpus the registry joins him to the full name.
    const x = extractArticle(
      article(['President Obama and the first lady, Michelle Obama, greeted guests.', 'Mr. Obama said the line was longer than last year.']),
    );
    expect(x.statements.map((s) => x.entities[s.speaker]?.name)).toEqual(['Obama']);
  });

  it('does not give "he" to a subject last named as "Mrs."', () => {
    const r = attribute('John Podd advised the campaign.', 'Mrs. Quist will face the same fire. He noted that the coal towns had turned against the party.');
    const rq = said(r, 'Quist');
    expect(rq).toEqual([]);
    expect(said(r, 'John Podd')).toEqual(['the coal towns had turned against the party']);
  });
});

describe('a description apposed to a name, after a quotation', () => {
  it('finds the name after "said his best friend at Lehigh," and "the assailant,"', () => {
    const r = attribute(
      '“It may have been his first attempt,” said his best friend at Lehigh, Bruno Turry, who asked not to be named.',
      '“He deserved it,” the assailant, Jonas Magraw, told the program after the fight.',
      '“The odds are against it,” said another leading court advocate, Andrea Pinkus of the firm Mayer Brown.',
    );
    expect(said(r, 'Bruno Turry')).toEqual(['It may have been his first attempt']);
    expect(said(r, 'Jonas Magraw')).toEqual(['He deserved it']);
    expect(said(r, 'Andrea Pinkus')).toEqual(['The odds are against it']);
  });
});

describe('subjects a cue must not take', () => {
  it('never reads the accused as an inverted speaker, nor a dateline’s agency as the subject', () => {
    const r = attribute(
      'Speaking in Harlem, Hillary Rodan, without naming him, also accused Bernard Sandor of being a latecomer to the issue.',
      'ORLANDO, Fla. (Reuters) - President Barack Oban met survivors on Thursday and said the country must act on gun violence.',
    );
    expect(said(r, 'Bernard Sandor')).toEqual([]);
    expect(said(r, 'Barack Oban')).toEqual(['the country must act on gun violence']);
    expect(r.people.map((p) => p.name)).not.toContain('Reuters');
  });
});

describe('participles and auxiliaries between the speaker and the cue', () => {
  it('reads "has been criticizing", "…, quickly reminding", "– saying" and "after initially saying"', () => {
    const r = attribute(
      'Hilda Crane has been criticizing Tom Vale for embracing debt, and it is sparking fears.',
      'Crane had a reply ready, quickly reminding viewers that the governor had hired a banker.',
      'Tom Vale flipped his choice on the spot – saying he was rooting for the home team.',
      'Vale, after initially saying he would not advertise on television, changed course.',
    );
    expect(said(r, 'Hilda Crane')).toEqual(['Tom Vale for embracing debt', 'the governor had hired a banker']);
    expect(said(r, 'Tom Vale')).toEqual(['he was rooting for the home team', 'he would not advertise on television']);
  });
});

describe('common words are no speakers', () => {
  it('does not take a number or an adverb opening a sentence for a name', () => {
    const r = attribute('Nine said the wall would be built.', 'Pretty soon, Prior said the race was over.');
    expect(r.people.map((p) => p.name)).not.toContain('Nine');
    expect(r.people.map((p) => p.name)).not.toContain('Prior');
  });
});

describe('words between a named speaker and the cue', () => {
  it('skips a setting ("in a blog post", "at a rally in Iowa") after the name, not a name inside it', () => {
    const r = attribute(
      'Jed Bosch in a blog post said he would name more judges.',
      'Hilda Crane at a rally in Iowa said the plan was good.',
      'Supporters of Crane at the rally said the plan was bad.',
      'Bosch has backed more visas but has since said the system needs reform, and on Monday announced a new plan for the border.',
    );
    expect(said(r, 'Jed Bosch')).toEqual(['he would name more judges', 'the system needs reform', 'a new plan for the border']);
    expect(said(r, 'Hilda Crane')).toEqual(['the plan was good']);
  });
  it('reads "Another Clinton ally, Tom Vilsack, told" and a participle after two closing apostrophes', () => {
    const r = attribute(
      'Another Crane ally, Agriculture Secretary Tom Vilsen, told MSNBC that the announcement was meant to hurt her.',
      "''We fought hard,'' Tom Vilsen told the hosts of ''Morning Joe,'' adding that his son knows one of them.",
    );
    expect(said(r, 'Tom Vilsen')).toEqual(['the announcement was meant to hurt her', 'We fought hard', 'his son knows one of them']);
  });
});

describe('an employer before a role and a name', () => {
  it('gives the clause to the person, not to the outlet or the boss before the role', () => {
    const r = attribute(
      'Harbour Weekly editor Bram Dorsey will come on the program to talk about the border and the ferries.',
      'Hilda Crane adviser Jon Poder went on to say the emails were stolen.',
    );
    expect(said(r, 'Bram Dorsey')).toEqual(['the border and the ferries']);
    expect(said(r, 'Jon Poder')).toEqual(['the emails were stolen']);
    expect(said(r, 'Hilda Crane')).toEqual([]);
  });
});

describe('one who speaks for someone else', () => {
  it('never gives a representative’s words to the person or company they work for', () => {
    const r = attribute(
      'Viktor Pinchenko is a businessman.',
      'A representative for Mr. Pinchenko said the investigation had nothing to do with the ministry.',
      'A producer for Harbour Studios told The Times that the interview was cancelled.',
      'PARIS, Aug 31 (Reuters) - The party leader, Marine Lepage, voiced support for the plan on Wednesday, saying her rival would be a disaster.',
    );
    expect(said(r, 'Viktor Pinchenko')).toEqual([]);
    expect(said(r, 'Harbour Studios')).toEqual([]);
    expect(r.people.map((p) => p.name)).not.toContain('Aug');
  });
  it('reads a name after "a" in an apposition as part of the description', () => {
    const r = attribute('Jeff Salkind, a Hollywood, Fla., rabbi helping to organize the boycott, said he was alarmed by the rhetoric.');
    expect(said(r, 'Jeff Salkind')).toEqual(['he was alarmed by the rhetoric']);
  });
});

describe('an apposition closed inside a quotation', () => {
  it('finds the name before “the hacker known as “Guccifer,” stated”', () => {
    const r = attribute(
      'Speaking on television, Marco Lehmann, the hacker known as “Gucci,” stated that he had access to the server.',
      'Steve Hemsby, the co-author of "Going Viral," said the days of one shared story are gone.',
    );
    expect(said(r, 'Marco Lehmann')).toEqual(['he had access to the server']);
    expect(said(r, 'Steve Hemsby')).toEqual(['the days of one shared story are gone']);
  });
});

describe('a long bracket between the name and the cue', () => {
  it('skips an aside of twenty words in brackets', () => {
    const r = attribute(
      'Sen. Chris Murfield (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says he was unfocused after being elected.',
    );
    expect(said(r, 'Chris Murfield')).toEqual(['he was unfocused after being elected']);
  });
});

describe('a participle after time spent', () => {
  it('gives "spent Thursday discussing …" to the one who spent it', () => {
    const r = attribute('Before the summit, President Barack Obana spent Thursday discussing challenges in Asia that span Korea to China.');
    expect(said(r, 'Barack Obana')).toEqual(['challenges in Asia that span Korea to China']);
  });
});

describe('words that only look like subjects', () => {
  it('reads past "however" and a capitalised first word that names no one', () => {
    const r = attribute(
      'Ash Cartwright however said he would welcome a “principled security network” for Asia.',
      'Hours later, Tom Crane returned the compliment to Adelman, telling Reuters, “Sheldon and I have been friends for a long time.”',
    );
    expect(said(r, 'Ash Cartwright')).toEqual(['he would welcome a “principled security network” for Asia']);
    expect(said(r, 'Tom Crane')).toEqual(['Sheldon and I have been friends for a long time.']);
  });
});
