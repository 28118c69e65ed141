/** /articles: the private preview, the list, the history, the audit log and the reports. Pure. */
import { ButtonStyle, ComponentType, TextInputStyle, type APILabelComponent, type APIModalInteractionResponseCallbackData, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { formatDate } from '../../answer/citations.js';
import type { ArticleList, HistoryEntry, PublishReport } from '../../articles/manage.js';
import type { RollbackReport } from '../../engine/types.js';
import { actorLabel, type AuditEntry } from '../../index/audit.js';
import type { ArticleDraft } from '../../ingest/draft.js';
import { furnitureSummary } from '../../ingest/draft.js';
import { describeSyndication } from '../../ingest/syndication.js';
import { Limits } from '../limits.js';
import { link, shownAsText, truncate } from '../text.js';
import { Colors, NO_PINGS, type ReplyPayload } from './common.js';
import { reportReply, type ArticleLabels } from './reindex.js';
import { discordTime, listWithin } from './sources.js';

/** custom_id prefix of every /articles button and modal. */
export const ARTICLES_PREFIX = 'articles';

export const PREVIEW_PASSAGES = 3;

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: truncate(name, Limits.fieldName), value: truncate(value || '—', Limits.fieldValue), inline };
}

function shown(value: string | null, missing: string): string {
  return value === null ? missing : shownAsText(value);
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label, style, disabled };
}

/** The private preview: details (and where each came from), the first passages as quoted, warnings, and the three buttons. */
export function previewReply(draft: ArticleDraft, key: string): ReplyPayload {
  const d = draft.details;
  const from = (f: keyof typeof d) => (draft.from[f] ? ` (from ${draft.from[f]})` : '');
  const quotes = draft.passages.slice(0, PREVIEW_PASSAGES).map((p, i) => `**${i + 1}.** ${truncate(shownAsText(p), 600)}`);
  const fields = [
    field('Outlet', `${shown(d.outlet, '⚠️ missing: use Edit details')}${from('outlet')}`, true),
    field('Date', `${d.published ? formatDate(d.published) : 'unknown'}${from('published')}`, true),
    field('Author', `${shown(d.author, 'unknown')}${from('author')}`, true),
    field('Link', d.url ? link(truncate(d.url, 200), d.url) : 'none'),
    field('Passages', `${draft.passages.length} (the first ${Math.min(PREVIEW_PASSAGES, draft.passages.length)} above, as they will be quoted) · file \`${draft.id}.md\``),
  ];
  const skipped = furnitureSummary(draft);
  if (skipped) fields.push(field('Skipped page furniture', skipped));
  if (draft.syndication) {
    fields.push(field('⚠️ Possibly a syndicated copy', `${describeSyndication(draft.syndication)}: “${shownAsText(draft.syndication.headline)}”. Publish only if you want both.`));
  }
  if (draft.missing.length > 0) fields.push(field('⚠️ Missing', `This article has no ${draft.missing.join(' and no ')}. Use **Edit details** before publishing.`));
  const embed: APIEmbed = {
    title: truncate(`Preview: ${d.headline ?? '(no headline)'}`, Limits.embedTitle),
    description: truncate(quotes.join('\n\n'), Limits.embedDescription),
    color: draft.missing.length > 0 || draft.syndication ? Colors.progress : Colors.more,
    fields,
    footer: { text: 'Only you can see this preview. Nothing is written until you press Publish.' },
  };
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      button(`${ARTICLES_PREFIX}:publish:${key}`, 'Publish', ButtonStyle.Success, draft.missing.length > 0),
      button(`${ARTICLES_PREFIX}:edit:${key}`, 'Edit details', ButtonStyle.Secondary),
      button(`${ARTICLES_PREFIX}:cancel:${key}`, 'Cancel', ButtonStyle.Danger),
    ],
  };
  return { embeds: [embed], components: [row], allowedMentions: NO_PINGS };
}

/** The modal for correcting a draft's details (label components with text inputs, prefilled). */
export function detailsModal(draft: ArticleDraft, key: string): APIModalInteractionResponseCallbackData {
  const input = (id: string, label: string, value: string | null, required: boolean, placeholder: string): APILabelComponent => ({
    type: ComponentType.Label,
    label,
    component: {
      type: ComponentType.TextInput,
      custom_id: id,
      style: TextInputStyle.Short,
      required,
      max_length: 300,
      placeholder,
      ...(value ? { value: value.slice(0, 300) } : {}),
    },
  });
  const d = draft.details;
  return {
    custom_id: `${ARTICLES_PREFIX}:modal:${key}`,
    title: 'Article details',
    components: [
      input('outlet', 'Outlet', d.outlet, true, 'The Independent'),
      input('headline', 'Headline', d.headline, true, 'The headline as published'),
      input('published', 'Date published (YYYY-MM-DD)', d.published, false, '2026-01-06'),
      input('author', 'Author', d.author, false, 'Leave empty when not known'),
    ],
  };
}

export function confirmRemoveReply(label: string, key: string): ReplyPayload {
  const embed: APIEmbed = {
    title: 'Remove this article?',
    description: `${truncate(label, 1000)}\n\nIts corpus file is deleted and the index rebuilt; questions will no longer be answered from it.`,
    color: Colors.error,
  };
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [button(`${ARTICLES_PREFIX}:remove:${key}`, 'Remove', ButtonStyle.Danger), button(`${ARTICLES_PREFIX}:cancel:${key}`, 'Cancel', ButtonStyle.Secondary)],
  };
  return { embeds: [embed], components: [row], allowedMentions: NO_PINGS };
}

