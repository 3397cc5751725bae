// Charts in Discord, end to end against the fake: /timeline answers with an embed whose image is the
// PNG attached to the same message; without Attach Files it answers with text only and says so;
// /sources and /compare carry their charts; dated options and "only …" follow-ups narrow answers.
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../src/charts/render.js';
import { embedsOf, startHarness, type Harness, type Json } from './support/bot-harness.js';

const TOKEN = 'MTQ1NTU1NTU1NTU1NTU1NTU1NQ.Gchart.e2e-charts-token-never-logged-1618';

type Attachment = { url: string; filename: string; description?: string; width?: number; height?: number };
const attachmentsOf = (message: Json): Attachment[] => (message.attachments as Attachment[] | undefined) ?? [];

describe('charts on a fake Discord', () => {
  let harness: Harness;
  let noFiles: string;

  beforeAll(async () => {
    harness = await startHarness({ token: TOKEN });
    // Started with the bot, as npm start does, so the first chart does not wait for the worker to load.
    harness.bot.context.charts.warm();
    noFiles = harness.fake.addTextChannel('no-files');
    harness.fake.denyBot(noFiles, PermissionFlagsBits.AttachFiles);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  /** The bot's last message in the interaction's channel once it satisfies `ready`. */
  const waitForMessage = (channelId: string, ready: (m: Json) => boolean, what: string) =>
    harness.fake.waitFor(() => harness.fake.messagesIn(channelId).filter(ready).at(-1), 30_000, what);

  it('/timeline replies with an embed whose image is the attached 800×400 PNG, alt text included', async () => {
    const interaction = harness.fake.slashCommand('timeline', { person: 'Volodymyr Zelenskyy' });
    const answer = await harness.fake.waitFor(
      () => {
        const id = harness.fake.interactions.get(interaction.id)?.replyMessageId;
        const message = id ? harness.fake.messages.get(id) : undefined;
        return message && attachmentsOf(message).length > 0 ? message : undefined;
      },
      90_000,
      'the timeline with its chart',
    );
    const [embed] = embedsOf(answer) as (ReturnType<typeof embedsOf>[number] & { image?: { url: string } })[];
    const [file] = attachmentsOf(answer);
    expect(embed?.title).toBe('Volodymyr Zelenskyy — Ukrainian President: statements per day');
    expect(embed?.image?.url).toBe(file?.url);
    const png = harness.fake.attachment(file!.url)!;
    expect(pngSize(png)).toEqual({ width: 800, height: 400 });
    expect(file?.description).toMatch(
      /^Bar chart of statements per day by Volodymyr Zelenskyy, 14–15 Dec 2025: 18 dated statements on 2 days, coloured by outlet \(RFE\/RL 9, CNA 5, LBC 4\)/,
    );
    // Below the chart: the counts, and the first and the latest statement with their citations.
    expect(embed?.description).toMatch(/\*\*32\*\* statements in 5 outlets; 18 dated, on 2 days; 14 undated, not on the chart\./);
    expect(embed?.fields?.map((f) => f.name)).toEqual(['First · 14 Dec 2025', 'Latest · 15 Dec 2025']);
    expect(embed?.fields?.[0]?.value).toContain('lbc.co.uk');
    // Shown as answers show them: the latest is a paraphrase, so it keeps its reporting word and is in
    // italics, never in a block quote (which reads as the speaker's own words).
    expect(embed?.fields?.[1]?.value).toMatch(/^\*\*added\*\* \*A ceasefire along the current front lines would be a fair option\*\n/);
    expect(embed?.fields?.[0]?.value).toMatch(/^\*\*told\*\* “From the very beginning/);
    for (const field of embed?.fields ?? []) expect(field.value).not.toMatch(/^> /m);
    expect(harness.sentProblems()).toEqual([]);
    // The first chart starts the chart worker (vega, resvg): on a busy shared machine that takes a while.
  }, 120_000);

  it('/timeline with since and until states the span and draws only those days', async () => {
    const interaction = harness.fake.slashCommand('timeline', { person: 'Volodymyr Zelenskyy', since: '14 December 2025', until: '14 December 2025' });
    const answer = await harness.fake.waitFor(
      () => {
        const id = harness.fake.interactions.get(interaction.id)?.replyMessageId;
        const message = id ? harness.fake.messages.get(id) : undefined;
        return message && attachmentsOf(message).length > 0 ? message : undefined;
      },
      30_000,
      'the dated timeline',
    );
    const [embed] = embedsOf(answer);
    expect(embed?.description).toMatch(/^Dates: 14 Dec 2025 · 2 undated articles left out/);
    expect(attachmentsOf(answer)[0]?.description).toMatch(/14 Dec 2025: 13 dated statements on 1 day, coloured by outlet \(RFE\/RL 9, LBC 4\)/);
  });

  it('without Attach Files: the same timeline as text only, saying why there is no chart', async () => {
    const interaction = harness.fake.slashCommand('timeline', { person: 'Volodymyr Zelenskyy' }, harness.fake.member, noFiles);
    const answer = await harness.reply(interaction);
    const [embed] = embedsOf(answer) as (ReturnType<typeof embedsOf>[number] & { image?: unknown })[];
    expect(attachmentsOf(answer)).toEqual([]);
    expect(embed?.image).toBeUndefined();
    expect(embed?.description).toContain('No chart: I may not attach files in this channel. An admin can give me “Attach Files” here.');
    expect(embed?.fields?.map((f) => f.name)).toEqual(['First · 14 Dec 2025', 'Latest · 15 Dec 2025']);
    // Nothing was uploaded and refused: the bot knew from app_permissions.
    expect(harness.fake.requestsFor(interaction).every((r) => r.status < 400)).toBe(true);
  });

  it('/timeline for a name nobody has answers with the closest names, and no chart', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('timeline', { person: 'Zelenskiiiii Volodya' }));
    expect(attachmentsOf(answer)).toEqual([]);
    expect(embedsOf(answer)[0]?.description).toMatch(/No one by the name/);
  });

  it('/sources adds articles per outlet over time as its image', async () => {
    const interaction = harness.fake.slashCommand('sources');
    const answer = await harness.fake.waitFor(
      () => {
        const id = harness.fake.interactions.get(interaction.id)?.replyMessageId;
        const message = id ? harness.fake.messages.get(id) : undefined;
        return message && attachmentsOf(message).length > 0 ? message : undefined;
      },
      30_000,
      'sources with its chart',
    );
    const [embed] = embedsOf(answer) as (ReturnType<typeof embedsOf>[number] & { image?: { url: string } })[];
    const [file] = attachmentsOf(answer);
    expect(embed?.title).toBe('Sources');
    expect(embed?.image?.url).toBe(file?.url);
    expect(file?.description).toMatch(/^Bar chart of articles per day, 14–15 Dec 2025: 3 dated articles/);
    expect(pngSize(harness.fake.attachment(file!.url)!)).toEqual({ width: 800, height: 400 });
  });

  it('/compare sends the comparison, then a bar of statements per outlet with since/until applied', async () => {
    const channelId = harness.fake.addTextChannel('compare-chart');
    harness.fake.slashCommand('compare', { person: 'Volodymyr Zelenskyy', since: '2025-12-01', until: '2025-12-31' }, harness.fake.member, channelId);
    const chart = await waitForMessage(channelId, (m) => attachmentsOf(m).length > 0, 'the outlet chart under /compare');
    const comparison = harness.fake.messagesIn(channelId)[0]!;
    expect(embedsOf(comparison)[0]?.description).toMatch(/^Dates: 1–31 Dec 2025/);
    const [file] = attachmentsOf(chart);
    expect(file?.description).toBe(
      'Bar chart of how many statements by Volodymyr Zelenskyy each outlet carried (1–31 Dec 2025 · 18 statements): RFE/RL 9, CNA 5, LBC 4.',
    );
    expect(pngSize(harness.fake.attachment(file!.url)!)).toEqual({ width: 800, height: 400 });
  });

  it('/said with since narrows the answer and says which days it covers', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('said', { person: 'Volodymyr Zelenskyy', since: '15 December 2025' }));
    const [header] = embedsOf(answer);
    // Under the one-line summary: the span, then who did not report it (only CNA is dated that late).
    expect(header?.description).toMatch(/^Dates: since 15 Dec 2025 · 2 undated articles left out$/m);
    expect(header?.description).toMatch(/ in 1 outlet · 15 Dec 2025$/m);
    expect(header?.description).toContain('Not reported by: AnewZ, LBC, cashwinner.info, RFE/RL');
    expect(header?.footer?.text).toBe('Question: what did Volodymyr Zelenskyy say since 2025-12-15');
  });

  it('an unreadable since gets a private one-line note', async () => {
    const interaction = harness.fake.slashCommand('said', { person: 'Volodymyr Zelenskyy', since: 'bananas' });
    const note = await harness.reply(interaction);
    expect(interaction.ephemeral).toBe(true);
    expect(String(note.content)).toMatch(/“bananas” is not a date I can read/);
  });

  it('a thread follow-up "only 14 December 2025" narrows the thread\'s question to that day', async () => {
    const answer = await harness.reply(harness.fake.slashCommand('said', { person: 'Volodymyr Zelenskyy', thread: true }));
    const threadId = String(answer.id);
    await harness.fake.waitFor(() => harness.fake.channels.get(threadId), 20_000, 'the thread');
    const reply = await harness.followUp(threadId, `<@${harness.fake.botUser.id}> only 14 December 2025`);
    const [header] = embedsOf(reply);
    expect(header?.description).toMatch(/^Dates: 14 Dec 2025 · 2 undated articles left out$/m);
    expect(header?.description).toMatch(/ in 2 outlets · 14 Dec 2025$/m);
    expect(header?.description).toContain('Not reported by: CNA, AnewZ, cashwinner.info');
    // The narrowing stays for the next follow-up in the thread.
    const next = await harness.followUp(threadId, `<@${harness.fake.botUser.id}> what about the ceasefire?`);
    expect(embedsOf(next)[0]?.footer?.text).toBe('Question: what did Volodymyr Zelenskyy say about ceasefire on 2025-12-14');
  });
});
