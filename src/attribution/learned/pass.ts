// The learned sieve, run last on each article: it takes out rule-made indirect and mixed statements the
// model is sure are not speech (the shipped model takes out none: cross-validation found no cut that
// helps), and adds statements for verbs the rules trust only before "that" when a named speaker uses
// them without it ("Issa continued, “…”", "…, Blackwell maintains.").
// It may not touch direct quotes, speakers of kept statements, entities or mentions.

import type { Article, StatementKind } from '../../types.js';
import type { ArticleAttribution } from '../extract.js';
import { siteFeatures } from './features.js';
import type { LearnedModel } from './model.js';
import { score } from './perceptron.js';
import { articleSites } from './sites.js';

/** The rule statements the model may take out: direct quotes are the rules' surest work. */
export const JUDGED_KINDS: ReadonlySet<StatementKind> = new Set(['indirect', 'mixed']);

const NONE: ReadonlySet<StatementKind> = new Set();

export function applyLearned(article: Article, attribution: ArticleAttribution, model: LearnedModel): ArticleAttribution {
  const { keep } = model;
  const sites = articleSites(article, attribution, keep ? JUDGED_KINDS : NONE);
  const dropped = new Set<number>();
  if (keep) for (const r of sites.rules) if (score(keep, siteFeatures(r.site)) < model.dropBelow) dropped.add(r.statement);
  const added = sites.added.filter((n) => score(model.add, siteFeatures(n.site)) > model.addAbove).map((n) => n.statement);
  if (dropped.size === 0 && added.length === 0) return attribution;
  const statements = attribution.statements.filter((_, i) => !dropped.has(i));
  // The rules' order is kept; an added statement goes after the last one of its paragraph or before.
  for (const st of added) {
    let at = statements.length;
    while (at > 0 && (statements[at - 1]?.paragraph ?? 0) > st.paragraph) at--;
    statements.splice(at, 0, st);
  }
  return { ...attribution, statements };
}
