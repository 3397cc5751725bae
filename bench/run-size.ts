// One benchmark task in its own process (`node --expose-gc --import tsx bench/run-size.ts '<json>'`):
// a fresh heap for honest memory figures, a cold start that really is cold, and a process the parent
// can kill when a bare-Orama query runs for minutes. Results stream out as `@@bench {json}` lines as
// they are measured, so a killed run still reports what it finished.

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { buildBaseline, searchBaseline } from './baseline.js';
import { listCorpusFiles, readParagraphDocs } from './corpus-files.js';
import { EVENT_PREFIX, type BenchEvent, type SizeTask } from './protocol.js';
import type { BenchQuery } from './queries.js';
import { QUERY_CLASSES } from './queries.js';

function emit(event: BenchEvent): void {
  process.stdout.write(`${EVENT_PREFIX}${JSON.stringify(event)}\n`);
}

async function memory(): Promise<void> {
  // --expose-gc: measure what stays alive, not garbage awaiting collection.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  emit({ type: 'memory', heapUsed: m.heapUsed, rss: m.rss });
  // That forced full collection leaves a heap of a gigabyte or more to sweep, which V8 finishes while
  // the next allocations wait: the first questions after it ran 2-4x slower (216 vs 62 ms at 100k).
  // No user question follows a forced collection, so the questions start once the sweep is done.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_GC_MS));
}

const SETTLE_AFTER_GC_MS = 3000;

/**
 * `warm`: one unrecorded question first, for bare Orama, which has no warm-up of its own: its first
 * recorded sample would otherwise pay for compiling its search. Ours warms up as the bot does.
 */
async function runQueries(task: SizeTask, run: (q: BenchQuery) => Promise<number>, warm: boolean): Promise<void> {
  const warmQuestion = warm ? task.queries.find((q) => q.cls === 'person') : undefined;
  if (warmQuestion) await run(warmQuestion);
  const ask = async (q: BenchQuery): Promise<void> => {
    emit({ type: 'query-start', cls: q.cls, question: q.question, at: Date.now() });
    const t = performance.now();
    const results = await run(q);
    emit({ type: 'sample', cls: q.cls, question: q.question, ms: performance.now() - t, results });
  };
  // First one question of every class, so a class whose queries take minutes (bare Orama at 100k)
  // cannot leave the classes after it unmeasured; then each class until its budget is spent.
  const byClass = QUERY_CLASSES.map(({ cls }) => task.queries.filter((q) => q.cls === cls));
  // Who-said phrases go last in that first pass: on bare Orama one of them can take minutes.
  const firstPass = [...byClass].sort((a, b) => Number(a[0]?.cls === 'phrase') - Number(b[0]?.cls === 'phrase'));
  for (const list of firstPass) if (list[0]) await ask(list[0]);
  for (const list of byClass) {
    const started = performance.now();
    outer: for (let rep = 0; rep < task.reps; rep++) {
      for (const [i, q] of list.entries()) {
        if (rep === 0 && i === 0) continue;
        if (performance.now() - started > task.classBudgetMs) break outer;
        await ask(q);
      }
    }
  }
}

async function baselineTask(task: SizeTask): Promise<void> {
  const t = performance.now();
  const docs = readParagraphDocs(task.corpusDir);
  emit({ type: 'phase', name: 'read', ms: performance.now() - t, detail: { docs: docs.length } });
  const { db, ms } = await buildBaseline(docs);
  emit({ type: 'phase', name: 'insert', ms, detail: { docs: docs.length } });
  await memory();
  await runQueries(
    task,
    (q) => searchBaseline(db, { term: q.bareTerm, days: q.days?.map((d) => Math.floor(Date.parse(d) / 86_400_000)) as [number, number] | undefined }),
    true,
  );
}

function excerptCount(answer: { outlets: { excerpts: unknown[] }[] }): number {
  return answer.outlets.reduce((n, o) => n + o.excerpts.length, 0);
}

