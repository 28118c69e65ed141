/** What the bot keeps, in words (/help, /privacy), and one member's data (/privacy). Pure. */
import { ButtonStyle, ComponentType, type APIEmbed } from 'discord.js';
import type { MemberData } from '../../store/types.js';
import { Limits } from '../limits.js';
import { shownAsText, truncate } from '../text.js';
import { Colors, NO_PINGS, type ReplyPayload } from './common.js';
import { listWithin } from './sources.js';

export const PRIVACY_DELETE_ID = 'privacy:delete';

/** The privacy statement, for /help and /privacy. */
export function privacyStatement(retentionDays: number): string {
  return [
    'For each question I keep its outcome (answered or refused), the outlets cited, when, and in which server and channel, with your id as a keyed hash (never the id itself).',
    'The text of a question only when I could not answer it, or when someone gave the answer a 👎 or reported it, so moderators can see what the coverage is missing.',
    `Votes and problem reports (with your comment). Everything is deleted after ${retentionDays} days. Follow-up threads are not copied: Discord keeps them.`,
    '/privacy shows what is kept about you and deletes it.',
  ].join(' ');
}

const when = (ms: number): string => `<t:${Math.floor(ms / 1000)}:d>`;

export function privacyReply(data: MemberData, retentionDays: number): ReplyPayload {
  const answered = data.questions.filter((q) => q.outcome === 'answered').length;
  const refused = data.questions.filter((q) => q.outcome === 'refused').length;
  const texts = data.questions.filter((q) => q.question !== null).map((q) => `• ${when(q.askedAt)} “${truncate(shownAsText(q.question!), 150)}”`);
  const reports = data.reports.map((r) => `• ${when(r.reportedAt)} “${truncate(shownAsText(r.comment), 200)}”`);
  const up = data.votes.filter((v) => v.vote === 1).length;
  const list = (lines: string[]) => (lines.length === 0 ? 'None.' : listWithin(lines, Limits.fieldValue, (n) => `…and ${n} more`));
  const nothing = data.questions.length + data.votes.length + data.reports.length === 0;
  const embed: APIEmbed = {
    title: 'What this bot keeps about you',
    description: nothing ? 'Nothing is kept about you.' : privacyStatement(retentionDays),
    color: Colors.sources,
    fields: nothing
      ? []
      : [
          { name: 'Questions recorded', value: `${data.questions.length} (${answered} answered, ${refused} refused, ${data.questions.length - answered - refused} other)` },
          { name: 'Question texts kept', value: list(texts) },
          { name: 'Votes', value: `👍 ${up} · 👎 ${data.votes.length - up}` },
          { name: 'Problem reports', value: list(reports) },
        ],
  };
  const components = nothing
    ? []
    : [{ type: ComponentType.ActionRow as const, components: [{ type: ComponentType.Button as const, style: ButtonStyle.Danger as const, label: 'Delete what is kept about me', custom_id: PRIVACY_DELETE_ID }] }];
  return { embeds: [embed], components, allowedMentions: NO_PINGS };
}
