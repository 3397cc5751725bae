// What answers read of tens of thousands of statements at once, in flat arrays: each statement's text
// folded as `comparable` folds it (UTF-8 bytes, one buffer: who-said tests phrases on it), its speaker
// (who-said counts them) and its outlet (ranked answers are split by outlet), as small integers, and its
// day (yyyymmdd, 0 when undated: dated questions keep a person's statements of a month by reading it).
// Reading a statement object costs a cache miss or more (about 1 µs at 100k articles); reading these
// arrays in corpus order costs a few nanoseconds.

import { comparable } from '../text/normalize.js';

/** Statements `first`, `first + 1`, … : text k is bytes[starts[k - first]] up to starts[k - first + 1]. */
interface Chunk {
  first: number;
  bytes: Buffer;
  starts: Int32Array;
  speakers: Int32Array;
  outlets: Int32Array;
  days: Int32Array;
}

/** Names by code; only ever added to, so the tables that share one agree on every code they hold. */
class Codes {
  readonly names: string[] = [];
  private readonly codeOf = new Map<string, number>();

  code(name: string): number {
    let code = this.codeOf.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codeOf.set(name, code);
    }
    return code;
  }
}

type Row = { text: string; speaker: string; outlet: string; date: string | null };

/** A letter, digit or combining mark outside ASCII: text holding one needs the full fold. */
const WORDISH_BEYOND_ASCII = /[\u0080-\u{10FFFF}](?<=[\p{L}\p{N}\p{M}])/u;
const BEYOND_ASCII = /[\u0080-\uFFFF]/;

const needsFullFold = (text: string): boolean => BEYOND_ASCII.test(text) && WORDISH_BEYOND_ASCII.test(text);

/**
 * Writes " " + comparable(text) + " " as bytes at `at`, for text whose letters and digits are all ASCII
 * (nearly all of it): it folds to its ASCII letters and digits, lowercased, every other run of
 * characters one space. One pass, no string built. Returns where it ended.
 */
function writeFoldedAscii(text: string, out: Uint8Array, at: number): number {
  let i = at;
  out[i++] = 32;
  let gap = false;
  for (let j = 0; j < text.length; j++) {
    let c = text.charCodeAt(j);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && i > at + 1) out[i++] = 32;
      out[i++] = c;
      gap = false;
    } else gap = true;
  }
  out[i++] = 32;
  return i;
}

/** " " + comparable(text) + " " as the columns hold it (UTF-8). */
export function foldedBytes(text: string): Buffer {
  if (needsFullFold(text)) return Buffer.from(` ${comparable(text)} `, 'utf8');
  const out = Buffer.alloc(text.length + 2);
  return out.subarray(0, writeFoldedAscii(text, out, 0));
}

/** Immutable: an index that grows gets a new table sharing this one's chunks. */
export class StatementColumns {
  private constructor(
    private readonly chunks: Chunk[],
    private readonly speakerCodes: Codes,
    private readonly outletCodes: Codes,
  ) {}

  static of(statements: readonly Row[]): StatementColumns {
    return new StatementColumns([], new Codes(), new Codes()).extended(statements);
  }

  /** Speaker ids by code (see speakerCode). */
  get speakerIds(): readonly string[] {
    return this.speakerCodes.names;
  }

  get size(): number {
    const last = this.chunks.at(-1);
    return last ? last.first + last.speakers.length : 0;
  }

  /** This table followed by `statements` (positions size, size + 1, …). */
  extended(statements: readonly Row[]): StatementColumns {
    if (statements.length === 0) return this;
    // Each text padded with a space at both ends, so a needle " a b " matches whole words only;
    // two texts meet at two spaces, which no needle holds, so a match never spans two statements.
    const full = statements.map((s) => (needsFullFold(s.text) ? Buffer.from(` ${comparable(s.text)} `, 'utf8') : null));
    let bound = 0;
    for (let i = 0; i < statements.length; i++) bound += full[i]?.length ?? (statements[i] as Row).text.length + 2;
    const scratch = Buffer.allocUnsafe(bound);
    const starts = new Int32Array(statements.length + 1);
    for (let i = 0; i < statements.length; i++) {
      const at = starts[i] as number;
      const bytes = full[i];
      if (bytes) bytes.copy(scratch, at);
      starts[i + 1] = bytes ? at + bytes.length : writeFoldedAscii((statements[i] as Row).text, scratch, at);
    }
    const bytes = Buffer.alloc(starts[statements.length] as number);
    scratch.copy(bytes, 0, 0, bytes.length);
    const speakers = Int32Array.from(statements, (s) => this.speakerCodes.code(s.speaker));
    const outlets = Int32Array.from(statements, (s) => this.outletCodes.code(s.outlet));
    const days = Int32Array.from(statements, (s) => dayNumber(s.date));
    const chunk = { first: this.size, bytes, starts, speakers, outlets, days };
    return new StatementColumns([...this.chunks, chunk], this.speakerCodes, this.outletCodes);
  }

  private chunkOf(k: number): Chunk | undefined {
    // Nearly always the first: a built index is one chunk; appends add small ones after it.
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const c = this.chunks[i] as Chunk;
      if (k >= c.first) return k < c.first + c.speakers.length ? c : undefined;
    }
    return undefined;
  }

  /** The speaker code of statement `k` (an index into speakerIds), or -1. */
  speakerCode(k: number): number {
    const c = this.chunkOf(k);
    return c ? (c.speakers[k - c.first] as number) : -1;
  }

  /** The outlet of statement `k`, or undefined past the end. */
  outletOf(k: number): string | undefined {
    const c = this.chunkOf(k);
    return c ? this.outletCodes.names[c.outlets[k - c.first] as number] : undefined;
  }

  /** The day of statement `k` as yyyymmdd, 0 when undated, -1 past the end. */
  dayOf(k: number): number {
    const c = this.chunkOf(k);
    return c ? (c.days[k - c.first] as number) : -1;
  }

  /** Whether statement `k`'s folded text holds `needle` (UTF-8 of " folded words ", spaces at both ends). */
  holds(k: number, needle: Uint8Array): boolean {
    const c = this.chunkOf(k);
    if (!c || needle.length < 3) return false;
    const { bytes } = c;
    const end = c.starts[k - c.first + 1] as number;
    const n = needle.length;
    const second = needle[1];
    outer: for (let i = c.starts[k - c.first] as number; i + n <= end; i++) {
      if (bytes[i + 1] !== second || bytes[i] !== 32) continue;
      for (let j = 2; j < n; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  }
}

/** An ISO date as the number yyyymmdd (ordered as the dates are), 0 for none. */
export function dayNumber(date: string | null): number {
  return date ? Number(date.replaceAll('-', '')) : 0;
}

/** The bytes `holds` looks for: null when the phrase has no letter or digit. */
export function phraseNeedle(phrase: string): Uint8Array | null {
  const folded = comparable(phrase);
  return folded.length ? Buffer.from(` ${folded} `, 'utf8') : null;
}
