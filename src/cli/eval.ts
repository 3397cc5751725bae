// npm run eval [-- --corpus DIR --gold DIR] : attribution precision/recall and seed questions.
// npm run eval -- --dev [DIR] [--split train|dev|all] [--no-learned] : the same engine scored on an annotated news corpus,
//                                               then its roles (--no-learned: the rules without the learned pass).
// npm run eval -- --dev [DIR] --ablate       : F1 per split with each attribution pass switched off in turn.
// npm run eval -- --roles [DIR]              : the 100 most quoted people of that corpus with their display roles (annotated or plain corpus).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine, buildCorpus } from '../answer/engine.js';
import type { GoldQuestion } from '../eval/seeds.js';
import { checkSeedRoles, printSeedRoles } from '../eval/roles.js';
import { checkQuestions, parseGoldStatements, scoreStatements } from '../eval/seeds.js';

// `npm run ask … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    corpus: { type: 'string' },
    gold: { type: 'string' },
    dev: { type: 'string' },
    roles: { type: 'string' },
    split: { type: 'string' },
    ablate: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
    'no-learned': { type: 'boolean' },
  },
  allowPositionals: true,
  strict: false,
});

async function seeds(): Promise<number> {
  const corpusDir = typeof values.corpus === 'string' ? values.corpus : 'corpus';
  const goldDir = typeof values.gold === 'string' ? values.gold : 'tests/fixtures';
  const gold = parseGoldStatements(await readFile(path.join(goldDir, 'seed-statements.jsonl'), 'utf8'));
  const questions = JSON.parse(await readFile(path.join(goldDir, 'seed-questions.json'), 'utf8')) as GoldQuestion[];
  const engine = new Engine((await buildCorpus(corpusDir)).corpus);
  const score = scoreStatements(engine, gold);
  console.log(`Attribution on ${corpusDir} against ${goldDir}/seed-statements.jsonl`);
  console.log(`  recall    ${score.recall.toFixed(3)}  (${score.found}/${score.required} required gold statements found)`);
  console.log(`  precision ${score.precision.toFixed(3)}  (${score.correct}/${score.extracted} statements by people match gold)`);
  for (const m of score.missed) console.log(`  missed  ${m.file} ${m.speaker}: “${m.snippet}”`);
  for (const w of score.wrong) console.log(`  extra   ${w.file} ¶${w.paragraph} ${w.speaker}: “${w.text.slice(0, 90)}”`);
  const checks = await checkQuestions(engine, questions);
  console.log(`Questions: ${checks.filter((c) => c.ok).length}/${checks.length} answered as the gold says`);
  for (const c of checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.question}${c.ok ? '' : `: ${c.problems.join('; ')}`}`);
  const roles = checkSeedRoles(engine.corpus.people, JSON.parse(await readFile(path.join(goldDir, 'seed-roles.json'), 'utf8')) as Record<string, string>);
  printSeedRoles(roles);
  return score.recall >= 0.95 && score.precision >= 0.9 && checks.every((c) => c.ok) && roles.every((r) => r.ok) ? 0 : 1;
}

function corpusDir(value: unknown): string | null {
  const dir = typeof value === 'string' ? value : '../shared/attribution-dev';
  if (existsSync(dir)) return dir;
  console.error(`no corpus at ${dir}: pass --roles DIR (a corpus folder, or an annotated one with articles/)`);
  return null;
}

async function main(): Promise<number> {
  if ('roles' in values) {
    const dir = corpusDir(values.roles);
    return dir === null ? 2 : (await import('../eval/roles.js')).printTopRoles(dir);
  }
  if ('dev' in values) {
    const dir = typeof values.dev === 'string' ? values.dev : '../shared/attribution-dev';
    if (!existsSync(dir)) {
      console.error(`no annotated corpus at ${dir}: pass --dev DIR (a folder with articles/ and attributions.jsonl)`);
      return 2;
    }
    const split = values.split ?? 'all';
    if (split !== 'train' && split !== 'dev' && split !== 'all') {
      console.error(`--split takes train, dev or all, not ${String(split)}`);
      return 2;
    }
    if (values.ablate) {
      const { runAblation } = await import('../eval/ablate.js');
      return runAblation(dir);
    }
    const { runDevEval } = await import('../eval/dev-report.js');
    const attribution = await runDevEval(dir, { verbose: Boolean(values.verbose), split, learned: !values['no-learned'] });
    const roles = await (await import('../eval/roles.js')).runRoleEval(dir, { verbose: Boolean(values.verbose) });
    return attribution || roles;
  }
  return seeds();
}

process.exitCode = await main();
