// Cue verbs and the content they introduce, on sentences written for this test (no seed or dev text).
import { describe, expect, it } from 'vitest';
import { attribute, said } from './support/attribute.js';

describe('object cues: the object is what was said', () => {
  it('takes "criticized X for Y" up to the next clause, and not X as the speaker', () => {
    const r = attribute('Governor Lena Brandt criticized Mayor Otto Fischer for closing the harbour, and the council met on Friday.');
    expect(said(r, 'Lena Brandt')).toEqual(['Mayor Otto Fischer for closing the harbour']);
    expect(said(r, 'Otto Fischer')).toEqual([]);
  });

  it('leaves out where it was said: "in a radio interview", "on Tuesday"', () => {
    const r = attribute(
      'Senator Maria Okonjo cited the rising cost of bread in a radio interview.',
      'Okonjo thanked the farmers for their patience on Tuesday.',
    );
    expect(said(r, 'Maria Okonjo')).toEqual(['the rising cost of bread', 'the farmers for their patience']);
  });

  it('takes a judgment of someone named, however short, and a two-word object, but not one bare word', () => {
    const r = attribute(
      'Governor Lena Brandt slammed Otto Fischer on Monday.',
      'Brandt praised the team.',
      'Brandt thanked volunteers.',
      'Mayor Otto Fischer attacked Brandt.',
    );
    expect(said(r, 'Lena Brandt')).toEqual(['Otto Fischer', 'the team']);
    expect(said(r, 'Otto Fischer')).toEqual(['Brandt']);
  });

  it('does not read nouns and passives as object cues', () => {
    const r = attribute('Paul Weller is lauded for his patience.', 'The Lyon attacks shocked Paul Weller.', 'Weller won thanks to a late surge.');
    expect(r.statements).toEqual([]);
  });
});

describe('cues with a preposition: talk about, refer to, call on', () => {
  it('takes the object of "talked about" and "called on … to"', () => {
    const r = attribute(
      'Councillor Rosa Lindqvist talked about the cost of student housing at a rally in Malmo.',
      'Lindqvist called on the university to build two new dormitories.',
    );
    expect(said(r, 'Rosa Lindqvist')).toEqual(['the cost of student housing', 'the university to build two new dormitories']);
  });

  it('adds "referring to …" after a quote to the quote’s speaker', () => {
    const r = attribute('“He has never read the report,” said Ivan Petrov, referring to the new harbour master.');
    expect(said(r, 'Ivan Petrov').join(' | ')).toContain('the new harbour master');
  });

  it('does not take what comes after "what X talks about" as content', () => {
    const r = attribute('What Rosa Lindqvist is talking about now is a plan from 1998.');
    expect(said(r, 'Rosa Lindqvist')).toEqual([]);
  });
});

describe('where reported content ends', () => {
  it('splits "said A and added B" into two statements', () => {
    const r = attribute('Mayor Ana Duarte said the budget was balanced and added that taxes would fall next year.');
    expect(said(r, 'Ana Duarte')).toEqual(['the budget was balanced', 'taxes would fall next year']);
  });

  it('keeps a dashed aside inside the content but not the writer’s comment after a dash', () => {
    const r = attribute(
      'Mayor Ana Duarte said the bridge — the oldest in the city — would close in May.',
      'Duarte said the ferry would stop running in June - which surprised nobody in the harbour.',
    );
    expect(said(r, 'Ana Duarte')).toEqual(['the bridge — the oldest in the city — would close in May', 'the ferry would stop running in June']);
  });

  it('takes "called it X" as naming speech, but not "called him back"', () => {
    const r = attribute('Mayor Ana Duarte called it a burden on every family in the valley.', 'Duarte called him back on Monday.');
    expect(said(r, 'Ana Duarte')).toEqual(['it a burden on every family in the valley']);
  });
});

describe('cues before a colon and after a longer object', () => {
  it('takes a quote after "continued:"', () => {
    const r = attribute('Ruth Okafor spoke for an hour.', 'Okafor continued: “Nobody in this town will pay the levy twice.”');
    expect(said(r, 'Ruth Okafor')).toEqual(['Nobody in this town will pay the levy twice.']);
  });

  it('gives the quote after "X added:" at a paragraph’s end to X', () => {
    const r = attribute('Ruth Okafor spoke for an hour. Okafor added:', '“Nobody in this town will pay the levy twice.”');
    expect(said(r, 'Ruth Okafor')).toEqual(['Nobody in this town will pay the levy twice.']);
  });

  it('skips a noun phrase told before the quote: "told her radio audience, “…”"', () => {
    const r = attribute('Ruth Okafor told her radio audience, “The levy is dead and buried.”', 'Okafor told the committee the plan was dead.');
    expect(said(r, 'Ruth Okafor')).toEqual(['The levy is dead and buried.', 'the plan was dead']);
  });
});

