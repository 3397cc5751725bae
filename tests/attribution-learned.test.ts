// The learned attribution sieve: its perceptron learns and is deterministic, and the shipped model,
// read from the repository, changes a decision the rules leave alone.
import { describe, expect, it } from 'vitest';
import { attributeCorpus } from '../src/attribution/index.js';
import { shippedModel } from '../src/attribution/learned/model.js';
import { score, trainPerceptron } from '../src/attribution/learned/perceptron.js';
import type { Example } from '../src/attribution/learned/perceptron.js';
import { testArticle } from './support/attribute.js';

/** A made-up task: speech when the cue is "said" or "told", whatever the noise words around it. */
function toyExamples(): Example[] {
  const cues = ['said', 'told', 'ate', 'walked', 'slept', 'ran'];
  const noise = ['in', 'the', 'on', 'a', 'of', 'to', 'at', 'by'];
  const out: Example[] = [];
  for (let i = 0; i < 240; i++) {
    const cue = cues[i % cues.length] as string;
    out.push({ features: [`cue=${cue}`, `w=${noise[(i * 7) % noise.length]}`, `w2=${noise[(i * 3) % noise.length]}`], label: cue === 'said' || cue === 'told' });
  }
  return out;
}

describe('averaged perceptron', () => {
  it('learns a separable rule and classifies every example right', () => {
    const examples = toyExamples();
    const model = trainPerceptron(examples, { epochs: 5, seed: 7 });
    for (const e of examples) expect(score(model, e.features) > 0).toBe(e.label);
    // The cue decides, not the words around it: noise it never saw changes nothing.
    expect(score(model, ['cue=told', 'w=beneath'])).toBeGreaterThan(0);
    expect(score(model, ['cue=walked', 'w=beneath'])).toBeLessThan(0);
  });

  it('gives the same weights for the same examples and seed, and other weights for another seed', () => {
    const examples = toyExamples();
    const a = trainPerceptron(examples, { epochs: 3, seed: 1 });
    expect(trainPerceptron(examples, { epochs: 3, seed: 1 })).toEqual(a);
    // Only the order of updates depends on the seed; the learnt rule does not.
    const b = trainPerceptron(examples, { epochs: 3, seed: 2 });
    for (const e of examples) expect(score(b, e.features) > 0).toBe(e.label);
  });

  it('drops weights below the pruning size', () => {
    const model = trainPerceptron(toyExamples(), { epochs: 5, seed: 7, prune: 1000 });
    expect(Object.keys(model.weights)).toHaveLength(0);
  });
});
