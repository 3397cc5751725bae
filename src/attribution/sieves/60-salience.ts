// Sieve: who is salient after this sentence — its subject (the first person named, not after a preposition,
// not a possessive) and its speakers — for the pronoun and description references of later sentences.
// Changes salience only; finds no statement.

import { isAfterPreposition } from '../clauses.js';
import type { Sieve } from '../context.js';
import { genderFromWords } from '../mentions.js';

export const sieve: Sieve = {
  name: 'salience',
  kind: 'unit',
  run(ctx, u) {
    const subjectRun = u.runs.findIndex((run) => !isAfterPreposition(u.unit.tokens, run.phraseFrom) && !run.possessive);
    const subjectKey = subjectRun >= 0 ? u.runKeys[subjectRun] : null;
    const honorific = subjectRun >= 0 ? u.runs[subjectRun]?.honorific : null;
    if (subjectKey && ctx.entities.get(subjectKey)?.kind === 'person')
      ctx.salience.push({ key: subjectKey, paragraph: u.para.n, gender: honorific ? genderFromWords([honorific]) : null });
    for (const s of u.found) ctx.salience.push({ key: s.speaker, paragraph: u.para.n });
  },
};
