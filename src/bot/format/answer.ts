/**
 * An AnswerResult as a Discord reply: one embed (the answer with its [n] markers, then one field per source with
 * outlet, headline, date, link and "also in ..." for syndicated copies), link buttons for the articles and a
 * "More sources" button for the passages not quoted. Pure: JSON in, JSON out, always within Discord's limits.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import { formatDate } from '../../answer/citations.js';
import { answerText, examplesOf, type TextHints } from '../../answer/text.js';
import type { AlsoIn, AnswerResult, Citation, RankedPassage } from '../../answer/types.js';
import { TOPIC_NAME } from '../../topic/profile.js';
import { Limits } from '../limits.js';
import { citedNumbers, isHttpUrl, link, neutralizeMentions, shownAsText, truncate, truncateCited } from '../text.js';
import { Colors, embedLength, NO_PINGS, type ReplyPayload } from './common.js';

/** How many passages a "More sources" page shows. */
export const MORE_PAGE_SIZE = 3;
/** Longest excerpt of a passage on a "More sources" page. */
const EXCERPT_CHARS = 600;
/** Longest headline shown for a source. */
const HEADLINE_CHARS = 200;
/** The answer keeps at least this much room (when it is that long); the sources fields share the rest. */
const MIN_ANSWER_CHARS = 2500;

const FOOTER = `Quoted from news coverage of ${TOPIC_NAME} · /sources lists what is indexed`;

/** The footer of an answer: how current the coverage is when known ("Coverage as of 7 Jan 2026, 5 articles"), else the general one. */
function footerFor(coverage: string | undefined): string {
  return coverage ? `${coverage} · /sources lists what is indexed` : FOOTER;
}

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** `more:<key>:<page>`: the button that shows page `page` of the passages an answer did not quote. */
export function moreCustomId(key: string, page: number): string {
  return `more:${key}:${page}`;
}

export function parseMoreCustomId(customId: string): { key: string; page: number } | null {
  const m = /^more:([^:]{1,64}):(\d{1,3})$/.exec(customId);
  return m ? { key: m[1]!, page: Number(m[2]) } : null;
}

/** "Also in A, B and N more": linked outlet names while they fit in `max` characters, plain names after that. */
function alsoIn(also: readonly AlsoIn[], exclude: string, max: number, unlisted = 0): string {
  const seen = new Set<string>([exclude]);
  const outlets = also.filter((a) => !seen.has(a.article) && (seen.add(a.article), true));
  if (outlets.length === 0) return '';
  let text = 'Also in';
  let shown = 0;
  for (const a of outlets) {
    const left = outlets.length + unlisted - shown - 1;
    const tail = left > 0 ? ` and ${left} more` : '';
    const sep = shown === 0 ? ' ' : ', ';
    const linked = link(neutralizeMentions(a.outlet), a.url);
    const plain = link(neutralizeMentions(a.outlet), null);
    const part = text.length + sep.length + linked.length + tail.length <= max ? linked : plain;
    if (text.length + sep.length + part.length + tail.length > max) break;
    text += sep + part;
    shown++;
  }
  if (shown === 0) return '';
  return shown < outlets.length + unlisted ? `${text} and ${outlets.length + unlisted - shown} more` : text;
}

/** Syndicated copies of the passages quoted under citation `n`. */
function alsoForCitation(citation: Citation, passages: readonly RankedPassage[]): AlsoIn[] {
  return passages.filter((p) => p.citation === citation.n).flatMap((p) => p.also);
}

/** Syndicated copies of those passages the answer counts without listing them. */
function unlistedForCitation(citation: Citation, passages: readonly RankedPassage[]): number {
  return passages.filter((p) => p.citation === citation.n).reduce((sum, p) => sum + (p.unlisted?.articles ?? 0), 0);
}

/** The headline, linked when there is an address and room for it, within `max` characters. */
function sourceLine(headline: string, url: string | null, max: number): string {
  const note = isHttpUrl(url) ? '' : ' (no link known)';
  const text = truncate(shownAsText(headline), Math.max(20, Math.min(HEADLINE_CHARS, max - note.length)));
  const linked = link(text, url);
  return linked.length + note.length <= max ? `${linked}${note}` : truncate(`${link(text, null)}${note}`, max);
}

