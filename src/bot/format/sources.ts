/** /sources: the outlets and articles indexed, with dates and links, and when the index was built. Pure. */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { formatDate } from '../../answer/citations.js';
import { outletList } from '../../corpus/outlets.js';
import type { SourceArticle, SourcesInfo } from '../../engine/types.js';
import { Limits } from '../limits.js';
import { link, neutralizeMentions, shownAsText, truncate } from '../text.js';
import { Colors, NO_PINGS, type ReplyPayload } from './common.js';

/** `<t:…:f> (<t:…:R>)`: Discord shows the time in each reader's time zone. */
export function discordTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = Math.floor(ms / 1000);
  return `<t:${s}:f> (<t:${s}:R>)`;
}

function articleLine(a: SourceArticle): string {
  return `• ${link(truncate(shownAsText(a.headline), 150), a.url)} · ${formatDate(a.published)}${a.url ? '' : ' · no link known'}`;
}

/** Lines joined until `max` characters, then "and N more". */
export function listWithin(lines: readonly string[], max: number, more: (n: number) => string): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const sep = out === '' ? '' : '\n';
    const tail = i + 1 < lines.length ? `\n${more(lines.length - i - 1)}` : '';
    if (out.length + sep.length + line.length + tail.length > max) {
      const rest = `${sep}${more(lines.length - i)}`;
      return out.length + rest.length <= max ? out + rest : truncate(out, max);
    }
    out += sep + line;
  }
  return out;
}

export function sourcesReply(info: SourcesInfo): ReplyPayload {
  const outlets = outletList(info.articles).map((o) => [o, info.articles.filter((a) => a.outlet === o)] as const);
  const title = 'Coverage indexed';
  const description =
    `${info.articles.length} article${info.articles.length === 1 ? '' : 's'} from ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}, ` +
    `${info.passages} passages.\nIndex built ${discordTime(info.builtAt)} with the \`${info.embedder}\` embedder.`;
  const footer = 'Moderators can rebuild it with /reindex';
  // Room for the outlet fields, keeping space for a closing "and N more outlets" field.
  let budget = Limits.embedTotal - title.length - description.length - footer.length - 120;
  const fields: APIEmbedField[] = [];
  let shownOutlets = 0;
  for (const [outlet, articles] of outlets) {
    if (fields.length === Limits.embedFields - 1) break;
    const sorted = [...articles].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    const name = truncate(`${neutralizeMentions(outlet)} (${articles.length})`, Limits.fieldName);
    const room = Math.min(Limits.fieldValue, budget - name.length);
    if (room < 80) break;
    const value = listWithin(sorted.map(articleLine), room, (n) => `…and ${n} more`);
    fields.push({ name, value });
    budget -= name.length + value.length;
    shownOutlets++;
  }
  if (shownOutlets < outlets.length) {
    const rest = outlets.slice(shownOutlets);
    const count = rest.reduce((n, [, a]) => n + a.length, 0);
    fields.push({ name: `…and ${rest.length} more outlets`, value: truncate(`${count} more articles: ${rest.map(([o]) => neutralizeMentions(o)).join(', ')}`, 100) });
  }
  const embed: APIEmbed = { title, description, color: Colors.sources, fields, footer: { text: footer } };
  return { embeds: [embed], components: [], allowedMentions: NO_PINGS };
}
