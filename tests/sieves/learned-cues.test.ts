// The learned-cues sieve: which verbs become candidates (with the rules' own speaker and content sieves),
// that the model's score and cut decide them, and what a statement it makes shows (the verb as its cue).
import { describe, expect, it } from 'vitest';
import type { LocalStatement } from '../../src/attribution/extract.js';
import { extractArticle } from '../../src/attribution/extract.js';
import { attributeCorpus } from '../../src/attribution/index.js';
import type { LearnedModel } from '../../src/attribution/learned/model.js';
import { shippedModel } from '../../src/attribution/learned/model.js';
import { testArticle } from '../support/attribute.js';

const OPENING = 'Ilona Varga is the mayor of Lakeside.';

/** The candidates training would see in an article of these paragraphs: speaker name, cue, content. */
function candidates(paragraphs: string[]): { speaker: string; cue: string | null; text: string }[] {
  const found: LocalStatement[] = [];
  const x = extractArticle(testArticle(paragraphs), { learned: { model: null, collect: (_, st) => found.push(st) } });
  return found.map((st) => ({ speaker: x.entities.find((e) => e.key === st.speaker)?.name ?? st.speaker, cue: st.cue, text: st.text }));
}

/** A model that takes every candidate of one broad class, and nothing else. */
function modelTaking(cls: string, above = 1): LearnedModel {
  return {
    trainedOn: 'test',
    keep: null,
    dropBelow: 0,
    add: { bias: -100, weights: {} },
    addAbove: 0,
    cues: { bias: 0, weights: { [`cls=${cls}`]: 5 } },
    cuesAbove: above,
  };
}

describe('learned-cues candidates', () => {
  it('takes a verb of praise the rules do not list, with its named speaker and its object as content', () => {
    expect(candidates([OPENING, "Varga applauded the council's decision to keep the night ferry running."])).toEqual([
      { speaker: 'Ilona Varga', cue: 'applauded', text: "the council's decision to keep the night ferry running" },
    ]);
  });

  it('finds the speaker through a pronoun the rules resolve', () => {
    expect(candidates([OPENING, 'She apologized for the delays on the night ferry this winter.'])).toEqual([
      { speaker: 'Ilona Varga', cue: 'apologized', text: 'for the delays on the night ferry this winter' },
    ]);
  });

  it('offers a verb of saying the rules refused (a that-only verb without "that")', () => {
    const found = candidates([OPENING, 'Varga maintained her opposition to the new toll on the bridge.']);
    expect(found.map((c) => [c.speaker, c.cue])).toEqual([['Ilona Varga', 'maintained']]);
  });

  it('leaves alone what the rules took, nouns, and speakers the article does not name', () => {
    expect(candidates([OPENING, 'Varga said the ferry would run all night.'])).toEqual([]);
    expect(candidates([OPENING, 'The applauded decision kept the ferry running, and the apology came late.'])).toEqual([]);
    expect(candidates(['Lakeside is a town on the lake.', 'Someone applauded the decision to keep the night ferry running.'])).toEqual([]);
  });
});

describe('learned-cues decisions', () => {
  const sentence = "Varga applauded the council's decision to keep the night ferry running.";

  it('makes a statement when the score is above the cut, with the verb as its cue', () => {
    const model = modelTaking('judge');
    const { statements } = attributeCorpus([testArticle([OPENING, sentence])], undefined, { learned: () => model });
    expect(statements).toHaveLength(1);
    const [st] = statements;
    expect(st?.kind).toBe('indirect');
    expect(st?.cue).toBe('applauded');
    expect(st?.text).toBe("the council's decision to keep the night ferry running");
    expect(st && sentence.slice(...(st.cueSpan ?? [0, 0]))).toBe('applauded');
  });

  it('makes none below the cut, for another class, or with the sieve switched off', () => {
    const article = testArticle([OPENING, sentence]);
    expect(attributeCorpus([article], undefined, { learned: () => modelTaking('judge', 10) }).statements).toEqual([]);
    expect(attributeCorpus([article], undefined, { learned: () => modelTaking('manner') }).statements).toEqual([]);
    const off = attributeCorpus([article], undefined, { learned: () => modelTaking('judge'), disabled: new Set(['learned-cues']) });
    expect(off.statements).toEqual([]);
  });

  it('leaves the rules their statements and people whatever the model takes', () => {
    const paragraphs = [OPENING, 'Varga said the ferry would run all night.', sentence, 'Mr. Holm, her deputy, praised the crews.'];
    const rules = attributeCorpus([testArticle(paragraphs)], undefined, { learned: false });
    const learned = attributeCorpus([testArticle(paragraphs)], undefined, { learned: () => modelTaking('judge') });
    expect(learned.statements.filter((s) => s.cue !== 'applauded')).toEqual(rules.statements);
    expect(learned.people.map((p) => p.name)).toEqual(rules.people.map((p) => p.name));
  });

  it('ships a model that judges cue candidates', () => {
    const model = shippedModel();
    expect(model?.cues).not.toBeNull();
    expect(Object.keys(model?.cues?.weights ?? {}).length).toBeGreaterThan(0);
  });
});
