// End to end: the real bot (discord.js client, real engine, seed corpus) against a local fake Discord.
// Every request the bot makes is checked at the end: it fit Discord's limits and pinged nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GatewayIntentBits, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { BotHandle } from '../src/discord/client.js';
import { ReloadBusyError } from '../src/discord/reload.js';
import type { EngineApi } from '../src/types.js';
import { embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';
import type { FakeDiscord, FakeInteraction } from './support/fake-discord/index.js';

const TOKEN = 'MTQ1MDAwMDAwMDAwMDAwMDAwMA.Gabcde.e2e-bot-token-never-logged-0123456789';

const allText = (message: Json) => [String(message.content ?? ''), ...embedsOf(message).map((e) => JSON.stringify(e))].join('\n');

describe('whosaid on a fake Discord', () => {
  let harness: Harness;
  let fake: FakeDiscord;
  let engine: EngineApi;
  let bot: BotHandle;
  let logLines: string[];
  let curatorRoleId: string;
  let corpusDir: string;
  let dataDir: string;

  beforeAll(async () => {
    harness = await startHarness({
      token: TOKEN,
      env: (f) => {
        curatorRoleId = f.addRole('Curators', 0n).id;
        return { ADMIN_ROLE_IDS: curatorRoleId };
      },
    });
    ({ fake, engine, bot, logLines, corpusDir, dataDir } = harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  const reply = (interaction: FakeInteraction) => fake.replyTo(interaction, 20_000);

  it('registers six guild commands, /reload behind Manage Server, and connects with Guilds + GuildMessages only', () => {
    const commands = fake.registeredCommands.get(fake.guildId) ?? [];
    expect(commands.map((c) => c.name).sort()).toEqual(['ask', 'compare', 'reload', 'said', 'sources', 'timeline', 'whosaid']);
    expect(commands.find((c) => c.name === 'reload')?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(fake.identifies.at(-1)?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(bot.readySummary).toMatch(/^whosaid ready as whosaid#0001: 1 server, 5 articles, \d+ statements, \d+ people$/);
    expect(logLines.some((line) => line.includes(bot.readySummary))).toBe(true);
  });

  let kallasAnswer: Json;

  it('/ask "what did Kallas say?" cites AnewZ\'s "real troops and real capabilities"', async () => {
    const interaction = fake.slashCommand('ask', { question: 'what did Kallas say?' });
    kallasAnswer = await reply(interaction);
    // A quick answer goes out in the acknowledgement itself: one request, no deferral and edit.
    expect(fake.requestsFor(interaction).map((r) => r.body?.type)).toEqual([InteractionResponseType.ChannelMessageWithSource]);
    expect(interaction.answeredAt! - interaction.createdAt).toBeLessThan(3000);
    const [header, ...blocks] = embedsOf(kallasAnswer);
    expect(header?.title).toBe('Kaja Kallas — EU foreign affairs chief');
    expect(header?.description).toMatch(/Not reported by: .*LBC/);
    const anewz = blocks.find((b) => b.title === 'AnewZ');
    expect(anewz?.description).toMatch(/> Ukraine needs “real troops and real capabilities” to defend itself \*\(¶13\)\*/);
    expect(anewz?.description).toContain(
      '**[Ukraine drops NATO goal as Trump envoy sees progress in peace talks](https://anewz.tv/world/world-news/16333/us-and-ukraine-delegations-in-berlin-for-peace-plan-talks/news)**',
    );
    const labels = ((kallasAnswer.components as Json[])[0]!.components as Json[]).map((b) => b.label);
    expect(labels).toContain('Follow up in a thread');
  });

  it('/said autocomplete for "zel" offers Volodymyr Zelenskyy', async () => {
    const interaction = fake.autocomplete('said', 'person', 'zel');
    const callback = await fake.waitFor(() => fake.requestsFor(interaction).find((r) => r.status < 300), 10_000, 'autocomplete');
    expect(callback.body?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (callback.body?.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('Volodymyr Zelenskyy');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('/said with person, topic and outlet answers that person from that outlet', async () => {
    const answer = await reply(fake.slashCommand('said', { person: 'Merz', outlet: 'LBC' }));
    const [header, ...blocks] = embedsOf(answer);
    expect(header?.title).toMatch(/^Friedrich Merz/);
    expect(blocks.map((b) => b.title)).toEqual(['LBC']);
  });

  it('/whosaid finds who said a phrase and where', async () => {
    const answer = await reply(fake.slashCommand('whosaid', { phrase: 'real troops' }));
    const [, ...blocks] = embedsOf(answer);
    expect(blocks.find((b) => b.title === 'AnewZ')?.description).toContain('Kaja Kallas, ¶13');
  });

  it('/compare shows outlets side by side with the differing words marked', async () => {
    const answer = await reply(fake.slashCommand('compare', { person: 'Zelenskyy' }));
    const [header, first] = embedsOf(answer);
    expect(header?.title).toMatch(/^How outlets worded Volodymyr Zelenskyy/);
    expect(first?.fields?.length).toBeGreaterThanOrEqual(2);
    expect(first?.fields?.some((f) => f.value.includes('**__'))).toBe(true);
  });

  it('/sources lists outlets with article counts and the most quoted people', async () => {
    const answer = await reply(fake.slashCommand('sources'));
    const [embed] = embedsOf(answer);
    expect(embed?.fields?.[0]?.value).toContain('AnewZ: 1 article');
    expect(embed?.fields?.[1]?.value).toMatch(/^Volodymyr Zelenskyy: \d+/);
  });

  let threadId: string;

  it('opens a follow-up thread; "and Merz?" there answers the same question about Merz', async () => {
    const click = fake.clickButton(String(kallasAnswer.id), { label: /Follow up in a thread/ });
    const confirmation = await reply(click);
    expect(click.ephemeral).toBe(true);
    threadId = String(kallasAnswer.id);
    expect(fake.channels.get(threadId)?.parent_id).toBe(fake.channelId);
    expect(confirmation.content).toContain(`<#${threadId}>`);

    const question = fake.postUserMessage(threadId, 'and Merz?');
    const answer = await fake.waitFor(
      () => fake.messagesIn(threadId).find((m) => (m.message_reference as Json | undefined)?.message_id === question.id),
      20_000,
      'a follow-up answer',
    );
    const [header, ...blocks] = embedsOf(answer);
    expect(header?.title).toMatch(/^Friedrich Merz/);
    expect(header?.footer?.text).toBe('Question: what did Friedrich Merz say');
    expect(blocks.map((b) => b.title)).toContain('LBC');
  });

  const followUp = async (text: string) => embedsOf(await harness.followUp(threadId, text));

  it('keeps the conversation across a restart: "what about the ceasefire?" still means Merz', async () => {
    let saved: { threads: Record<string, { question: string }> } = { threads: {} };
    await harness.restart(async () => {
      saved = JSON.parse(await readFile(path.join(dataDir, 'whosaid-state.json'), 'utf8')) as typeof saved;
    });
    expect(saved.threads[threadId]?.question).toBe('what did Friedrich Merz say');
    const [header] = await followUp('what about the ceasefire?');
    expect(header?.footer?.text).toBe('Question: what did Friedrich Merz say about ceasefire');
    const [narrowed, ...blocks] = await followUp('only LBC');
    expect(narrowed?.footer?.text).toBe('Question: what did Friedrich Merz say about ceasefire according to LBC');
    expect(blocks.every((b) => b.title === 'LBC')).toBe(true);
  });

  it('rebuilds a thread it has no state for from the thread\'s starter message', async () => {
    await harness.restart(() => rm(path.join(dataDir, 'whosaid-state.json')));
    const [header] = await followUp('and Merz?');
    expect(header?.title).toMatch(/^Friedrich Merz/);
    expect(logLines.some((line) => line.includes('thread context rebuilt from its starter message'))).toBe(true);
  });

  it('ignores thread messages that do not mention it (no Message Content intent)', async () => {
    const before = fake.messagesIn(threadId).length;
    fake.postUserMessage(threadId, 'chatting among ourselves', fake.member, { mentionBot: false });
    const marker = fake.postUserMessage(threadId, 'more');
    await fake.waitFor(() => fake.messagesIn(threadId).find((m) => (m.message_reference as Json | undefined)?.message_id === marker.id), 20_000, 'reply to "more"');
    expect(fake.messagesIn(threadId).length).toBe(before + 3);
  });

  it('/reload by a member without permission is refused privately and changes nothing', async () => {
    const before = (await engine.stats()).loadedAt;
    const interaction = fake.slashCommand('reload', {}, fake.member);
    const refusal = await reply(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(refusal.content).toMatch(/^Only members with Manage Server/);
    expect((await engine.stats()).loadedAt).toBe(before);
    expect(logLines.some((line) => line.includes('reload refused') && line.includes(fake.member.user.id))).toBe(true);
  });

  it('/reload by an admin reports counts; a member with an ADMIN_ROLE_IDS role may reload too', async () => {
    const interaction = fake.slashCommand('reload', {}, fake.admin);
    const report = await reply(interaction);
    const [embed] = embedsOf(report);
    expect(interaction.ephemeral).toBe(true);
    expect(embed?.title).toMatch(/^Corpus reloaded in \d+\.\d s$/);
    expect(embed?.description).toMatch(/^Now serving \*\*5\*\* articles · \*\*\d+\*\* statements · \*\*\d+\*\* people\.$/);
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Added (0)', 'Changed (0)', 'Removed (0)']);
    expect(logLines.some((line) => line.includes('reload started') && line.includes(fake.admin.user.id))).toBe(true);

    const curator = fake.addMember('carol-curator', [curatorRoleId]);
    const [curatorEmbed] = embedsOf(await reply(fake.slashCommand('reload', {}, curator)));
    expect(curatorEmbed?.title).toMatch(/^Corpus reloaded/);
  });

  it('refuses a second reload while one is running (Discord or SIGHUP alike)', async () => {
    // The gate is taken synchronously, so this does not depend on how fast the engine reloads.
    const first = harness.bot.context.reloads.run('test: first');
    await expect(harness.bot.context.reloads.run('test: second')).rejects.toBeInstanceOf(ReloadBusyError);
    expect((await first).ok).toBe(true);
    expect(harness.bot.context.reloads.running).toBe(false);
  });

  it('reports a broken file by name after a reload and keeps serving the rest', async () => {
    await writeFile(path.join(corpusDir, 'broken.txt'), Buffer.from([0x54, 0x68, 0x65, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]));
    const [embed] = embedsOf(await reply(fake.slashCommand('reload', {}, fake.admin)));
    const failed = embed?.fields?.find((f) => f.name.startsWith('Files that failed'));
    expect(failed?.name).toBe('Files that failed (1)');
    expect(failed?.value).toMatch(/^broken\.txt: /);
    const answer = await reply(fake.slashCommand('ask', { question: 'what did Kallas say?' }));
    expect(allText(answer)).toContain('real troops and real capabilities');
  });

  it('shows hostile question text as written without pinging anyone', async () => {
    const question = 'what did @everyone <@&123456789012345678> **say**?';
    const answer = await reply(fake.slashCommand('ask', { question }));
    // Footers are plain text in Discord (no markdown, no mentions): they show the question verbatim.
    const [header] = embedsOf(answer);
    expect(header?.footer?.text).toBe(`Question: ${question}`);
    const rendered = embedsOf(answer).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].join('\n')).join('\n');
    expect(rendered).not.toMatch(/(^|[^\\])<@&/);
    expect(rendered).not.toMatch(/@everyone/);
  });

  it('COOLDOWN_SECONDS=0 turns the cooldown off: the same person asking twice at once gets two answers', async () => {
    expect(harness.config.cooldownSeconds).toBe(0);
    const ivan = fake.addMember('ivan', []);
    const [first, second] = await Promise.all([
      reply(fake.slashCommand('ask', { question: 'what did Kallas say?' }, ivan)),
      reply(fake.slashCommand('ask', { question: 'what did Merz say?' }, ivan)),
    ]);
    expect(allText(first)).toContain('real troops and real capabilities');
    expect(embedsOf(second)[0]?.title).toMatch(/^Friedrich Merz/);
  });

  it('a user-fixable problem gets a private note saying what to do', async () => {
    const interaction = fake.slashCommand('ask', { question: '   ' });
    const note = await reply(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(note.content).toMatch(/^Type a question/);
  });

  it('every request fit Discord\'s limits, pinged nobody, and none was rejected', () => {
    expect(harness.sentProblems()).toEqual([]);
    const checked = fake.requests.filter((r) => {
      const body = (r.path.endsWith('/callback') ? (r.body?.data as Json | undefined) : r.body) ?? {};
      return !Array.isArray(body) && (body.embeds || body.content);
    });
    expect(checked.length).toBeGreaterThan(15);
    const thinking = [...fake.messages.values()].filter((m) => (m.author as Json).id === fake.botUser.id && Number(m.flags ?? 0) & MessageFlags.Loading);
    expect(thinking.map((m) => m.id)).toEqual([]);
  });

  it('never logged the token', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toContain(TOKEN);
    expect(logLines.join('\n')).not.toContain(TOKEN.split('.')[2]);
  });
});
