// Feeds: RSS 2.0 / RDF, Atom and JSON Feed, polled with ETag / Last-Modified. Each new item's page is
// fetched and saved like `npm run add` does; a failing feed backs off on its own and never holds up
// the others. What one poll added is handed over once, for one reload.
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { addUrl, urlKey, type AddOutcome, type CorpusCatalog } from './add.js';
import { decodeBody, type Fetcher } from './fetch.js';

export interface FeedItem {
  url: string;
  title: string | null;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', processEntities: true });

function list<T>(v: T | T[] | undefined | null): T[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Record<string, unknown>)['#text']);
  return null;
}

type Node = Record<string, unknown>;

/** Items of an RSS, RDF, Atom or JSON feed, in feed order; throws with a reason for anything else. */
export function parseFeed(body: string, base: string): FeedItem[] {
  const trimmed = body.replace(/^\uFEFF/, '').trimStart();
  const absolute = (u: string | null): string | null => {
    if (!u) return null;
    try {
      return new URL(u, base).href;
    } catch {
      return null;
    }
  };
  const items: FeedItem[] = [];
  if (trimmed.startsWith('{')) {
    let json: { version?: unknown; items?: unknown };
    try {
      json = JSON.parse(trimmed) as typeof json;
    } catch {
      throw new Error('not a feed: invalid JSON');
    }
    if (typeof json.version !== 'string' || !json.version.includes('jsonfeed') || !Array.isArray(json.items))
      throw new Error('not a feed: JSON without a JSON Feed version and items');
    for (const item of json.items as Node[]) {
      const url = absolute(text(item.url) ?? text(item.external_url));
      if (url) items.push({ url, title: text(item.title) });
    }
    return items;
  }
  let doc: Node;
  try {
    doc = xml.parse(trimmed) as Node;
  } catch (err) {
    throw new Error(`not a feed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    for (const item of list((rss ?? rdf)?.item as Node | Node[] | undefined)) {
      const guid = item.guid as Node | string | undefined;
      const permalink = typeof guid === 'object' && guid?.['@_isPermaLink'] !== 'false' ? text(guid) : typeof guid === 'string' ? guid : null;
      const url = absolute(text(item.link) ?? (permalink && /^https?:/.test(permalink) ? permalink : null));
      if (url) items.push({ url, title: text(item.title) });
    }
    return items;
  }
  if (atom) {
    for (const entry of list(atom.entry as Node | Node[] | undefined)) {
      const links = list(entry.link as Node | Node[] | undefined);
      const link = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
      const url = absolute(text(link?.['@_href']));
      if (url) items.push({ url, title: text(entry.title) });
    }
    return items;
  }
  throw new Error('not a feed: neither RSS, Atom nor JSON Feed');
}

interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Item URLs already handled (added, present, or refused), newest last; capped. */
  seen: string[];
  failures: number;
  nextTryAt: number;
  lastError?: string;
}

export interface FeedPollReport {
  feed: string;
  ok: boolean;
  /** Items that were new to us this poll. */
  newItems: number;
  notModified?: boolean;
  error?: string;
  /** When a failing feed is tried again (ISO), after backoff. */
  retryAt?: string;
  /** Skipped this poll: still backing off after a failure. */
  skipped?: boolean;
}

export interface PollResult {
  feeds: FeedPollReport[];
  outcomes: AddOutcome[];
}

const SEEN_CAP = 2000;

export interface FeedPollerOptions {
  feeds: string[];
  fetcher: Fetcher;
  catalog: CorpusCatalog;
  intervalMs: number;
  /** Where the feeds' ETags and seen items are kept between restarts; null: memory only. */
  stateFile: string | null;
  /** Called once per poll that saved at least one article. */
  onAdded(outcomes: AddOutcome[], result: PollResult): Promise<void>;
  /** Called after every poll, for the log. */
  onPolled(result: PollResult): void;
  /** Called as a poll starts; the function it returns, once the poll's reload is done (the watcher waits meanwhile). */
  hold?: () => () => void;
}

export class FeedPoller {
  private states = new Map<string, FeedState>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<PollResult> | null = null;
  private stopped = false;
  private loaded = false;

  constructor(private readonly options: FeedPollerOptions) {}

  private state(feed: string): FeedState {
    let s = this.states.get(feed);
    if (!s) {
      s = { seen: [], failures: 0, nextTryAt: 0 };
      this.states.set(feed, s);
    }
    return s;
  }

  private async load(): Promise<void> {
    if (this.loaded || !this.options.stateFile) return;
    this.loaded = true;
    try {
      const saved = JSON.parse(await readFile(this.options.stateFile, 'utf8')) as Record<string, FeedState>;
      for (const [feed, s] of Object.entries(saved)) if (Array.isArray(s.seen)) this.states.set(feed, { ...s, failures: 0, nextTryAt: 0 });
    } catch {
      // No saved state yet (or unreadable): the catalog still refuses articles already in the corpus.
    }
  }

  private async save(): Promise<void> {
    if (!this.options.stateFile) return;
    await mkdir(path.dirname(this.options.stateFile), { recursive: true });
    const temp = `${this.options.stateFile}.tmp`;
    await writeFile(temp, JSON.stringify(Object.fromEntries(this.states)));
    await rename(temp, this.options.stateFile);
  }

  /** Polls every feed once (at most one poll at a time); resolves with what each feed did. */
  poll(): Promise<PollResult> {
    this.polling ??= this.pollAll().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async pollAll(): Promise<PollResult> {
    const release = this.options.hold?.() ?? (() => undefined);
    try {
      return await this.pollAllHeld();
    } finally {
      release();
    }
  }

  private async pollAllHeld(): Promise<PollResult> {
    await this.load();
    await this.options.catalog.refresh();
    const outcomes: AddOutcome[] = [];
    const feeds = await Promise.all(this.options.feeds.map((feed) => this.pollFeed(feed, outcomes)));
    const result = { feeds, outcomes };
    await this.save().catch(() => undefined);
    this.options.onPolled(result);
    const added = outcomes.filter((o) => o.status === 'added');
    if (added.length) await this.options.onAdded(added, result);
    return result;
  }

  private async pollFeed(feed: string, outcomes: AddOutcome[]): Promise<FeedPollReport> {
    const s = this.state(feed);
    if (Date.now() < s.nextTryAt) return { feed, ok: false, newItems: 0, skipped: true, error: s.lastError, retryAt: new Date(s.nextTryAt).toISOString() };
    const { fetcher, catalog } = this.options;
    try {
      const headers: Record<string, string> = {};
      if (s.etag) headers['if-none-match'] = s.etag;
      if (s.lastModified) headers['if-modified-since'] = s.lastModified;
      const res = await fetcher.get(feed, headers);
      s.failures = 0;
      s.nextTryAt = 0;
      delete s.lastError;
      if (res.status === 304) return { feed, ok: true, newItems: 0, notModified: true };
      const items = parseFeed(decodeBody(res.body, String(res.headers['content-type'] ?? '')), res.url);
      const etag = res.headers.etag;
      const lastModified = res.headers['last-modified'];
      if (typeof etag === 'string') s.etag = etag;
      if (typeof lastModified === 'string') s.lastModified = lastModified;
      const seen = new Set(s.seen);
      const fresh = items.filter((i) => !seen.has(urlKey(i.url) ?? i.url) && !catalog.knowsUrl(i.url));
      const results = await Promise.all(fresh.map((i) => addUrl(catalog, fetcher, i.url, `feed ${feed}`)));
      outcomes.push(...results);
      // A page that failed for a passing reason (timeout, 5xx) is tried again next poll; others are done.
      for (const [k, r] of results.entries()) {
        if (r.status === 'refused' && /timed out|answered 5\d\d|closed the connection/.test(r.reason)) continue;
        s.seen.push(urlKey(fresh[k]?.url) ?? (fresh[k]?.url as string));
      }
      for (const i of items) if (!fresh.includes(i)) s.seen.push(urlKey(i.url) ?? i.url);
      s.seen = [...new Set(s.seen)].slice(-SEEN_CAP);
      return { feed, ok: true, newItems: fresh.length };
    } catch (err) {
      s.failures += 1;
      s.lastError = err instanceof Error ? err.message : String(err);
      // Doubling from the poll interval, at most a day: a dead feed costs one request a day.
      const backoff = Math.min(this.options.intervalMs * 2 ** (s.failures - 1), 24 * 60 * 60_000);
      s.nextTryAt = Date.now() + backoff;
      return { feed, ok: false, newItems: 0, error: s.lastError, retryAt: new Date(s.nextTryAt).toISOString() };
    }
  }

  /** Polls now and then every interval until stopped. */
  start(): void {
    const tick = (): void => {
      if (this.stopped) return;
      void this.poll()
        .catch(() => undefined)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // A poll may be fetching dozens of pages; what it saved so far is complete (atomic writes), so
    // shutdown waits at most 2 s for it.
    await Promise.race([this.polling?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }
}