/** One source: `[n] Outlet · date`, then its headline (linked) and where else the quoted passage ran; name and value in `max` characters. */
export function citationField(citation: Citation, passages: readonly RankedPassage[], max: number = Limits.fieldName + Limits.fieldValue): APIEmbedField {
  const name = truncate(`[${citation.n}] ${neutralizeMentions(citation.outlet)} · ${formatDate(citation.published)}`, Limits.fieldName);
  const room = Math.min(Limits.fieldValue, max - name.length);
  const headline = sourceLine(citation.headline, citation.url, room);
  const also = alsoIn(alsoForCitation(citation, passages), citation.articleId, room - headline.length - 1, unlistedForCitation(citation, passages));
  return { name, value: also ? `${headline}\n${also}` : headline };
}

/** Link buttons opening the cited articles (those with an address), at most one row. */
export function linkButtons(items: readonly { label: string; url: string | null }[]): ButtonRow | null {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const item of items) {
    if (!isHttpUrl(item.url) || item.url.length > Limits.buttonUrl || seen.has(item.url)) continue;
    seen.add(item.url);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: truncate(neutralizeMentions(item.label), Limits.buttonLabel), url: item.url });
    if (buttons.length === Limits.buttonsPerRow) break;
  }
  return buttons.length > 0 ? { type: ComponentType.ActionRow, components: buttons } : null;
}

function moreButton(customId: string, label = 'More sources'): ButtonRow {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId }],
  };
}

/** What Discord adds to an answer's text. */
export const BOT_HINTS: TextHints = { allStatements: (speaker) => `(/quote ${speaker} lists them all)` };

/** Ids of the passages an answer quotes: its quotes', its statements' and its comparison's. */
export function quotedPassageIds(result: AnswerResult): Set<string> {
  switch (result.kind) {
    case 'passages':
      return new Set(result.quotes.map((q) => q.passageId));
    case 'statements':
      return new Set(result.sections.flatMap((s) => s.statements.slice(0, s.shown).flatMap((l) => l.passageIds)));
    case 'compare':
      return new Set(result.comparison.outlets.flatMap((o) => (o.quote ? [o.quote.passageId] : [])));
    case 'attribution':
      return new Set(result.attributions.flatMap((a) => a.statement.passageIds));
    case 'abstain':
    case 'chat':
    case 'coverage':
    case 'clarify':
      return new Set();
  }
}

/** The ranked passages an answer did not quote: what "More sources" pages through. */
export function unquotedPassages(result: AnswerResult): RankedPassage[] {
  // An abstention lists the nearest passages but quotes none: nothing to page through. (Small talk, coverage
  // lists and clarifications carry no passages.)
  if (result.kind === 'abstain') return [];
  const quoted = quotedPassageIds(result);
  return result.passages.filter((p) => !quoted.has(p.id));
}

/** A reply that quotes nothing (an abstention, small talk, a clarification): its words, then questions to try. */
function plainDescription(result: AnswerResult): string {
  const parts = [shownAsText(answerText(result, BOT_HINTS).trim())];
  const examples = examplesOf(result);
  if (examples.length > 0) parts.push(`**You could ask:**\n${examples.map((s) => `• ${shownAsText(s)}`).join('\n')}`);
  return parts.filter(Boolean).join('\n\n');
}

export interface AnswerReplyOptions {
  /** Shown as the embed title: the question, or "What X said". */
  title: string;
  /** Key under which the result is kept for "More sources"; no button when null. */
  moreKey: string | null;
  /** How current the coverage is, for the footer ("Coverage as of 7 Jan 2026, 5 articles"). */
  coverage?: string;
}

