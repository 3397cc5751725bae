import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import { addBytes, addUrl, ADDABLE_EXTENSIONS, CorpusCatalog, type AddOutcome } from '../src/ingest/add.js';
import { Fetcher, MAX_FETCH_BYTES } from '../src/ingest/fetch.js';
import { mayEmbed } from '../src/discord/answers.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { clip, escapeText } from '../src/discord/escape.js';
import { renderAdded } from '../src/discord/news.js';
import { mayReload } from '../src/discord/reload.js';
import { COLORS } from '../src/discord/render.js';
import { embedAsText } from '../src/discord/render-text.js';

export const data = new SlashCommandBuilder()
  .setName('add')
  .setDescription('Admins: add an article from a link or a file, and say what it yielded')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((o) => o.setName('url').setDescription('Link to the article (http or https)').setMaxLength(2000))
  .addAttachmentOption((o) => o.setName('file').setDescription('An article file: .md, .txt or .html, at most 8 MB'));

// One per corpus folder for the life of the bot: later adds re-read only the files that changed.
const catalogs = new Map<string, CorpusCatalog>();
let fetcher: Fetcher | null = null;

function refusedEmbed(outcome: Extract<AddOutcome, { status: 'refused' }>): APIEmbed {
  return { title: 'Not added', description: clip(escapeText(outcome.reason), 2000), color: COLORS.failed };
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const who = { user: interaction.user.id, username: interaction.user.username, guild: interaction.guildId };
  if (!mayReload(interaction, ctx.config.adminRoleIds)) {
    ctx.log.warn(who, 'add refused: missing Manage Server, Administrator or an admin role');
    throw new UserError('Only members with Manage Server, Administrator or an admin role can add articles. Nothing was changed.');
  }
  const url = interaction.options.getString('url')?.trim() || null;
  const file = interaction.options.getAttachment('file');
  if ((url === null) === (file === null)) throw new UserError('Give either `url:` (a link to the article) or `file:` (an .md, .txt or .html file), not both.');
  if (file) {
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    if (!ADDABLE_EXTENSIONS.includes(ext))
      throw new UserError(`Only ${ADDABLE_EXTENSIONS.join(' ')} files can be added; “${escapeText(file.name)}” is not one. Nothing was changed.`);
    if (file.size > MAX_FETCH_BYTES) throw new UserError(`That file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 8 MB. Nothing was changed.`);
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const send = (embed: APIEmbed) => interaction.editReply(mayEmbed(interaction.appPermissions) ? { embeds: [embed] } : { content: embedAsText(embed) });

  let catalog = catalogs.get(ctx.config.corpusDir);
  if (!catalog) {
    catalog = new CorpusCatalog(ctx.config.corpusDir);
    catalogs.set(ctx.config.corpusDir, catalog);
  }
  fetcher ??= new Fetcher({ allowPrivate: ctx.config.ingest.allowPrivateUrls });
  await catalog.refresh();
  const via = `/add by ${interaction.user.username} (${interaction.user.id})`;
  let outcome: AddOutcome;
  if (url) {
    outcome = await addUrl(catalog, fetcher, url, via);
  } else {
    const attachment = file as NonNullable<typeof file>;
    try {
      // A file a person handed over is not crawled: robots.txt does not apply; the other limits do.
      const res = await fetcher.get(attachment.url, {}, { robots: false });
      outcome = await addBytes(catalog, attachment.name, attachment.name, res.body, via);
    } catch (error) {
      outcome = { input: attachment.name, status: 'refused', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  ctx.log.info({ ...who, outcome: outcome.status, ...(outcome.status === 'refused' ? { reason: outcome.reason } : { file: outcome.file }) }, '/add');
  if (outcome.status === 'refused') {
    await send(refusedEmbed(outcome));
    return;
  }
  if (outcome.status === 'duplicate') {
    const summary = await ctx.engine.articleSummary(outcome.file);
    await send({ ...(summary ? renderAdded(summary) : {}), title: 'Already in the corpus', color: COLORS.notice, footer: { text: clip(outcome.file, 200) } });
    return;
  }
  const report = await ctx.reloads.runWhenFree(via, who);
  const summary = report.ok ? await ctx.engine.articleSummary(outcome.file) : null;
  if (!summary) {
    await send({
      title: 'Saved, but not answerable yet',
      description: clip(
        escapeText(
          `${outcome.file} was saved; the reload said: ${report.error ?? report.problems.find((p) => p.file === outcome.file)?.reason ?? 'the file was not indexed'}`,
        ),
        2000,
      ),
      color: COLORS.notice,
    });
    return;
  }
  await send(renderAdded(summary));
}
