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
  point: ['out', 'to'], call: ['for', 'on', 'upon', 'out'], talk: ['about', 'up'], speak: ['about', 'of'], refer: ['to'], rail: ['against'],
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

/** The regular forms of a verb: base, -s, -ed, -ing. */
export function regularForms(lemma: string): string[] {
  // A one-syllable verb ending consonant-vowel-consonant doubles its last letter: slam → slammed, slamming.
  if (/^[^aeiouy]*[aeiou][^aeiouwxy]$/.test(lemma)) return [lemma, `${lemma}s`, `${lemma}${lemma.at(-1)}ed`, `${lemma}${lemma.at(-1)}ing`];
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
  jan feb mar apr jun jul aug sep sept oct nov dec
  according asked speaking writing talking responding among other another every each such what why how
  where who whom sending despite during amid following without within democratic republican democrat gop
  liberal conservative independent everything everyone everybody nothing anything something whatever
  whoever wherever whenever now former several once instead indeed perhaps maybe yes no unlike unless until whether either neither
  even like just only already prior pretty very too much more less
  one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion`
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
  `has have had is was were are be been will would could should may might must also has repeatedly previously
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

// ---- Words the sentence rules test tokens against ----

export const GENERIC_SUBJECTS = new Set(['source', 'sources', 'official', 'officials', 'critics', 'analysts', 'experts', 'observers', 'people', 'reports', 'report', 'media', 'some', 'others', 'many', 'one', 'someone', 'who', 'which', 'that', 'it', 'they', 'we', 'i', 'you', 'this', 'polls', 'poll', 'survey', 'data', 'study']);

export const NARRATIVE_AFTER_QUOTE = /^[\s,]*(as|while|when|after|before|during|though|although|but|and|in|at|on|since|because|amid)\b/i;

export const TELL_LIKE = new Set(['tell', 'ask', 'inform', 'assure', 'reassure', 'urge', 'warn', 'remind', 'advise', 'email']);

/** Words that may follow an inverted subject: “…,” said Smith in a statement / on Monday / who … / of Yale. */
export const AFTER_INVERTED_SUBJECT = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'from', 'of', 'who', 'when', 'while', 'as', 'to', 'via', 'with', 'for', 'about', 'by', 'through', 'since', 'until', 'last', 'this', 'earlier', 'later', 'recently', 'today', 'yesterday', 'tonight', 'late', 'early', 'told', 'adding', 'noting', 'saying', 'and', 'but', 'referring', 'according', 'speaking', 'writing']);

/** Prepositions after which a name is not the subject of the verb that follows it (not "for": "a spokesman for X"). */
export const NOT_SUBJECT_AFTER = new Set(['on', 'about', 'in', 'at', 'to', 'against', 'than', 'into', 'over', 'under', 'of', 'from', 'with', 'among', 'between', 'toward', 'towards']);

export const CLAUSE_SUBORDINATORS = new Set(['after', 'before', 'when', 'whenever', 'because', 'while', 'although', 'though', 'since', 'if', 'once', 'until', 'whereas', 'as']);

export const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);

/** Words that can open a description before a name: "retired", "his", "9/11", "Florida’s"; not "in", "that". */
export const DESCRIPTION_WORD = /^[\p{L}\p{N}/'’.-]+$/u;

export const NOT_DESCRIPTION = new Set(['in', 'on', 'at', 'to', 'for', 'of', 'with', 'by', 'about', 'from', 'that', 'and', 'or', 'but', 'as', 'than', 'if', 'because', 'when', 'while', 'who', 'which', 'after', 'before', 'during', 'since', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'not']);

export const TITLE_ABBREVIATIONS: Record<string, string> = { sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', adm: 'admiral', col: 'colonel', capt: 'captain', lt: 'lieutenant', sgt: 'sergeant', sec: 'secretary', pres: 'president', prof: 'professor', supt: 'superintendent', atty: 'attorney' };

export const APPOSITION_MARKS = new Set([',', '—', '–', '―']);

/** Things that carry words: a participle cue right after one speaks for the clause's subject. */
export const SPEECH_VEHICLES = new Set(['statement', 'letter', 'tweet', 'tweets', 'memo', 'message', 'post', 'release', 'video', 'ad', 'email', 'e-mail', 'op-ed', 'column', 'speech', 'interview', 'response', 'reply']);

/** Cue verbs whose infinitive usually names an act rather than words. */
export const CHAIN_ACTS = new Set(['confirm', 'report', 'deny', 'respond', 'reply', 'post', 'charge', 'state', 'signal', 'indicate', 'estimate', 'continue', 'reject', 'dismiss', 'counter', 'reveal', 'disclose']);

export const HEADLINE_ADVERBS = new Set(['just', 'now', 'also', 'again', 'still', 'finally']);

export const TAG_VERBS_IRREGULAR = new Set(['shot', 'sang', 'spoke', 'wrote', 'told', 'said', 'put', 'began', 'went', 'broke', 'threw', 'hit', 'swore']);

/** "As X said, …" and "If X says …" frame what follows; the other subordinators close their clause at the comma. */
export const LEADING_SUBORDINATORS = new Set([...CLAUSE_SUBORDINATORS].filter((w) => w !== 'as' && w !== 'if'));

/** Past participles of verbs whose object is the one spoken to: passive, they name the listener. */
export const PASSIVE_PARTICIPLES = new Set(['told', 'asked', 'informed', 'reminded', 'assured', 'reassured', 'urged', 'warned', 'advised', 'pressed']);

/** Words before such a participle that make it passive: "When told …", "was asked …". */
export const BEFORE_PASSIVE = new Set(['when', 'if', 'once', 'unless', 'until', 'after', 'before', 'while', 'was', 'were', 'been', 'being', 'be', 'is', 'are', 'get', 'got']);

/** Articles and possessive determiners: a noun phrase starts after one. */
export const OBJECT_DETERMINERS_LIST = ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your'];

/** Words before a noun: a cue form after them is the noun ("the claims", "from remarks", "his comments"). */
export const NOUN_CONTEXT = new Set([...OBJECT_DETERMINERS_LIST, 'these', 'those', 'such', 'some', 'many', 'any', 'no', 'from', 'of', 'several', 'other', 'whose']);

/** -s forms of object cues that are mostly nouns: "the Paris attacks", "thanks to", "blasts of cold air". */
export const NOUN_LIKE_S = new Set(['attacks', 'thanks', 'blasts']);

export const UNAMBIGUOUS_S_CUES = new Set(['say', 'tell', 'add', 'write', 'insist', 'argue', 'explain', 'ask', 'urge', 'warn', 'predict', 'acknowledge', 'admit']);

export const LEADING_WORDS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'since', 'because', 'although', 'though', 'if', 'despite', 'amid', 'following', 'with', 'without', 'for', 'from', 'by', 'unlike', 'like', 'asked', 'once', 'until', 'whereas']);