/** The reply to /ask or /quote. */
export function answerReply(result: AnswerResult, { title, moreKey, coverage }: AnswerReplyOptions): ReplyPayload {
  const footer = footerFor(coverage);
  const embedTitle = truncate(shownAsText(title.replace(/\s+/g, ' ').trim()), Limits.embedTitle);
  const abstained = result.kind === 'abstain';
  const quotes = result.kind === 'passages' || result.kind === 'statements' || result.kind === 'compare' || result.kind === 'attribution';
  const text = quotes ? shownAsText(answerText(result, BOT_HINTS)) : plainDescription(result);
  // Sources share what the title, footer and (up to MIN_ANSWER_CHARS of) the answer leave.
  const cited = result.citations.slice(0, Limits.embedFields);
  const forFields = Limits.embedTotal - embedTitle.length - footer.length - Math.min(text.length, MIN_ANSWER_CHARS);
  const perField = Math.floor(forFields / Math.max(1, cited.length));
  const fields = cited.map((c) => citationField(c, result.passages, perField));
  const fixed = embedTitle.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const room = Math.max(0, Math.min(Limits.embedDescription, Limits.embedTotal - fixed));
  const description = truncateCited(text.trim() === '' ? 'The coverage gave no passage to quote for this.' : text, room);

  // Sources for the markers the (possibly shortened) answer still shows; all of them when it shows none.
  const shown = citedNumbers(description);
  const kept = shown.size > 0 ? result.citations.filter((c) => shown.has(c.n)) : result.citations;
  const keptFields = fields.filter((_, i) => kept.includes(result.citations[i]!));

  const embed: APIEmbed = {
    title: embedTitle,
    description,
    color: abstained ? Colors.abstained : Colors.answer,
    fields: keptFields,
    footer: { text: footer },
  };
  // Only reachable with more sources than an answer ever quotes: drop the last ones rather than exceed the limit.
  while (embedLength(embed) > Limits.embedTotal && keptFields.length > 0) keptFields.pop();
  const components: ButtonRow[] = [];
  const links = linkButtons(kept.map((c) => ({ label: `[${c.n}] ${c.outlet}`, url: c.url })));
  if (links) components.push(links);
  if (moreKey !== null && unquotedPassages(result).length > 0) components.push(moreButton(moreCustomId(moreKey, 0)));
  return { embeds: [embed], components, allowedMentions: NO_PINGS };
}

function passageField(p: RankedPassage): APIEmbedField {
  const name = truncate(`#${p.rank} ${neutralizeMentions(p.outlet)} · ${formatDate(p.published)}`, Limits.fieldName);
  const excerpt = truncate(shownAsText(p.text.replace(/\s+/g, ' ').trim()), EXCERPT_CHARS);
  const quote = `> ${excerpt}`;
  const headline = sourceLine(p.headline, p.url, Limits.fieldValue - quote.length - 1);
  const also = alsoIn(p.also, p.article, Limits.fieldValue - quote.length - headline.length - 2, p.unlisted?.articles ?? 0);
  return { name, value: [quote, headline, also].filter(Boolean).join('\n') };
}

/** Page `page` (0-based) of the passages the answer did not quote. */
export function morePage(result: AnswerResult, { title, key, page }: { title: string; key: string; page: number }): ReplyPayload {
  const passages = unquotedPassages(result);
  const pages = Math.max(1, Math.ceil(passages.length / MORE_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = passages.slice(current * MORE_PAGE_SIZE, (current + 1) * MORE_PAGE_SIZE);
  const embed: APIEmbed = {
    title: truncate(`More sources: ${shownAsText(title.replace(/\s+/g, ' ').trim())}`, Limits.embedTitle),
    description:
      slice.length === 0
        ? 'No further passages: the answer already quotes every passage found.'
        : 'Passages the search also found, in rank order. They are not part of the quoted answer.',
    color: Colors.more,
    fields: slice.map(passageField),
    footer: { text: slice.length === 0 ? FOOTER : `Page ${current + 1} of ${pages} · passages ranked ${slice[0]!.rank}–${slice.at(-1)!.rank}` },
  };
  const components: ButtonRow[] = [];
  const links = linkButtons(slice.map((p) => ({ label: `#${p.rank} ${p.outlet}`, url: p.url })));
  if (links) components.push(links);
  if (current + 1 < pages) components.push(moreButton(moreCustomId(key, current + 1)));
  return { embeds: [embed], components, allowedMentions: NO_PINGS };
}
