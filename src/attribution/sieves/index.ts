// The attribution pipeline, in order. Each sieve is one rule family in its own file, which says what it
// decides and what it may not touch (in the spirit of the sieves of Muzny et al., 2017). The order is the
// order they run in: people first, then for each sentence the finding sieves (a cue's `cue`, `speaker`
// and `content` sieves run as one family where the first of them stands, as do the `quote` sieves), then
// the bookkeeping that later sentences read, and last the end sieves. A new pass is added here, once.

import type { Sieve } from '../context.js';
import { sieve as names } from './01-names.js';
import { sieve as genders } from './02-genders.js';
import { sieve as appositions } from './03-appositions.js';
import { sieve as honorifics } from './04-honorifics.js';
import { sieve as colonLabels } from './10-colon-labels.js';
import { sieve as headlineClaims } from './11-headline-claims.js';
import { sieve as openingParticiples } from './22-opening-participles.js';
import { sieve as speakerParticiple } from './23-speaker-participle.js';
import { sieve as speakerBefore } from './24-speaker-before.js';
import { sieve as speakerCoordinated } from './25-speaker-coordinated.js';
import { sieve as speakerInverted } from './26-speaker-inverted.js';
import { sieve as pronouns } from './27-pronouns.js';
import { sieve as descriptions } from './28-descriptions.js';
import { sieve as contentFromSpeaker } from './30-content-from-speaker.js';
import { sieve as quoteBefore } from './31-quote-before.js';
import { sieve as asFrame } from './32-as-frame.js';
import { sieve as afterCue } from './33-after-cue.js';
import { sieve as possessiveClaims } from './40-possessive-claims.js';
import { sieve as accordingTo } from './41-according-to.js';
import { sieve as askedBy } from './42-asked-by.js';
import { sieve as labelledQuotes } from './50-labelled-quotes.js';
import { sieve as speechTags } from './51-speech-tags.js';
import { sieve as salience } from './60-salience.js';
import { sieve as continuedQuotes } from './61-continued-quotes.js';
import { sieve as colonHandover } from './62-colon-handover.js';
import { sieve as learnedCues } from './52-learned-cues.js';
import { sieve as signatureLines } from './63-signature-lines.js';
import { sieve as places } from './90-places.js';

export const SIEVES: readonly Sieve[] = [
  names,
  genders,
  appositions,
  honorifics,
  colonLabels,
  headlineClaims,
  openingParticiples,
  speakerParticiple,
  speakerBefore,
  speakerCoordinated,
  speakerInverted,
  pronouns,
  descriptions,
  contentFromSpeaker,
  quoteBefore,
  asFrame,
  afterCue,
  possessiveClaims,
  accordingTo,
  askedBy,
  labelledQuotes,
  speechTags,
  learnedCues,
  salience,
  continuedQuotes,
  colonHandover,
  signatureLines,
  places,
];

export const SIEVE_NAMES: readonly string[] = SIEVES.map((s) => s.name);

/** Throws on a name that is no sieve, so a mistyped ablation does not silently measure the full pipeline. */
export function checkSieveNames(names: Iterable<string>): void {
  for (const name of names)
    if (!SIEVE_NAMES.includes(name)) throw new Error(`no attribution sieve is called "${name}"; the sieves are: ${SIEVE_NAMES.join(', ')}`);
}
