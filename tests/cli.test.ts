import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempCorpus } from './helpers.js';

const run = promisify(execFile);
// `node --import tsx`, as the npm script runs it (the tsx CLI would add a second node process).
const NODE_ARGS = ['--import', 'tsx'];

async function ask(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...NODE_ARGS, 'src/cli/ask.ts', ...args], { env: { ...process.env, CORPUS_DIR: undefined } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ask', () => {
  it('prints a readable answer: a one-line summary, each statement with its reporting words and where it was carried, absent outlets', async () => {
    const { code, stdout } = await ask(['what did Kallas say?']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Kaja Kallas');
    expect(lines[1]).toBe('EU foreign affairs chief · 3 distinct statements in 1 outlet · date not given');
    expect(stdout).toContain('Not reported by: CNA, LBC, cashwinner.info, RFE/RL');
    expect(stdout).toContain('[partly quoted] said Ukraine needs “real troops and real capabilities” to defend itself\n    AnewZ ¶13');
    // The paraphrase keeps its verb and is not dressed as a quote.
    expect(stdout).toContain('[paraphrase] rejected suggestions that the Donbas region could serve as a buffer zone');
    expect(stdout).not.toContain('“suggestions that');
    expect(stdout).toMatch(
      /Articles:\n {2}AnewZ: “Ukraine drops NATO goal as Trump envoy sees progress in peace talks” \(date not given\) https:\/\/anewz\.tv\//,
    );
  });

  it('--json prints exactly the answer contract', async () => {
    const { code, stdout } = await ask(['--json', 'what did Kallas say?']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(['question', 'speaker', 'outlets', 'absent', 'span']);
    expect(answer.speaker).toEqual({ name: 'Kaja Kallas', aliases: ['Kallas'], roles: ['EU foreign affairs chief'] });
    const outlets = answer.outlets as { outlet: string; excerpts: Record<string, unknown>[] }[];
    expect(outlets.map((o) => o.outlet)).toEqual(['AnewZ']);
    const first = outlets[0]?.excerpts[0] as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['text', 'speaker', 'kind', 'cue', 'paragraph', 'article']);
    expect(first.article).toEqual({
      title: 'Ukraine drops NATO goal as Trump envoy sees progress in peace talks',
      date: null,
      url: 'https://anewz.tv/world/world-news/16333/us-and-ukraine-delegations-in-berlin-for-peace-plan-talks/news',
      file: '001_1e2a7e3d238997d2.txt',
    });
    expect(answer.absent).toEqual(['CNA', 'LBC', 'cashwinner.info', 'RFE/RL']);
    // The reporting words as the article writes them: Kallas rejected the Donbas suggestions.
    expect(outlets[0]!.excerpts.find((e) => String(e.text).startsWith('suggestions that the Donbas'))?.cue).toBe('rejected');
    expect(first.cue).toBe('said');
  });

  it('--batch answers one JSON line per question', async () => {
    const { dir, cleanup } = await tempCorpus();
    const file = path.join(dir, '..', 'questions.txt');
    await writeFile(file, 'what did Merz say\n\nwhat did Ushakov say?\n');
    const { code, stdout } = await ask(['--batch', file, '--corpus', dir]);
    await cleanup();
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { speaker: { name: string } });
    expect(lines.map((l) => l.speaker.name)).toEqual(['Friedrich Merz', 'Yuri Ushakov']);
  });

  it('exits 2 with a one-line message on bad usage', async () => {
    // Three independent runs, side by side: each is mostly node and module start-up.
    const [none, bad, missing] = await Promise.all([ask([]), ask(['--nope', 'x']), ask(['--corpus', '/nonexistent/whosaid', 'what did Kallas say'])]);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toMatch(/no question given/);
    expect(bad.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read/);
  });

  it('answers "nobody by that name" with exit status 0', async () => {
    const { code, stdout } = await ask(['what did Nobodyson say?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/No one by the name “Nobodyson”/);
  });
});