export const NOT_A_NAME_GIVEN = new Set(['back', 'up', 'off', 'out', 'to', 'on', 'in', 'at', 'for', 'from', 'over', 'into', 'and', 'or',
  'with', 'by', 'about', 'after', 'before', 'during', 'last', 'this', 'again', 'yesterday', 'today', 'when', 'while', 'as']);

/** Things that carry words: "a statement saying", "a series of tweets early Friday saying". */
export const MESSAGE_NOUNS = new Set(['statement', 'statements', 'tweet', 'tweets', 'post', 'posts', 'message', 'messages', 'letter', 'letters', 'response', 'reply', 'ad', 'ads', 'advertisement', 'video', 'release', 'email', 'e-mail', 'memo', 'note', 'op-ed', 'column', 'speech', 'remarks', 'interview', 'filing', 'complaint', 'lawsuit', 'petition', 'report', 'announcement', 'editorial', 'essay', 'article', 'book', 'broadside', 'rebuttal']);

export const PREPOSITIONAL_START = new Set(['in', 'on', 'at', 'during', 'to', 'after', 'before', 'with', 'via', 'from', 'through', 'late', 'early', 'earlier', 'last', 'this', 'publicly', 'privately', 'repeatedly', 'also', 'again', 'then', 'recently', 'previously', 'separately', 'later', 'yesterday', 'today', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const OBJECT_DETERMINERS = new Set(OBJECT_DETERMINERS_LIST);

export const QUOTE_MARKS = new Set(["'", '"', '”', '’', '“', '‘', "''"]);

/** Marks that can close a quotation, as single tokens. */
export const CLOSING_QUOTE_MARKS = new Set(['"', '”', "'", '’']);

/** Words of a time adverbial between a nominal cue and its content: "statement earlier this year that". */
export const TIME_WORDS = /^(earlier|later|this|last|next|year|week|month|morning|night|evening|today|yesterday|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/;

export const WORK_NOUNS = new Set(['book', 'memoir', 'column', 'essay', 'article', 'film', 'movie', 'documentary', 'show', 'program',
  'programme', 'song', 'album', 'play', 'novel', 'report', 'titled', 'entitled', 'called', 'headlined', 'dubbed', 'series', 'podcast']);

/** Words that open a second predicate after "and"/"but": "referred to jihadism but was careful …". */
export const NEW_VERB_AFTER_AND = new Set(['was', 'is', 'were', 'are', 'has', 'had', 'have', 'did', 'does', 'will', 'would', 'could',
  'also', 'then', 'always', 'never', 'later', 'made', 'gave', 'took', 'went', 'got', 'won', 'lost', 'left', 'spoke', 'told']);

/** A subordinate clause after the object tells the circumstances: "spoke of her ties to churches while at …". */
export const CIRCUMSTANCE_OPENERS = new Set(['while', 'when', 'because', 'although', 'though', 'whereas', 'after', 'before', 'during', 'since', 'amid']);

export const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)$/;

export const SETTING_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'before', 'via', 'through']);

/** Words naming where words were said: the medium or the occasion. */
export const SETTING_NOUNS = new Set(['twitter', 'facebook', 'tweet', 'tweets', 'interview', 'interviews', 'statement', 'speech',
  'address', 'debate', 'rally', 'meeting', 'diatribe', 'appearance', 'op-ed', 'post', 'remarks', 'conference', 'forum',
  'hearing', 'broadcast', 'video', 'ad', 'letter', 'email', 'column', 'editorial', 'radio', 'television', 'tv', 'podcast']);

/** Words that, after a dash, open the writer's comment on what was said rather than more of it. */
export const DASH_COMMENT = new Set(['which', 'and', 'but', 'something', 'even', 'while', 'as', 'though', 'although', 'a', 'an']);