async function engineTask(task: SizeTask): Promise<void> {
  const { buildCorpus, Engine } = await import('../src/answer/engine.js');
  const { warmUp } = await import('../src/answer/warm-up.js');
  emit({ type: 'phase', name: 'imports', ms: performance.now() });
  const t = performance.now();
  const { corpus, timings } = await buildCorpus(task.corpusDir);
  const engine = new Engine(corpus);
  const buildMs = performance.now() - t;
  // The heap after the build, before the warm-up: the bot never forces a collection, and one forced
  // after the warm-up made the next answer 2-3x slower, 3 s later still (at 100k: 33-45 ms against
  // 15-16 without it, the same first question).
  const measuring = performance.now();
  await memory();
  const measuredMs = performance.now() - measuring;
  // As the bot's engine does before it serves (src/answer/warm-up.ts); not part of the build.
  const warming = performance.now();
  const warmUpQuestions = await warmUp(engine);
  const warmUpMs = performance.now() - warming;
  emit({
    type: 'phase',
    name: 'build',
    ms: buildMs,
    detail: {
      loadMs: timings.loadMs,
      extractMs: timings.extractMs,
      indexMs: timings.indexMs,
      cpuMs: timings.cpuMs,
      threads: timings.threads,
      warmUpMs,
      warmUpQuestions,
      articles: corpus.articles.length,
      statements: corpus.index.statements.length,
      people: corpus.people.length,
    },
  });
  const first = task.queries[0];
  if (first) await engine.ask(first.question);
  // performance.now() counts from process start: this is the cold start to a first answer, less the
  // bench's own measuring of the heap.
  emit({ type: 'phase', name: 'cold-start', ms: performance.now() - measuredMs });
  // Every recorded question is asked as for the first time: nothing that first answer cached is kept.
  engine.forgetAnswers();
  await runQueries(task, async (q) => excerptCount(await engine.ask(q.question)), false);
}

/** Appends a quoted paragraph to articles: a real content change with a new statement, so hashes change. */
function appendQuote(paths: string[], n: number): void {
  for (const path of paths) writeFileSync(path, `${readFileSync(path, 'utf8')}\n"We added this line in edit number ${n}," the editor said.\n`);
}

const HISTOGRAM_RESOLUTION_MS = 10;

