// When Discord misbehaves: 429s are waited out and the answer still arrives; a run of 500s gets the
// user an apology with an error id that is in the log; a dead interaction token is given up on at
// once; a dropped gateway is resumed (or the session identified again) and commands are still
// answered. Also the Message Content opt-in. Quick answers go out in the acknowledgement itself;
// /sources defers and edits, so it is the command used for faults on edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { buttonsOf, embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';
import type { FakeInteraction } from './support/fake-discord/index.js';

const TOKEN = 'MTQ1MzMzMzMzMzMzMzMzMzMzMw.Gfault.e2e-faults-token-never-logged-31415';

describe('Discord faults, with Message Content opted in', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ token: TOKEN, env: () => ({ MESSAGE_CONTENT: 'true' }) });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const callbackPath = (interaction: FakeInteraction) => new RegExp(`^/interactions/${interaction.id}/`);
  const originalPath = (interaction: FakeInteraction) => new RegExp(`^/webhooks/\\d+/${escapeRegExp(interaction.token)}/messages/@original$`);
  const followUpPath = (interaction: FakeInteraction) => new RegExp(`^/webhooks/\\d+/${escapeRegExp(interaction.token)}$`);
  const statuses = (interaction: FakeInteraction) => harness.fake.requestsFor(interaction).map((r) => `${r.method} ${r.status}`);
  const failedLines = () => harness.logLines.filter((line) => line.includes('interaction failed'));

  it('asks for the Message Content intent only when opted in', () => {
    expect(harness.fake.identifies.at(-1)?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent);
  });

  it('answers every message in its thread, mention or not', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }));
    expect(buttonsOf(answer).map((b) => b.label)).toContain('Follow up in a thread');
    await harness.reply(harness.fake.clickButton(String(answer.id), { label: /Follow up/ }));
    const threadId = String(answer.id);
    const question = harness.fake.postUserMessage(threadId, 'and Merz?', harness.fake.member, { mentionBot: false });
    const reply = await harness.fake.waitFor(
      () => harness.fake.messagesIn(threadId).find((m) => (m.message_reference as Json | undefined)?.message_id === question.id),
      20_000,
      'an answer without a mention',
    );
    expect(embedsOf(reply)[0]?.title).toMatch(/^Friedrich Merz/);
  });

  it('a 429 on the acknowledgement (which carries the answer) is waited out (Retry-After) and the answer still arrives', async () => {
    const failedBefore = failedLines().length;
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Kallas say?' });
    harness.fake.rateLimit({ method: 'POST', path: callbackPath(interaction), retryAfter: 0.4 });
    const answer = await harness.reply(interaction);
    expect(JSON.stringify(embedsOf(answer))).toContain('real troops and real capabilities');
    const callbacks = harness.fake.requestsFor(interaction).filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 200]);
    // Discord's Retry-After header is whole seconds (0.4 s → 1): discord.js waited that long, within the 3 s ack window.
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(950);
    expect(failedLines().length).toBe(failedBefore);
    expect(harness.logLines.some((line) => line.includes('rate limited by Discord') && line.includes('/interactions/:id/:token/callback'))).toBe(true);
  });

  it('a 429 on the edit of a deferred answer is waited out and the answer arrives', async () => {
    const failedBefore = failedLines().length;
    const interaction = harness.fake.slashCommand('sources');
    harness.fake.rateLimit({ method: 'PATCH', path: originalPath(interaction), retryAfter: 0.5 });
    const answer = await harness.reply(interaction);
    expect(embedsOf(answer)[0]?.title).toBe('Sources');
    expect(statuses(interaction)).toEqual(['POST 204', 'PATCH 429', 'PATCH 200']);
    const edits = harness.fake.requestsFor(interaction).filter((r) => r.method === 'PATCH');
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(450);
    expect(failedLines().length).toBe(failedBefore);
  });

  it('a global 429 on a follow-up is waited out: the answer and then the private note both arrive', async () => {
    const failedBefore = failedLines().length;
    // A channel where the bot may not create threads: /ask thread:true answers, then explains in a follow-up.
    const channelId = harness.fake.addTextChannel('no-threads-429');
    harness.fake.denyBot(channelId, PermissionFlagsBits.CreatePublicThreads);
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Kallas say?', thread: true }, harness.fake.member, channelId);
    harness.fake.rateLimit({ method: 'POST', path: followUpPath(interaction), retryAfter: 0.5, global: true });
    const note = await harness.fake.waitFor(
      () =>
        harness.fake
          .requestsFor(interaction)
          .find((r) => r.method === 'POST' && r.path === `/webhooks/${harness.fake.appId}/${interaction.token}` && r.status === 200),
      15_000,
      'the follow-up after its 429',
    );
    expect(statuses(interaction)).toEqual(['POST 200', 'POST 429', 'POST 200']);
    expect(String(note.body?.content)).toMatch(/not allowed to create threads/);
    expect(Number(note.body?.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const answer = harness.fake.messages.get(harness.fake.interactions.get(interaction.id)!.replyMessageId!)!;
    expect(JSON.stringify(embedsOf(answer))).toContain('real troops and real capabilities');
    expect(failedLines().length).toBe(failedBefore);
  });

  it('a run of 500s while answering ends in a private apology whose error id is in the log', async () => {
    const interaction = harness.fake.slashCommand('sources');
    harness.fake.inject({ method: 'PATCH', path: originalPath(interaction), status: 500, body: { message: '500: Internal Server Error', code: 0 }, times: 4 });
    const apology = await harness.fake.waitFor(
      () => [...harness.fake.messages.values()].find((m) => (Number(m.flags) & MessageFlags.Ephemeral) !== 0 && String(m.content).includes('error id')),
      30_000,
      'an apology',
    );
    const errorId = String(apology.content).match(/error id `([0-9a-f]{8})`/)?.[1];
    expect(errorId).toBeDefined();
    expect(harness.logLines.some((line) => line.includes(errorId!) && line.includes('interaction failed'))).toBe(true);
    // The public "thinking…" placeholder is gone rather than left spinning.
    expect(harness.fake.interactions.get(interaction.id)?.replyMessageId).toBeTruthy();
    expect(harness.fake.messages.has(harness.fake.interactions.get(interaction.id)!.replyMessageId!)).toBe(false);
  });

  const serverError = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };

  it('500s on a follow-up are retried by discord.js and the note arrives', async () => {
    const channelId = harness.fake.addTextChannel('no-threads-500');
    harness.fake.denyBot(channelId, PermissionFlagsBits.CreatePublicThreads);
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Merz say?', thread: true }, harness.fake.member, channelId);
    harness.fake.inject({ method: 'POST', path: followUpPath(interaction), ...serverError, times: 2 });
    const note = await harness.fake.waitFor(
      () => harness.fake.requestsFor(interaction).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/') && r.status === 200),
      15_000,
      'the follow-up after two 500s',
    );
    expect(statuses(interaction)).toEqual(['POST 200', 'POST 500', 'POST 500', 'POST 200']);
    expect(String(note.body?.content)).toMatch(/not allowed to create threads/);
  });

  it('when the edit and the follow-up keep failing with 500s, the error id is logged and the bot keeps serving', async () => {
    const interaction = harness.fake.slashCommand('sources');
    // discord.js sends a request at most 4 times (3 retries): these outlast it on both routes.
    harness.fake.inject({ method: 'PATCH', path: originalPath(interaction), ...serverError, times: 4 });
    harness.fake.inject({ method: 'POST', path: followUpPath(interaction), ...serverError, times: 4 });
    const unsent = await harness.fake.waitFor(
      () => harness.logLines.find((line) => line.includes('could not send the apology') && line.includes(`"interaction":"${interaction.id}"`)),
      15_000,
      'the log line for the apology that could not be sent',
    );
    const errorId = (JSON.parse(unsent) as { errorId: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    const failure = harness.logLines.find((line) => line.includes('interaction failed') && line.includes(errorId));
    expect(failure).toBeDefined();
    expect(failure).toContain('500');
    expect(statuses(interaction).filter((s) => s === 'PATCH 500')).toHaveLength(4);
    expect(statuses(interaction).filter((s) => s === 'POST 500')).toHaveLength(4);
    const next = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }));
    expect(JSON.stringify(embedsOf(next))).toContain('real troops and real capabilities');
  });

  it('resumes after the gateway drops and still answers commands', async () => {
    harness.fake.closeGateway(4000);
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }));
    expect(JSON.stringify(embedsOf(answer))).toContain('real troops and real capabilities');
    expect(harness.fake.identifies).toHaveLength(1);
  });

  it.each([
    ['its token expired (answer after 15 minutes: 401 Invalid Webhook Token)', 50027, (i: FakeInteraction) => harness.fake.expireTokenOnAck(i)],
    [
      'Discord no longer knows the webhook (404 Unknown Webhook)',
      10015,
      (i: FakeInteraction) => harness.fake.inject({ method: 'PATCH', path: originalPath(i), status: 404, body: { message: 'Unknown Webhook', code: 10015 } }),
    ],
  ])('an answer that cannot be delivered because %s is logged once, not retried, and the bot keeps serving', async (_why, code, breakToken) => {
    const interaction = harness.fake.slashCommand('sources');
    breakToken(interaction);
    const line = await harness.fake.waitFor(
      () => harness.logLines.find((l) => l.includes('can no longer be answered') && l.includes(`"interaction":"${interaction.id}"`)),
      15_000,
      'the log line',
    );
    expect(JSON.parse(line)).toMatchObject({ code, errorId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    // Nothing else is attempted with the dead token, now or later: no retry, no apology, no delete.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statuses(interaction)).toEqual(['POST 204', code === 50027 ? 'PATCH 401' : 'PATCH 404']);
    const next = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Merz say?' }));
    expect(embedsOf(next)[0]?.title).toMatch(/^Friedrich Merz/);
  });

  // One re-identify only: Discord (and discord.js) allow one identify per 5 s, so a second one here
  // (4007, invalid seq, which skips the resume attempt) would add 5 s to the suite for the same path.
  it('after close code 4009 (session timed out) the resume is refused, it identifies again and still answers commands', async () => {
    const identified = harness.fake.identifies.length;
    const sessions = harness.logLines.filter((line) => line.includes('identified again')).length;
    harness.fake.closeGateway(4009);
    await harness.fake.waitFor(() => harness.fake.identifies.length > identified, 15_000, 'a new identify');
    // Ready again once the guild has arrived on the new session.
    await harness.fake.waitFor(() => harness.logLines.filter((line) => line.includes('identified again')).length > sessions, 15_000, 'the new session');
    expect(harness.fake.identifies).toHaveLength(identified + 1);
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Merz say?' }));
    expect(embedsOf(answer)[0]?.title).toMatch(/^Friedrich Merz/);
    const clicked = await harness.reply(harness.fake.clickButton(String(answer.id), { label: /Follow up/ }));
    expect(String(clicked.content)).toMatch(/^Opened <#\d+>/);
  });

  it('never logged the token', () => {
    expect(harness.logLines.join('\n')).not.toContain(TOKEN);
  });
});
