// A new article answerable, as the folder watcher's reload makes it: the worker engine on a built
// corpus is told one new file, then asked about it. For the size the full bench does not reach with
// its reload task (100k):
//   node --max-old-space-size=12288 --import tsx bench/new-file.ts <articles>
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkerEngine } from '../src/answer/worker-engine.js';
import { DEFAULT_SEED, ensureCorpus } from './synthetic.js';

const articles = Number(process.argv[2] ?? 10_000);
const { dir } = ensureCorpus(articles, DEFAULT_SEED);
const scratch = mkdtempSync(path.join(tmpdir(), 'whosaid-new-file-'));
try {
  cpSync(dir, scratch, { recursive: true });
  let t = performance.now();
  const worker = await createWorkerEngine({ corpusDir: scratch });
  console.log(`${articles} articles: worker built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const [n, name] of ['Mette Frederiksen', 'Petteri Orpo', 'Kristrún Frostadóttir'].entries()) {
    const file = `bench-new-article-${n}.txt`;
    writeFileSync(path.join(scratch, file), `New statement\n\n“We will not let Ukraine stand alone,” Prime Minister ${name} told reporters.\n`);
    t = performance.now();
    const report = await worker.reload([file]);
    const answer = await worker.ask(`what did ${name} say?`);
    const ms = performance.now() - t;
    const ok = report.ok && JSON.stringify(answer.outlets).includes('stand alone');
    console.log(`new file ${n + 1}: answerable ${ok ? 'yes' : 'NO'} after ${ms.toFixed(0)} ms (reload ${report.mode ?? 'n/a'}, ${report.ms.toFixed(0)} ms)`);
  }
  await worker.close();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
