/**
 * /articles: moderators manage the coverage. `add url:` or `add file:` shows a private preview with Publish, Edit
 * details (a modal) and Cancel; `remove article:` asks for confirmation; `list`, `history`, `rollback build:` and
 * `log`. Every change rebuilds the index under the reindex lock (through the engine) and is written to the audit log.
 * Registered with Manage Server as the default permission, in servers only; the bot checks the permission itself
 * on every command, button and form.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { auditEntries, buildHistory, editDraft, listArticles, previewFile, previewUrl, publishDraft, removeArticle, type ManageDeps } from '../../articles/manage.js';
import { BotError, isBotError } from '../../errors.js';
import type { Actor } from '../../index/audit.js';
import type { ReindexProgress } from '../../index/buildIndex.js';
import { fileKind, type DetailOverrides } from '../../ingest/draft.js';
import { fetchPolicy, safeFetch } from '../../ingest/safeFetch.js';
import type { BotContext, Command, RunningReindex } from '../command.js';
import {
  ARTICLES_PREFIX,
  auditReply,
  changedReply,
  confirmRemoveReply,
  detailsModal,
  historyReply,
  listReply,
  noticeReply,
  previewReply,
  rollbackReply,
} from '../format/articles.js';
import { Colors, NO_PINGS } from '../format/common.js';
import { progressReply } from '../format/reindex.js';
import { Limits } from '../limits.js';
import { ThrottledEditor } from '../progress.js';
import { truncate } from '../text.js';
import { logFailure, userMessage } from '../userErrors.js';

type Guarded = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Discord hides the command from members without Manage Server, but server admins can change that: check again. */
function allowed(interaction: Guarded): boolean {
  return interaction.inGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
}

function notAllowed(): BotError {
  return new BotError('DISCORD_NOT_ALLOWED', 'Only members with the Manage Server permission can manage the articles.');
}

function actorOf(interaction: Guarded): Actor {
  return { via: 'discord', name: interaction.user.username, id: interaction.user.id };
}

function deps(ctx: BotContext): ManageDeps {
  return { config: ctx.config, engine: ctx.engine };
}

function labels(ctx: BotContext, into: Map<string, string>): Map<string, string> {
  for (const a of ctx.engine.sources().articles) into.set(a.id, `${a.outlet}: ${a.headline}`);
  return into;
}

/** A busy message when a reindex (here or in another process) is running. */
function busy(ctx: BotContext): string | null {
  if (!ctx.reindex.current && !ctx.engine.reindexing) return null;
  const who = ctx.reindex.current ? ` (started by ${ctx.reindex.current.startedBy})` : '';
  return `A reindex is already running${who}. Try again when it has finished; nothing was changed.`;
}

/** Runs a corpus change with progress edits of the reply, claiming the bot's reindex slot meanwhile. */
async function withProgress<T>(interaction: ButtonInteraction | ChatInputCommandInteraction, ctx: BotContext, work: (onProgress: (p: ReindexProgress) => void) => Promise<T>): Promise<T> {
  const running: RunningReindex = { startedBy: interaction.user.username, startedAt: Date.now(), progress: null };
  ctx.reindex.current = running;
  const editor = new ThrottledEditor<ReindexProgress | null>(
    (p) => interaction.editReply(progressReply(p, running.startedBy)),
    ctx.progressIntervalMs,
    (error) => ctx.log.warn({ err: error, interaction: interaction.id }, 'a progress edit failed'),
  );
  try {
    editor.update(null);
    return await work((p) => {
      running.progress = p;
      editor.update(p);
    });
  } finally {
    await editor.close();
    ctx.reindex.current = null;
  }
}

async function fail(interaction: ButtonInteraction, ctx: BotContext, error: unknown, what: string): Promise<void> {
  logFailure(ctx.log, error, { interaction: interaction.id, customId: interaction.customId, user: interaction.user.id }, what);
  const message = isBotError(error, 'CORPUS_EMPTY') ? 'The corpus would be empty; nothing was changed.' : userMessage(error);
  await interaction.editReply(noticeReply('Nothing was changed', `${truncate(message, 1500)}\n\nThe corpus and the index are as they were.`, Colors.error));
}

// ------------------------------------------------------------------ subcommands

