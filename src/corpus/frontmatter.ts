// YAML frontmatter: the block between --- lines at the top of a text or Markdown article.
//
// Nearly every frontmatter is a few `key: "value"` lines (what /add, the link fetcher and most
// tools write). Those are read here directly; anything else, or anything that reads differently in
// YAML than it looks, goes to the `yaml` library. At 10k articles the library was ~10% of reading
// the corpus (about 20 µs an article) for lines a regular expression reads exactly.

import { parse as parseYaml } from 'yaml';

/**
 * One `key: value` line whose value YAML 1.2's core schema reads as the string shown:
 * - double-quoted with no escape but \" and \\ and no control character, or single-quoted without a
 *   doubled quote;
 * - a plain date (2025-12-19), which that schema leaves a string;
 * - plain words that start with a letter and hold no character YAML gives a meaning to, and are
 *   not a null or boolean word.
 * Anything else (comments, nesting, lists, numbers, escapes, flow values) is the library's.
 */
const SIMPLE_LINE =
  /^([A-Za-z][A-Za-z0-9_-]*):[ ]+(?:"((?:[^"\\\p{Cc}]|\\["\\])*)"|'([^'\p{Cc}]*)'|(\d{4}-\d{2}-\d{2})|(\p{L}[\p{L}\p{M}\p{N} .,'’()&/+-]*?))[ ]*$/u;
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/**
 * The mapping of a frontmatter made only of simple lines (see SIMPLE_LINE), each key once; null when
 * any line is not simple, so the caller asks the library.
 */
export function readSimpleFrontmatter(yamlText: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const line of yamlText.split('\n')) {
    if (line.trim() === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const key = m[1] as string;
    // A repeated key is an error in YAML: the library says so. (`__proto__` cannot match SIMPLE_LINE.)
    if (seen.has(key)) return null;
    seen.add(key);
    const plain = m[5];
    if (plain !== undefined && NOT_A_STRING.test(plain)) return null;
    const quoted = m[2];
    out[key] = quoted !== undefined ? quoted.replace(/\\(["\\])/g, '$1') : (m[3] ?? m[4] ?? (plain as string));
  }
  return out;
}

/** The frontmatter's data as YAML reads it; throws the library's error for YAML that is not valid. */
export function parseFrontmatter(yamlText: string): unknown {
  return readSimpleFrontmatter(yamlText) ?? parseYaml(yamlText);
}
