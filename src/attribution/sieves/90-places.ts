// Sieve (end): a lone capitalised word the article also uses as a place ("to Moscow") speaks for an
// institution: its entity becomes an organisation. Changes entity kinds only, after all statements are found.

import type { ArticleContext, Sieve } from '../context.js';

/** Words that put a place after them: "in Moscow", "visited Kyiv" (as written: "In Moscow" is not one). */
const BEFORE_PLACE = new Set(['in', 'to', 'from', 'at', 'into', 'across', 'toward', 'towards', 'near', 'visited', 'visit', 'against', 'with']);

/** A character of \w: what \b tells apart. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /\w/.test(ch);
}

/**
 * Whether `name` stands after one of BEFORE_PLACE and white space somewhere in the body: what
 * /\b(in|to|…)\s+NAME\b/ finds, read at each occurrence of the name instead of compiling that
 * expression per name and running it over the whole article.
 */
export function afterPlaceWord(body: string, name: string): boolean {
  if (name === '') return /\b(in|to|from|at|into|across|toward|towards|near|visited|visit|against|with)\s+\b/.test(body);
  for (let p = body.indexOf(name); p >= 0; p = body.indexOf(name, p + 1)) {
    const end = p + name.length;
    if (isWordChar(body[end - 1]) === isWordChar(body[end])) continue;
    let k = p;
    while (k > 0 && /\s/.test(body[k - 1] as string)) k--;
    if (k === p) continue;
    const wordEnd = k;
    while (k > 0 && isWordChar(body[k - 1])) k--;
    if (BEFORE_PLACE.has(body.slice(k, wordEnd))) return true;
  }
  return false;
}

/** A lone capitalised word that the article also uses as a place ("to Moscow") speaks for an institution. */
export function markPlaces(ctx: ArticleContext): void {
  const body = ctx.article.paragraphs.map((p) => p.text).join('\n');
  for (const e of ctx.entities.values()) {
    if (e.kind !== 'person' || e.name.includes(' ') || e.roles.size > 0 || e.gender) continue;
    if (afterPlaceWord(body, e.name)) e.kind = 'organisation';
  }
}

export const sieve: Sieve = { name: 'places', kind: 'end', run: markPlaces };
