// Cue candidates for the learned cue pass: a verb of communication the rules refused as a cue (a that-only
// verb without "that", a base form that may be a noun, "criticized" before a preposition …) or do not list
// at all (cue-class.ts), whose speaker the rules' own speaker sieves find — a name the article already
// knows, or a pronoun or description they resolve — and whose content their content sieves bound. The
// statement it would make is built here; whether it is made is the model's decision (sieve learned-cues).
// Reads the sentence and the article's state; leaves that state as it found it (see `withoutSideEffects`).

import type { ArticleContext, CueSite, LocalStatement, Subject, UnitState } from '../context.js';
import { tokenSpan } from '../context.js';
import { contentOf } from '../cue-statements.js';
import { cueSpan, isCue, particleAt } from '../cues.js';
import type { LocalEntity } from '../mentions.js';
import { CUE_FORMS, NOUN_CONTEXT, OBJECT_CUES, PARTICLE_CUES, PRONOUNS } from '../lexicon.js';
import type { Token } from '../tokens.js';
import { CLASS_FORMS, OBJECT_CLASSES, cueClass } from './cue-class.js';

/** The verb as the rules' tokens show it, before its speaker and content are looked for. */
export interface CueVerb {
  lemma: string;
  /** Broad class of the verb (cue-class.ts). */
  cls: string;
  /** A verb the rules list as a cue and refused here; false for a class verb they do not list. */
  listed: boolean;
}

export interface CueCandidate extends CueVerb {
  /** The cue's token index in the unit. */
  i: number;
  subject: Subject & { key: string };
  subjectKind: 'name' | 'pronoun' | 'description' | 'inverted';
  speakerKind: 'person' | 'organisation';
  statement: LocalStatement;
}

// Not "out" or "back": "lashed out at", "spoke out", "fired back" are still speech.
const PHRASAL_PARTICLES = new Set(['off', 'up', 'down', 'away', 'over']);

/** Every form of a class verb or a rule cue: one look-up tells most tokens apart from both. */
const CANDIDATE_FORMS: ReadonlySet<string> = new Set([...CLASS_FORMS.keys(), ...CUE_FORMS.keys()]);

/** The candidate verb at token i, or null when the token is no candidate. */
export function candidateVerb(toks: Token[], i: number): CueVerb | null {
  const t = toks[i] as Token;
  // (Most tokens are no verb of communication at all: the look-ups come first.)
  if (!CANDIDATE_FORMS.has(t.lower)) return null;
  const unlisted = CLASS_FORMS.get(t.lower);
  const listed = unlisted ? undefined : CUE_FORMS.get(t.lower);
  if ((!unlisted && !listed) || t.quoted) return null;
  // "the attacks", "his answer", "from remarks": after a determiner or a preposition it is a noun.
  if (NOUN_CONTEXT.has(toks[i - 1]?.lower ?? '')) return null;
  // A capitalised word inside a sentence is a name ("Read", "Rip"); at its start it may be a verb.
  if (t.cap) for (let k = 0; k < i; k++) if (!(toks[k] as Token).punct) return null;
  // A particle right after makes another verb ("wrote off the ferry", "played down", "summed up"), unless it
  // is a particle cue the lexicon lists ("called for", "pointed out").
  const next = toks[i + 1]?.lower ?? '';
  const lemma = unlisted ?? listed ?? '';
  if (PHRASAL_PARTICLES.has(next) && !PARTICLE_CUES[lemma]?.includes(next)) return null;
  // "addressing him as “Nils”", "briefed them": a person right after a verb of discussion is the one spoken to.
  if (unlisted && cueClass(unlisted) === 'discuss' && ['him', 'her', 'them', 'us', 'me'].includes(next)) return null;
  if (unlisted) return { lemma: unlisted, cls: cueClass(unlisted), listed: false };
  return listed && !isCue(toks, i) ? { lemma: listed, cls: cueClass(listed), listed: true } : null;
}

/** The candidate of the verb at token i of the unit, if the rules' sieves find its speaker and content. */
export function candidateAt(ctx: ArticleContext, u: UnitState, i: number, verb: CueVerb): CueCandidate | null {
  const toks = u.unit.tokens;
  const t = toks[i] as Token;
  // Words the rules attributed, and their cues, are theirs.
  if (u.found.some((s) => s.spans.some(([a, b]) => t.start < b && t.end > a) || (s.cueSpan && t.start < s.cueSpan[1] && t.end > s.cueSpan[0]))) return null;
  const { lemma, cls, listed } = verb;
  const particleIndex = listed ? particleAt(toks, i, lemma) : -1;
  const preposition = toks[particleIndex]?.lower ?? '';
  const objectCue = OBJECT_CUES.has(lemma) || OBJECT_CLASSES.has(cls) || (particleIndex > 0 && preposition !== 'for');
  const site: CueSite = { u, i, lemma, particleIndex, objectCue, cue: listed ? cueSpan(toks, i) : tokenSpan(t), c: i + 1 };
  const made = withoutSideEffects(ctx, u, () => {
    let subject: Subject | null = null;
    for (const sieve of ctx.sieves) {
      if (sieve.kind !== 'speaker') continue;
      subject = sieve.subject(ctx, site);
      if (subject) break;
    }
    if (!subject?.key) return null;
    const named = { ...subject, key: subject.key };
    const statement = contentOf(ctx, site, named);
    return statement ? { subject: named, statement } : null;
  });
  if (!made) return null;
  const { subject, statement } = made;
  // Content the rules gave someone else stays theirs.
  if (u.found.some((s) => s.spans.some(([a, b]) => statement.spans.some(([c, d]) => c < b && d > a)))) return null;
  const speaker = ctx.entities.get(subject.key);
  if (!speaker) return null;
  const head = toks[subject.from] as Token;
  const subjectKind = subject.from > i ? 'inverted' : subject.described ? 'description' : PRONOUNS[head.lower] ? 'pronoun' : 'name';
  return { i, lemma, cls, listed, subject, subjectKind, speakerKind: speaker.kind, statement };
}

/**
 * Runs the rules' speaker and content sieves for a candidate as if it were theirs, then undoes what they
 * would have recorded: the quotes they mark as taken, the last speaker, and any person they register for
 * a name the article had not given (a candidate's speaker must be someone already known). Learning a
 * known person's gender from "he" is left: it is true whatever the model decides.
 */
function withoutSideEffects<T>(ctx: ArticleContext, u: UnitState, run: () => T | null): T | null {
  const entities = ctx.entities.size;
  const lastDirect = ctx.lastDirect;
  const covered = u.covered.length;
  const value = run();
  ctx.lastDirect = lastDirect;
  u.covered.length = covered;
  if (ctx.entities.size === entities) return value;
  const added = new Set<LocalEntity>([...ctx.entities.values()].filter((e) => e.seq >= entities));
  const keys = new Set([...added].map((e) => e.key));
  for (const e of added) ctx.entities.delete(e.key);
  for (const [skeleton, list] of ctx.bySurname)
    ctx.bySurname.set(
      skeleton,
      list.filter((e) => !added.has(e)),
    );
  for (const [name, e] of ctx.orgByName) if (added.has(e)) ctx.orgByName.delete(name);
  for (const [word, key] of ctx.singleHits) if (keys.has(key)) ctx.singleHits.delete(word);
  return null;
}
