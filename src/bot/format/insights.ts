/** /insights: what members asked, what went unanswered, the lowest-rated answers and the outlets cited. Pure. */
import type { APIEmbed } from 'discord.js';
import type { Insights } from '../../store/types.js';
import { Limits } from '../limits.js';
import { shownAsText, truncate } from '../text.js';
import { Colors, NO_PINGS, type ReplyPayload } from './common.js';
import { listWithin } from './sources.js';

const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`);

export function insightsReply(insights: Insights, days: number): ReplyPayload {
  const { asked, answered, refused, other } = insights;
  const quoted = (q: string | null): string => (q === null ? '(question not kept)' : `“${truncate(shownAsText(q.replace(/\s+/g, ' ')), 150)}”`);
  const refusedLines = insights.topRefused.map((r) => `• ${quoted(r.question)} ×${r.count}${r.reason ? ` (${r.reason.toLowerCase().replace(/_/g, ' ')})` : ''}`);
  const ratedLines = insights.lowestRated.map((r) => {
    const reports = r.reports.map((c) => `\n  ↳ ${truncate(shownAsText(c.replace(/\s+/g, ' ')), 160)}`).join('');
    return `• ${quoted(r.question)} 👍 ${r.up} 👎 ${r.down}${reports}`;
  });
  const outletLines = insights.outlets.map((o) => `• ${shownAsText(o.outlet)}: cited in ${o.count} answer${o.count === 1 ? '' : 's'}`);
  const list = (lines: string[], none: string) => (lines.length === 0 ? none : listWithin(lines, Limits.fieldValue, (n) => `…and ${n} more`));
  const embed: APIEmbed = {
    title: `Insights: the last ${days} day${days === 1 ? '' : 's'}`,
    description:
      asked === 0
        ? 'No questions were asked in this period.'
        : `**${asked}** question${asked === 1 ? '' : 's'} asked: **${answered}** answered (${pct(answered, asked)}), **${refused}** refused (${pct(refused, asked)}), ${other} small talk or clarifications.\nVotes: 👍 ${insights.votes.up} · 👎 ${insights.votes.down}`,
    color: Colors.sources,
    fields: [
      { name: 'Most frequent refused questions (what the coverage is missing)', value: list(refusedLines, 'None.') },
      { name: 'Lowest-rated answers and their reports', value: list(ratedLines, 'No thumbs down or reports.') },
      { name: 'Outlets cited most', value: list(outletLines, 'No answer cited an outlet.') },
    ],
    footer: { text: 'Question text is kept only for refused or low-rated answers, and deleted after the retention period.' },
  };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}
