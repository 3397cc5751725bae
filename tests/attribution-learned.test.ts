// The learned attribution sieve: its perceptron learns and is deterministic, and the shipped model,
// read from the repository, changes a decision the rules leave alone.
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { attributeCorpus } from '../src/attribution/index.js';
import { WEIGHTS_URL, parseModel, shippedModel } from '../src/attribution/learned/model.js';
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
    out.push({
      features: [`cue=${cue}`, `w=${noise[(i * 7) % noise.length]}`, `w2=${noise[(i * 3) % noise.length]}`],
      label: cue === 'said' || cue === 'told',
    });
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

  it('gives no weight to a feature seen in fewer examples than minCount', () => {
    const examples = [...toyExamples(), { features: ['cue=ate', 'w=once'], label: true }];
    expect(trainPerceptron(examples, { epochs: 5, seed: 7 }).weights['w=once']).toBeDefined();
    expect(trainPerceptron(examples, { epochs: 5, seed: 7, minCount: 2 }).weights['w=once']).toBeUndefined();
  });

  it('drops weights below the pruning size', () => {
    const model = trainPerceptron(toyExamples(), { epochs: 5, seed: 7, prune: 1000 });
    expect(Object.keys(model.weights)).toHaveLength(0);
  });
});

describe('the shipped model (src/attribution/learned/weights.json)', () => {
  const opening = 'Ilona Varga is the mayor of Lakeside.';
  const run = (sentence: string, learned: boolean): string[] =>
    attributeCorpus([testArticle([opening, sentence])], undefined, { learned }).statements.map((s) => s.text);

  it('is under 2 MB and loads in under 50 ms', () => {
    expect(statSync(WEIGHTS_URL).size).toBeLessThan(2 * 1024 * 1024);
    const t0 = performance.now();
    const model = parseModel(readFileSync(WEIGHTS_URL, 'utf8'));
    expect(performance.now() - t0).toBeLessThan(50);
    expect(Object.keys(model.add.weights).length).toBeGreaterThan(0);
    expect(shippedModel()).toEqual(model);
  });

  it('takes a quotation after a verb the rules only trust with "that" (continued, “…”)', () => {
    const sentence = 'Varga continued, “For ten years I have watched the ferry run late, and nobody in the capital cared.”';
    const quotation = 'For ten years I have watched the ferry run late, and nobody in the capital cared.';
    expect(run(sentence, false)).toEqual([]);
    // One of the two learned passes takes it: the learned-cues sieve as a direct quote, or after it the
    // learned pass as the clause with its marks — with the verb as the cue either way.
    const [added, ...rest] = attributeCorpus([testArticle([opening, sentence])]).statements;
    expect(rest).toEqual([]);
    expect(added?.text.replace(/^“|”$/g, '')).toBe(quotation);
    expect(added?.cue).toBe('continued');
    expect(added && sentence.slice(...(added.cueSpan ?? [0, 0]))).toBe('continued');
    // Without the sieve, the learned pass after the rules takes the clause.
    const after = attributeCorpus([testArticle([opening, sentence])], undefined, { disabled: new Set(['learned-cues']) }).statements;
    expect(after.map((s) => s.text)).toEqual([`“${quotation}”`]);
  });

  it('leaves narrative uses of a verb of saying alone', () => {
    for (const sentence of ['Varga spoke only briefly at the ribbon cutting on Friday.', 'The ferry timetable was late again, Varga said in an interview.']) {
      expect(run(sentence, true)).toEqual(run(sentence, false));
    }
  });
});
