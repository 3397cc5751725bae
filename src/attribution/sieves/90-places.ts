// Sieve (end): a lone capitalised word the article also uses as a place ("to Moscow") speaks for an
// institution: its entity becomes an organisation. Changes entity kinds only, after all statements are found.

import type { ArticleContext, Sieve } from '../context.js';

/** A lone capitalised word that the article also uses as a place ("to Moscow") speaks for an institution. */
export function markPlaces(ctx: ArticleContext): void {
  const body = ctx.article.paragraphs.map((p) => p.text).join('\n');
  for (const e of ctx.entities.values()) {
    if (e.kind !== 'person' || e.name.includes(' ') || e.roles.size > 0 || e.gender) continue;
    const name = e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\b(in|to|from|at|into|across|toward|towards|near|visited|visit|against|with)\\s+${name}\\b`).test(body)) e.kind = 'organisation';
  }
}

export const sieve: Sieve = { name: 'places', kind: 'end', run: markPlaces };
