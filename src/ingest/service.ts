// What the bot runs to take news in by itself: the folder watcher and the feed poller. Both only
// write files (feeds) and ask for a reload through the bot's own reload path; neither touches the index.
import path from 'node:path';
import type { IngestConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { ReloadReport } from '../types.js';
import { CorpusCatalog, describeOutcome } from './add.js';
import { FeedPoller } from './feeds.js';
import { Fetcher } from './fetch.js';
import { watchCorpus, type CorpusWatcher } from './watch.js';

export interface IngestService {
  watcher: CorpusWatcher | null;
  feeds: FeedPoller | null;
  stop(): Promise<void>;
}

export interface IngestOptions {
  corpusDir: string;
  dataDir: string;
  settings: IngestConfig;
  log: Logger;
  /** The bot's reload path, waiting its turn behind one already running. */
  reload(requestedBy: string, changed?: string[]): Promise<ReloadReport>;
}

export function startIngest(options: IngestOptions): IngestService {
  const { settings, log } = options;
  let watcher: CorpusWatcher | null = null;
  if (settings.watch) {
    watcher = watchCorpus(options.corpusDir, {
      quietMs: settings.watchQuietMs,
      onChange: async (files) => {
        log.info({ files: files.slice(0, 20), count: files.length }, 'corpus folder changed; reloading');
        await options.reload('the folder watcher', files);
      },
      onError: (error) => log.warn({ err: error }, 'corpus watcher problem'),
    });
  }
  let feeds: FeedPoller | null = null;
  if (settings.feeds.length) {
    feeds = new FeedPoller({
      feeds: settings.feeds,
      fetcher: new Fetcher({ allowPrivate: settings.allowPrivateUrls }),
      catalog: new CorpusCatalog(options.corpusDir),
      intervalMs: settings.feedMinutes * 60_000,
      // The pages a poll saves reach the index in the poll's one reload, not in several by the watcher.
      hold: () => watcher?.hold() ?? (() => undefined),
      stateFile: path.join(options.dataDir, 'feeds.json'),
      onAdded: async (outcomes) => {
        await options.reload(`feeds (${outcomes.length} new ${outcomes.length === 1 ? 'article' : 'articles'})`);
      },
      onPolled: (result) => {
        for (const f of result.feeds) {
          if (f.skipped) continue;
          if (f.ok) log.info({ feed: f.feed, newItems: f.newItems, notModified: f.notModified ?? false }, 'feed polled');
          else log.warn({ feed: f.feed, error: f.error, retryAt: f.retryAt }, 'feed failed; backing off');
        }
        for (const o of result.outcomes) log.info({ outcome: o.status }, describeOutcome(o));
      },
    });
    feeds.start();
  }
  return {
    watcher,
    feeds,
    async stop() {
      await Promise.all([watcher?.close(), feeds?.stop()]);
    },
  };
}
