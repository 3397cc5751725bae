// A build's fresh files read and attributed on several threads: this one and a few worker threads,
// each taking the next share of files as it finishes one. Articles are independent until the people
// are merged (buildRegistry, after this, in order), so the outcome is the in-thread one, in file order.

import { availableParallelism } from 'node:os';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ArticleAttribution } from '../attribution/index.js';
import { extractionKey } from '../attribution/index.js';
import type { FreshFile, FreshRead } from '../corpus/load.js';
import { buildWorkersSetting } from '../config.js';
import type { ReadExtracted } from './read-extract.js';
import { letOthersIn } from '../let-others-in.js';
import { readAndExtract } from './read-extract.js';

export interface BuildThreads {
  /** Threads reading and attributing, this one included: 1 reads everything here. */
  threads: number;
  /** Fewer fresh files than this are read here: starting a worker under tsx costs hundreds of ms. */
  minFiles: number;
  /** For tests: the workers' heap limits (a worker that runs out of memory dies). */
  limits?: ResourceLimits;
}

/** Below this many fresh files a build stays in its thread (a reload of a few files, the seed corpus). */
export const MIN_POOLED_FILES = 300;

/** The build threads the environment asks for (BUILD_WORKERS, see config.ts). */
export function buildThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): BuildThreads {
  return { threads: buildWorkersSetting(env, availableParallelism()), minFiles: MIN_POOLED_FILES };
}

/** What a build worker is sent: a share of files to read and attribute. */
export interface ShareRequest {
  share: number;
  root: string;
  files: FreshFile[];
}

/** What a build worker answers for one share. */
export type ShareReply = { share: number; results: ReadExtracted[] } | { share: number; error: string };

/**
 * A `readFresh` for loadCorpus that spreads the files over `settings.threads` threads and puts each
 * article's extraction into `extractions` (by extractionKey). Returns null, to read in-thread, for few files.
 */
export function readInThreads(settings: BuildThreads, extractions: Map<string, ArticleAttribution>) {
  return async (root: string, files: FreshFile[]): Promise<FreshRead[] | null> => {
    if (settings.threads <= 1 || files.length < settings.minFiles) return null;
    const results = await spread(root, files, settings);
    return results.map(({ read, extraction }) => {
      if (read && 'article' in read && extraction) {
        const key = extractionKey(read.article);
        if (!extractions.has(key)) extractions.set(key, extraction);
      }
      return read;
    });
  };
}

/** Shares small enough that the last one does not keep the other threads waiting long. */
function shareSize(files: number, threads: number): number {
  return Math.max(20, Math.min(100, Math.ceil(files / (threads * 8))));
}

interface Helper {
  worker: Worker;
  /** Shares sent and not answered, by number. */
  out: Set<number>;
  dead: boolean;
}

async function spread(root: string, files: FreshFile[], settings: BuildThreads): Promise<ReadExtracted[]> {
  const size = shareSize(files.length, settings.threads);
  const shares: FreshFile[][] = [];
  for (let i = 0; i < files.length; i += size) shares.push(files.slice(i, i + size));
  const done: (ReadExtracted[] | undefined)[] = new Array(shares.length);
  const queue = shares.map((_, i) => i);
  let failure: Error | null = null;
  // Woken whenever a worker answers or dies, so this thread never waits on a share nobody holds.
  let wake: () => void = () => undefined;
  const event = (): Promise<void> => new Promise((resolve) => (wake = resolve));

  const helpers: Helper[] = [];
  const send = (helper: Helper): void => {
    // Two shares in flight: the worker starts the next while this thread takes its answer.
    while (!helper.dead && helper.out.size < 2 && queue.length > 0) {
      const share = queue.shift() as number;
      helper.out.add(share);
      helper.worker.postMessage({ share, root, files: shares[share] as FreshFile[] } satisfies ShareRequest);
    }
  };
  const lose = (helper: Helper, reason: string): void => {
    if (helper.dead) return;
    helper.dead = true;
    // Its shares go back to the front of the queue: this thread (or another worker) reads them.
    queue.unshift(...[...helper.out].sort((a, b) => a - b));
    helper.out.clear();
    process.emitWarning(`a build worker failed (${reason}); its files are read in the remaining threads`, 'BuildWorkerWarning');
    void helper.worker.terminate();
    wake();
  };
  for (let i = 1; i < settings.threads; i++) {
    const worker = new Worker(new URL('./build-worker-boot.mjs', import.meta.url), { resourceLimits: settings.limits, stdout: false, stderr: false });
    const helper: Helper = { worker, out: new Set(), dead: false };
    helpers.push(helper);
    worker.on('message', (reply: ShareReply) => {
      helper.out.delete(reply.share);
      if ('error' in reply) failure ??= new Error(reply.error);
      else done[reply.share] = reply.results;
      send(helper);
      wake();
    });
    worker.on('error', (err) => lose(helper, err.message));
    worker.on('exit', (code) => lose(helper, `exited with code ${code}`));
    send(helper);
  }

  try {
    for (;;) {
      if (failure) throw failure;
      const share = queue.shift();
      if (share !== undefined) {
        done[share] = await readAndExtract(root, shares[share] as FreshFile[]);
        // Reading is synchronous: let the workers' answers in, so each gets its next share now.
        await letOthersIn();
        continue;
      }
      if (helpers.every((h) => h.out.size === 0)) break;
      await event();
    }
  } finally {
    for (const helper of helpers) {
      helper.dead = true;
      void helper.worker.terminate();
    }
  }
  return done.flatMap((results) => results as ReadExtracted[]);
}
