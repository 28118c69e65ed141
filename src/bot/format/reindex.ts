/** /reindex: progress while it runs, then what changed. Pure. */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { ReindexProgress } from '../../index/buildIndex.js';
import { embeddingSummary, REPORT_NAMES_SHOWN, type ReindexReport } from '../../index/report.js';
import { Limits } from '../limits.js';
import { neutralizeMentions, truncate } from '../text.js';
import { Colors, NO_PINGS, type ReplyPayload } from './common.js';
import { listWithin } from './sources.js';

const STAGES: { stage: ReindexProgress['stage']; label: string }[] = [
  { stage: 'reading', label: 'Reading the corpus' },
  { stage: 'passages', label: 'Splitting passages' },
  { stage: 'embedding', label: 'Embedding passages' },
  { stage: 'indexing', label: 'Building the index' },
  { stage: 'saving', label: 'Saving the index' },
];

function bar(done: number, total: number, width = 16): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return `\`${'█'.repeat(filled)}${'░'.repeat(width - filled)}\` ${done}/${total}`;
}

export function progressReply(p: ReindexProgress | null, startedBy: string): ReplyPayload {
  const current = p ? STAGES.findIndex((s) => s.stage === p.stage) : -1;
  const lines = STAGES.map((s, i) => {
    if (p?.stage === 'done' || i < current) return `✅ ${s.label}`;
    if (i === current && p) return `▶️ **${s.label}**${p.total > 1 ? ` ${bar(p.done, p.total)}` : ''}`;
    return `▫️ ${s.label}`;
  });
  if (p?.message) lines.push('', truncate(neutralizeMentions(p.message), 300));
  const embed: APIEmbed = {
    title: 'Reindexing…',
    description: lines.join('\n'),
    color: Colors.progress,
    footer: { text: truncate(`Started by ${neutralizeMentions(startedBy)} · questions are still answered from the current index`, Limits.footerText) },
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}

/** The reindex stopped because the bot is shutting down: the reply says so instead of staying at "Reindexing…". */
export function interruptedReply(startedBy: string): ReplyPayload {
  const embed: APIEmbed = {
    title: 'Reindex interrupted',
    description:
      'The bot was stopped before this reindex finished, so it was abandoned and its partial build removed. ' +
      'Questions are answered from the index that was in use before. Run /reindex again once the bot is back.',
    color: Colors.progress,
    footer: { text: truncate(`Started by ${neutralizeMentions(startedBy)}`, Limits.footerText) },
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}

export type ArticleLabels = ReadonlyMap<string, string>;

function listField(name: string, ids: readonly string[], labels: ArticleLabels): APIEmbedField | null {
  if (ids.length === 0) return null;
  // The count in the name, then the first few: a reindex of a thousand articles stays readable.
  const lines = ids.slice(0, REPORT_NAMES_SHOWN).map((id) => `• ${truncate(neutralizeMentions(labels.get(id) ?? id), 200)}`);
  const rest = ids.length - lines.length;
  if (rest > 0) lines.push(`…and ${rest} more`);
  return { name: `${name} (${ids.length})`, value: listWithin(lines, Limits.fieldValue, (n) => `…and ${n + rest - (rest > 0 ? 1 : 0)} more`) };
}

/** The finished reindex: counts, then the articles added, changed and removed, and files skipped. */
export function reportReply(r: ReindexReport, labels: ArticleLabels = new Map()): ReplyPayload {
  const changed = r.added.length + r.changed.length + r.removed.length;
  const summary = [
    changed === 0 ? 'No articles changed since the last build.' : `${changed} article${changed === 1 ? '' : 's'} changed since the last build.`,
    `**${r.articles}** articles, **${r.passages}** passages with ${r.sentences} of their sentences (${embeddingSummary(r)}), ${r.unchanged} unchanged.`,
    `Took ${(r.ms / 1000).toFixed(1)} s.`,
  ].join('\n');
  const fields = [
    listField('Added', r.added, labels),
    listField('Changed', r.changed, labels),
    listField('Removed', r.removed, labels),
    listField(
      'Skipped files',
      r.problems.map((p) => `${p.file}: ${p.message}`),
      new Map(),
    ),
  ].filter((f): f is APIEmbedField => f !== null);
  const embed: APIEmbed = {
    title: 'Index rebuilt',
    description: summary,
    color: Colors.sources,
    fields,
    footer: { text: changed === 0 ? 'Nothing changed: questions are still answered from the same index.' : 'Questions are now answered from the new index.' },
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}
