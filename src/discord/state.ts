// What the bot must remember across restarts: which question each answer message shows (for its
// paging and thread buttons) and each follow-up thread's conversation. One JSON file under DATA_DIR
// (one per shard when sharded: a shard only ever sees its own guilds' messages and threads),
// written atomically (temp file + rename) so a crash mid-write never leaves half a file.
// Views are kept as their JSON text, oldest first: a busy bot holds 5000 of them, and as strings they
// take about a quarter of the memory of objects, drop the oldest in O(1), and save without re-encoding.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DateSpan, ParsedQuestion } from '../types.js';

/** What an answer message shows: enough to render any of its pages again. */
export type ViewQuery =
  /** `layout` "outlets" is the per-outlet view of the same answer (the "By outlet" button); grouped by default. */
  { kind: 'ask'; question: string; layout?: 'grouped' | 'outlets' } | { kind: 'compare'; person: string; topic: string | null; span?: DateSpan | null };

export interface ViewRecord {
  id: string;
  query: ViewQuery;
  /** Who asked: only they may page a public answer in place; others get a private copy. */
  userId: string;
  createdAt: number;
}

export interface ThreadState {
  threadId: string;
  /** The engine question behind the last answer in the thread. */
  question: string;
  /** How the engine understood it: the context follow-ups change one part of. */
  parsed: ParsedQuestion;
  /** Page of the last answer shown (0-based), for "more". */
  page: number;
  updatedAt: number;
}

interface StateFile {
  version: 1;
  views: Record<string, ViewRecord>;
  threads: Record<string, ThreadState>;
}

const MAX_VIEWS = 5000;
const MAX_THREADS = 5000;
const SAVE_DELAY_MS = 250;

export class StateStore {
  /** View id → the view as JSON, in creation order (Map order), so the first is the oldest. */
  private views = new Map<string, string>();
  private threads: Record<string, ThreadState> = {};
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly onProblem: (message: string) => void,
  ) {}

  /** Opens (or starts) the state file; an unreadable file is set aside, not fatal. */
  static async open(dataDir: string, onProblem: (message: string) => void = () => {}, fileName = 'whosaid-state.json'): Promise<StateStore> {
    await mkdir(dataDir, { recursive: true });
    const store = new StateStore(path.join(dataDir, fileName), onProblem);
    let raw: string | null = null;
    try {
      raw = await readFile(store.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onProblem(`cannot read ${store.file}: ${(error as Error).message}`);
    }
    if (raw !== null) {
      try {
        const parsed = JSON.parse(raw) as Partial<StateFile>;
        if (parsed.version !== 1 || typeof parsed.views !== 'object' || typeof parsed.threads !== 'object') throw new Error('unknown format');
        const views = Object.values(parsed.views ?? {}).sort((a, b) => a.createdAt - b.createdAt);
        for (const view of views.slice(-MAX_VIEWS)) store.views.set(view.id, flat(JSON.stringify(view)));
        store.threads = parsed.threads ?? {};
      } catch (error) {
        const aside = `${store.file}.corrupt-${Date.now()}`;
        await rename(store.file, aside).catch(() => {});
        onProblem(`state file was unreadable (${(error as Error).message}); moved to ${aside}, starting empty`);
      }
    }
    return store;
  }

  addView(query: ViewQuery, userId: string): ViewRecord {
    const view: ViewRecord = { id: randomBytes(6).toString('base64url'), query, userId, createdAt: Date.now() };
    this.views.set(view.id, flat(JSON.stringify(view)));
    if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    this.scheduleSave();
    return view;
  }

  /** How many answer views and thread conversations are remembered (each kind is capped). */
  get size(): { views: number; threads: number } {
    return { views: this.views.size, threads: Object.keys(this.threads).length };
  }

  view(id: string): ViewRecord | undefined {
    const json = this.views.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as ViewRecord);
  }

  thread(threadId: string): ThreadState | undefined {
    return this.threads[threadId];
  }

  setThread(state: Omit<ThreadState, 'updatedAt'>): void {
    this.threads[state.threadId] = { ...state, updatedAt: Date.now() };
    prune(this.threads, MAX_THREADS, (t) => t.updatedAt);
    this.scheduleSave();
  }

  /** Writes now and waits for it; used at shutdown. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.save();
  }

  private scheduleSave(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save().catch((error: Error) => this.onProblem(`cannot save ${this.file}: ${error.message}`));
    }, SAVE_DELAY_MS);
  }

  private save(): Promise<void> {
    // Writes are chained so two saves never rename over each other out of order.
    this.writing = this.writing
      .catch(() => {})
      .then(async () => {
        const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        // The StateFile format, written from the stored JSON of each view.
        const views = [...this.views].map(([id, json]) => `${JSON.stringify(id)}:${json}`).join(',');
        await writeFile(temp, `{"version":1,"views":{${views}},"threads":${JSON.stringify(this.threads)}}`, 'utf8');
        await rename(temp, this.file);
      });
    return this.writing;
  }
}

/**
 * V8's JSON.stringify returns a longer string as a chain of 32-character-and-up pieces; reading a
 * character joins them into one flat string, which for a stored view is about half the memory.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

function prune<T>(records: Record<string, T>, max: number, age: (record: T) => number): void {
  const keys = Object.keys(records);
  if (keys.length <= max) return;
  keys.sort((a, b) => age(records[a]!) - age(records[b]!));
  for (const key of keys.slice(0, keys.length - max)) delete records[key];
}
