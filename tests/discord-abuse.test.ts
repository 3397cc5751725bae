// Strangers hammering the bot, and bugs in a command: a per-user cooldown on the expensive commands
// (COOLDOWN_SECONDS) answers quick repeats with a friendly private note; a command handler that throws
// is logged with an error id, the user gets an apology with that id, and the bot keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { MessageFlags } from 'discord.js';
import { embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';

const TOKEN = 'MTQ1NTU1NTU1NTU1NTU1NTU1NQ.Gabuse.e2e-abuse-token-never-logged-1618033';

describe('cooldown and crashing handlers on a fake Discord', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      token: TOKEN,
      env: () => ({ COOLDOWN_SECONDS: '30' }),
      extraCommands: [path.resolve('tests/support/commands-crash')],
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const contentOf = (message: Json) => String(message.content ?? '');

  it('a second quick /ask by the same person gets a friendly private note with the seconds left', async () => {
    const eve = harness.fake.addMember('eve', []);
    const first = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }, eve));
    expect(JSON.stringify(embedsOf(first))).toContain('real troops and real capabilities');
    const second = harness.fake.slashCommand('whosaid', { phrase: 'real troops' }, eve);
    const note = await harness.reply(second);
    expect(second.ephemeral).toBe(true);
    expect(contentOf(note)).toMatch(/^You're asking quickly: try again in (29|30) s\. One question every 30 s per person keeps whosaid fast for everyone\.$/);
    // Nothing was asked of the engine for it: no deferral, just the note.
    expect(harness.fake.requestsFor(second).map((r) => r.body?.type)).toEqual([4]);
  });

  it('the cooldown is per person and only on expensive commands', async () => {
    const frank = harness.fake.addMember('frank', []);
    const grace = harness.fake.addMember('grace', []);
    await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Merz say?' }, frank));
    const other = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Merz say?' }, grace));
    expect(embedsOf(other)[0]?.title).toMatch(/^Friedrich Merz/);
    const sources = await harness.reply(harness.fake.slashCommand('sources', {}, frank));
    expect(embedsOf(sources)[0]?.title).toBe('Sources');
    const autocomplete = harness.fake.autocomplete('said', 'person', 'zel', {}, frank);
    const choices = await harness.fake.waitFor(() => harness.fake.requestsFor(autocomplete).find((r) => r.status < 300), 10_000, 'autocomplete');
    expect(JSON.stringify(choices.body)).toContain('Volodymyr Zelenskyy');
  });

  it.each([
    ['before it acknowledged', 'before', 4],
    ['after it deferred a public answer', 'after', 5],
  ])('a handler that throws %s: logged with an error id, an apology with that id, and the bot keeps serving', async (_when, when, firstCallback) => {
    const heidi = harness.fake.addMember(`heidi-${when}`, []);
    const interaction = harness.fake.slashCommand('crash', { when }, heidi);
    const apology = await harness.fake.waitFor(
      () =>
        harness.fake.requestsFor(interaction).find((r) => {
          const body = (r.path.endsWith('/callback') ? (r.body?.data as Json | undefined) : r.body) ?? {};
          return r.status < 300 && String(body.content ?? '').includes('error id');
        }),
      15_000,
      'the apology',
    );
    const body = (apology.path.endsWith('/callback') ? (apology.body?.data as Json) : apology.body)!;
    expect(Number(body.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const errorId = String(body.content).match(/error id `([0-9a-f]{8})`/)?.[1];
    expect(errorId).toBeDefined();
    const line = harness.logLines.find((l) => l.includes(errorId!) && l.includes('interaction failed'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ command: 'crash', interaction: interaction.id, err: { type: 'TypeError' } });
    expect(harness.fake.requestsFor(interaction)[0]?.body?.type).toBe(firstCallback);
    // No "thinking…" placeholder left behind for everyone to see.
    const placeholder = harness.fake.interactions.get(interaction.id)!.replyMessageId;
    if (when === 'after') expect(harness.fake.messages.has(placeholder!)).toBe(false);
    const next = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }, heidi));
    expect(JSON.stringify(embedsOf(next))).toContain('real troops and real capabilities');
  });

  it('sent nothing Discord rejected or able to ping, and never logged the token', () => {
    expect(harness.sentProblems()).toEqual([]);
    expect(harness.logLines.join('\n')).not.toContain(TOKEN);
  });
});
