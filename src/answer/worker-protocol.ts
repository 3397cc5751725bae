// Messages between the main thread and an engine worker.
import type { DateSpan } from '../types.js';
export type WorkerRequest = WorkerCall & {
  /** Reply with the result as V8's serialiser writes it (`bytes`), for a caller that passes it on unread. */
  serialized?: boolean;
  /**
   * With `serialized`: write the bytes to this file instead and reply `spooled: true` (the engine
   * process's spool, engine-process.ts), so they are not handed to the main thread only to be written
   * there. A write that fails replies the bytes, with `spoolError` saying why.
   */
  spoolTo?: string;
};

type WorkerCall =
  | { id: number; method: 'ask'; args: [string] }
  | { id: number; method: 'suggestPeople'; args: [string, number | undefined] }
  | { id: number; method: 'outlets'; args: [] }
  | { id: number; method: 'stats'; args: [] }
  | { id: number; method: 'compare'; args: [string, string | null, DateSpan | null] }
  | { id: number; method: 'timeline'; args: [string] }
  | { id: number; method: 'coverage'; args: [] }
  | { id: number; method: 'files'; args: [] }
  | { id: number; method: 'quoted'; args: [] }
  | { id: number; method: 'patch'; args: [string[] | undefined] }
  | { id: number; method: 'articleSummary'; args: [string] };

/**
 * id 0 is the worker's start-up report: `{ ready, stats, source: 'snapshot' | 'built', reason }` or an
 * error; id -1 carries a problem the worker met on its own (a snapshot it could not save).
 */
export type WorkerReply = { id: number; result?: unknown; error?: string; bytes?: Uint8Array; spoolError?: string };

/** A serialised answer: its bytes, or written to the spool file asked for (`spooled`). */
export type SerializedAnswer = { spooled: true } | { bytes: Uint8Array; spoolError?: string };

/**
 * Requests to the shared engine process (src/answer/engine-process.ts) that every shard of a sharded
 * bot asks: the EngineApi methods by name, with the worker's argument shapes.
 */
export type EngineRequest = AnswerRequest | { id: number; method: 'reload'; args: [] };

/** The requests the engine process passes to its worker as they are. */
export type AnswerRequest = Extract<
  WorkerCall,
  { method: 'ask' | 'suggestPeople' | 'outlets' | 'stats' | 'compare' | 'timeline' | 'coverage' | 'articleSummary' }
>;

/**
 * The engine process's replies, over a channel that speaks V8's serialiser. An answer is `bytes`: its
 * worker serialised it once and the bytes cross the engine process unread, to be deserialised once in
 * the manager, as an unsharded bot's main thread does with its worker's reply. (Crossing as an object
 * cost a deserialise and a serialise more in the engine process: 900 KB for the most quoted person's
 * answer at 10k.) With a spool folder the bytes are left there instead (`spooled`). id 0 is its start-up report (`result: { stats, source, reason, pid }` or an error),
 * id -1 a problem it met on its own, for the manager's log.
 */
export type EngineReply = Omit<WorkerReply, 'spoolError'> & {
  /** The answer's bytes were left in the spool folder under this name, for the manager to read and remove. */
  spooled?: string;
};