/** The finished add or remove: the reindex report with a title saying what was done. */
export function changedReply(what: 'added' | 'removed', label: string, result: PublishReport, labels: ArticleLabels): ReplyPayload {
  const reply = reportReply(result.report, labels);
  const embed = reply.embeds[0]!;
  embed.title = what === 'added' ? 'Article published' : 'Article removed';
  embed.description = truncate(`${what === 'added' ? 'Added' : 'Removed'} ${label} (\`${result.file}\`).\n${embed.description ?? ''}`, Limits.embedDescription);
  return reply;
}

export function noticeReply(title: string, text: string, color: number = Colors.abstained): ReplyPayload {
  return { embeds: [{ title, description: truncate(text, Limits.embedDescription), color }], components: [], allowedMentions: NO_PINGS };
}

export function listReply(list: ArticleList): ReplyPayload {
  const lines = list.articles.map((a) => {
    const passages = a.passages !== null ? `${a.passages} passages` : a.status;
    return `• **${shownAsText(truncate(a.outlet, 60))}**, ${link(truncate(shownAsText(a.headline), 120), a.url)} · ${formatDate(a.published)} · ${passages} · \`${a.id}\``;
  });
  const fields: APIEmbedField[] = [];
  if (list.skipped.length > 0) {
    fields.push(field(`Skipped files (${list.skipped.length})`, listWithin(list.skipped.map((s) => `• ${shownAsText(truncate(s.reason, 200))}`), Limits.fieldValue, (n) => `…and ${n} more`)));
  }
  const embed: APIEmbed = {
    title: `Articles in the corpus (${list.articles.length})`,
    description: listWithin(lines, Limits.embedDescription - 200, (n) => `…and ${n} more (\`npm run articles -- list\` shows them all)`) || 'The corpus holds no articles.',
    color: Colors.sources,
    fields,
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}

function changeLines(e: HistoryEntry): string[] {
  if (!e.changes) return ['  (the oldest build kept)'];
  const label = (id: string) => shownAsText(truncate(e.labels[id] ?? id, 90));
  const lines = [...e.changes.added.map((id) => `  + ${label(id)}`), ...e.changes.changed.map((id) => `  ~ ${label(id)}`), ...e.changes.removed.map((id) => `  − ${label(id)}`)];
  return lines.length > 0 ? lines : ['  no article changed'];
}

export function historyReply(history: HistoryEntry[]): ReplyPayload {
  const blocks = history.map((e) => {
    const who = e.by ? `${e.action ?? 'build'} by ${shownAsText(actorLabel(e.by))}` : 'not in the audit log';
    return [`${e.current ? '▶️ **in use** ' : ''}\`${e.build}\` · ${discordTime(e.builtAt)} · ${e.articles} articles · ${who}`, ...changeLines(e)].join('\n');
  });
  const embed: APIEmbed = {
    title: `Index builds kept (${history.length})`,
    description: listWithin(blocks, Limits.embedDescription - 100, (n) => `…and ${n} older`) || 'No index builds are kept yet.',
    color: Colors.sources,
    footer: { text: '/articles rollback build: swaps a kept build back in.' },
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}

export function rollbackReply(r: RollbackReport): ReplyPayload {
  const lines = [`Build \`${r.build}\` (built ${discordTime(r.builtAt)}, ${r.articles} articles) is in use now; it was \`${r.previous ?? 'none'}\`.`];
  const fields: APIEmbedField[] = [];
  if (r.differs.length > 0) {
    fields.push(field(`Corpus files that differ from it (${r.differs.length})`, listWithin(r.differs.map((d) => `• ${shownAsText(d)}`), Limits.fieldValue, (n) => `…and ${n} more`)));
    lines.push('The corpus was not changed: the next reindex takes these files in again.');
  } else lines.push('The corpus matches this build.');
  return { embeds: [{ title: 'Rolled back', description: lines.join('\n'), color: Colors.sources, fields }], components: [], allowedMentions: NO_PINGS };
}

/** One audit entry as a line (also what MOD_LOG_CHANNEL_ID gets). */
export function auditLine(e: AuditEntry): string {
  const what = e.article
    ? ` ${e.article.outlet ? `${e.article.outlet}: ` : ''}${e.article.headline ? `“${truncate(e.article.headline, 120)}”` : e.article.id}`
    : e.action === 'rollback' && e.build
      ? ` to build ${e.build}`
      : '';
  const changes = e.changes ? ` (+${e.changes.added.length} ~${e.changes.changed.length} −${e.changes.removed.length})` : '';
  const result = e.ok ? changes : ` — failed: ${truncate(e.error?.message ?? 'unknown error', 200)}`;
  return shownAsText(`${actorLabel(e.actor)}: ${e.action}${what}${result}`);
}

export function auditReply(entries: AuditEntry[]): ReplyPayload {
  const lines = entries.reverse().map((e) => `${discordTime(e.at).split(' ')[0]} ${auditLine(e)}`);
  const embed: APIEmbed = {
    title: 'Audit log (newest first)',
    description: listWithin(lines, Limits.embedDescription - 100, (n) => `…and ${n} older (\`npm run articles -- log\`)`) || 'The audit log is empty.',
    color: Colors.sources,
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}

export function modLogMessage(e: AuditEntry): { content: string; allowed_mentions: { parse: [] } } {
  return { content: truncate(`📝 ${auditLine(e)}`, Limits.content), allowed_mentions: { parse: [] } };
}
