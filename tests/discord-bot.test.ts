// End to end: the real bot (discord.js client, real engine, seed corpus) against a local fake Discord.
// Every request the bot makes is checked at the end: it fit Discord's limits and pinged nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GatewayIntentBits, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { BotHandle } from '../src/discord/client.js';
import { ReloadBusyError } from '../src/discord/reload.js';
import type { EngineApi } from '../src/types.js';
import { buttonsOf, embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';
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

  it('registers eight guild commands, /reload and /add behind Manage Server, and connects with Guilds + GuildMessages only', () => {
    const commands = fake.registeredCommands.get(fake.guildId) ?? [];
    expect(commands.map((c) => c.name).sort()).toEqual(['add', 'ask', 'compare', 'reload', 'said', 'sources', 'timeline', 'whosaid']);
    expect(commands.find((c) => c.name === 'reload')?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(commands.find((c) => c.name === 'add')?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(fake.identifies.at(-1)?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(bot.readySummary).toMatch(/^whosaid ready as whosaid#0001: 1 server, 5 articles, \d+ statements, \d+ people$/);
    expect(logLines.some((line) => line.includes(bot.readySummary))).toBe(true);
  });

  let kallasAnswer: Json;

  it('/ask "what did Kallas say?" sums her up in one line and keeps every reporting word: she *rejected* the Donbas suggestions', async () => {
    const interaction = fake.slashCommand('ask', { question: 'what did Kallas say?' });
    kallasAnswer = await reply(interaction);
    // A quick answer goes out in the acknowledgement itself: one request, no deferral and edit.
    expect(fake.requestsFor(interaction).map((r) => r.body?.type)).toEqual([InteractionResponseType.ChannelMessageWithSource]);
    expect(interaction.answeredAt! - interaction.createdAt).toBeLessThan(3000);
    const [answer, ...more] = embedsOf(kallasAnswer);
    expect(more).toEqual([]);
    expect(answer?.title).toBe('Kaja Kallas');
    const lines = answer!.description!.split('\n');
    expect(lines[0]).toBe('EU foreign affairs chief · 3 distinct statements in 1 outlet · date not given');
    expect(lines[1]).toMatch(/^Not reported by: .*LBC/);
    const anewz = 'https://anewz.tv/world/world-news/16333/us-and-ukraine-delegations-in-berlin-for-peace-plan-talks/news';
    expect(answer?.description).toContain(`**said** *Ukraine needs* “real troops and real capabilities” *to defend itself* — [AnewZ](${anewz}#:~:text=`);
    expect(answer?.description).toContain('**rejected** *suggestions that the Donbas region could serve as a buffer zone');
    const labels = buttonsOf(kallasAnswer).map((b) => b.label);
    expect(labels).toContain('Follow up in a thread');
    // One outlet: nothing to regroup by outlet.
    expect(labels).not.toContain('By outlet');
  });

  it('/said autocomplete for "zel" offers Volodymyr Zelenskyy', async () => {
    const interaction = fake.autocomplete('said', 'person', 'zel');
    const callback = await fake.waitFor(() => fake.requestsFor(interaction).find((r) => r.status < 300), 10_000, 'autocomplete');
    expect(callback.body?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (callback.body!.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('Volodymyr Zelenskyy');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('/said with person, topic and outlet answers that person from that outlet, and says so in the title', async () => {
    const answer = await reply(fake.slashCommand('said', { person: 'Zelenskyy', topic: 'NATO', outlet: 'LBC' }));
    const [embed] = embedsOf(answer);
    expect(embed?.title).toBe('Volodymyr Zelenskyy on NATO, according to LBC');
    expect(embed?.description).toContain('[LBC](https://www.lbc.co.uk/');
    for (const other of ['CNA', 'AnewZ', 'RFE/RL', 'cashwinner.info']) expect(embed?.description).not.toContain(` · ${other}`);
  });

  it('/whosaid finds who said a phrase and where, titled with who said it', async () => {
    const answer = await reply(fake.slashCommand('whosaid', { phrase: 'real troops' }));
    const [embed] = embedsOf(answer);
    expect(embed?.title).toBe('Kaja Kallas');
    expect(embed?.description).toContain('“real troops and real capabilities” *to defend itself* — [AnewZ]');
  });

  it('/compare says what it compares against and marks the differing words', async () => {
    const answer = await reply(fake.slashCommand('compare', { person: 'Zelenskyy' }));
    const [header, first] = embedsOf(answer);
    expect(header?.title).toBe('How each outlet reported Volodymyr Zelenskyy’s words');
    expect(header?.description).toMatch(/wording most of them used/);
    expect(first?.description).toContain('*the wording the others are marked against*');
    expect(
      embedsOf(answer)
        .slice(1)
        .some((e) => e.description?.includes('**__')),
    ).toBe(true);
  });

  it('"By outlet" shows the same answer outlet by outlet, each article in reading order, and a button back', async () => {
    const answer = await reply(fake.slashCommand('ask', { question: 'what did Zelenskyy say?' }));
    expect(buttonsOf(answer).map((b) => b.label)).toContain('By outlet');
    const click = fake.clickButton(String(answer.id), { label: /^By outlet$/ });
    await fake.waitFor(() => (click.answeredAt !== null ? true : undefined), 20_000, 'the per-outlet view');
    const updated = fake.messages.get(String(answer.id))!;
    const [embed] = embedsOf(updated);
    expect(embed?.title).toBe('Volodymyr Zelenskyy');
    const lines = embed!.description!.split('\n');
    expect(lines).toContain('__**CNA**__');
    const cna = lines.slice(lines.indexOf('__**CNA**__') + 2, lines.indexOf('__**CNA**__') + 5).join('\n');
    expect(cna).toMatch(
      /^\*\*said\*\* “From the very beginning[^\n]*\n\*\*said\*\* “Thus, today[^\n]*\n\*\*said\*\* “And it is already a compromise on our part”/,
    );
    expect(buttonsOf(updated).map((b) => b.label)).toContain('Each statement once');
  });

  it('an unknown name offers the closest names as buttons, points to /sources and has no thread button; a click answers for that person', async () => {
    const answer = await reply(fake.slashCommand('ask', { question: 'what did Merc say?' }));
    const labels = buttonsOf(answer).map((b) => b.label);
    expect(labels).toContain('Friedrich Merz');
    expect(labels).not.toContain('Follow up in a thread');
    expect(embedsOf(answer)[0]?.description).toContain('`/sources`');
    const click = fake.clickButton(String(answer.id), { label: /^Friedrich Merz$/ });
    await fake.waitFor(() => (click.answeredAt !== null ? true : undefined), 20_000, 'the answer for the closest name');
    const updated = fake.messages.get(String(answer.id))!;
    expect(embedsOf(updated)[0]?.title).toBe('Friedrich Merz');
    expect(embedsOf(updated)[0]?.footer?.text).toBe('Question: what did Friedrich Merz say');
    expect(buttonsOf(updated).map((b) => b.label)).toContain('Follow up in a thread');
  });

  it('/sources lists outlets with article counts and the most quoted people, people apart from organisations and places', async () => {
    const answer = await reply(fake.slashCommand('sources'));
    const [embed] = embedsOf(answer);
    expect(embed?.fields?.[0]?.value).toContain('AnewZ: 1 article');
    expect(embed?.fields?.[1]?.value).toMatch(/^Volodymyr Zelenskyy: \d+/);
    const stats = await engine.stats();
    expect(embed?.description).toContain(`**${stats.people}** people, **${stats.organisations}** organisations and places`);
  });

  let threadId: string;

  it('opens a follow-up thread; "and Merz?" there answers the same question about Merz', async () => {
    const click = fake.clickButton(String(kallasAnswer.id), { label: /Follow up in a thread/ });
    const confirmation = await reply(click);
    expect(click.ephemeral).toBe(true);
    threadId = String(kallasAnswer.id);
    expect(fake.channels.get(threadId)?.parent_id).toBe(fake.channelId);
    // The answer now has its thread: its button is gone, the answer itself unchanged.
    const original = fake.messages.get(threadId)!;
    expect(buttonsOf(original).map((b) => b.label)).not.toContain('Follow up in a thread');
    expect(embedsOf(original)[0]?.title).toBe('Kaja Kallas');
    expect(confirmation.content).toContain(`<#${threadId}>`);

    const question = fake.postUserMessage(threadId, 'and Merz?');
    const answer = await fake.waitFor(
      () => fake.messagesIn(threadId).find((m) => (m.message_reference as Json | undefined)?.message_id === question.id),
      20_000,
      'a follow-up answer',
    );
    const [header] = embedsOf(answer);
    expect(header?.title).toMatch(/^Friedrich Merz/);
    expect(header?.footer?.text).toBe('Question: what did Friedrich Merz say');
    expect(header?.description).toContain('[LBC](');
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
    const [narrowed] = await followUp('only LBC');
    expect(narrowed?.footer?.text).toBe('Question: what did Friedrich Merz say about ceasefire according to LBC');
    expect(narrowed?.title).toBe('Friedrich Merz on ceasefire, according to LBC');
    expect(narrowed?.description).not.toMatch(/\[(CNA|AnewZ|RFE\/RL)\]/);
  });

  it("rebuilds a thread it has no state for from the thread's starter message", async () => {
    await harness.restart(() => rm(path.join(dataDir, 'whosaid-state.json')));
    const [header] = await followUp('and Merz?');
    expect(header?.title).toMatch(/^Friedrich Merz/);
    expect(logLines.some((line) => line.includes('thread context rebuilt from its starter message'))).toBe(true);
  });

  it('ignores thread messages that do not mention it (no Message Content intent)', async () => {
    const before = fake.messagesIn(threadId).length;
    fake.postUserMessage(threadId, 'chatting among ourselves', fake.member, { mentionBot: false });
    const marker = fake.postUserMessage(threadId, 'more');
    await fake.waitFor(
      () => fake.messagesIn(threadId).find((m) => (m.message_reference as Json | undefined)?.message_id === marker.id),
      20_000,
      'reply to "more"',
    );
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
    const rendered = embedsOf(answer)
      .map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value)].join('\n'))
      .join('\n');
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

  it("every request fit Discord's limits, pinged nobody, and none was rejected", () => {
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