async function measureDuring<T>(name: string, work: () => Promise<T>, ask?: () => Promise<unknown>): Promise<{ ms: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: HISTOGRAM_RESOLUTION_MS });
  histogram.enable();
  const latencies: number[] = [];
  let running = true;
  // Questions keep arriving during the reload, as they would from Discord.
  const asking = (async () => {
    while (running && ask) {
      const t = performance.now();
      await ask();
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t = performance.now();
  const value = await work();
  const ms = performance.now() - t;
  // A block that ends with the work is only recorded when the histogram's next timer fires: let it.
  await new Promise((r) => setTimeout(r, 3 * HISTOGRAM_RESOLUTION_MS));
  running = false;
  await asking;
  histogram.disable();
  emit({
    type: 'eventloop',
    name,
    p50: histogram.percentile(50) / 1e6,
    p99: histogram.percentile(99) / 1e6,
    max: histogram.max / 1e6,
    samples: histogram.count,
  });
  if (ask) emit({ type: 'latency-during', name, samples: latencies });
  return { ms, value };
}

async function reloadTask(task: SizeTask): Promise<void> {
  const scratch = task.scratchDir as string;
  rmSync(scratch, { recursive: true, force: true });
  cpSync(task.corpusDir, scratch, { recursive: true });
  const question = task.queries.find((q) => q.cls === 'person')?.question ?? 'what did Kallas say?';
  const { createWorkerEngine } = await import('../src/answer/worker-engine.js');
  const { createEngine } = await import('../src/answer/reload.js');

  const files = listCorpusFiles(scratch);
  const middle = [files[Math.floor(files.length / 2)] as string];

  // The bot's path: the engine lives in a worker. Its start is a full build off the main thread.
  const snapshotDir = `${scratch}-index`;
  rmSync(snapshotDir, { recursive: true, force: true });
  const start = await measureDuring('worker-start', async () => {
    const engine = await createWorkerEngine({ corpusDir: scratch, snapshotDir });
    await engine.ask(question);
    return engine;
  });
  const worker = start.value;
  emit({ type: 'phase', name: 'worker-start', ms: start.ms });
  // What the folder watcher does for a file dropped in: once the quiet period is over, a reload told
  // which file arrived, then the question that needs it. Timed from that reload's start to the answer
  // quoting the new article (the file is written before; WATCH_QUIET_SECONDS comes on top). Measured
  // first, on the worker as it started, so a slow machine's deadline cannot cut it off.
  writeFileSync(
    path.join(scratch, 'bench-new-article.txt'),
    'Danish leader backs Ukraine\n\n“We will not let Ukraine stand alone,” Danish Prime Minister Mette Frederiksen told reporters.\n',
  );
  const fresh = await measureDuring(
    'worker-new-file-answerable',
    async () => {
      const report = await worker.reload(['bench-new-article.txt']);
      const answer = await worker.ask('what did Mette Frederiksen say?');
      return { report, answered: JSON.stringify(answer.outlets).includes('stand alone') };
    },
    () => worker.ask(question),
  );
  emit({
    type: 'phase',
    name: 'worker-new-file-answerable',
    ms: fresh.ms,
    detail: { ok: String(fresh.value.report.ok && fresh.value.answered), mode: fresh.value.report.mode ?? 'n/a' },
  });
  // Every file changed (a new statement in each): too much to patch, so a full rebuild in a second
  // worker while the first keeps answering.
  appendQuote(files, 1);
  const full = await measureDuring(
    'worker-full-reload',
    () => worker.reload(),
    () => worker.ask(question),
  );
  emit({
    type: 'phase',
    name: 'worker-full-reload',
    ms: full.ms,
    detail: { changed: full.value.changed.length, ok: String(full.value.ok), ...(full.value.error ? { error: full.value.error } : {}) },
  });
  appendQuote(middle, 2);
  const one = await measureDuring(
    'worker-reload-1-file',
    () => worker.reload(),
    () => worker.ask(question),
  );
  emit({ type: 'phase', name: 'worker-reload-1-file', ms: one.ms, detail: { changed: one.value.changed.length, ok: String(one.value.ok) } });
  await worker.close();

  // The bot's start with the saved index of an unchanged corpus: restore instead of build. A patched
  // index is not saved (that would stall answers), so first a start that builds and saves.
  const saving = await measureDuring('worker-start-and-save', async () => {
    const engine = await createWorkerEngine({ corpusDir: scratch, snapshotDir });
    await engine.ask(question);
    return engine;
  });
  emit({ type: 'phase', name: 'worker-start-and-save', ms: saving.ms });
  await saving.value.close();
  const restored = await measureDuring('worker-start-snapshot', async () => {
    const engine = await createWorkerEngine({ corpusDir: scratch, snapshotDir });
    await engine.ask(question);
    return engine;
  });
  emit({
    type: 'phase',
    name: 'worker-start-snapshot',
    ms: restored.ms,
    detail: { source: restored.value.startInfo.source, reason: restored.value.startInfo.reason ?? '' },
  });
  await restored.value.close();
  rmSync(snapshotDir, { recursive: true, force: true });

  // The CLI's path, for contrast: the build runs on the main thread.
  const { ms: buildMs, value: engine } = await measureDuring('in-process-build', () => createEngine({ corpusDir: scratch }));
  emit({ type: 'phase', name: 'in-process-build', ms: buildMs });
  appendQuote(middle, 3);
  const t = performance.now();
  const local = await engine.reload();
  emit({ type: 'phase', name: 'in-process-reload-1-file', ms: performance.now() - t, detail: { changed: local.changed.length, ok: String(local.ok) } });
  rmSync(scratch, { recursive: true, force: true });
}

const task = JSON.parse(process.argv[2] ?? '{}') as SizeTask;
try {
  if (task.mode === 'baseline') await baselineTask(task);
  else if (task.mode === 'engine') await engineTask(task);
  else await reloadTask(task);
} catch (err) {
  emit({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
}
emit({ type: 'done' });
// Workers, timers or open handles of the engine must not keep the task alive.
process.exit(0);
