// Watching the corpus folder: files added, changed or removed are collected until the folder has been
// quiet for a moment (so a file still being copied is not read half-way), then handed over in one batch.
// Dot-files are skipped: they are the temp files of atomic writes (ours and most editors').
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ARTICLE_EXTENSIONS, SOURCES_FILE } from '../corpus/load.js';

export interface CorpusWatcher {
  /** Resolves once the initial scan is done: changes after this are seen. */
  ready: Promise<void>;
  /** Holds batches back until the returned release is called (while a feed poll writes several files). */
  hold(): () => void;
  close(): Promise<void>;
}

export interface WatchOptions {
  quietMs: number;
  /** Called with the changed files (relative to the folder, posix separators); the next batch waits for it. */
  onChange(files: string[]): Promise<void>;
  onError(error: unknown): void;
}

/** Whether a path can matter to the corpus: an article, sources.json, or a folder that may hold them. */
export function relevant(file: string, isDirectory: boolean | undefined): boolean {
  const base = path.basename(file);
  if (base.startsWith('.')) return false;
  if (isDirectory !== false) return true;
  return base === SOURCES_FILE || ARTICLE_EXTENSIONS.includes(path.extname(base).toLowerCase());
}

export function watchCorpus(dir: string, options: WatchOptions): CorpusWatcher {
  const root = path.resolve(dir);
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // The root itself must pass; below it, a path whose stats are not known yet may be a folder.
    ignored: (p, stats) => p !== root && !relevant(p, stats ? stats.isDirectory() : undefined),
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let holds = 0;

  const flush = (): void => {
    timer = null;
    if (closed || pending.size === 0 || holds > 0) return;
    if (running) {
      // The batch in hand waits for the one being reloaded, then goes on its own.
      void running.then(() => schedule());
      return;
    }
    const files = [...pending];
    pending.clear();
    running = options
      .onChange(files)
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, options.quietMs);
  };
  const note = (p: string): void => {
    const name = path.relative(root, p).split(path.sep).join('/');
    if (!name || name.startsWith('..')) return;
    pending.add(name);
    schedule();
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, note);
  watcher.on('error', options.onError);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    hold() {
      holds += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        if (holds === 0 && pending.size > 0) schedule();
      };
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}
