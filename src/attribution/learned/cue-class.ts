// The broad class of verbs of communication the learned cue pass may judge, beyond the rules' own cues.
// Taken from the communication and judgment classes of VerbNet (say-37.7, tell-37.2, transfer_mesg-37.1,
// manner_speaking-37.3, talk-37.5, chit_chat-37.6, complain-37.8, advise-37.9, lecture-37.11,
// promise-37.13, judgment-33, characterize-29.2) and FrameNet's Statement, Communication_response,
// Judgment_communication, Judgment_direct_address, Request, Questioning, Reasoning, Commitment and
// Discussion frames — a general list, not words read off single articles. Each lemma carries its broad
// class, a feature the model learns from: a verb it never saw still shares its class's weight.

import { CUE_FORMS, regularForms } from '../lexicon.js';

/** Broad class → lemmas (irregular forms after a colon). */
const CLASSES: Record<string, string> = {
  // Statement, say-37.7, lecture-37.11: the content is a clause or an object that states something.
  state: `affirm aver articulate convey divulge hint relate utter reaffirm restate summarize summarise outline
    detail clarify elaborate specify pronounce profess posit speculate surmise theorize theorise conjecture imply
    forecast preach lecture attest certify vouch hypothesize reason opine editorialize editorialise`,
  // transfer_mesg-37.1 and Text_creation: words passed on, read out or put in writing.
  relay: `quote paraphrase recite read:read,reads,reading relay publish pen:penned,penning blog:blogged,blogging text`,
  // Communication_response.
  respond: 'answer rebut:rebutted,rebutting refute contradict dispute protest object disagree',
  // complain-37.8 and manner_speaking-37.3: how the words were said.
  manner: `grumble gripe moan whine mutter murmur grouse rant rave gush holler bellow growl snap:snapped,snapping
    chuckle tease exult sneer scoff`,
  // Judgment_communication, judgment-33: praise or blame of an object, which is what was said.
  judge: `applaud commend compliment congratulate hail salute acclaim extol fault censure rebuke reprimand
    reproach chastise castigate berate admonish lambast bash rip:ripped,ripping deride ridicule taunt insult
    disparage belittle denigrate malign vilify smear demonize demonise deplore excoriate skewer repudiate
    disavow rebuff apologize apologise`,
  // characterize-29.2: what someone was called.
  characterize: 'characterize characterise portray depict brand dub:dubbed,dubbing term',
  // Request, advise-37.9, Questioning.
  request: 'request implore beg plead appeal alert notify brief query inquire enquire interrogate quiz grill',
  // Discussion, talk-37.5, chit_chat-37.6: the topic is the object.
  discuss: 'debate chat:chatted,chatting converse address broach voice invoke',
  // promise-37.13, Commitment.
  commit: 'swear:swore,sworn guarantee',
  // Announcing a plan or proposal: the annotators count its content as said.
  announce: 'unveil pitch advocate',
};

/** Lemmas of the rules' own cue verbs by the same broad classes, so a class weighs alike across both lists. */
const RULE_CLASSES: Record<string, string> = {
  judge: `criticize criticise praise blast slam condemn mock attack laud thank denounce scold chide lambaste
    decry assail blame defend dismiss reject accuse charge tout challenge`,
  characterize: 'describe label call',
  request: 'urge ask demand advise warn caution remind inform exhort',
  discuss: 'discuss talk speak refer mention reference cite highlight express echo',
  commit: 'promise pledge vow threaten assure reassure',
  respond: 'respond reply retort counter deny question',
  manner: 'shout scream yell whisper exclaim quip joke muse boast brag complain lament chant',
};

/** Form → lemma for the class verbs the rules do not list. */
export const CLASS_FORMS: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const list of Object.values(CLASSES)) {
    for (const entry of list.split(/\s+/).filter(Boolean)) {
      const [lemma, irregular] = entry.split(':') as [string, string | undefined];
      for (const form of [...regularForms(lemma), ...(irregular ? irregular.split(',') : [])])
        if (!forms.has(form) && !CUE_FORMS.has(form)) forms.set(form, lemma);
    }
  }
  return forms;
})();

/** Lemma → broad class, for the class verbs and the rules' cue verbs ('say' for any other rule cue). */
const CLASS_OF: ReadonlyMap<string, string> = (() => {
  const of = new Map<string, string>();
  for (const [cls, list] of [...Object.entries(CLASSES), ...Object.entries(RULE_CLASSES)])
    for (const entry of list.split(/\s+/).filter(Boolean)) of.set(entry.split(':')[0] as string, cls);
  return of;
})();

export function cueClass(lemma: string): string {
  return CLASS_OF.get(lemma) ?? 'say';
}

/** Classes whose content is the verb's object ("slammed Clinton's plan to …", "discussed the deal"). */
export const OBJECT_CLASSES: ReadonlySet<string> = new Set(['judge', 'characterize', 'discuss', 'relay', 'announce']);
