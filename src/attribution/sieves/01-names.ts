// Sieve: who is named. Registers every full name and organisation of the article with the roles and gender
// its name run shows (the headline's last, so a surname resolves to the body's spelling first), re-reads a
// sentence's first word as a surname when the article knows it ("Schlafly also noted"), and notes names met
// mid-sentence. Decides entities only; finds no statement.

import type { ArticleContext, Para, Sieve } from '../context.js';
import { entity, keyForRun, sameSurnamePeople } from '../entities.js';
import type { NameRun } from '../mentions.js';
import { findNameRuns, foldName, genderFromWords, looksLikeVerbOrAdverb } from '../mentions.js';
import { sameHeadline } from './11-headline-claims.js';

export function register(ctx: ArticleContext, run: NameRun, para: Para, unitIndex: number, headline = false): void {
  if (run.kind === 'single') return; // resolved once all full names are known
  // "Hold Melania Trump to …": in a title-case headline, a first word before a name the body uses is a verb.
  if (headline && run.kind === 'person' && run.to - run.from >= 3) {
    const toks = para.units[unitIndex]?.tokens ?? [];
    const tail = toks
      .slice(run.from + 1, run.to)
      .map((t, k, all) => (k === all.length - 1 ? t.text.replace(/['’]s?$/, '') : t.text))
      .join(' ');
    if (ctx.entities.has(`person:${foldName(tail)}`)) {
      run.from += 1;
      run.name = tail;
    }
  }
  // "Hillary Clinton Speaks …", "Obama Sees …": a verb after a name the body uses is no part of it.
  if (headline && run.kind === 'person' && run.to - run.from >= 2 && !ctx.entities.has(`person:${foldName(run.name)}`)) {
    const words = (para.units[unitIndex]?.tokens ?? []).slice(run.from, run.to).map((t) => t.text.replace(/['’]s?$/, ''));
    for (let k = words.length - 1; k >= 1; k--) {
      const prefix = words.slice(0, k).join(' ');
      if (ctx.entities.has(`person:${foldName(prefix)}`) || (k === 1 && sameSurnamePeople(ctx, prefix).length > 0)) {
        run.to = run.from + k;
        run.name = prefix;
        break;
      }
    }
  }
  const key = keyForRun(ctx, run, false) as string;
  const e = entity(ctx, key, run.kind === 'organisation' ? 'organisation' : 'person', run.name);
  if (run.role) e.roles.add(run.role);
  if (run.honorific) e.gender ??= genderFromWords([run.honorific]);
  if (run.role) e.gender ??= genderFromWords(run.role.split(/\s+/));
}

/**
 * "Schlafly also noted", "Schilling told WEEI": a sentence's first word that looks like an adverb or a verb
 * is a name after all when the article names someone with that surname.
 */
export function rereadFirstWords(ctx: ArticleContext, paras: Para[]): void {
  const isKnownName = (word: string): boolean => sameSurnamePeople(ctx, word).length > 0;
  for (const para of paras) {
    para.units.forEach((unit, ui) => {
      const first = unit.tokens.find((t) => !t.punct);
      if (!first?.cap || !looksLikeVerbOrAdverb(first.lower) || !isKnownName(first.text.replace(/['’]s?$/, ''))) return;
      para.runs[ui] = findNameRuns(para.text, unit.tokens, isKnownName);
    });
  }
}

export const sieve: Sieve = {
  name: 'names',
  kind: 'people',
  run(ctx) {
    const { paras } = ctx;
    // A title-case headline ("Hold Melania Trump to Her Husband's Standards") runs verbs into names: its names
    // are registered after the body's, so a surname resolves to the body's spelling of the person first.
    const headline = paras[0] && sameHeadline(paras[0].text, ctx.article.title) ? paras[0] : undefined;
    for (const para of [...paras.filter((p) => p !== headline), ...(headline ? [headline] : [])]) {
      para.runs.forEach((runs, ui) => {
        for (const run of runs) register(ctx, run, para, ui, para === headline);
      });
    }
    rereadFirstWords(ctx, paras);
    for (const para of paras) {
      para.units.forEach((unit, ui) => {
        const first = unit.tokens.findIndex((t) => !t.punct);
        for (const run of para.runs[ui] ?? []) if (run.from > first) ctx.midSentenceNames.add(run.name);
      });
    }
  },
};
