import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fetcher, USER_AGENT } from '../src/ingest/fetch.js';
import { startNewsServer, type NewsServer } from './support/news-server.js';

let server: NewsServer;
beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
});

const local = (extra: Partial<ConstructorParameters<typeof Fetcher>[0]> = {}) => new Fetcher({ allowPrivate: true, perHostMs: 50, ...extra });

describe('fetching safely', () => {
  it('fetches a page with a User-Agent naming whosaid, following a redirect', async () => {
    const res = await local().get(`${server.base}/moved`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${server.base}/world/merz-urges-patience`);
    expect(res.body.toString()).toContain('Merz urges patience');
    const seen = server.requests.filter((r) => r.path === '/moved' || r.path === '/world/merz-urges-patience');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const r of seen) expect(r.ua).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/whosaid/);
  });

  it('refuses a path robots.txt forbids, without requesting it', async () => {
    await expect(local().get(`${server.base}/private/secret-story`)).rejects.toThrow(/robots\.txt/);
    expect(server.requests.some((r) => r.path === '/private/secret-story')).toBe(false);
  });

  it('stops a redirect loop after 5 redirects', async () => {
    await expect(local().get(`${server.base}/loop/a`)).rejects.toThrow(/more than 5 redirects/);
  });

  it('aborts a 20 MB page past 8 MB', async () => {
    const started = Date.now();
    await expect(local().get(`${server.base}/huge`)).rejects.toThrow(/too large: more than 8 MB/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on a page that never finishes when the timeout passes', async () => {
    const started = Date.now();
    await expect(local({ timeoutMs: 800 }).get(`${server.base}/slow`)).rejects.toThrow(/timed out/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses loopback, private and metadata addresses unless private URLs are allowed, also after DNS and on redirects', async () => {
    const strict = new Fetcher({ allowPrivate: false });
    const before = server.requests.length;
    await expect(strict.get(server.base)).rejects.toThrow(/private, loopback or link-local/);
    // "localhost" resolves (from the hosts file, no network) to a loopback address: refused after resolution.
    const port = new URL(server.base).port;
    await expect(strict.get(`http://localhost:${port}/world/merz-urges-patience`)).rejects.toThrow(/resolves to a private, loopback or link-local address/);
    await expect(strict.get('http://169.254.169.254/latest/meta-data/')).rejects.toThrow(/private, loopback or link-local/);
    await expect(strict.get('http://[::1]/')).rejects.toThrow(/private, loopback or link-local/);
    await expect(strict.get('http://10.1.2.3/')).rejects.toThrow(/private, loopback or link-local/);
    await expect(strict.get('file:///etc/passwd')).rejects.toThrow(/only http and https/);
    // Not one request reached the local server (robots.txt included).
    expect(server.requests.length).toBe(before);
    // Every redirect hop is checked again (here its scheme; addresses are checked per request, hop or not).
    await expect(local().get(`${server.base}/to-file`)).rejects.toThrow(/only http and https/);
  });

  it('waits a second between two requests to one host and runs at most two at once', async () => {
    const f = new Fetcher({ allowPrivate: true });
    const before = server.requests.length;
    await Promise.all([f.get(`${server.base}/news/kallas-rejects-buffer-zone`), f.get(`${server.base}/kyiv/zelenskyy-guarantees`)]);
    const times = server.requests.slice(before).map((r) => r.at);
    // robots.txt, then the two pages: each at least a second after the one before.
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(950);
  });
});
