// Sieve (speaker): a cue with no subject of its own shares its clause's — coordinated ("Silverman joked and
// said …", "Kasich offered him a job, then says …") or chained after another verb ("Ham went on to explain",
// "Clinton erred in saying", "issued a statement saying"). Decides the speaker only.

import type { Sieve } from '../context.js';
import { chainedCue, coordinatedCue } from '../cues.js';
import { clauseSubject } from '../subjects.js';

export const sieve: Sieve = {
  name: 'speaker-coordinated',
  kind: 'speaker',
  subject(ctx, { u, i, lemma }) {
    const toks = u.unit.tokens;
    return coordinatedCue(toks, i) || chainedCue(toks, i, lemma) ? clauseSubject(ctx, u.para, u.unit, u.runs, i) : null;
  },
};
