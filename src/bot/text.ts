/**
 * Text helpers for what the bot sends: cutting to Discord's limits without breaking surrogate pairs, words or
 * citation markers, and neutralising mentions so nothing that came from the corpus or a question can ping.
 */

import { escapeMarkdown } from 'discord.js';

const ELLIPSIS = '…';
const ZWSP = '\u200b';

/**
 * Text that came from a question or the corpus, shown as written: markdown characters, headings, list
 * markers and masked links (`[text](url)`) escaped, mentions neutralised. Citation markers `[1]` are untouched.
 */
export function shownAsText(text: string): string {
  return neutralizeMentions(escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true }));
}

/** `@everyone`, `@here`, `<@id>`, `<@!id>` and `<@&id>` shown as text, never as mentions. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d+)>/g, `<@${ZWSP}$1>`);
}

/** Cuts before `max` code units, never inside a surrogate pair. */
function safeSlice(text: string, max: number): string {
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Where to cut `text` to at most `max` characters: a line break, sentence end or space near the end when there is one. */
function cutPoint(text: string, max: number): number {
  const head = safeSlice(text, max);
  const floor = Math.floor(max * 0.6);
  const candidates = [head.lastIndexOf('\n'), ...[...head.matchAll(/[.!?…”’"]\s/g)].map((m) => m.index + 1)];
  const best = Math.max(...candidates);
  if (best >= floor) return best;
  const space = head.lastIndexOf(' ');
  return space >= floor ? space : head.length;
}

/** At most `max` characters; when cut, cut at a word boundary and end with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return safeSlice(ELLIPSIS, max);
  return `${text.slice(0, cutPoint(text, max - 1)).trimEnd()}${ELLIPSIS}`;
}

/** Numbers of the citation markers (`[n]`) in a text. */
export function citedNumbers(text: string): Set<number> {
  return new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
}

const MARKERS = /(?:\[\d+\])+/g;

function opensQuote(text: string): boolean {
  return (text.match(/“/g)?.length ?? 0) > (text.match(/”/g)?.length ?? 0);
}

/**
 * The start of one line of an answer in at most `room` characters, ending `…”` and the citation markers that
 * attribute the cut passage; null when there is no room for a useful part of it.
 */
function cutLine(line: string, room: number): string | null {
  const groups = [...line.matchAll(MARKERS)].map((m) => ({ start: m.index, text: m[0] }));
  let reserve = 2 + Math.max(0, ...groups.map((g) => g.text.length + 1));
  for (let attempt = 0; attempt < 4; attempt++) {
    const budget = room - reserve;
    if (budget < 20) return null;
    let c = cutPoint(line, budget);
    const straddled = groups.find((g) => g.start < c && c < g.start + g.text.length);
    if (straddled) c = straddled.start;
    const kept = line.slice(0, c).trimEnd();
    const group = groups.find((g) => g.start >= c);
    const suffix = `${ELLIPSIS}${opensQuote(kept) ? '”' : ''}${group ? ` ${group.text}` : ''}`;
    const out = `${kept}${suffix}`;
    if (out.length <= room) return out;
    reserve += out.length - room;
  }
  return null;
}

/**
 * Cuts an answer with `[n]` citation markers to at most `max` characters without breaking citations: whole lines
 * are kept while they fit; the line that does not fit is cut at a word boundary and keeps the markers that
 * attribute it (`“… passage…” [2]`); a marker is never cut in half.
 */
export function truncateCited(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  let out = '';
  for (const line of lines) {
    const sep = out === '' ? '' : '\n';
    if (out.length + sep.length + line.length <= max - 2) {
      out += sep + line;
      continue;
    }
    const partial = cutLine(line, max - out.length - sep.length);
    if (partial !== null) out += sep + partial;
    else if (out !== '') out += `\n${ELLIPSIS}`;
    else out = truncate(line, max);
    break;
  }
  return out;
}

/** Escapes what would end a markdown link's text early. */
export function linkText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

/** A markdown link when there is a usable http(s) address; otherwise the text alone. */
export function link(text: string, url: string | null): string {
  const safe = linkText(text);
  if (!isHttpUrl(url)) return safe;
  return `[${safe}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

export function isHttpUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Discord mention syntax and @everyone/@here: noise to search, and never repeated as a ping. */
const MENTION_SYNTAX = /<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b/g;

/** A question as the engine should read it: mentions, channel links and custom emoji taken out. */
export function withoutMentions(question: string): string {
  return question.replace(MENTION_SYNTAX, ' ').replace(/\s+/g, ' ').trim();
}