async function add(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const url = interaction.options.getString('url');
  const file = interaction.options.getAttachment('file');
  if ((url === null) === (file === null)) {
    await interaction.reply({ content: 'Give either `url:` (a link to the article) or `file:` (an .html, .md or .txt file), not both.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let draft;
  if (url !== null) {
    draft = await previewUrl(url, deps(ctx));
  } else {
    const name = file!.name;
    if (fileKind(name) === null) throw new BotError('ARTICLE_BAD_FILE', `${truncate(name, 80)} is not an article file: attach an .html, .md or .txt file.`, { file: name });
    if (file!.size > ctx.config.FETCH_MAX_BYTES) {
      throw new BotError('FETCH_TOO_LARGE', `${truncate(name, 80)} is larger than the limit of ${ctx.config.FETCH_MAX_BYTES} bytes (FETCH_MAX_BYTES).`, { file: name });
    }
    const fetched = await safeFetch(file!.url, { ...fetchPolicy(ctx.config), accept: 'text' });
    draft = await previewFile(name, fetched.body, deps(ctx));
  }
  const key = ctx.pending.put(interaction.user.id, { kind: 'add', draft });
  await interaction.editReply(previewReply(draft, key));
}

async function remove(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.options.getString('article', true);
  const list = await listArticles(ctx.config);
  const article = list.articles.find((a) => a.id === id);
  const skipped = list.skipped.find((s) => s.file === `${id}.md`);
  if (!article && !skipped) {
    throw new BotError('ARTICLE_UNKNOWN', `No article in the corpus has the id "${truncate(id, 80)}"; pick one from the list as you type.`, { id });
  }
  const label = article ? `${article.outlet}: “${article.headline}”` : `${id}.md (skipped by the index)`;
  const key = ctx.pending.put(interaction.user.id, { kind: 'remove', id, label });
  await interaction.reply({ ...confirmRemoveReply(label, key), flags: MessageFlags.Ephemeral });
}

async function rollback(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const build = interaction.options.getString('build', true);
  const message = busy(ctx);
  if (message) {
    await interaction.reply({ content: message, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const report = await ctx.engine.rollback(build, actorOf(interaction));
  await interaction.editReply(rollbackReply(report));
}

// ------------------------------------------------------------------ buttons and the modal

/** The pending change a button or the modal refers to, when it is still kept and belongs to this member. */
function pendingFor(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext, key: string) {
  const entry = ctx.pending.get(key);
  if (!entry) throw new BotError('DRAFT_EXPIRED', 'This preview is no longer kept (after 15 minutes, or after a restart); run the command again.', { key });
  if (entry.owner !== interaction.user.id) throw new BotError('DISCORD_BUTTON_NOT_YOURS', 'This preview belongs to another moderator.', { key });
  return entry.pending;
}

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  if (!allowed(interaction)) throw notAllowed();
  const [, action, key = ''] = interaction.customId.split(':');
  const pending = pendingFor(interaction, ctx, key);

  if (action === 'cancel') {
    ctx.pending.delete(key);
    await interaction.update(noticeReply('Cancelled', pending.kind === 'add' ? 'Nothing was written.' : 'Nothing was removed.'));
    return;
  }
  if (action === 'edit' && pending.kind === 'add') {
    await interaction.showModal(detailsModal(pending.draft, key));
    return;
  }
  const message = busy(ctx);
  if (message) {
    await interaction.reply({ content: message, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  if (action === 'publish' && pending.kind === 'add') {
    ctx.pending.delete(key);
    const { draft } = pending;
    const label = `${draft.details.outlet ?? ''}: “${draft.details.headline ?? ''}”`;
    await interaction.update(progressReply(null, interaction.user.username));
    try {
      const result = await withProgress(interaction, ctx, (onProgress) => publishDraft(draft, actorOf(interaction), deps(ctx), onProgress));
      await interaction.editReply(changedReply('added', label, result, labels(ctx, new Map())));
    } catch (error) {
      await fail(interaction, ctx, error, 'publishing an article failed');
    }
    return;
  }
  if (action === 'remove' && pending.kind === 'remove') {
    ctx.pending.delete(key);
    const names = labels(ctx, new Map());
    await interaction.update(progressReply(null, interaction.user.username));
    try {
      const result = await withProgress(interaction, ctx, (onProgress) => removeArticle(pending.id, actorOf(interaction), deps(ctx), onProgress));
      await interaction.editReply(changedReply('removed', pending.label, result, names));
    } catch (error) {
      await fail(interaction, ctx, error, 'removing an article failed');
    }
    return;
  }
  throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This button no longer does anything; run the command again.', { customId: interaction.customId });
}

async function onModal(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  if (!allowed(interaction)) throw notAllowed();
  const [, , key = ''] = interaction.customId.split(':');
  const pending = pendingFor(interaction, ctx, key);
  if (pending.kind !== 'add') throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This form no longer does anything; run the command again.', {});
  const value = (id: string): string | null => {
    try {
      return interaction.fields.getTextInputValue(id);
    } catch {
      return null;
    }
  };
  const overrides: DetailOverrides = {};
  for (const field of ['outlet', 'headline', 'published', 'author'] as const) {
    const v = value(field);
    if (v !== null) overrides[field] = v;
  }
  const draft = await editDraft(pending.draft, overrides, deps(ctx));
  ctx.pending.replace(key, { kind: 'add', draft });
  if (interaction.isFromMessage()) await interaction.update(previewReply(draft, key));
  else await interaction.reply({ ...previewReply(draft, key), flags: MessageFlags.Ephemeral });
}

// ------------------------------------------------------------------ autocomplete

async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const typed = focused.value.toLowerCase();
  if (focused.name === 'article') {
    const { articles } = await listArticles(ctx.config);
    const choices = articles
      .filter((a) => a.id.length <= Limits.choiceValue)
      .map((a) => ({ name: truncate(`${a.outlet}: ${a.headline} (${a.published ?? 'undated'})`, Limits.choiceName), value: a.id }))
      .filter((c) => typed === '' || c.name.toLowerCase().includes(typed) || c.value.toLowerCase().includes(typed));
    await interaction.respond(choices.slice(0, Limits.autocompleteChoices));
    return;
  }
  if (focused.name === 'build') {
    const builds = await ctx.engine.builds();
    const choices = builds
      .map((b) => ({ name: truncate(`${b.builtAt.slice(0, 16).replace('T', ' ')} UTC · ${b.articles.length} articles${b.current ? ' · in use' : ''} · ${b.name}`, Limits.choiceName), value: b.name }))
      .filter((c) => typed === '' || c.name.toLowerCase().includes(typed));
    await interaction.respond(choices.slice(0, Limits.autocompleteChoices));
    return;
  }
  await interaction.respond([]);
}

export default {
  data: new SlashCommandBuilder()
    .setName('articles')
    .setDescription('Manage the coverage: add, remove, list, history, rollback (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Preview an article from a link or a file, then publish it')
        .addStringOption((o) => o.setName('url').setDescription('Link to the article').setMaxLength(2000))
        .addAttachmentOption((o) => o.setName('file').setDescription('The article as an .html, .md or .txt file')),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove an article from the corpus (asks first)')
        .addStringOption((o) => o.setName('article').setDescription('The article').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Every article, with outlet, date, link and passages, and the files skipped'))
    .addSubcommand((s) => s.setName('history').setDescription('The index builds kept: when, who, what changed'))
    .addSubcommand((s) =>
      s
        .setName('rollback')
        .setDescription('Swap a kept index build back in')
        .addStringOption((o) => o.setName('build').setDescription('The build').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((s) => s.setName('log').setDescription('The audit log: who added, removed, rolled back or rebuilt what')),

  components: [ARTICLES_PREFIX],

  async execute(interaction, ctx) {
    if (!allowed(interaction)) {
      await interaction.reply({ content: 'Only members with the Manage Server permission can manage the articles.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    switch (interaction.options.getSubcommand()) {
      case 'add':
        return add(interaction, ctx);
      case 'remove':
        return remove(interaction, ctx);
      case 'list':
        await interaction.reply({ ...listReply(await listArticles(ctx.config)), flags: MessageFlags.Ephemeral });
        return;
      case 'history':
        await interaction.reply({ ...historyReply(await buildHistory(ctx.config)), flags: MessageFlags.Ephemeral });
        return;
      case 'rollback':
        return rollback(interaction, ctx);
      case 'log':
        await interaction.reply({ ...auditReply(await auditEntries(ctx.config, 20)), flags: MessageFlags.Ephemeral });
        return;
      default:
        throw new BotError('DISCORD_COMMAND_UNKNOWN', undefined, { command: 'articles' });
    }
  },
  autocomplete,
  handleComponent: onButton,
  handleModal: onModal,
} satisfies Command;
