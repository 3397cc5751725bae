// News in as it happens, end to end against the fake Discord: a feed poll announces new articles in
// the news channel and /ask answers from them, /add url: answers with the statements found, and a
// file copied into the folder is answered without any command. Pages come from a server on 127.0.0.1.
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';
import { atom, rss, startNewsServer, type NewsServer } from './support/news-server.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.ingest.fake-token-for-tests';

const STUBB_PAGE = `<!doctype html>
<html><head><title>Stubb backs binding guarantees | Nordic Wire</title>
<meta property="og:site_name" content="Nordic Wire">
<meta property="article:published_time" content="2025-12-17T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Stubb backs binding guarantees</h1>
<p>Finnish President Alexander Stubb said on Wednesday that Europe had to stand behind any ceasefire in Ukraine with guarantees that bind, not with promises that fade once the cameras leave Helsinki.</p>
<p>“A ceasefire without guarantees is only a pause before the next war,” Stubb told reporters at the presidential palace, adding that Finland was ready to contribute to a monitoring mission.</p>
<p>The Finnish leader has spoken often with both Washington and Kyiv in recent weeks and is expected to attend the next round of talks in Berlin in January.</p>
</article></body></html>`;

let server: NewsServer;
let harness: Harness;
let newsChannel = '';

beforeAll(async () => {
  server = await startNewsServer();
  const feed = rss(server.base, [{ title: 'Merz urges patience', path: '/world/merz-urges-patience', date: 'Tue, 16 Dec 2025 08:30:00 GMT' }]);
  server.route('/feeds/world.rss', (req, res) => {
    if (req.headers['if-none-match'] === '"world-v1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"world-v1"' }).end(feed);
  });
  // Someone the seed corpus never quotes, beside Merz and Kallas, whom it does: only he is newly quoted.
  server.route('/news/stubb-backs-guarantees', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STUBB_PAGE);
  });
  server.route('/feeds/nordic.atom', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
      atom(server.base, [
        { title: 'Kallas rejects buffer zone idea', path: '/news/kallas-rejects-buffer-zone' },
        { title: 'Stubb backs binding guarantees', path: '/news/stubb-backs-guarantees' },
      ]),
    );
  });
  harness = await startHarness({
    token: TOKEN,
    env: (fake) => {
      newsChannel = fake.addTextChannel('news');
      return {
        ALLOW_PRIVATE_URLS: 'true',
        NEWS_CHANNEL_ID: newsChannel,
        FEEDS: `${server.base}/feeds/world.rss, ${server.base}/feeds/broken, ${server.base}/feeds/nordic.atom`,
        FEED_MINUTES: '60',
        WATCH: 'true',
        WATCH_QUIET_SECONDS: '0.5',
      };
    },
  });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await server?.close();
});

const waitForNews = (count: number): Promise<Json[]> =>
  harness.fake.waitFor(
    () => {
      const messages = harness.fake.messagesIn(newsChannel);
      return messages.length >= count ? messages : undefined;
    },
    30_000,
    `${count} announcement(s) in the news channel`,
  );

describe('feeds', () => {
  it('a poll saves the new items, reloads once, and announces them in the news channel without pinging anyone', async () => {
    const [announcement] = await waitForNews(1);
    const [embed] = embedsOf(announcement as Json);
    expect(embed?.title).toBe('3 new articles');
    expect(embed?.description).toContain('Merz urges patience as Berlin hosts Ukraine talks');
    expect(embed?.description).toContain('https://harbourtimes.example/world/2025/12/16/merz-urges-patience-ukraine-talks');
    expect(embed?.description).toContain('Nordic Wire');
    expect(embed?.description).toContain('Stubb backs binding guarantees');
    // Merz and Kallas are quoted in the new articles but were quoted before: only Stubb is new.
    const newly = embed?.description?.split('**Newly quoted:**')[1] ?? '';
    expect(newly).toMatch(/Alexander Stubb \(\d+\)/);
    expect(newly).not.toMatch(/Merz|Kallas/);
    expect((announcement as Json).allowed_mentions).toEqual({ parse: [] });
    expect(harness.logLines.some((l) => l.includes('feed failed; backing off') && l.includes('answered 500'))).toBe(true);
    expect(harness.sentProblems()).toEqual([]);
  });

  it('then /ask answers from the new article', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Merz say?' }));
    const text = JSON.stringify(embedsOf(answer));
    expect(text).toContain('The Harbour Times');
    expect(text).toContain('We are not going to accept a peace that rewards aggression');
  });

  it('the next poll sends the ETag, gets 304, and leaves the failing feed to its backoff', async () => {
    const before = harness.fake.messagesIn(newsChannel).length;
    const result = await harness.bot.ingest?.feeds?.poll();
    const world = result?.feeds.find((f) => f.feed.endsWith('world.rss'));
    expect(world).toMatchObject({ ok: true, notModified: true, newItems: 0 });
    expect(result?.feeds.find((f) => f.feed.endsWith('broken'))).toMatchObject({ ok: false, skipped: true });
    expect(result?.feeds.find((f) => f.feed.endsWith('nordic.atom'))).toMatchObject({ ok: true, newItems: 0 });
    expect(server.requests.filter((r) => r.path === '/feeds/broken')).toHaveLength(1);
    expect(harness.fake.messagesIn(newsChannel)).toHaveLength(before);
  });
});

