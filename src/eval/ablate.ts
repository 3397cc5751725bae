// npm run eval -- --dev DIR --ablate: what each sieve earns. The corpus is read once; the attribution is run
// once in full and once with each sieve switched off in turn, and F1 is reported per split beside its change.

import { performance } from 'node:perf_hooks';
import { PASS_NAMES, attributeCorpus } from '../attribution/index.js';
import type { DevData, DevScore } from './dev.js';
import { loadDev, scoreAttribution, splitF1 } from './dev.js';

export interface AblationRow {
  /** The sieve switched off, or null for the full pipeline. */
  sieve: string | null;
  statements: number;
  f1: { train: number; dev: number };
}

function run(data: DevData, disabled: ReadonlySet<string>): { score: DevScore; statements: number } {
  const attribution = attributeCorpus(data.articles, undefined, { disabled });
  const timing = { coldMs: 0, attributeMs: 0, oramaInsertMs: 0, paragraphs: 0 };
  return { score: scoreAttribution(data, attribution, 'all', timing), statements: attribution.statements.length };
}

/** The full pipeline first, then one row per sieve with that sieve switched off. */
export function ablate(data: DevData, sieves: readonly string[] = PASS_NAMES): AblationRow[] {
  return [null, ...sieves].map((sieve) => {
    const { score, statements } = run(data, new Set(sieve ? [sieve] : []));
    return { sieve, statements, f1: { train: splitF1(score, 'train'), dev: splitF1(score, 'dev') } };
  });
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
}

export async function runAblation(dir: string): Promise<number> {
  const t0 = performance.now();
  const data = await loadDev(dir);
  const rows = ablate(data);
  const full = rows[0] as AblationRow;
  console.log(`Ablation on ${dir}: F1 (speech with a named source) with each sieve switched off, and the change from the full pipeline`);
  console.log(`  ${'sieve'.padEnd(22)} ${'train F1'.padStart(8)} ${'Δ'.padStart(7)}  ${'dev F1'.padStart(7)} ${'Δ'.padStart(7)}  statements`);
  for (const row of rows) {
    const name = row.sieve ?? '(full pipeline)';
    const dTrain = row.sieve ? signed(row.f1.train - full.f1.train) : '';
    const dDev = row.sieve ? signed(row.f1.dev - full.f1.dev) : '';
    console.log(
      `  ${name.padEnd(22)} ${row.f1.train.toFixed(3).padStart(8)} ${dTrain.padStart(7)}  ${row.f1.dev.toFixed(3).padStart(7)} ${dDev.padStart(7)}  ${row.statements}`,
    );
  }
  console.log(`  (${rows.length} runs in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  return 0;
}