describe('"as X put it"', () => {
  it('takes the quote or the clause after "As X put it," and the clause before ", as X puts it."', () => {
    const r = attribute(
      'As Senator Ruth Okafor put it, “Nobody in this town will pay the levy twice.”',
      'As Okafor puts it, the levy is a tax on the poor.',
      'The council will vote in May, as Okafor puts it.',
    );
    expect(said(r, 'Ruth Okafor')).toEqual(['Nobody in this town will pay the levy twice.', 'the levy is a tax on the poor', 'The council will vote in May']);
  });

  it('does not take "put it on the table" as speech', () => {
    const r = attribute('Ruth Okafor found the old budget and put it on the table.');
    expect(r.statements).toEqual([]);
  });
});

describe('cue words that are not speech here', () => {
  it('reads "responded to", "added to", "wrote a …" and nouns after a determiner or preposition as no speech', () => {
    const r = attribute(
      'Mayor Ana Duarte responded to the flood by opening two shelters.',
      'Duarte added to her lead in the polls and wrote a book about the harbour.',
      'Critics pointed to remarks Duarte made in March and to her comments on the ferry.',
    );
    expect(r.statements).toEqual([]);
  });

  it('takes "responded by saying …" as speech of the clause subject', () => {
    const r = attribute('Mayor Ana Duarte spoke first.', 'Duarte responded by saying the shelters would stay open all winter.');
    expect(said(r, 'Ana Duarte')).toEqual(['the shelters would stay open all winter']);
  });
});

describe('nominal cues owned by a person', () => {
  it('takes what follows "X’s claim that" and "X’s comments on"', () => {
    const r = attribute(
      'Senator Ruth Okafor spoke on Monday.',
      'Okafor’s claim that the levy doubled rents is disputed.',
      'Okafor’s comments Tuesday on the harbour closure came as the ferry stopped.',
      'Okafor’s office is in the harbour.',
    );
    expect(said(r, 'Ruth Okafor')).toEqual(['the levy doubled rents is disputed', 'the harbour closure']);
  });
});

describe('more verbs of saying with an object', () => {
  it('takes "expressed X", "echoed X" as object cues and "reminded voters that" as a tell-like cue', () => {
    const r = attribute(
      'Senator Ruth Okafor expressed doubt about the new levy on Monday.',
      'Okafor reminded voters that the levy had doubled.',
      'Okafor echoed the mayor on the ferry schedule.',
    );
    expect(said(r, 'Ruth Okafor')).toEqual(['doubt about the new levy', 'the levy had doubled', 'the mayor on the ferry schedule']);
  });
});

describe('trailing cues with an addressee, and asides after the cue', () => {
  it('takes the sentence before "…, Kennedy wrote Linick." and "…, Okafor told The Harbour Post on Thursday."', () => {
    const r = attribute(
      'Patrick Kennedy runs the records office, and Ruth Okafor chairs the board.',
      'There is no need to move the old files to a new building, Kennedy wrote Linick.',
      'The levy will be dropped before the election, Okafor told The Harbour Post on Thursday.',
    );
    expect(said(r, 'Patrick Kennedy')).toEqual(['There is no need to move the old files to a new building']);
    expect(said(r, 'Ruth Okafor')).toEqual(['The levy will be dropped before the election']);
  });

  it('skips a dashed aside between the cue and "that"', () => {
    const r = attribute('Paul Moreau said — on the radio, as it happens — that the ferry would stop in June.');
    expect(said(r, 'Paul Moreau')).toEqual(['the ferry would stop in June']);
  });
});

describe('content boundaries around asides, titles and places', () => {
  it('does not take a book title before the subject as the quote', () => {
    const r = attribute('In his 2002 book, “Make Your Kid a Millionaire,” Kevin McKinley suggested that parents save a little every week.');
    expect(said(r, 'Kevin McKinley')).toEqual(['parents save a little every week']);
  });

  it('starts the content after "that, X aside,"', () => {
    const r = attribute('Kevin McKinley asserted that, taxes aside, the plan would work.');
    expect(said(r, 'Kevin McKinley')).toEqual(['the plan would work']);
  });

  it('keeps "City, State," and ", including …" inside an object', () => {
    const r = attribute(
      'Mayor Ana Duarte criticized Salem, Oregon, police officer John Hale for closing the bridge.',
      'Duarte blamed several factors, including the cost of fuel.',
    );
    expect(said(r, 'Ana Duarte')).toEqual(['Salem, Oregon, police officer John Hale for closing the bridge', 'several factors, including the cost of fuel']);
  });

  it('takes "assured his hometown’s residents that …"', () => {
    const r = attribute('Governor Joe Biden assured his hometown’s residents that the plant would stay open.');
    expect(said(r, 'Joe Biden')).toEqual(['the plant would stay open']);
  });
});

