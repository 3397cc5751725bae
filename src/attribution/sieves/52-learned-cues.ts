// Sieve (per sentence, after the rules' cues and quotes): the learned cue pass. Each verb of communication
// the rules refused as a cue or do not list, whose speaker and content the rules' own sieves find
// (learned/candidates.ts), is scored by the model's `cues` perceptron; above its threshold it becomes a
// statement, with the verb as its cue. Training (npm run train) collects every candidate instead.
// Decides only those candidates: never touches the rules' statements, speakers, entities or the last speaker.

import type { Sieve } from '../context.js';
import { candidateAt, candidateVerb } from '../learned/candidates.js';
import { statementFeatures, verbFeatures } from '../learned/cue-features.js';
import { score } from '../learned/perceptron.js';

export const sieve: Sieve = {
  name: 'learned-cues',
  kind: 'unit',
  run(ctx, u) {
    const { model, collect } = ctx.learned;
    const weights = model?.cues;
    if (u.claimed || !(collect || weights)) return;
    const toks = u.unit.tokens;
    for (let i = 0; i < toks.length; i++) {
      const verb = candidateVerb(toks, i);
      if (!verb) continue;
      const candidate = candidateAt(ctx, u, i, verb);
      if (!candidate) continue;
      const features = [...verbFeatures(u, i, verb), ...statementFeatures(u, candidate)];
      if (collect) collect(features, candidate.statement);
      else if (weights && model && score(weights, features) > model.cuesAbove) {
        u.found.push(candidate.statement);
        ctx.statements.push(candidate.statement);
      }
    }
  },
};
