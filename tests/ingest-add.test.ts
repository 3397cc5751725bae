import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { tempCorpus } from './helpers.js';
import { startNewsServer, type NewsServer } from './support/news-server.js';

const run = promisify(execFile);
// `node --import tsx`, as the npm script runs it (the tsx CLI would add a second node process).
const NODE_ARGS = ['--import', 'tsx'];

async function add(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...NODE_ARGS, 'src/cli/add.ts', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let server: NewsServer;
let corpus: { dir: string; cleanup: () => Promise<void> };
let dataDir: string;
beforeAll(async () => {
  server = await startNewsServer();
  corpus = await tempCorpus();
  dataDir = await mkdtemp(path.join(tmpdir(), 'whosaid-add-data-'));
});
afterAll(async () => {
  await server.close();
  await corpus.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run add', () => {
  it('saves pages and files under added/, one line per input, refusing what it must, and says when no bot runs', async () => {
    const note = path.join(dataDir, 'merz-note.md');
    await writeFile(
      note,
      '---\noutlet: Berlin Notes\ndate: 2025-12-20\n---\nMerz speaks\n\n“Europe will not look away,” Chancellor Friedrich Merz said in Berlin on Saturday.\n',
    );
    await writeFile(path.join(dataDir, 'scan.pdf'), '%PDF-1.4');
    const env = { ALLOW_PRIVATE_URLS: 'true', DATA_DIR: dataDir, CORPUS_DIR: '' };
    const inputs = [
      `${server.base}/world/merz-urges-patience`,
      `${server.base}/news/kallas-rejects-buffer-zone`,
      `${server.base}/private/secret-story`,
      note,
      path.join(dataDir, 'scan.pdf'),
    ];
    const { code, stdout } = await add(['--corpus', corpus.dir, ...inputs], env);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'added: Merz urges patience as Berlin hosts Ukraine talks — The Harbour Times, 2025-12-16 (added/127.0.0.1/merz-urges-patience.html)',
    );
    expect(lines[1]).toBe('added: Kallas rejects buffer zone idea — Nordic Wire, 2025-12-17 (added/127.0.0.1/kallas-rejects-buffer-zone.html)');
    expect(lines[2]).toMatch(/^refused: http:\/\/127\.0\.0\.1:\d+\/private\/secret-story: robots\.txt of 127\.0\.0\.1:\d+ does not allow/);
    expect(lines[3]).toBe('added: Merz speaks — Berlin Notes, 2025-12-20 (added/files/merz-note.md)');
    expect(lines[4]).toMatch(/^refused: .*scan\.pdf: only \.md \.txt \.html \.htm files are articles$/);
    expect(lines[5]).toBe('No running bot: it will read the new articles when it starts.');
    expect(code).toBe(1);

    const saved = await readFile(path.join(corpus.dir, 'added/127.0.0.1/merz-urges-patience.html'), 'utf8');
    expect(saved).toMatch(
      new RegExp(`^<!-- whosaid-source\\nurl: "${server.base.replace(/\./g, '\\.')}/world/merz-urges-patience"\\nfetched: "\\d{4}-\\d{2}-\\d{2}T`),
    );
    expect(await readFile(path.join(corpus.dir, 'added/files/merz-note.md'), 'utf8')).toMatch(/^---\nwhosaid_source: ".*merz-note\.md"\nwhosaid_added: "/);
    // No temp file left behind; the loader reads the new articles like any other.
    expect((await readdir(path.join(corpus.dir, 'added/127.0.0.1'))).sort()).toEqual(['kallas-rejects-buffer-zone.html', 'merz-urges-patience.html']);
    const { articles, problems } = await loadCorpus(corpus.dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.outlet)).toEqual(expect.arrayContaining(['The Harbour Times', 'Nordic Wire', 'Berlin Notes']));
  }, 120_000);

  it('refuses duplicates (the same canonical URL through a redirect, the same text under another name) and never overwrites', async () => {
    const copy = path.join(dataDir, 'copy-of-lbc.txt');
    await writeFile(copy, await readFile(path.join(corpus.dir, '002_190b2f4bf00dd89e.txt')));
    const before = await readFile(path.join(corpus.dir, 'added/127.0.0.1/merz-urges-patience.html'), 'utf8');
    const { code, stdout } = await add(['--corpus', corpus.dir, `${server.base}/moved`, `${server.base}/world/merz-urges-patience`, copy], {
      ALLOW_PRIVATE_URLS: 'true',
      DATA_DIR: dataDir,
    });
    expect(stdout.trim().split('\n')).toEqual([
      `already in the corpus: ${server.base}/moved is added/127.0.0.1/merz-urges-patience.html`,
      `already in the corpus: ${server.base}/world/merz-urges-patience is added/127.0.0.1/merz-urges-patience.html`,
      `already in the corpus: ${copy} is 002_190b2f4bf00dd89e.txt`,
    ]);
    expect(code).toBe(0);
    expect(await readFile(path.join(corpus.dir, 'added/127.0.0.1/merz-urges-patience.html'), 'utf8')).toBe(before);
  }, 120_000);

  it('refuses links to the local network unless ALLOW_PRIVATE_URLS is on, and bad usage with one line', async () => {
    const { code, stdout } = await add(['--corpus', corpus.dir, `${server.base}/kyiv/zelenskyy-guarantees`], {
      ALLOW_PRIVATE_URLS: 'false',
      DATA_DIR: dataDir,
    });
    expect(stdout.trim()).toMatch(/^refused: .*: refused: 127\.0\.0\.1:\d+ is a private, loopback or link-local address$/);
    expect(code).toBe(1);
    const usage = await add([], { DATA_DIR: dataDir });
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toBe('nothing to add. usage: npm run add -- [--corpus DIR] URL… | FILE…');
    const badEnv = await add(['x'], { DATA_DIR: dataDir, ALLOW_PRIVATE_URLS: 'maybe' });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr.trim()).toBe('Configuration error: ALLOW_PRIVATE_URLS must be true or false. See .env.example.');
  }, 120_000);
});
