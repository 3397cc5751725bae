// Word lists the attribution rules stand on. Kept in one place so that tuning them is one edit.

/** Verbs of saying, as lemma → irregular forms. Regular forms (-s, -ed, -ing) are generated. */
const CUE_LEMMAS: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  add: [], warn: [], insist: [], claim: [], urge: [], announce: [], note: [], stress: [], explain: [],
  argue: [], acknowledge: [], admit: ['admitted', 'admitting'], assert: [], declare: [], suggest: [], state: [],
  tweet: [], reply: ['replied', 'replies'], respond: [], ask: [], comment: [], predict: [], promise: [], vow: [],
  pledge: [], deny: ['denied', 'denies'], confirm: [], complain: [], remark: [], emphasize: [], emphasise: [],
  reiterate: [], recall: [], concede: [], contend: [], maintain: [], observe: [], caution: [], demand: [],
  accuse: [], reject: [], dismiss: [], allege: [], boast: [], joke: [], quip: ['quipped', 'quipping'],
  testify: ['testified', 'testifies'], conclude: [], counter: [], retort: [], report: [],
  estimate: [], proclaim: [], insinuate: [], lament: [], agree: [], shout: [], scream: [], yell: [],
  whisper: [], continue: [], recount: [], describe: [], charge: [], point: [], post: [],
  call: [], criticize: [], criticise: [], praise: [], blast: [], slam: [], reveal: [], disclose: [],
  brag: ['bragged', 'bragging'], muse: [], question: [], wonder: [], concur: ['concurred', 'concurring'],
  advise: [], recommend: [], propose: [], threaten: [], assure: [], reassure: [], inform: [], repeat: [],
  mention: [], signal: ['signaled', 'signalled'], indicate: [], condemn: [], mock: [], cite: [], blame: [], defend: [],
  attack: [], laud: [], thank: [], denounce: [],
  talk: [], speak: ['spoke', 'spoken'], refer: ['referred', 'referring'], rail: [],
  reference: [], express: [], echo: ['echoes'], discuss: [], tout: [], scold: [], chide: [], lambaste: [], decry: ['decried', 'decries'],
  assail: [], highlight: [], challenge: [], exhort: [], retweet: [], remind: [], interject: [], email: ['e-mailed', 'emails'],
  label: ['labelled', 'labelling'], exclaim: [], confess: [], underscore: [], chant: [],
};

/**
 * Cues that only count with a particle ("point out", "called for") or a preposition whose object is what
 * was said ("talked about the wall", "referring to the nominee", "called on Congress to act").
 */
export const PARTICLE_CUES: Record<string, string[]> = {
  point: ['out', 'to'], call: ['for', 'on', 'out'], talk: ['about'], speak: ['about', 'of'], refer: ['to'], rail: ['against'],
};

/**
 * Verbs whose object is what was said: "criticized Clinton for her vote", "cited the audit", "thanked the
 * nurses for their support". The content is the object phrase, up to the clause's end; the name right
 * after the verb is the one spoken about, never the speaker.
 */
export const OBJECT_CUES = new Set([
  'cite', 'criticize', 'criticise', 'blame', 'defend', 'blast', 'slam', 'condemn', 'mock', 'praise', 'attack', 'laud',
  'thank', 'denounce', 'reference', 'express', 'echo', 'discuss', 'tout', 'scold', 'chide', 'lambaste', 'decry', 'assail',
  'highlight', 'challenge', 'exhort', 'retweet', 'question', 'describe', 'mention', 'propose', 'label',
]);

