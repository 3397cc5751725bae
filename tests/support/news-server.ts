// A local news site on 127.0.0.1 for the ingest tests: pages in several layouts, feeds, and the
// misbehaviours a fetcher must survive. Nothing here reaches any other address.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PAGES = path.resolve('tests/fixtures/pages');

export interface NewsServer {
  base: string;
  /** Every request: path, User-Agent, arrival time (ms), request headers. */
  requests: { path: string; ua: string; at: number; headers: http.IncomingHttpHeaders }[];
  /** Adds or replaces a route's response. */
  route(pathname: string, handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): void;
  close(): Promise<void>;
}

export function page(name: string): string {
  return readFileSync(path.join(PAGES, name), 'utf8');
}

export function rss(base: string, items: { title: string; path: string; date?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Times: World</title><link>${base}/</link><description>World news</description>
${items.map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid>${base}${i.path}</guid>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

export function atom(base: string, items: { title: string; path: string; date?: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nordic Wire</title><id>${base}/atom</id><updated>2025-12-17T10:00:00Z</updated>
${items.map((i) => `<entry><title>${i.title}</title><id>${base}${i.path}</id><link rel="alternate" href="${base}${i.path}"/><updated>${i.date ?? '2025-12-17T10:00:00Z'}</updated></entry>`).join('\n')}
</feed>`;
}

export async function startNewsServer(): Promise<NewsServer> {
  const routes = new Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>();
  const requests: NewsServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path: pathname, ua: String(req.headers['user-agent'] ?? ''), at: Date.now(), headers: req.headers });
    const handler = routes.get(pathname);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const html = (body: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };

  routes.set('/robots.txt', (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'));
  routes.set('/world/merz-urges-patience', html(page('news.html')));
  routes.set('/news/kallas-rejects-buffer-zone', html(page('jsonld.html')));
  routes.set('/kyiv/zelenskyy-guarantees', html(page('time.html')));
  routes.set('/amp/witkoff-sees-progress', html(page('amp.html')));
  routes.set('/private/secret-story', html(page('news.html')));
  routes.set('/loop/a', (_req, res) => res.writeHead(302, { location: '/loop/b' }).end());
  routes.set('/loop/b', (_req, res) => res.writeHead(302, { location: '/loop/a' }).end());
  routes.set('/moved', (_req, res) => res.writeHead(301, { location: '/world/merz-urges-patience' }).end());
  routes.set('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  routes.set('/huge', (_req, res) => {
    // 20 MB, streamed without a Content-Length: the cap must count what arrives.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = (): void => {
      while (sent < 20) {
        sent += 1;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = 20));
    pump();
  });
  routes.set('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>This page never finishes');
  });
  routes.set('/feeds/broken', (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error'));

  return {
    base,
    requests,
    route: (p, handler) => void routes.set(p, handler),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
