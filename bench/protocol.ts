// What a benchmark task is told and what it reports back, line by line on stdout.

import type { BenchQuery, QueryClass } from './queries.js';

export interface SizeTask {
  mode: 'baseline' | 'engine' | 'reload';
  corpusDir: string;
  queries: BenchQuery[];
  /** Time allowed per query class; a query already running is let finish. */
  classBudgetMs: number;
  /** Samples per query at most. */
  reps: number;
  /** reload mode: a scratch copy of the corpus to edit. */
  scratchDir?: string;
}

export type BenchEvent =
  | { type: 'phase'; name: string; ms: number; detail?: Record<string, number | string> }
  | { type: 'memory'; heapUsed: number; rss: number }
  | { type: 'query-start'; cls: QueryClass; question: string; at: number }
  | { type: 'sample'; cls: QueryClass; question: string; ms: number; results: number }
  | { type: 'eventloop'; name: string; p50: number; p99: number; max: number; samples: number }
  | { type: 'latency-during'; name: string; samples: number[] }
  | { type: 'error'; message: string }
  | { type: 'done' };

export const EVENT_PREFIX = '@@bench ';