/** Cues that introduce reported content only with "that" after them (too common otherwise). */
export const THAT_ONLY_CUES = new Set([
  'continue', 'comment', 'charge', 'post', 'report', 'agree', 'signal', 'indicate', 'wonder', 'reveal', 'maintain',
  'disclose', 'recommend', 'advise', 'threaten', 'estimate', 'assure', 'reassure', 'inform', 'repeat', 'call',
]);

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  const s = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : lemma.endsWith('y') && !/[aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const ed = lemma.endsWith('e') ? `${lemma}d` : lemma.endsWith('y') && !/[aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`;
  return [lemma, s, ed, `${stem}ing`];
}

/** Every inflected form of a cue verb → its lemma. */
export const CUE_FORMS: Map<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const [lemma, irregular] of Object.entries(CUE_LEMMAS)) {
    for (const form of [...regularForms(lemma), ...irregular]) if (!forms.has(form)) forms.set(form, lemma);
  }
  return forms;
})();

/** Nouns of saying that a person's possessive owns: "Trump’s claim that …", "Obama’s calls for …". */
export const SPEECH_NOUNS = new Set(
  `claim claims statement statements remark remarks comment comments announcement assertion assertions suggestion
  insistence contention argument admission allegation allegations accusation accusations promise promises pledge vow
  vows warning prediction denial boast description explanation charge call calls proposal complaint criticism
  declaration message missive plea threat response emphasis question words speech tweet tweets testimony`
    .split(/\s+/)
    .filter(Boolean),
);

/** One pass over a paragraph: a quotation mark, a colon label, a cue form or noun, "according" or "put it" — without one, nothing to extract. */
export const SPEECH_CHECK = new RegExp(
  `["“”«»„]|''|’’|:\\s|\\b(?:${[...CUE_FORMS.keys(), ...SPEECH_NOUNS, 'according', 'puts? it'].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'i',
);

/** Titles and honorifics that sit before a name and are not part of it. */
export const TITLES = new Set(
  `mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr.
  president vice chancellor minister prime secretary senator sen sen. rep rep. representative congressman
  congresswoman gov gov. governor mayor judge justice general gen gen. col col. lt lt. capt capt. adm adm.
  admiral colonel major sergeant sgt sgt. ambassador envoy chief director chairman chairwoman chair speaker
  king queen prince princess pope cardinal bishop archbishop sheikh emir crown premier commissioner
  leader head deputy foreign defence defense interior finance justice attorney spokesman spokeswoman
  spokesperson candidate nominee coach officer inspector superintendent detective agent pastor rabbi imam
  chancellor. state federal national former acting first lady councillor councilor councilman councilwoman
  alderman alderwoman assemblyman assemblywoman assemblymember delegate trustee supervisor selectman executive
  ceo cfo coo adviser advisor secretary-general undersecretary front-runner frontrunner`
    .split(/\s+/)
    .filter(Boolean),
);

/** Head nouns that make a phrase a role ("EU foreign affairs chief", "a spokesman for …"). */
export const ROLE_NOUNS = new Set(
  `president chancellor minister secretary senator representative congressman congresswoman governor mayor
  judge justice general admiral colonel ambassador envoy chief director chairman chairwoman chair speaker
  king queen prince princess pope leader head deputy spokesman spokeswoman spokesperson candidate nominee
  adviser advisor aide diplomat official commissioner premier negotiator strategist manager founder ceo
  executive analyst economist professor lawyer attorney prosecutor commander officer son-in-law daughter
  son wife husband mother father brother sister campaign chairwoman sheriff chief-of-staff counsel
  correspondent editor columnist host anchor author researcher scientist expert activist organizer
  organiser spokesperson, lawmaker legislator politician operative surrogate pollster consultant donor
  member secretary-general president-elect vice-president mogul billionaire businessman businesswoman
  running mate opponent rival challenger incumbent democrat republican councillor councilor councilman
  councilwoman alderman alderwoman assemblyman assemblywoman trustee supervisor`
    .split(/[\s,]+/)
    .filter(Boolean),
);

export const FEMALE_ROLE_WORDS = new Set(['spokeswoman', 'congresswoman', 'chairwoman', 'businesswoman', 'queen', 'princess', 'wife', 'mother', 'sister', 'daughter', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady']);
export const MALE_ROLE_WORDS = new Set(['spokesman', 'congressman', 'chairman', 'businessman', 'king', 'prince', 'husband', 'father', 'brother', 'son', 'mr', 'mr.', 'sir', 'lord']);

/** Capitalised words that start sentences or name groups, never a speaker's name on their own. */
export const NOT_NAMES = new Set(
  `the a an this that these those it its he she they we i you his her their our my your him them us
  but and or so yet for nor if when while as after before since because although though however meanwhile
  moreover also still then there here thus hence ahead under over at on in by with from to of about into
  officials critics analysts experts sources others many some most both all everyone nobody someone police
  authorities investigators witnesses residents democrats republicans voters supporters observers
  lawmakers leaders members people americans europeans diplomats protesters opponents aides advisers
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december today yesterday tomorrow last next earlier later
  according asked speaking writing talking responding among other another every each such what why how
  where who whom sending despite during amid following without within democratic republican democrat gop
  liberal conservative independent everything everyone everybody nothing anything something whatever
  whoever wherever whenever now former several once instead indeed perhaps maybe yes no unlike unless until whether either neither
  even like just only already`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words inside a capitalised phrase that make it an organisation rather than a person. */
export const ORG_WORDS = new Set(
  `kremlin house department ministry office staff party council commission committee agency bureau
  government administration army navy police court parliament senate congress union bank company
  corporation inc corp ltd group association foundation institute university college school campaign
  network news times post journal press agency service services forces force guard embassy command
  cabinet presidency secretariat federation league organization organisation alliance fund board
  authority authorities center centre coalition movement church club team nato un eu states kingdom
  nations republic war street river sea ocean island islands city county province region airport square`
    .split(/\s+/)
    .filter(Boolean),
);

/** Adverbials allowed between a speaker and the cue ("has repeatedly said", "late on Monday said"). */
export const AUXILIARIES = new Set(
  `has have had is was were are will would could should may might must also has repeatedly previously
  later earlier once again then now still already never often reportedly reportedly, recently publicly
  privately separately subsequently initially originally further not just had only even quickly
  flatly firmly bluntly angrily strongly simply clearly openly frequently repeatedly
  isn't isn’t wasn't wasn’t
  long consistently generally immediately actually regularly formally officially suddenly effectively
  apparently explicitly implicitly boldly carefully specifically sarcastically typically aggressively ultimately
  sharply cynically forcefully first`
    .split(/[\s,]+/)
    .filter(Boolean),
);

export const PRONOUNS: Record<string, 'm' | 'f' | 'any'> = { he: 'm', she: 'f', him: 'm', her: 'f' };
