// Messages between the main thread and an engine worker.
import type { DateSpan } from '../types.js';
export type WorkerRequest =
  | { id: number; method: 'ask'; args: [string] }
  | { id: number; method: 'suggestPeople'; args: [string, number | undefined] }
  | { id: number; method: 'outlets'; args: [] }
  | { id: number; method: 'stats'; args: [] }
  | { id: number; method: 'compare'; args: [string, string | null, DateSpan | null] }
  | { id: number; method: 'timeline'; args: [string] }
  | { id: number; method: 'coverage'; args: [] }
  | { id: number; method: 'files'; args: [] }
  | { id: number; method: 'patch'; args: [] };

/**
 * id 0 is the worker's start-up report: `{ ready, stats, source: 'snapshot' | 'built', reason }` or an
 * error; id -1 carries a problem the worker met on its own (a snapshot it could not save).
 */
export type WorkerReply = { id: number; result?: unknown; error?: string };
