// The bot's persisted state on its own: views and threads survive a reopen in the same file format,
// the view store keeps the newest 5000, and an unreadable file is set aside rather than fatal.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StateStore } from '../src/discord/state.js';

describe('StateStore', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps views and threads across a reopen, in the documented JSON format', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'whosaid-state-'));
    const store = await StateStore.open(dir);
    const view = store.addView({ kind: 'ask', question: 'what did “Kallas” say?' }, '123456789012345678');
    const compare = store.addView({ kind: 'compare', person: 'Zelenskyy', topic: null }, '123456789012345678');
    store.setThread({
      threadId: '223456789012345678',
      question: 'what did Merz say',
      parsed: { type: 'person', person: 'Friedrich Merz', topic: null, outlet: null },
      page: 1,
    });
    await store.flush();
    const file = JSON.parse(await readFile(path.join(dir, 'whosaid-state.json'), 'utf8')) as {
      version: number;
      views: Record<string, unknown>;
      threads: Record<string, unknown>;
    };
    expect(file.version).toBe(1);
    expect(file.views[view.id]).toEqual(view);
    expect(Object.keys(file.threads)).toEqual(['223456789012345678']);
    const reopened = await StateStore.open(dir);
    expect(reopened.view(view.id)).toEqual(view);
    expect(reopened.view(compare.id)?.query).toEqual({ kind: 'compare', person: 'Zelenskyy', topic: null });
    expect(reopened.thread('223456789012345678')?.page).toBe(1);
  });

  it('remembers the newest 5000 views and forgets the oldest first', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'whosaid-state-'));
    const store = await StateStore.open(dir);
    const ids = Array.from({ length: 5003 }, (_, i) => store.addView({ kind: 'ask', question: `question ${i}` }, '1').id);
    expect(store.size.views).toBe(5000);
    expect(ids.slice(0, 3).map((id) => store.view(id))).toEqual([undefined, undefined, undefined]);
    expect(store.view(ids[3]!)?.query).toEqual({ kind: 'ask', question: 'question 3' });
    await store.flush();
    expect((await StateStore.open(dir)).size.views).toBe(5000);
  });

  it('sets an unreadable state file aside and starts empty', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'whosaid-state-'));
    await writeFile(path.join(dir, 'whosaid-state.json'), '{"version":1,"views":');
    const problems: string[] = [];
    const store = await StateStore.open(dir, (message) => problems.push(message));
    expect(store.size).toEqual({ views: 0, threads: 0 });
    expect(problems[0]).toMatch(/state file was unreadable/);
    expect((await readdir(dir)).some((name) => name.startsWith('whosaid-state.json.corrupt-'))).toBe(true);
  });
});
