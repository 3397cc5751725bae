// Smoke test of the fake Discord itself, driven by a bare discord.js client: if this passes, the e2e
// suites exercise the bot and not the fake's gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, MessageFlags, Routes, SlashCommandBuilder } from 'discord.js';
import { FakeDiscord } from './support/fake-discord/index.js';

const TOKEN = 'ODk5MTIzNDU2Nzg5MDEyMzQ1.GfakeT.fake-discord-smoke-token-0123456789';

describe('fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, heartbeatIntervalMs: 200 });
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      rest: { api: fake.apiUrl },
      allowedMentions: { parse: [] },
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('serves the gateway the way @discordjs/ws asks for it, on loopback only', () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(fake.gatewayQueries[0]).toMatchObject({ v: '10', encoding: 'json' });
    expect(fake.gatewayQueries[0]?.compress).toBeUndefined();
    expect(fake.identifies[0]).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages });
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.has(fake.channelId)).toBe(true);
  });

  it('accepts command registration and round-trips a deferred slash command', async () => {
    const ping = new SlashCommandBuilder()
      .setName('ping')
      .setDescription('ping')
      .addStringOption((o) => o.setName('text').setDescription('t'));
    await client.rest.put(Routes.applicationGuildCommands(fake.appId, fake.guildId), { body: [ping.toJSON()] });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.options.getString('text') !== 'hi') return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply(`pong ${interaction.options.getString('text')}`);
    });
    const interaction = fake.slashCommand('ping', { text: 'hi' });
    const reply = await fake.replyTo(interaction);
    expect(reply.content).toBe('pong hi');
    expect(fake.requestsFor(interaction).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 204', 'PATCH 200']);
    expect(interaction.ephemeral).toBe(true);
  });

  it('rejects a second acknowledgement and over-long messages like Discord', async () => {
    const results: string[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.options.getString('text') !== 'twice') return;
      await interaction.reply('x'.repeat(10)).catch((e: Error) => results.push(`first ${e.message}`));
      await interaction.followUp('y'.repeat(2001)).catch((e: { code?: number }) => results.push(`long ${e.code}`));
      await interaction.reply('again').catch((e: { code?: number }) => results.push(`again ${e.code ?? 'local'}`));
    });
    fake.slashCommand('ping', { text: 'twice' });
    await fake.waitFor(() => results.length >= 2 && results, 5000, 'two failures');
    expect(results).toContain('long 50035');
  });

  it('delivers messages in threads, blanking content without the Message Content intent unless mentioned', async () => {
    const seen: string[] = [];
    client.on(Events.MessageCreate, (message) => {
      if (message.author.id !== client.user?.id) seen.push(message.content);
    });
    const starter = await client.rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'starter', allowed_mentions: { parse: [] } } });
    const thread = await client.rest.post(Routes.threads(fake.channelId, (starter as { id: string }).id), { body: { name: 'follow-ups' } });
    const threadId = (thread as { id: string }).id;
    await fake.waitFor(() => client.channels.cache.has(threadId), 5000, 'thread in cache');
    fake.postUserMessage(threadId, 'not for the bot', fake.member, { mentionBot: false });
    fake.postUserMessage(threadId, 'and Merz?');
    await fake.waitFor(() => seen.length === 2, 5000, 'two messages');
    expect(seen).toEqual(['', `<@${fake.botUser.id}> and Merz?`]);
  });

  it('lets the client resume after the gateway drops, replaying missed events', async () => {
    const seen: string[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) seen.push(interaction.options.getString('text') ?? '');
    });
    fake.closeGateway(4000);
    fake.slashCommand('ping', { text: 'while-down' });
    await fake.waitFor(() => seen.includes('while-down'), 10_000, 'replayed interaction');
    expect(fake.identifies).toHaveLength(1);
  });
});