describe('"according to" in the middle of a sentence', () => {
  it('takes the sentence around "…, according to X, a former director, was …" and a quote before "according to"', () => {
    const r = attribute(
      'At the heart of the dispute, according to Ingrid Solberg, a former port director, was a decision to close the dock.',
      'The visit became “the high point of the year,” according to Ms. Solberg.',
    );
    expect(said(r, 'Ingrid Solberg')).toEqual([
      'At the heart of the dispute … was a decision to close the dock',
      'The visit became “the high point of the year',
    ]);
  });
});

describe('questioned, described, mentioned as object cues', () => {
  it('takes "questioned X" and "described X as Y", and a list of objects', () => {
    const r = attribute(
      'Governor Lena Brandt questioned the mayor’s account of the flood.',
      'Brandt described the new levy as a tax on the poor.',
      'Brandt cited delays in Malmo, Oslo and Bergen as proof of the problem.',
    );
    expect(said(r, 'Lena Brandt')).toEqual([
      'the mayor’s account of the flood',
      'the new levy as a tax on the poor',
      'delays in Malmo, Oslo and Bergen as proof of the problem',
    ]);
  });

  it('does not read "the records that X questioned are …" as X’s words', () => {
    const r = attribute('Governor Lena Brandt spoke.', 'The records that Brandt questioned are stored in the archive.');
    expect(said(r, 'Lena Brandt')).toEqual([]);
  });
});

describe('participles that open the sentence, and infinitive content', () => {
  it('gives "Noting that …," and "Citing …," to the subject after the comma', () => {
    const r = attribute('Noting that the river had risen twice, Mayor Ana Duarte closed the bridge.', 'Citing the cost of fuel, Duarte cancelled the ferry.');
    expect(said(r, 'Ana Duarte')).toEqual(['the river had risen twice', 'the cost of fuel']);
  });

  it('takes a short infinitive after the cue as content: "urged her neighbours to stay home", "vowed to fight on"', () => {
    const r = attribute('Mayor Ana Duarte urged her neighbours to stay home.', 'Duarte vowed to fight on until May.');
    expect(said(r, 'Ana Duarte')).toEqual(['to stay home', 'to fight on until May']);
  });
});

describe('participles after "before"/"after"', () => {
  it('gives "before explaining why …" to the clause subject', () => {
    const r = attribute('Mayor Ana Duarte thanked the crews before explaining why the bridge would stay closed.');
    expect(said(r, 'Ana Duarte')).toContain('why the bridge would stay closed');
  });
});

describe('infinitive and that-clause content after object-like cues', () => {
  it('ends an infinitive at the next clause but runs a that-clause to the sentence end', () => {
    const r = attribute(
      'Governor Lena Brandt has vowed to reopen the mill, and her rival is promising to close it.',
      'Brandt mentioned that the mill, which closed in 2009, employed 400 people.',
    );
    expect(said(r, 'Lena Brandt')).toEqual(['to reopen the mill', 'the mill, which closed in 2009, employed 400 people']);
  });
});

describe('passive participles, possessive gerunds and content after "that in …"', () => {
  it('does not give "When told X …" to X, and keeps a fronted adverbial after "said that"', () => {
    const r = attribute(
      'Taylor Bush flew to Ohio with Tom Perez.',
      'When told Perez was a minister, Bush thought for a moment and said that in the current climate, being ordinary helps.',
    );
    expect(said(r, 'Tom Perez')).toEqual([]);
    expect(said(r, 'Taylor Bush')).toEqual(['in the current climate, being ordinary helps']);
  });

  it('takes "After talking about X," and "X’s talking about Y"', () => {
    const r = attribute(
      'After talking about security, Mayor Ben Ross suggested that they walk to the site.',
      'Maybe Ross’s talking about the working class was all a ruse.',
    );
    expect(said(r, 'Ben Ross')).toEqual(['security', 'they walk to the site', 'the working class']);
  });
});

describe('negated cues', () => {
  it('takes "X isn’t saying what …" (what the story is about), but not a denied verb: "X didn’t say whether …"', () => {
    const r = attribute('Mayor Ana Duarte isn’t saying what she will do with the ferry.', 'Duarte didn’t say whether the bridge would reopen.');
    expect(said(r, 'Ana Duarte')).toEqual(['what she will do with the ferry']);
  });
});

