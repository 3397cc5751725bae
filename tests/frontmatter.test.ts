import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/corpus/load.js';
import { parseFrontmatter, readSimpleFrontmatter } from '../src/corpus/frontmatter.js';

// Frontmatters as /add, the link fetcher and people write them, and ones that only look simple.
const SIMPLE = [
  'outlet: "Northern Ledger"\ntitle: "Sancheanu speaks out as a summit on the war dominates"\ndate: 2019-01-27\nurl: "https://www.northernledger.example/2019/01/27/x-627"',
  "outlet: 'Le Monde'\ndate: 2025-12-19",
  'outlet: Reuters\nauthor: Anna Kowalska-Nowak\ntitle: Talks resume (again), officials say',
  'outlet: Süddeutsche Zeitung\ntitle: Merz’s plan & the budget',
  'outlet: "Yes"\ntitle: no',
  'title:   "spaces around"   \n\noutlet: BBC   ',
  'url: "https://example.org/a?b=1#c"\ntitle: "a: colon and # hash inside quotes"',
  'title: "Nawr: The vote is \\"a matter of survival\\""\nauthor: "C:\\\\path"',
];
const LIBRARY = [
  'outlet: true', // a boolean, which the schema then refuses
  'outlet: null',
  'outlet: 2025', // a number
  'title: "a \\n line break"',
  'title: "\\u00e9t\\u00e9"',
  "title: 'It''s here'",
  'title: Talks # a comment',
  'title: key: value',
  'outlet: A\noutlet: B', // a repeated key: YAML's error
  'tags:\n  - a\n  - b',
  'title: [a, b]',
  'date: 2025-12-19T10:00:00Z',
  '# a comment line\noutlet: X',
  'outlet:',
  '  outlet: indented',
  'title: "tab\there"',
];

describe('frontmatter', () => {
  it('reads simple key: value lines exactly as the YAML library does', () => {
    for (const text of SIMPLE) {
      const fast = readSimpleFrontmatter(text);
      expect(fast, text).not.toBeNull();
      expect(fast, text).toEqual(parseYaml(text));
    }
  });

  it('leaves to the library every line that reads differently in YAML than it looks', () => {
    for (const text of LIBRARY) expect(readSimpleFrontmatter(text), text).toBeNull();
  });

  it('gives the library’s reading, or its error, for anything else', () => {
    for (const text of LIBRARY) {
      let expected: unknown;
      try {
        expected = parseYaml(text);
      } catch (err) {
        expect(() => parseFrontmatter(text), text).toThrow((err as Error).message.split('\n')[0]);
        continue;
      }
      expect(parseFrontmatter(text), text).toEqual(expected);
    }
  });

  it('still refuses frontmatter whose values are not text, and a repeated key, with a reason', () => {
    expect(() => splitFrontmatter('---\noutlet: true\n---\nBody.')).toThrow(/bad frontmatter: outlet/);
    expect(() => splitFrontmatter('---\noutlet: A\noutlet: B\n---\nBody.')).toThrow(/bad frontmatter: .*unique/i);
    expect(splitFrontmatter('---\noutlet: "Kyiv Post"\ndate: 2024-02-03\n---\nBody.')).toEqual({
      meta: { outlet: 'Kyiv Post', date: '2024-02-03' },
      body: 'Body.',
    });
  });
});
