// Prints the score of `npm run eval -- --dev DIR [--split …]`.

import type { Ratio, SplitFilter } from './dev.js';
import { f1, ratio, scoreDev } from './dev.js';

function line(label: string, precision: Ratio, recall: Ratio): string {
  const p = ratio(precision);
  const r = ratio(recall);
  return `  ${label.padEnd(10)} P ${p.toFixed(3)} (${precision.hit}/${precision.total})  R ${r.toFixed(3)} (${recall.hit}/${recall.total})  F1 ${f1(p, r).toFixed(3)}`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export async function runDevEval(dir: string, options: { verbose?: boolean; split?: SplitFilter; learned?: boolean } = {}): Promise<number> {
  const split = options.split ?? 'all';
  const score = await scoreDev(dir, split, { learned: options.learned ?? true });
  const show = options.verbose ? Infinity : 20;
  console.log(
    `Attribution on ${dir}: ${score.articles} articles, ${score.statements} statements extracted (${options.learned === false ? 'rules alone' : 'rules and learned pass'})${split === 'all' ? '' : `; scored: the ${split} split only`}`,
  );
  console.log('Speech attributions with a named source (person matched by surname, ≥50% token overlap):');
  console.log(line('overall', score.overall.precision, score.overall.recall));
  for (const [split, s] of Object.entries(score.bySplit).sort()) console.log(line(split, s.precision, s.recall));
  console.log(
    `  (${score.overall.excluded} statements left out of precision: their text is gold content whose source is a pronoun, description, group or none)`,
  );
  console.log('By kind (recall by the gold content: quotes → direct/mixed; precision by our kind):');
  for (const [kind, s] of Object.entries(score.byKind)) console.log(line(kind, s.precision, s.recall));
  console.log('Recall by gold source kind (name: the same person; others: covered by any speaker, as the gold names no one):');
  for (const [kind, r] of Object.entries(score.bySourceKind).sort()) console.log(`  ${kind.padEnd(12)} ${ratio(r).toFixed(3)} (${r.hit}/${r.total})`);
  const acc = score.speakerAccuracy;
  console.log(`Speaker accuracy (named gold content we extracted, given to the right person): ${ratio(acc).toFixed(3)} (${acc.hit}/${acc.total})`);
  const { coldMs, attributeMs, oramaInsertMs, paragraphs } = score.timing;
  console.log(
    `Extraction (attributeCorpus, warm): ${attributeMs.toFixed(0)} ms for ${score.articles} articles = ${(attributeMs / Math.max(1, score.articles)).toFixed(3)} ms/article ` +
      `(first, cold run ${coldMs.toFixed(0)} ms); bare Orama insert of the same ${paragraphs} paragraphs (warm): ${oramaInsertMs.toFixed(0)} ms ` +
      `= ${(oramaInsertMs / Math.max(1, score.articles)).toFixed(3)} ms/article`,
  );
  const { headline, dropped } = score.outsideParagraphs;
  console.log(`  (${headline + dropped} named gold attributions not scored: ${headline} in headlines, ${dropped} in lines the loader's cleaning dropped)`);
  if (score.unplaced) console.log(`  note: ${score.unplaced} cleaned paragraphs could not be placed in their raw file (their statements are not scored)`);
  console.log(`\nWorst misses (${Math.min(show, score.misses.length)} of ${score.misses.length}):`);
  for (const m of score.misses.slice(0, show)) {
    const given = m.ours.length ? ` → ours: ${m.ours.join(', ')}` : '';
    console.log(`  ${m.file} ¶${m.paragraph ?? '?'} [${m.kind}] ${m.source} (${(m.coverage * 100).toFixed(0)}% covered)${given}: “${clip(m.content, 140)}”`);
  }
  console.log(`\nWorst false attributions (${Math.min(show, score.falseAttributions.length)} of ${score.falseAttributions.length}):`);
  for (const w of score.falseAttributions.slice(0, show)) {
    console.log(`  ${w.file} ¶${w.paragraph} [${w.kind}] ${w.speaker} (gold: ${w.gold ?? 'no attribution'}): “${clip(w.text, 140)}”`);
  }
  return 0;
}