describe('participles whose subject is the sentence’s speaker', () => {
  it('gives "“…,” X said before adding: “…”" and "upon saying" to X', () => {
    const r = attribute(
      '“The bridge stays shut,” Mayor Ana Duarte said before adding: “The ferry will run all winter.”',
      'Duarte drew boos upon saying, “The levy stays.”',
    );
    expect(said(r, 'Ana Duarte')).toEqual(['The bridge stays shut', 'The ferry will run all winter.', 'The levy stays.']);
  });

  it('does not take "Writing for the Post," as content', () => {
    const r = attribute('Writing for the Harbour Post, Mayor Ana Duarte noted that fares had doubled.');
    expect(said(r, 'Ana Duarte')).toEqual(['fares had doubled']);
  });
});

describe('clauses around the cue', () => {
  it('does not take the name after "predicted" as an inverted speaker', () => {
    const r = attribute('Ana Duarte is the mayor.', 'Many of the chairs that the paper interviewed predicted Duarte will win easily.');
    expect(said(r, 'Ana Duarte')).toEqual([]);
  });

  it('ends content inside an opening "As X announces that …," clause at its comma', () => {
    const r = attribute('As Mayor Ben Ross announces that the bridge is safe, crews are still at work on it.');
    expect(said(r, 'Ben Ross')).toEqual(['the bridge is safe']);
  });

  it('skips the addressee of "wrote to" and the setting of "As X put it in a letter …,"', () => {
    const r = attribute(
      'Mayor Ben Ross wrote to Mrs. Duarte about the new ferry schedule.',
      'As Ross put it in a letter to the council in May, the ferry is “a lifeline.”',
    );
    expect(said(r, 'Ben Ross')).toEqual(['the new ferry schedule', 'the ferry is “a lifeline.”']);
  });
});

describe('more content ends', () => {
  it('runs a question clause after an object cue on, and keeps "over …" after the day', () => {
    const r = attribute(
      'At a rally, Mayor Ana Duarte questioned what kind of person closes a bridge at 3 a.m. without a tweet.',
      'Duarte blasted her rival Ben Ross on Monday over his ferry plan.',
    );
    expect(said(r, 'Ana Duarte')).toEqual([
      'what kind of person closes a bridge at 3 a.m. without a tweet',
      'her rival Ben Ross on Monday over his ferry plan',
    ]);
  });

  it('skips "early Friday" before "that" and drops a stray closing bracket', () => {
    const r = attribute('The port chief, Ben Ross, said early Friday that 80 people were hurt.', 'Ross, of course, said that the timing was unrelated.)');
    expect(said(r, 'Ben Ross')).toEqual(['80 people were hurt', 'the timing was unrelated']);
  });
});

describe('relative clauses and show names', () => {
  it('does not read "Everything X says is …" or "has written off" as content', () => {
    const r = attribute('Mayor Ben Ross spoke.', 'Everything Ross says is a lie to his critics.', 'Ross has written off the old ferry.');
    expect(said(r, 'Ben Ross')).toEqual([]);
  });

  it('skips a show named after its network: "tells MSNBC’s “Morning Joe” on Friday that …"', () => {
    const r = attribute('Ben Ross tells MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains unknown.');
    expect(said(r, 'Ben Ross')).toEqual(['“exactly who did it” remains unknown']);
  });
});

describe('nominal cues need a time adverbial at most before their content', () => {
  it('takes "X’s announcement in 2014 of …" but not "X’s comment risks undermining … on the issue"', () => {
    const r = attribute(
      'Senator Ruth Okafor spoke on Monday.',
      'Okafor’s announcement in 2014 of a new harbour levy surprised the port.',
      'Okafor’s comment risks undermining her credibility on the issue.',
    );
    expect(said(r, 'Ruth Okafor')).toEqual(['a new harbour levy']);
  });
});

describe('cues chained to another verb', () => {
  it('gives "went on to explain" and "erred in saying" to the subject of the first verb', () => {
    const r = attribute('General Carter Ham went on to explain that the troops were tired.', 'Ham clearly erred in saying the base was safe.');
    expect(said(r, 'Carter Ham')).toEqual(['the troops were tired', 'the base was safe']);
  });

  it('does not take an act in the infinitive as speech: "needs a majority to confirm"', () => {
    const r = attribute('Senator Carter Ham needs a majority to confirm the new chief.');
    expect(r.statements).toEqual([]);
  });
});

