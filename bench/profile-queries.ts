// Builds one synthetic corpus and asks the bench's questions twice (first time, then again), printing
// each answer's time and writing a CPU profile of the questions only (not the build). For finding
// where a question class spends its time; run under `nice`, on a corpus `npm run bench` generated.
//
//   node --expose-gc --max-old-space-size=8192 --import tsx bench/profile-queries.ts <articles> [profile.cpuprofile]

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildCorpus, Engine } from '../src/answer/engine.js';
import { syntheticQueries } from './queries.js';
import { DEFAULT_SEED, ensureCorpus } from './synthetic.js';

const articles = Number(process.argv[2] ?? 10_000);
const profilePath = process.argv[3];
const { dir } = ensureCorpus(articles, DEFAULT_SEED);
const t = performance.now();
const { corpus, timings } = await buildCorpus(dir);
const engine = new Engine(corpus);
const buildMs = performance.now() - t;
(globalThis as { gc?: () => void }).gc?.();
const { heapUsed, rss, arrayBuffers } = process.memoryUsage();
console.log(
  `build ${(buildMs / 1000).toFixed(1)} s (load ${(timings.loadMs / 1000).toFixed(1)}, extract ${(timings.extractMs / 1000).toFixed(1)}, index ${(timings.indexMs / 1000).toFixed(1)}); heap ${(heapUsed / 2 ** 20).toFixed(0)} MB (${(heapUsed / articles / 1024).toFixed(1)} KB/article), array buffers ${(arrayBuffers / 2 ** 20).toFixed(0)} MB, rss ${(rss / 2 ** 20).toFixed(0)} MB`,
);

const queries = syntheticQueries(DEFAULT_SEED);
const session = new Session();
if (profilePath) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
await engine.ask('what did Nobody say?');
for (const round of ['first', 'again']) {
  for (const q of queries) {
    // CPU time as well as wall time: on a loaded machine the wall time is mostly waiting for a core.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const answer = await engine.ask(q.question);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const excerpts = answer.outlets.reduce((n, o) => n + o.excerpts.length, 0);
    console.log(`${round}\t${q.cls}\tcpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms\twall ${wall.toFixed(1)} ms\t${excerpts}\t${q.question}`);
  }
}
if (profilePath) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profilePath, JSON.stringify(profile));
}
process.exit(0);
