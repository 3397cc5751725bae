import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPerson, peopleDirectory } from '../src/answer/people.js';
import { attributeCorpus } from '../src/attribution/index.js';
import { cleanRole } from '../src/attribution/roles.js';
import { checkSeedRoles, roleAgrees } from '../src/eval/roles.js';
import { rolesInSource } from '../src/eval/role-gold.js';
import type { Article } from '../src/types.js';
import { FIXTURES, seedEngineOnce } from './helpers.js';
import { testArticle } from './support/attribute.js';

function dated(file: string, date: string, paragraphs: string[]): Article {
  return { ...testArticle(paragraphs, file), date };
}

describe('what a role is', () => {
  it('drops the leading adverb or conjunction a role was walked back over', () => {
    expect(cleanRole('So Labor Secretary')).toBe('Labor Secretary');
    expect(cleanRole('both President')).toBe('President');
    expect(cleanRole('Syrian refugees President')).toBe('President');
    expect(cleanRole('Trump openly admires Russian President')).toBe('Russian President');
  });

  it('is never a clause', () => {
    expect(cleanRole("after nearly eight years in the nation's chief supporting role")).toBeNull();
    expect(cleanRole('who’d previously endorsed former Florida Gov. Jeb Bush in the GOP race')).toBeNull();
    expect(cleanRole('as chairman of the Senate Veterans Affairs Committee')).toBeNull();
    expect(cleanRole('former Hewlett-Packard CEO who dropped her own presidential bid in early February')).toBe('former Hewlett-Packard CEO');
  });

  it('is never a phrase whose head is another person', () => {
    expect(cleanRole('former Arkansas governor Mike Huckabee')).toBeNull();
    expect(cleanRole('Ohio Gov. John Kasich')).toBeNull();
    expect(cleanRole('US President Donald Trump’s envoy')).toBe('Trump’s envoy');
  });

  it('is not an honorific alone, and spells a title out after a place', () => {
    expect(cleanRole('Sen.')).toBeNull();
    expect(cleanRole('Gov.')).toBeNull();
    expect(cleanRole('Young democrats are gravitating toward Sen.')).toBeNull();
    expect(cleanRole('Vermont Sen.')).toBe('Vermont Senator');
    expect(cleanRole('Republican of South Carolina')).toBe('South Carolina Republican');
  });

  it('keeps offices, jobs and relations with their owner', () => {
    expect(cleanRole('spokesman for the Ukrainian presidential office')).toBe('spokesman for the Ukrainian presidential office');
    expect(cleanRole('EU foreign affairs chief')).toBe('EU foreign affairs chief');
    expect(cleanRole("Trump's son-in-law")).toBe("Trump's son-in-law");
    expect(cleanRole('his father')).toBeNull();
    expect(cleanRole('His Democratic opponent')).toBeNull();
  });
});

describe('the role shown beside a name', () => {
  it('is the most specific role more than one article gives, not a one-off', () => {
    const r = attributeCorpus([
      dated('a.md', '2024-03-01', ['Ukrainian President Ivan Dorosh said the talks were useful.']),
      dated('b.md', '2024-03-02', ['Ukrainian President Ivan Dorosh said the plan was fair.']),
      dated('c.md', '2024-03-03', ['President Ivan Dorosh said the war must end.']),
      dated('d.md', '2024-03-04', ['Former Kyiv city council deputy chairman Ivan Dorosh said little.']),
    ]);
    const dorosh = r.people.find((p) => p.name === 'Ivan Dorosh');
    expect(dorosh?.roles[0]).toBe('Ukrainian President');
    expect(dorosh?.roles).toEqual(expect.arrayContaining(['President']));
  });

  it('is the newest when the articles disagree over time, and the older role stays searchable', () => {
    const articles = [
      dated('a.md', '2016-01-10', ['Republican presidential candidate Jane Roe said the debate went well.']),
      dated('b.md', '2016-02-10', ['Republican presidential candidate Jane Roe said taxes were too high.']),
      dated('c.md', '2016-03-10', ['Republican presidential candidate Jane Roe said she would win Ohio.']),
      dated('d.md', '2016-09-10', ['Republican nominee Jane Roe said the economy was weak.']),
      dated('e.md', '2016-10-10', ['Republican nominee Jane Roe said the polls were wrong.']),
    ];
    const r = attributeCorpus(articles);
    const roe = r.people.find((p) => p.name === 'Jane Roe');
    expect(roe?.roles[0]).toBe('Republican nominee');
    const directory = peopleDirectory(r.people, new Map());
    expect(findPerson(directory, 'the Republican presidential candidate')?.name).toBe('Jane Roe');
  });

  it("never takes a role that named someone else in the same phrase (Fiorina is no 'former Arkansas governor')", () => {
    const r = attributeCorpus([
      dated('a.md', '2016-01-10', ['Carly Fiorina, former Arkansas governor Mike Huckabee and others spoke in Iowa. Fiorina said the race was open.']),
      dated('b.md', '2016-01-11', ['Former Hewlett-Packard CEO Carly Fiorina said the race was open.']),
    ]);
    expect(r.people.find((p) => p.name === 'Carly Fiorina')?.roles).toEqual(['former Hewlett-Packard CEO']);
  });
});

describe('roles in the eval', () => {
  it('shows the eight seed people with the roles the articles give them', async () => {
    const engine = await seedEngineOnce();
    const expected = JSON.parse(await readFile(path.join(FIXTURES, 'seed-roles.json'), 'utf8')) as Record<string, string>;
    const checks = checkSeedRoles(engine.corpus.people, expected);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks).toHaveLength(8);
  });

  it('derives name and role pairs from gold sources by rule', () => {
    expect(rolesInSource("Florida's Republican attorney general, Pam Bondi")).toEqual({ name: 'Pam Bondi', roles: ["Florida's Republican attorney general"] });
    expect(rolesInSource('Vilsack, a former Iowa governor')).toEqual({ name: 'Vilsack', roles: ['former Iowa governor'] });
    expect(rolesInSource('Republican National Committee Chairman Reince Priebus')).toEqual({
      name: 'Reince Priebus',
      roles: ['Republican National Committee Chairman'],
    });
    expect(rolesInSource('Sen. Marco Rubio (R-Fla.)')).toEqual({ name: 'Marco Rubio', roles: [] });
    expect(rolesInSource('Khizr Khan, 66,')).toEqual({ name: 'Khizr Khan', roles: [] });
    expect(rolesInSource('Neither Cruz nor Christie')).toBeNull();
  });

  it('judges a shown role by its head and time, not its spelling', () => {
    expect(roleAgrees('Vermont Senator', 'Vermont Sen.')).toBe(true);
    expect(roleAgrees('Republican presidential nominee', 'GOP nominee')).toBe(true);
    expect(roleAgrees('Florida governor', 'former Florida governor')).toBe(false);
    expect(roleAgrees('House Speaker', 'Republican nominee')).toBe(false);
  });
});
