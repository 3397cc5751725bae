// The shape of the pipeline: every sieve listed once, in order, one file each, each saying what it decides.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIEVE_NAMES } from '../../src/attribution/index.js';
import { SIEVES } from '../../src/attribution/sieves/index.js';
import { attributeWithout } from '../support/attribute.js';

const DIR = path.resolve('src/attribution');

describe('the sieve list', () => {
  it('names each sieve once', () => {
    expect(new Set(SIEVE_NAMES).size).toBe(SIEVE_NAMES.length);
  });

  it('lists every sieve file once, in the order of the file numbers', async () => {
    const files = (await readdir(path.join(DIR, 'sieves'))).filter((f) => /^\d\d-.*\.ts$/.test(f)).sort();
    const named = await Promise.all(files.map(async (f) => /name: '([^']+)'/.exec(await readFile(path.join(DIR, 'sieves', f), 'utf8'))?.[1]));
    expect(named).toEqual(SIEVES.map((s) => s.name));
  });

  it('opens every sieve file with a comment saying what it decides', async () => {
    for (const f of (await readdir(path.join(DIR, 'sieves'))).filter((f) => /^\d\d-/.test(f))) {
      expect((await readFile(path.join(DIR, 'sieves', f), 'utf8')).startsWith('// Sieve'), f).toBe(true);
    }
  });

  it('keeps every file of the attribution stage under 400 lines', async () => {
    const files = [...(await readdir(DIR)).filter((f) => f.endsWith('.ts')), ...(await readdir(path.join(DIR, 'sieves'))).map((f) => `sieves/${f}`)];
    for (const f of files) expect((await readFile(path.join(DIR, f), 'utf8')).split('\n').length, f).toBeLessThanOrEqual(400);
  });

  it('refuses to switch off a sieve that does not exist, naming the ones that do', () => {
    expect(() => attributeWithout(['pronoun'], 'Marta Lindqvist said the port would reopen in May.')).toThrow(
      /no attribution sieve is called "pronoun".*pronouns/,
    );
  });
});
