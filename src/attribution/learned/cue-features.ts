// Features of a cue candidate (candidates.ts) for the learned cue pass. Plain strings, one line each.
// Only the candidate's own sentence is read; names count by their shape, never as themselves, so no
// person or outlet of the training articles is learnt.

import type { UnitState } from '../context.js';
import { AUXILIARIES, CUE_FORMS, OBJECT_DETERMINERS } from '../lexicon.js';
import type { Token } from '../tokens.js';
import type { CueCandidate, CueVerb } from './candidates.js';
import { NEGATIONS, lengthBucket, word, wordShape } from './features.js';

const WH_WORDS = new Set(['what', 'whether', 'how', 'why', 'if', 'who', 'where', 'when', 'which']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'us', 'me', 'himself', 'herself', 'themselves', 'itself']);

/** What follows the verb, broadly: the shape of its complement. */
function objectKind(toks: Token[], k: number): string {
  const t = toks[k];
  if (!t) return 'end';
  if (t.quoted) return 'quote';
  if (t.punct) return t.text === ',' ? 'comma' : t.text === ':' ? 'colon' : 'punct';
  if (t.lower === 'that') return 'that';
  if (t.lower === 'to') return 'to';
  if (WH_WORDS.has(t.lower)) return 'wh';
  if (OBJECT_PRONOUNS.has(t.lower)) return 'pronoun';
  if (OBJECT_DETERMINERS.has(t.lower)) return t.lower === 'the' || t.lower === 'a' || t.lower === 'an' ? 'det' : 'possessive';
  if (t.cap) return t.possessive ? 'capPossessive' : 'cap';
  if (['for', 'about', 'on', 'of', 'over', 'against', 'with', 'at', 'by', 'in'].includes(t.lower)) return `prep:${t.lower}`;
  return 'word';
}

function formKind(form: string, lemma: string): string {
  if (form === lemma) return 'base';
  if (form.endsWith('ing')) return 'ing';
  if (form.endsWith('s') && !form.endsWith('ss')) return 's';
  return 'past';
}

/** Features of the verb at token i and its sentence alone: known before any sieve runs. */
export function verbFeatures(u: UnitState, i: number, { lemma, cls, listed }: CueVerb): string[] {
  const toks = u.unit.tokens;
  const t = toks[i] as Token;
  const next = objectKind(toks, i + 1);
  const form = formKind(t.lower, lemma);
  const features = [
    `lem=${lemma}`,
    `cls=${cls}`,
    `listed=${listed}`,
    `form=${form}`,
    `cls=${cls}&form=${form}`,
    `prev=${word(toks[i - 1])}`,
    `prevShape=${wordShape(toks[i - 1])}`,
    `prev2=${word(toks[i - 2])}`,
    `next=${word(toks[i + 1])}`,
    `next2=${word(toks[i + 2])}`,
    `obj=${next}`,
    `lem=${lemma}&obj=${next}`,
    `cls=${cls}&obj=${next}`,
    `lem=${lemma}&next=${word(toks[i + 1])}`,
    `sent=${lengthBucket(toks.filter((x) => !x.punct).length)}`,
    `quotesInUnit=${u.unit.quotes.length > 0}`,
    `foundInUnit=${u.found.length > 0}`,
    `para=${u.para.n === 1 ? 'first' : u.para.n <= 3 ? 'early' : 'later'}`,
    `unit=${u.index === 0 ? 'first' : 'later'}`,
  ];
  if (t.cap) features.push('cueCap');
  // "did not respond to", "declined to discuss", "will address", "went on to criticize".
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = toks[k] as Token;
    if (NEGATIONS.has(w.lower)) features.push('neg', `neg&cls=${cls}`);
    if (AUXILIARIES.has(w.lower)) features.push(`aux=${w.lower}`);
    if (w.lower === 'to') features.push('to', `to&cls=${cls}`);
  }
  return features;
}

/** The features that need the speaker and the content the rules' sieves found. */
export function statementFeatures(u: UnitState, c: CueCandidate): string[] {
  const toks = u.unit.tokens;
  const t = toks[c.i] as Token;
  const { cls, statement } = c;
  const spans = statement.spans;
  const cs = spans[0]?.[0] ?? 0;
  const ce = spans[spans.length - 1]?.[1] ?? 0;
  const content = toks.filter((x) => !x.punct && x.start >= cs && x.end <= ce);
  const before = ce <= t.start ? 'before' : 'after';
  const gap = c.subjectKind === 'inverted' ? c.subject.from - c.i - 1 : c.i - c.subject.to;
  const features = [
    `subj=${c.subjectKind}`,
    `cls=${cls}&subj=${c.subjectKind}`,
    `gap=${gap <= 0 ? 0 : gap <= 2 ? '≤2' : '>2'}`,
    `speaker=${c.speakerKind}`,
    `kind=${statement.kind}`,
    `cls=${cls}&kind=${statement.kind}`,
    `content=${before}`,
    `cls=${cls}&content=${before}`,
    `len=${lengthBucket(content.length)}`,
    `cls=${cls}&len=${lengthBucket(content.length)}`,
    `c0=${word(content[0])}`,
    `cLast=${word(content[content.length - 1])}`,
    `spans=${spans.length}`,
    `subjectOpens=${c.subject.from === 0 || toks.slice(0, c.subject.from).every((x) => x.punct)}`,
  ];
  // Another verb of saying inside the content: the content may be someone else's speech, or run on too far.
  if (content.some((x, k) => k > 0 && CUE_FORMS.has(x.lower))) features.push('innerCue');
  return features;
}
