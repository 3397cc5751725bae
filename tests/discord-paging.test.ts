// Long answers page with Previous/Next instead of being cut, and article text that looks like markdown
// or mentions is shown as written. The corpus is the seed plus articles where Kallas talks at length.
// This bot defers every answer (quickAnswerMs 0), the path a slow engine takes: acknowledge, then edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InteractionResponseType } from 'discord.js';
import { buttonsOf, embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';

const TOKEN = 'MTQ1MTExMTExMTExMTExMTExMQ.Gpagin.e2e-paging-token-never-logged-98765';
const OUTLETS = ['The Daily Ledger', 'Harbour Times', 'Morning Wire'];
const HOSTILE = '@everyone <@123456789012345678> **ping** [click](https://evil.example) # not a heading';

async function writeLongArticles(dir: string): Promise<void> {
  for (const [i, outlet] of OUTLETS.entries()) {
    const paragraphs = Array.from(
      { length: 14 },
      (_, j) =>
        `"Europe must keep its promises on point ${j + 1}, because every delay in ${outlet} country ${i} costs lives and the security guarantees we offer have to be real, funded and credible for years to come," Kallas said.`,
    );
    if (i === 0) paragraphs.push(`"${HOSTILE}," Kallas said.`);
    const text = [
      '---',
      `outlet: ${outlet}`,
      `title: Kallas on promises, part ${i + 1}`,
      'date: 2025-12-16',
      `url: https://example.org/kallas-${i + 1}`,
      '---',
      'EU foreign affairs chief Kaja Kallas spoke to reporters in Brussels on Tuesday.',
      ...paragraphs,
    ].join('\n\n');
    await writeFile(path.join(dir, `kallas-${i + 1}.md`), text);
  }
}

describe('paging and escaping on a fake Discord', () => {
  let harness: Harness;
  let answer: Json;

  beforeAll(async () => {
    harness = await startHarness({ token: TOKEN, prepareCorpus: writeLongArticles, quickAnswerMs: 0 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const pageLabel = (message: Json) => String(buttonsOf(message).find((b) => /^\d+ \/ \d+$/.test(String(b.label)))?.label);

  it('splits a long answer into pages with Previous/Next, each within the limits', async () => {
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Kallas say?' });
    answer = await harness.reply(interaction);
    // Deferred ("thinking…"), then the answer edited in.
    expect(harness.fake.requestsFor(interaction).map((r) => `${r.method} ${String(r.body?.type ?? 'edit')}`)).toEqual([
      `POST ${InteractionResponseType.DeferredChannelMessageWithSource}`,
      'PATCH edit',
    ]);
    const labels = buttonsOf(answer).map((b) => b.label);
    expect(labels).toEqual(['Previous', expect.stringMatching(/^1 \/ [2-9]$/), 'Next', 'By outlet', 'Follow up in a thread']);
    expect(buttonsOf(answer).find((b) => b.label === 'Previous')?.disabled).toBe(true);
    expect(embedsOf(answer)[0]?.footer?.text).toMatch(/^Question: what did Kallas say\? · Page 1 of \d$/);
  });

  it('Next by the asker turns the page in place', async () => {
    const click = harness.fake.clickButton(String(answer.id), { label: /^Next$/ }, harness.fake.member);
    await harness.fake.waitFor(() => click.ackType !== null && pageLabel(harness.fake.messages.get(String(answer.id))!).startsWith('2 /'), 20_000, 'page 2');
    expect(click.ackType).toBe(InteractionResponseType.DeferredMessageUpdate);
    const updated = harness.fake.messages.get(String(answer.id))!;
    expect(embedsOf(updated)[0]?.footer?.text).toMatch(/Page 2 of \d$/);
    expect(embedsOf(updated)[0]?.title).toBe('Kaja Kallas');
  });

  it("Previous by someone else shows them a private copy and leaves the asker's page alone", async () => {
    const other = harness.fake.addMember('dave', []);
    const click = harness.fake.clickButton(String(answer.id), { label: /^Previous$/ }, other);
    const copy = await harness.reply(click);
    expect(click.ephemeral).toBe(true);
    expect(copy.id).not.toBe(answer.id);
    expect(pageLabel(copy)).toMatch(/^1 \/ /);
    expect(pageLabel(harness.fake.messages.get(String(answer.id))!)).toMatch(/^2 \/ /);
  });

  it('shows article text that looks like mentions and markdown as written', async () => {
    const found = await harness.reply(harness.fake.slashCommand('ask', { question: 'who said "not a heading"' }));
    const text = embedsOf(found)[0]?.description;
    expect(text).toContain('@\u200beveryone \\<@123456789012345678\\> \\*\\*ping\\*\\* \\[click\\](https://evil.example) # not a heading');
  });

  it('/ask with thread:true opens the thread at once; "more" there shows the next page', async () => {
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Kallas say?', thread: true }, harness.fake.admin);
    const first = await harness.reply(interaction);
    const threadId = String(first.id);
    await harness.fake.waitFor(() => harness.fake.channels.get(threadId), 20_000, 'thread');
    expect(buttonsOf(first).map((b) => b.label)).not.toContain('Follow up in a thread');
    const more = await harness.followUp(threadId, 'more');
    expect(embedsOf(more)[0]?.footer?.text).toMatch(/^Question: what did Kallas say\? · Page 2 of \d$/);
    const narrowed = await harness.followUp(threadId, 'only Harbour Times');
    expect(
      embedsOf(narrowed)
        .slice(1)
        .every((e) => e.title?.startsWith('Harbour Times')),
    ).toBe(true);
  });

  it('sent nothing Discord would reject, over the limits, or able to ping', () => {
    expect(harness.sentProblems()).toEqual([]);
    expect(harness.logLines.join('\n')).not.toContain(TOKEN);
  });
});
