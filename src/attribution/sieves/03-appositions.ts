// Sieve: roles from appositions. "Dmytro Lytvyn, a spokesman for the presidential office," and "Zelenskyy's
// adviser, Dmytro Lytvyn," give the person a role (and a gender when the role has one). Decides entities'
// roles and gender only; finds no statement.

import type { ArticleContext, Para, Sieve } from '../context.js';
import { keyForRun } from '../entities.js';
import { CUE_FORMS } from '../lexicon.js';
import { genderFromWords, isRoleWord } from '../mentions.js';
import { findComma, joinTokens, stripArticle } from '../phrases.js';

/** "Dmytro Lytvyn, a spokesman for the Ukrainian presidential office," and "Zelenskyy's adviser, Dmytro Lytvyn,". */
export function learnAppositions(ctx: ArticleContext, paras: Para[]): void {
  for (const para of paras) {
    para.units.forEach((unit, ui) => {
      const runs = para.runs[ui] ?? [];
      for (const run of runs) {
        if (run.kind === 'organisation') continue;
        const key = keyForRun(ctx, run, false);
        if (!key) continue;
        const e = ctx.entities.get(key);
        if (!e) continue;
        const toks = unit.tokens;
        if (toks[run.to]?.text === ',') {
          const close = findComma(toks, run.to + 1, 14);
          if (close > 0) {
            const phrase = toks.slice(run.to + 1, close);
            if (phrase.some(isRoleWord) && !phrase.some((t) => CUE_FORMS.has(t.lower)) && !['who', 'which', 'whose'].includes(phrase[0]?.lower ?? '')) {
              e.roles.add(joinTokens(para.text, stripArticle(phrase)));
              e.gender ??= genderFromWords(phrase.map((t) => t.lower));
            }
          }
        }
        if (toks[run.phraseFrom - 1]?.text === ',' && toks[run.to]?.text === ',') {
          let open = run.phraseFrom - 2;
          while (open >= 0 && !toks[open]?.punct && run.phraseFrom - open < 8) open--;
          const phrase = toks.slice(open + 1, run.phraseFrom - 1);
          if (phrase.length && phrase.some(isRoleWord)) e.roles.add(joinTokens(para.text, stripArticle(phrase)));
          // "his wife, Michelle Obama,": a kinship or gendered role before the name tells the gender.
          if (phrase.length) e.gender ??= genderFromWords(phrase.slice(-3).map((t) => t.lower));
        }
      }
    });
  }
}

export const sieve: Sieve = { name: 'appositions', kind: 'people', run: (ctx) => learnAppositions(ctx, ctx.paras) };
