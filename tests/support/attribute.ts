// Attribution on sentences written for a test: one article from paragraphs, and what a person said.
import { attributeCorpus } from '../../src/attribution/index.js';
import type { Article, PersonRecord, Statement } from '../../src/types.js';

export interface Attributed {
  people: PersonRecord[];
  statements: Statement[];
}

/** One article of the given paragraphs (numbered from 1); the title defaults to the file name. */
export function testArticle(paragraphs: string[], file = 'test.md', title = file): Article {
  return {
    file,
    outlet: 'Test Gazette',
    title,
    date: '2024-03-01',
    url: null,
    author: null,
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })),
    hash: `hash-${file}`,
  };
}

export function attribute(...paragraphs: string[]): Attributed {
  return attributeCorpus([testArticle(paragraphs)]);
}

/** The texts said by the person whose name or alias is `name`, in order. */
export function said(result: Attributed, name: string): string[] {
  const person = result.people.find((p) => p.name === name || p.aliases.includes(name));
  return person ? result.statements.filter((s) => s.speaker === person.id).map((s) => s.text) : [];
}

/** The same article attributed with the named sieves switched off. */
export function attributeWithout(disabled: string[], ...paragraphs: string[]): Attributed {
  return attributeCorpus([testArticle(paragraphs)], undefined, { disabled: new Set(disabled) });
}

/** The statements of the person whose name or alias is `name`, in order. */
export function statementsOf(result: Attributed, name: string): Statement[] {
  const person = result.people.find((p) => p.name === name || p.aliases.includes(name));
  return person ? result.statements.filter((s) => s.speaker === person.id) : [];
}
