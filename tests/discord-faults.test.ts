// When Discord misbehaves: a run of 500s gets the user an apology with an error id that is in the log;
// a dropped gateway is resumed and commands are still answered. Also the Message Content opt-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { buttonsOf, embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';

const TOKEN = 'MTQ1MzMzMzMzMzMzMzMzMzMzMw.Gfault.e2e-faults-token-never-logged-31415';

describe('Discord faults, with Message Content opted in', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ token: TOKEN, env: () => ({ MESSAGE_CONTENT: 'true' }) });
  });

  afterAll(async () => {
    await harness?.close();
  });

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

  it('a run of 500s while answering ends in a private apology whose error id is in the log', async () => {
    harness.fake.inject({ method: 'PATCH', path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, status: 500, body: { message: '500: Internal Server Error', code: 0 }, times: 4 });
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Zelenskyy say?' });
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

  it('resumes after the gateway drops and still answers commands', async () => {
    harness.fake.closeGateway(4000);
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }));
    expect(JSON.stringify(embedsOf(answer))).toContain('real troops and real capabilities');
    expect(harness.fake.identifies).toHaveLength(1);
  });

  it('never logged the token', () => {
    expect(harness.logLines.join('\n')).not.toContain(TOKEN);
  });
});
