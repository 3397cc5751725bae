// The shipped model of the learned attribution layer: three perceptrons read from weights.json next to
// this file (made by `npm run train`). Loaded once, on first use.

import { readFileSync } from 'node:fs';
import type { PerceptronWeights } from './perceptron.js';

export interface LearnedModel {
  /** What the file was trained from, for the reader: split, example counts, when. */
  trainedOn: string;
  /**
   * Scores a rule-made indirect or mixed statement: below `dropBelow` it is taken out. Null when
   * training found no cut that cross-validation says helps: the rules' statements then all stay.
   */
  keep: PerceptronWeights | null;
  dropBelow: number;
  /** Scores a verb of saying the rules did not take: above `addAbove` it becomes a statement. */
  add: PerceptronWeights;
  addAbove: number;
  /**
   * Scores a cue candidate inside the pipeline (sieve `learned-cues`): a verb of communication the rules
   * refused or do not list, with a speaker and content the rules' sieves found; above `cuesAbove` it
   * becomes a statement. Null: no candidate is taken.
   */
  cues: PerceptronWeights | null;
  cuesAbove: number;
}

export const WEIGHTS_URL = new URL('./weights.json', import.meta.url);

let shipped: LearnedModel | null | undefined;

/** The model in weights.json, or null when the file is missing (the rules then work alone). */
export function shippedModel(): LearnedModel | null {
  if (shipped === undefined) {
    try {
      shipped = parseModel(readFileSync(WEIGHTS_URL, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      shipped = null;
    }
  }
  return shipped;
}

export function parseModel(json: string): LearnedModel {
  const m = JSON.parse(json) as Partial<LearnedModel>;
  if (
    m.keep === undefined ||
    !m.add ||
    m.cues === undefined ||
    typeof m.dropBelow !== 'number' ||
    typeof m.addAbove !== 'number' ||
    typeof m.cuesAbove !== 'number'
  ) {
    throw new Error('learned attribution model: weights.json lacks keep/add/cues weights or thresholds; run npm run train');
  }
  return m as LearnedModel;
}
