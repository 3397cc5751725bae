// Every statement carries its reporting words as the article writes them, and where they stand.
import { beforeAll, describe, expect, it } from 'vitest';
import { attributeCorpus } from '../src/attribution/index.js';
import type { CorpusAttribution } from '../src/attribution/index.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article, Statement } from '../src/types.js';
import { SEED_CORPUS } from './helpers.js';
import { attribute } from './support/attribute.js';

function statementOf(
  result: { people: { id: string; name: string; aliases: string[] }[]; statements: Statement[] },
  name: string,
  words: string,
): Statement | undefined {
  const person = result.people.find((p) => p.name === name || p.aliases.includes(name));
  return result.statements.find((s) => s.speaker === person?.id && s.text.includes(words));
}

describe('cues on the seed corpus', () => {
  let seed: CorpusAttribution;
  let articles: Article[];
  beforeAll(async () => {
    articles = (await loadCorpus(SEED_CORPUS)).articles;
    seed = attributeCorpus(articles);
  });

  it('gives Kallas’s Donbas statement the cue “rejected”', () => {
    expect(statementOf(seed, 'Kaja Kallas', 'Donbas region')).toMatchObject({ cue: 'rejected', kind: 'indirect' });
  });

  it('gives Zelenskyy’s statement about Russia dragging out the war the cue “accused”', () => {
    expect(statementOf(seed, 'Volodymyr Zelenskyy', 'dragging out the war through deadly bombings')).toMatchObject({ cue: 'accused' });
  });

  it('gives a plain direct quote “said”', () => {
    expect(statementOf(seed, 'Volodymyr Zelenskyy', 'Russia is dragging out the war and seeks')).toMatchObject({ cue: 'said', kind: 'direct' });
  });

  it('points every cue span at its own words in the paragraph, outside the content', () => {
    const byFile = new Map(articles.map((a) => [a.file, a]));
    const withCue = seed.statements.filter((s) => s.cueSpan !== null);
    expect(withCue.length).toBeGreaterThan(seed.statements.length / 2);
    for (const s of withCue) {
      const text = byFile.get(s.file)?.paragraphs.find((p) => p.n === s.paragraph)?.text ?? '';
      const [a, b] = s.cueSpan as [number, number];
      expect(text.slice(a, b)).toBe(s.cue);
      expect(s.spans.some(([x, y]) => a < y && b > x)).toBe(false);
    }
  });
});

describe('cues as written', () => {
  it('keeps “according to” whole', () => {
    const r = attribute('The port will reopen in May, according to Marta Lindqvist, the harbour master.');
    expect(statementOf(r, 'Marta Lindqvist', 'port will reopen')).toMatchObject({ cue: 'according to' });
  });

  it('gives a colon-introduced quote under a label the colon', () => {
    const r = attribute(
      'Marta Lindqvist gave evidence to the committee on Monday.',
      'Here is Lindqvist in 2019: “The harbour cannot take larger ships without dredging.”',
    );
    expect(statementOf(r, 'Marta Lindqvist', 'harbour cannot take')).toMatchObject({ cue: ':', kind: 'direct' });
  });

  it('keeps a verb’s particle: “called for”', () => {
    const r = attribute('Mayor Tomas Berglund called for a new bridge across the river by 2030.');
    expect(statementOf(r, 'Tomas Berglund', 'new bridge')).toMatchObject({ cue: 'called for' });
  });

  it('takes the cue of an inverted trailing quote: “…,” said Nowak', () => {
    const second = '“Prices will fall before the harvest,” said Nowak.';
    const r = attribute('Tomasz Nowak runs the farmers’ union.', second);
    const at = second.indexOf('said');
    expect(statementOf(r, 'Tomasz Nowak', 'Prices will fall')).toMatchObject({ cue: 'said', cueSpan: [at, at + 4] });
  });

  it('leaves a quote continued in the next paragraph without a cue of its own', () => {
    const r = attribute(
      '“We will not retreat from the coast,” Amelia Hartley said on Tuesday.',
      '“The sea wall will be finished before the winter storms arrive.”',
    );
    expect(statementOf(r, 'Amelia Hartley', 'sea wall')).toMatchObject({ cue: null, cueSpan: null, paragraph: 2 });
  });
});
