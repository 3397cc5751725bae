// Finds who said what in one article by running the sieves of sieves/index.ts over it, in order.
// Work is spent only on sentences that hold a cue verb or a quotation mark.

import type { Article, PersonKind } from '../types.js';
import type { ArticleContext, LearnedRun, LocalStatement, Para, Sieve, UnitState } from './context.js';
import { createContext } from './context.js';
import { cueStatements } from './cue-statements.js';
import { keyForRun } from './entities.js';
import { SPEECH_CHECK } from './lexicon.js';
import type { Gender } from './mentions.js';
import { findNameRuns } from './mentions.js';
import { quoteStatements } from './quote-statements.js';
import { SIEVES, checkSieveNames } from './sieves/index.js';
import { paragraphUnits } from './tokens.js';

export type { LocalStatement } from './context.js';

/** One article's findings; speakers and mentions point into `entities` by index (the registry's ids are numbers). */
export interface ArticleAttribution {
  file: string;
  /** `gender` when the article shows it (Mr./Mrs., he/she, a gendered role): the registry keeps namesakes apart by it. */
  entities: { key: string; kind: PersonKind; name: string; aliases: string[]; roles: string[]; gender?: Gender | null }[];
  statements: (Omit<LocalStatement, 'speaker'> & { speaker: number })[];
  /** Entities mentioned per paragraph number (for "mentioned but never quoted"). */
  mentions: { entity: number; paragraph: number }[];
}

export interface ExtractOptions {
  /** Names of sieves to switch off (see SIEVE_NAMES), to measure what each earns. */
  disabled?: ReadonlySet<string>;
  /** The learned cue pass's model (none: the pass adds nothing), and training's collector of its candidates. */
  learned?: LearnedRun;
}

type UnitStep = (ctx: ArticleContext, u: UnitState) => void;

/** What runs on each sentence, in order: unit sieves, and each family's driver where its first member stands. */
function unitSteps(sieves: readonly Sieve[], disabled: ReadonlySet<string>): UnitStep[] {
  const steps: UnitStep[] = [];
  let cueFamily = false;
  let quoteFamily = false;
  for (const sieve of sieves) {
    if (sieve.kind === 'unit' && !disabled.has(sieve.name)) steps.push(sieve.run);
    if ((sieve.kind === 'cue' || sieve.kind === 'speaker' || sieve.kind === 'content') && !cueFamily) {
      cueFamily = true;
      steps.push(cueStatements);
    }
    if (sieve.kind === 'quote' && !quoteFamily) {
      quoteFamily = true;
      steps.push(quoteStatements);
    }
  }
  return steps;
}

export function extractArticle(article: Article, options: ExtractOptions = {}): ArticleAttribution {
  const disabled = options.disabled ?? new Set<string>();
  checkSieveNames(disabled);
  const paras: Para[] = article.paragraphs.map((p) => {
    const units = paragraphUnits(p.text);
    return { n: p.n, text: p.text, units, runs: units.map((u) => findNameRuns(p.text, u.tokens)) };
  });
  const ctx = createContext(
    article,
    paras,
    SIEVES.filter((s) => !disabled.has(s.name)),
    disabled,
    options.learned,
  );
  // Who is named, with which roles and genders, before deciding who speaks.
  for (const sieve of ctx.sieves) if (sieve.kind === 'people') sieve.run(ctx);
  ctx.settled = true;
  const steps = unitSteps(SIEVES, disabled);
  for (const para of paras) {
    const covered: UnitState['covered'] = [];
    // Only a paragraph with a quotation mark, a cue verb or "according to" can hold a statement.
    const speech = SPEECH_CHECK.test(para.text);
    para.units.forEach((unit, index) => {
      const runs = para.runs[index] ?? [];
      const runKeys = runs.map((run) => keyForRun(ctx, run, false));
      for (const key of runKeys) if (key) ctx.mentions.push({ key, paragraph: para.n });
      const u: UnitState = { para, unit, index, runs, runKeys, covered, speech, found: [], claimed: false };
      for (const step of steps) step(ctx, u);
    });
  }
  for (const sieve of ctx.sieves) if (sieve.kind === 'end') sieve.run(ctx);
  return collect(ctx);
}

/** The article's findings with entity keys turned into indexes; statements of entities not kept are dropped. */
function collect(ctx: ArticleContext): ArticleAttribution {
  const index = new Map<string, number>();
  const entities = [...ctx.entities.values()].map((e, k) => {
    index.set(e.key, k);
    return { key: e.key, kind: e.kind, name: e.name, aliases: [...e.aliases], roles: [...e.roles], gender: e.gender };
  });
  // Paragraphs already listed, per entity index (numbers: no string per mention).
  const seen: Set<number>[] = [];
  const mentions: ArticleAttribution['mentions'] = [];
  for (const m of ctx.mentions) {
    const entity = index.get(m.key);
    if (entity === undefined) continue;
    let paragraphs = seen[entity];
    if (!paragraphs) {
      paragraphs = new Set();
      seen[entity] = paragraphs;
    }
    if (paragraphs.has(m.paragraph)) continue;
    paragraphs.add(m.paragraph);
    mentions.push({ entity, paragraph: m.paragraph });
  }
  return {
    file: ctx.article.file,
    entities,
    statements: ctx.statements.flatMap((st) => {
      const speaker = index.get(st.speaker);
      return speaker === undefined ? [] : [{ ...st, speaker }];
    }),
    mentions,
  };
}