describe('/add', () => {
  it('url: saves the page, reloads and answers with title, outlet, date and statements by speaker', async () => {
    const interaction = harness.fake.slashCommand('add', { url: `${server.base}/amp/witkoff-sees-progress` }, harness.fake.admin);
    const [embed] = embedsOf(await harness.reply(interaction));
    expect(embed?.title).toBe('Article added');
    expect(embed?.description).toContain('Witkoff sees progress in Berlin');
    expect(embed?.description).toContain('Plains Daily');
    expect(embed?.description).toMatch(/\n\d+ statements?: .*Steve Witkoff \d/);
    const answer = JSON.stringify(embedsOf(await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Witkoff say?' }))));
    expect(answer).toContain('We have never been closer to a framework');
  });

  it('says why it refused, and refuses members without Manage Server', async () => {
    const [robots] = embedsOf(await harness.reply(harness.fake.slashCommand('add', { url: `${server.base}/private/secret-story` }, harness.fake.admin)));
    expect(robots?.title).toBe('Not added');
    expect(robots?.description).toMatch(/robots\.txt/);
    const [again] = embedsOf(await harness.reply(harness.fake.slashCommand('add', { url: `${server.base}/amp/witkoff-sees-progress` }, harness.fake.admin)));
    expect(again?.title).toBe('Already in the corpus');
    const member = await harness.reply(harness.fake.slashCommand('add', { url: `${server.base}/kyiv/zelenskyy-guarantees` }, harness.fake.member));
    expect(JSON.stringify(member)).toMatch(/Only members with Manage Server/);
  });
});

describe('/add file:', () => {
  it('saves an attached article, reloads and answers with what it yielded; refuses other file types', async () => {
    const text =
      'Budrys warns on sanctions\n\n“Sanctions must stay until the last soldier leaves,” Lithuanian Foreign Minister Kęstutis Budrys said in Vilnius on Tuesday.\n';
    server.route('/attachments/budrys.md', (_req, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(text));
    const interaction = harness.fake.slashCommand(
      'add',
      { file: { filename: 'budrys.md', size: Buffer.byteLength(text), url: `${server.base}/attachments/budrys.md`, contentType: 'text/markdown' } },
      harness.fake.admin,
    );
    const [embed] = embedsOf(await harness.reply(interaction));
    expect(embed?.title).toBe('Article added');
    expect(embed?.description).toMatch(/1 statement: Kęstutis Budrys 1/);
    const pdf = harness.fake.slashCommand('add', { file: { filename: 'scan.pdf', size: 100, url: `${server.base}/attachments/scan.pdf` } }, harness.fake.admin);
    expect(JSON.stringify(await harness.reply(pdf))).toMatch(/Only \.md \.txt \.html \.htm files can be added/);
  });
});

describe('the watched folder', () => {
  it('a file copied into the folder is answered without any command', async () => {
    const source = path.join(harness.dataDir, 'frederiksen.txt');
    await writeFile(
      source,
      'Danish leader backs Ukraine\n\nDanish Prime Minister Mette Frederiksen said on Monday that Denmark would send more air defence systems to Ukraine before the winter.\n\n“We will not let Ukraine stand alone,” Frederiksen told reporters in Copenhagen.\n',
    );
    const landed = Date.now();
    await copyFile(source, path.join(harness.corpusDir, 'frederiksen.txt'));
    let text = '';
    while (Date.now() - landed < 20_000) {
      const answer = await harness.engine.ask('what did Frederiksen say?');
      text = JSON.stringify(answer.outlets);
      if (text.includes('We will not let Ukraine stand alone')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(text).toContain('We will not let Ukraine stand alone');
    const reply = JSON.stringify(embedsOf(await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Frederiksen say?' }))));
    expect(reply).toContain('We will not let Ukraine stand alone');
    expect(harness.logLines.some((l) => l.includes('corpus folder changed; reloading'))).toBe(true);
  });
});
