// When the bot lacks a permission where it is used: no thread → a clear private note instead; no
// Embed Links → the same answer as plain text (≤ 2000 characters, still escaped, pinging nobody).
// How it knows: interactions carry `app_permissions`, thread messages use the cached channel's
// permissions. The fake enforces both the way Discord does (403 Missing Permissions, hidden embeds).
// And commands used where they do not belong: DMs get a clear note, /reload never runs there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import { buttonsOf, embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';

const TOKEN = 'MTQ1NDQ0NDQ0NDQ0NDQ0NDQ0NA.Gperms.e2e-permissions-token-never-logged-2718';
const HOSTILE = '@everyone <@123456789012345678> **ping** [click](https://evil.example) # not a heading';

async function writeHostileArticle(dir: string): Promise<void> {
  const text = [
    '---',
    'outlet: The Daily Ledger',
    'title: Kallas in Brussels',
    'date: 2025-12-16',
    'url: https://example.org/kallas-brussels',
    '---',
    'EU foreign affairs chief Kaja Kallas spoke to reporters in Brussels on Tuesday.',
    `"${HOSTILE}," Kallas said.`,
  ].join('\n\n');
  await writeFile(path.join(dir, 'kallas-hostile.md'), text);
}

describe('missing permissions on a fake Discord', () => {
  let harness: Harness;
  let noThreads: string;
  let noEmbeds: string;

  beforeAll(async () => {
    harness = await startHarness({ token: TOKEN, prepareCorpus: writeHostileArticle });
    noThreads = harness.fake.addTextChannel('no-threads');
    harness.fake.denyBot(noThreads, PermissionFlagsBits.CreatePublicThreads);
    noEmbeds = harness.fake.addTextChannel('no-embeds');
    harness.fake.denyBot(noEmbeds, PermissionFlagsBits.EmbedLinks);
  });

  afterAll(async () => {
    await harness?.close();
  });

  const contentOf = (message: Json) => String(message.content ?? '');
  const privateNote = (interactionId: string) =>
    harness.fake.waitFor(
      () =>
        harness.fake
          .requestsFor(harness.fake.interactions.get(interactionId)!)
          .find(
            (r) =>
              r.status < 300 &&
              (Number(r.body?.flags ?? (r.body?.data as Json | undefined)?.flags ?? 0) & MessageFlags.Ephemeral) !== 0 &&
              typeof (r.body?.content ?? (r.body?.data as Json | undefined)?.content) === 'string',
          ),
      20_000,
      'a private note',
    );

  it('without Create Public Threads: no thread button, and thread:true gets the answer plus a clear private note', async () => {
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Kallas say?', thread: true }, harness.fake.member, noThreads);
    const answer = await harness.reply(interaction);
    expect(JSON.stringify(embedsOf(answer))).toContain('real troops and real capabilities');
    expect(buttonsOf(answer).map((b) => b.label)).not.toContain('Follow up in a thread');
    const note = await privateNote(interaction.id);
    expect(String(note.body?.content)).toMatch(/^I am not allowed to create threads in this channel.*“Create Public Threads”/);
    expect(harness.fake.channels.has(String(answer.id))).toBe(false);
  });

  it('a thread button pressed after the permission was taken away gets the same note (Discord refused with 50013)', async () => {
    const channelId = harness.fake.addTextChannel('threads-then-not');
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Merz say?' }, harness.fake.member, channelId));
    const click = harness.fake.clickButton(String(answer.id), { label: /Follow up in a thread/ });
    // The click said the bot may create threads; an admin removes that before the bot's request lands.
    harness.fake.denyBot(channelId, PermissionFlagsBits.CreatePublicThreads);
    const note = await harness.reply(click);
    expect(click.ephemeral).toBe(true);
    expect(contentOf(note)).toMatch(/^I am not allowed to create threads in this channel/);
    expect(harness.fake.requestsFor(click).length).toBeGreaterThan(0);
    expect(harness.fake.requests.some((r) => r.path.endsWith('/threads') && r.status === 403)).toBe(true);
    expect(harness.logLines.some((line) => line.includes('interaction failed') && line.includes(click.id))).toBe(false);
  });

  it('without Embed Links: the same answer as plain text within 2000 characters, with its citation', async () => {
    const interaction = harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }, harness.fake.member, noEmbeds);
    const answer = await harness.reply(interaction);
    const text = contentOf(answer);
    expect(embedsOf(answer)).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(text).toMatch(/^\*\*Kaja Kallas\*\*\nEU foreign affairs chief · \d+ distinct statements in \d+ outlets? · /);
    expect(text).toContain(
      '**said** *Ukraine needs* “real troops and real capabilities” *to defend itself* — [AnewZ](<https://anewz.tv/world/world-news/16333/us-and-ukraine-delegations-in-berlin-for-peace-plan-talks/news#:~:text=',
    );
    expect(text).toContain('**rejected** *suggestions that the Donbas region');
    expect(text).toMatch(/Not reported by: .*LBC/);
    expect(text.split('\n').at(-1)).toMatch(/^-# Question: what did Kallas say\?/);
    // What the bot sent (not just what the fake kept) had no embeds: nothing was silently lost.
    const sent = harness.fake.requestsFor(interaction).map((r) => (r.path.endsWith('/callback') ? (r.body?.data as Json) : r.body));
    expect(sent.filter((body) => body?.content)).toHaveLength(1);
    expect(sent.every((body) => !(body?.embeds as unknown[] | undefined)?.length)).toBe(true);
  });

  it('plain text keeps hostile article text escaped and pings nobody', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'who said "not a heading"' }, harness.fake.member, noEmbeds));
    const text = contentOf(answer);
    expect(text).toContain('@\u200beveryone \\<@123456789012345678\\> \\*\\*ping\\*\\* \\[click\\](https://evil.example) # not a heading');
    expect(text).not.toMatch(/(^|[^\\])<@\d/);
    expect(text).not.toMatch(/@everyone/);
    const quoted = text.split('\n').filter((l) => l.includes('evil.example'));
    expect(quoted).toHaveLength(1);
    // Her own words, in quotation marks after her reporting verb, all on one line.
    expect(quoted[0]!.startsWith('**said** “@\u200beveryone')).toBe(true);
  });

  it('plain-text answers page with Previous/Next like embeds, every page within 2000 characters', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Zelenskyy say?' }, harness.fake.member, noEmbeds));
    const label = String(buttonsOf(answer).find((b) => /^\d+ \/ \d+$/.test(String(b.label)))?.label);
    expect(label).toMatch(/^1 \/ \d+$/);
    const pages = Number(label.split(' / ')[1]);
    expect(pages).toBeGreaterThan(1);
    const seen = [contentOf(answer)];
    for (let page = 2; page <= pages; page++) {
      const click = harness.fake.clickButton(String(answer.id), { label: /^Next$/ });
      await harness.fake.waitFor(() => click.answeredAt !== null, 20_000, `page ${page}`);
      seen.push(contentOf(harness.fake.messages.get(String(answer.id))!));
    }
    for (const [i, text] of seen.entries()) {
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text.split('\n').at(-1)).toMatch(new RegExp(`· Page ${i + 1} of ${pages}$`));
    }
    expect(embedsOf(harness.fake.messages.get(String(answer.id))!)).toEqual([]);
  });

  it('/sources and /compare fall back to text too', async () => {
    const sources = contentOf(await harness.reply(harness.fake.slashCommand('sources', {}, harness.fake.member, noEmbeds)));
    expect(sources).toMatch(/^\*\*Sources\*\*/);
    expect(sources).toContain('AnewZ: 1 article');
    const compare = contentOf(await harness.reply(harness.fake.slashCommand('compare', { person: 'Zelenskyy' }, harness.fake.member, noEmbeds)));
    expect(compare).toMatch(/^\*\*How each outlet reported Volodymyr Zelenskyy’s words\*\*/);
    expect(compare).toContain('**__');
    expect(compare.length).toBeLessThanOrEqual(2000);
  });

  it('a follow-up in a thread whose channel lost Embed Links is answered as text', async () => {
    const channelId = harness.fake.addTextChannel('embeds-then-not');
    const answer = await harness.reply(harness.fake.slashCommand('ask', { question: 'what did Kallas say?' }, harness.fake.member, channelId));
    await harness.reply(harness.fake.clickButton(String(answer.id), { label: /Follow up in a thread/ }));
    const threadId = String(answer.id);
    harness.fake.denyBot(channelId, PermissionFlagsBits.EmbedLinks);
    const reply = await harness.followUp(threadId, 'and Merz?');
    expect(embedsOf(reply)).toEqual([]);
    expect(contentOf(reply)).toMatch(/^\*\*Friedrich Merz/);
    expect(contentOf(reply)).toContain('[LBC](<https://www.lbc.co.uk/');
  });

  it('registers every command for servers only (contexts [GUILD]), so Discord does not offer them in DMs', () => {
    const commands = harness.fake.registeredCommands.get(harness.fake.guildId) ?? [];
    expect(commands).toHaveLength(8);
    for (const command of commands) expect(command.contexts).toEqual([0]);
    expect(() => harness.fake.slashCommandInDm('ask', { question: 'what did Kallas say?' })).toThrow(/does not offer it in DMs/);
  });

  it('a command that reaches it from a DM anyway (an old registration) gets a private note saying to use a server', async () => {
    const interaction = harness.fake.slashCommandInDm('ask', { question: 'what did Kallas say?' }, harness.fake.member, { staleRegistration: true });
    const note = await harness.reply(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(contentOf(note)).toBe('whosaid works in servers: use its commands in a server channel.');
    expect(embedsOf(note)).toEqual([]);
  });

  it('/reload from a DM is refused, even for a server admin, and nothing is reloaded', async () => {
    const before = (await harness.engine.stats()).loadedAt;
    const reloadsBefore = harness.logLines.filter((line) => line.includes('reload started')).length;
    const interaction = harness.fake.slashCommandInDm('reload', {}, harness.fake.admin, { staleRegistration: true });
    const note = await harness.reply(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(contentOf(note)).toMatch(/works in servers/);
    expect((await harness.engine.stats()).loadedAt).toBe(before);
    expect(harness.logLines.filter((line) => line.includes('reload started'))).toHaveLength(reloadsBefore);
    expect(
      harness.logLines.some(
        (line) => line.includes('command used outside a server') && line.includes(harness.fake.admin.user.id) && line.includes('"command":"reload"'),
      ),
    ).toBe(true);
  });

  it('sent nothing Discord rejected (beyond the thread refusal above), over the limits, or able to ping', () => {
    const problems = harness.sentProblems().filter((p) => !/\/threads → 403/.test(p));
    expect(problems).toEqual([]);
    expect(harness.logLines.join('\n')).not.toContain(TOKEN);
  });
});
