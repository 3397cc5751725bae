import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { CorpusCatalog } from '../src/ingest/add.js';
import { FeedPoller, parseFeed, type PollResult } from '../src/ingest/feeds.js';
import { Fetcher } from '../src/ingest/fetch.js';
import { atom, rss, startNewsServer, type NewsServer } from './support/news-server.js';

describe('reading feeds', () => {
  const base = 'https://news.example/feeds/x';
  it('reads RSS 2.0, Atom and JSON Feed items in order, relative links made absolute', () => {
    expect(
      parseFeed(
        rss('https://news.example', [
          { title: 'One', path: '/a' },
          { title: 'Two &amp; more', path: '/b' },
        ]),
        base,
      ),
    ).toEqual([
      { url: 'https://news.example/a', title: 'One' },
      { url: 'https://news.example/b', title: 'Two & more' },
    ]);
    expect(parseFeed(atom('https://news.example', [{ title: 'Only', path: '/c' }]), base)).toEqual([{ url: 'https://news.example/c', title: 'Only' }]);
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [
        { id: '1', url: '/d', title: 'Dee' },
        { id: '2', external_url: 'https://other.example/e' },
      ],
    });
    expect(parseFeed(json, base)).toEqual([
      { url: 'https://news.example/d', title: 'Dee' },
      { url: 'https://other.example/e', title: null },
    ]);
  });

  it("takes an Atom entry's alternate link and an RSS item's permalink guid when it has no link", () => {
    const feed =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><link rel="enclosure" href="/audio.mp3"/><link rel="alternate" href="/story"/></entry></feed>';
    expect(parseFeed(feed, base)).toEqual([{ url: 'https://news.example/story', title: 'T' }]);
    const guidOnly =
      '<rss version="2.0"><channel><item><title>G</title><guid>https://news.example/g</guid></item><item><guid isPermaLink="false">tag:x</guid></item></channel></rss>';
    expect(parseFeed(guidOnly, base)).toEqual([{ url: 'https://news.example/g', title: 'G' }]);
  });

  it('refuses what is not a feed with a reason', () => {
    expect(() => parseFeed('<html><body>hello</body></html>', base)).toThrow(/not a feed: neither RSS, Atom nor JSON Feed/);
    expect(() => parseFeed('{"items": []}', base)).toThrow(/not a feed/);
    expect(() => parseFeed('{oops', base)).toThrow(/not a feed: invalid JSON/);
  });
});

describe('polling feeds', () => {
  let server: NewsServer;
  let dir: string;
  beforeAll(async () => {
    server = await startNewsServer();
    dir = await mkdtemp(path.join(tmpdir(), 'whosaid-feeds-'));
    server.route('/feeds/world.rss', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': 'Tue, 16 Dec 2025 08:30:00 GMT' }).end(
        rss(server.base, [
          { title: 'Merz', path: '/world/merz-urges-patience' },
          { title: 'Gone', path: '/world/missing' },
        ]),
      ),
    );
    server.route('/feeds/stuck', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).write('<rss><channel>'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a failing or stuck feed backs off and holds up no other feed; Last-Modified is sent next time', async () => {
    const polled: PollResult[] = [];
    let reloads = 0;
    const poller = new FeedPoller({
      feeds: [`${server.base}/feeds/stuck`, `${server.base}/feeds/broken`, `${server.base}/feeds/world.rss`],
      fetcher: new Fetcher({ allowPrivate: true, perHostMs: 20, timeoutMs: 1000 }),
      catalog: new CorpusCatalog(dir),
      intervalMs: 60_000,
      stateFile: path.join(dir, '..', `${path.basename(dir)}-feeds.json`),
      onAdded: async () => {
        reloads += 1;
      },
      onPolled: (r) => void polled.push(r),
    });
    const first = await poller.poll();
    expect(first.feeds.map((f) => [f.ok, f.error ?? null])).toEqual([
      [false, expect.stringMatching(/timed out/)],
      [false, expect.stringMatching(/answered 500/)],
      [true, null],
    ]);
    expect(first.feeds[1]?.retryAt).toBeDefined();
    expect(first.outcomes.map((o) => o.status)).toEqual(['added', 'refused']);
    expect(reloads).toBe(1);
    expect(await readdir(path.join(dir, 'added', '127.0.0.1'))).toEqual(['merz-urges-patience.html']);

    const second = await poller.poll();
    expect(second.feeds.map((f) => f.skipped ?? false)).toEqual([true, true, false]);
    expect(second.outcomes).toEqual([]);
    expect(reloads).toBe(1);
    const lastFeedRequest = server.requests.filter((r) => r.path === '/feeds/world.rss').at(-1);
    expect(lastFeedRequest?.headers['if-modified-since']).toBe('Tue, 16 Dec 2025 08:30:00 GMT');
    expect(polled).toHaveLength(2);
  });
});

describe('configuration of news intake', () => {
  const base = { DISCORD_TOKEN: 'x'.repeat(30) };
  it('has defaults: feeds off, 15 minutes, watching on with 2 s of quiet, private URLs refused', () => {
    expect(parseConfig(base).ingest).toEqual({ feeds: [], feedMinutes: 15, newsChannelId: null, watch: true, watchQuietMs: 2000, allowPrivateUrls: false });
  });
  it('names the bad variable in one line', () => {
    expect(() => parseConfig({ ...base, FEEDS: 'https://a.example/rss, ftp://b.example/feed' })).toThrow(
      'FEEDS must be a comma-separated list of http(s) feed URLs',
    );
    expect(() => parseConfig({ ...base, FEED_MINUTES: 'often' })).toThrow('FEED_MINUTES must be a number of minutes');
    expect(() => parseConfig({ ...base, NEWS_CHANNEL_ID: '#news' })).toThrow('NEWS_CHANNEL_ID must be a Discord id (17 to 20 digits)');
    expect(() => parseConfig({ ...base, WATCH: 'sometimes' })).toThrow('WATCH must be true or false');
    expect(() => parseConfig({ ...base, ALLOW_PRIVATE_URLS: 'maybe' })).toThrow('ALLOW_PRIVATE_URLS must be true or false');
  });
});