describe('"proposed" as a cue and as an adjective', () => {
  it('takes "proposed X" but not "the proposed wall"', () => {
    const r = attribute('Mayor Ana Duarte proposed a new ferry route on Monday.', 'The proposed wall would cost millions, Duarte said.');
    expect(said(r, 'Ana Duarte')).toEqual(['a new ferry route', 'The proposed wall would cost millions']);
  });
});

describe('"pointed to"', () => {
  it('takes what a named speaker pointed to', () => {
    const r = attribute('Mayor Ana Duarte pointed to the rising cost of fuel as the reason.');
    expect(said(r, 'Ana Duarte')).toEqual(['the rising cost of fuel as the reason']);
  });
});

describe('cue words that count or date, not say', () => {
  it('ignores "added around 292,000 jobs" and "the place X proposed two months ago"', () => {
    const r = attribute('Mayor Ana Duarte added around 292,000 jobs to the city.', 'The rally was held in the very place Duarte proposed two months ago.');
    expect(r.statements).toEqual([]);
  });
});

describe('"emailed" as a cue, "emails" as a noun', () => {
  it('takes "emailed her staff that …" and ignores "The emails X sent"', () => {
    const r = attribute('Mayor Ana Duarte emailed her staff that the ferry would stop.', 'The emails Duarte sent were released in May.');
    expect(said(r, 'Ana Duarte')).toEqual(['the ferry would stop']);
  });
});

describe('statements issued, passives and labels', () => {
  it('takes "issued a statement saying …" and "labeled X Y", not "was criticized"', () => {
    const r = attribute(
      'Mayor Ana Duarte issued a statement saying the ferry would stop.',
      'Duarte was criticized for the closure by the port.',
      'Duarte labeled the levy a tax on the poor.',
    );
    expect(said(r, 'Ana Duarte')).toEqual(['the ferry would stop', 'the levy a tax on the poor']);
  });
});

describe('participles after the thing that carries the words', () => {
  it('takes "posted tweets early Friday saying …" and "fired back a response saying …"', () => {
    const r = attribute(
      'Mayor Ana Duarte posted tweets early Friday saying the ferry would stop.',
      'Duarte fired back a response saying she would not resign.',
    );
    expect(said(r, 'Ana Duarte')).toEqual(['the ferry would stop', 'she would not resign']);
  });
});

describe('threats and auxiliaries', () => {
  it('takes "has threatened to veto …", "has long said that …" and "did suggest that …"', () => {
    const r = attribute(
      'Governor Lena Brandt has threatened to veto the harbour bill.',
      'Brandt has long said that the levy is unfair.',
      'Brandt did suggest that the ferry could run in winter.',
    );
    expect(said(r, 'Lena Brandt')).toEqual(['to veto the harbour bill', 'the levy is unfair', 'the ferry could run in winter']);
  });
});

describe('adverbs between the speaker and the cue', () => {
  it('skips "cynically", "sharply", "regularly" before the cue', () => {
    const r = attribute('Governor Lena Brandt cynically dismissed the report as a stunt.', 'Brandt has sharply criticized the port for the delays.');
    expect(said(r, 'Lena Brandt')).toEqual(['the report as a stunt', 'the port for the delays']);
  });
});

describe('more forms of "call"', () => {
  it('takes "called the levy a tax", "called again for", "called out X for Y"', () => {
    const r = attribute(
      'Governor Lena Brandt has called the levy a tax on the poor.',
      'Brandt called again for a new ferry.',
      'Brandt called out the mayor for the delays.',
    );
    expect(said(r, 'Lena Brandt')).toEqual(['the levy a tax on the poor', 'a new ferry', 'the mayor for the delays']);
  });

  it('does not take "called the police a second time" or "called a press conference"', () => {
    const r = attribute('Governor Lena Brandt called the police a second time.', 'Brandt called a press conference.');
    expect(r.statements).toEqual([]);
  });
});

describe('adverbs between a cue and its preposition', () => {
  it('takes "spoke briefly about" and "spoke out Tuesday about"', () => {
    const r = attribute('Governor Lena Brandt spoke briefly about the harbour levy.', 'Brandt spoke out Tuesday about the ferry delays.');
    expect(said(r, 'Lena Brandt')).toEqual(['the harbour levy', 'the ferry delays']);
  });
});

describe('"as X noted" with any cue', () => {
  it('takes the clause after "Yet, as X observed," and before ", as X noted."', () => {
    const r = attribute(
      'Yet, as Mr. Chad Bown observed, in the early days of a new administration the tariffs would bite.',
      'The ferry will stop in June, as Bown noted.',
    );
    expect(said(r, 'Chad Bown')).toEqual(['in the early days of a new administration the tariffs would bite', 'The ferry will stop in June']);
  });
});
