/**
 * The one sentence splitter, used by passage packing, answer quote picking, coverage comparison and
 * quote attribution. A sentence ends at . ! ? or … followed by a capital, a digit or a dash, except:
 *  - after an abbreviation ("Mr.", "Gen.", "U.S.": words/abbreviations.ts) or an initial ("Donald J. Trump");
 *  - inside a quotation: `He said: "We will go. And we will win."` is one sentence. A quotation
 *    reopened for a new paragraph of the same speech (`... peace. "And we are closer ..."`) starts a
 *    new sentence, and a quotation left open at the end of a passage is carried into the next one.
 *
 * `splitSentences` also gives each sentence a masked copy, with each quotation segment replaced by a
 * placeholder (`\uE000n\uE001`), so the words around the quotes, where attributions live ("Sir Keir
 * said:", ", he added."), can be read with plain patterns while the quoted words stay out of the way.
 * `sentences` is the plain view: the sentences' texts.
 */
import { scanQuotes, SENTENCE_END_MARKS, type QuoteKind, type QuoteSegment } from './quotes.js';
import { alternation } from './patterns.js';
import { ABBREVIATIONS } from './words/abbreviations.js';

export type { QuoteKind, QuoteSegment } from './quotes.js';

export const PH_OPEN = '\uE000';
export const PH_CLOSE = '\uE001';
/** One placeholder, capturing its segment number. */
export const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export interface Sentence {
  /** The sentence as written. */
  text: string;
  /** The sentence with each quotation segment (marks included) replaced by a placeholder. */
  masked: string;
  /** The quotation segments, indexed by their placeholder numbers. */
  quotes: QuoteSegment[];
  /** The sentence starts with a segment that continues a quotation from before it. */
  continuesQuote: boolean;
}

export interface SplitPassage {
  sentences: Sentence[];
  openAtEnd: QuoteKind | null;
}

/** Text ending in an abbreviation or an initial ("J."), whose full stop does not end a sentence. */
const ABBREVIATION = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternation(ABBREVIATIONS)}|\\p{Lu})\\.$`, 'u');
/** How far back an abbreviation can start before its full stop. */
const ABBREVIATION_REACH = Math.max(...ABBREVIATIONS.map((a) => a.length)) + 2;
const SENTENCE_END = new RegExp(`[${SENTENCE_END_MARKS}]$`);

/** Replaces the segments with placeholders; also returns where each placeholder starts in the masked text. */
function mask(text: string, segments: QuoteSegment[]): { masked: string; starts: number[] } {
  let masked = '';
  let at = 0;
  const starts: number[] = [];
  segments.forEach((seg, n) => {
    const from = Math.max(seg.open, 0);
    const to = seg.end;
    masked += text.slice(at, from);
    starts.push(masked.length);
    masked += `${PH_OPEN}${n}${PH_CLOSE}`;
    at = to;
  });
  masked += text.slice(at);
  return { masked, starts };
}

/** Turns a masked span back into the words as written, quote marks included. */
export function unmask(masked: string, quotes: QuoteSegment[]): string {
  return masked.replace(PLACEHOLDER, (_m, n: string) => quotes[Number(n)]?.raw ?? '');
}

/** Renumbers the placeholders of one sentence from 0. */
function renumber(masked: string, offset: number): string {
  return masked.replace(PLACEHOLDER, (_m, n: string) => `${PH_OPEN}${Number(n) - offset}${PH_CLOSE}`);
}

/**
 * Sentence boundaries in the masked text: after . ! ? (not an abbreviation) followed by a capital,
 * a digit, a placeholder or a dash; and before a placeholder whose segment reopens a quotation.
 */
function boundaries(masked: string, segments: QuoteSegment[], starts: number[]): number[] {
  const cuts = new Set<number>();
  const re = new RegExp(`[${SENTENCE_END_MARKS}](?=\\s+(?:[\\p{Lu}\\p{N}\\uE000–—-]))`, 'gu');
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    if (!ABBREVIATION.test(masked.slice(Math.max(0, m.index - ABBREVIATION_REACH), m.index + 1))) cuts.add(m.index + 1);
  }
  // A closing placeholder ending a sentence: `... ⟦0⟧ ⟦1⟧` when the first segment closed with a full stop.
  segments.forEach((seg, n) => {
    const start = starts[n] ?? 0;
    if (seg.continues && start > 0) cuts.add(start);
    const end = start + `${PH_OPEN}${n}${PH_CLOSE}`.length;
    if (seg.close !== null && SENTENCE_END.test(seg.text) && /^\s+[\p{Lu}\uE000]/u.test(masked.slice(end))) cuts.add(end);
  });
  return [...cuts].sort((a, b) => a - b);
}

/** Splits a passage; `carried` is the quote kind left open at the end of the previous passage. */
export function splitSentences(text: string, carried: QuoteKind | null = null): SplitPassage {
  const { segments, openAtEnd } = scanQuotes(text, carried);
  const { masked, starts } = mask(text, segments);
  const cuts = [0, ...boundaries(masked, segments, starts), masked.length];
  const sentences: Sentence[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const raw = masked.slice(cuts[k], cuts[k + 1]);
    const piece = raw.trim();
    if (piece === '') continue;
    const numbers = [...piece.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
    const first = numbers[0] ?? 0;
    const quotes = numbers.map((n) => segments[n]).filter((s): s is QuoteSegment => s !== undefined);
    const sentenceMasked = renumber(piece, first);
    const sentenceText = unmask(sentenceMasked, quotes).trim();
    sentences.push({
      text: sentenceText,
      masked: sentenceMasked,
      quotes,
      continuesQuote: piece.startsWith(PH_OPEN) && (quotes[0]?.continues ?? false),
    });
  }
  return { sentences, openAtEnd };
}

/** Texts cut into sentences are cut again and again (a build's vectors and its news layer, quotes in answers): kept, up to a bound. */
const SENTENCES_MEMO = 50_000;
const cut = new Map<string, readonly string[]>();

/** The sentences of a text, as written: the plain view of splitSentences, for a text that starts outside any quotation. */
export function sentences(text: string): string[] {
  let found = cut.get(text);
  if (found === undefined) {
    if (cut.size >= SENTENCES_MEMO) cut.clear();
    found = splitSentences(text).sentences.map((s) => s.text);
    cut.set(text, found);
  }
  return [...found];
}

/**
 * A chat message's sentences, each with where it ends in the message: cut after ".", "!" or "?" and white space (or the
 * end), whatever the case of the next letter. Chat is often written in lower case ("what's the elysee? lbc mentions
 * it"), where the splitter above, made for copy, waits for a capital. A mark inside a word ("No.10") cuts nothing; one
 * before white space does, an abbreviation's too ("the U.S. agreed": the chat reader has no list of them).
 */
export function messageSentences(message: string): { text: string; end: number }[] {
  const out: { text: string; end: number }[] = [];
  let start = 0;
  for (const m of message.matchAll(/[.!?]+(?=\s|$)/g)) {
    const end = m.index + m[0].length;
    const text = message.slice(start, end).trim();
    if (text !== '') out.push({ text, end });
    start = end;
  }
  const rest = message.slice(start).trim();
  if (rest !== '') out.push({ text: rest, end: message.length });
  return out;
}

/** A stretch of a text, by character offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * A chat message's clauses: its sentences (messageSentences) cut again at commas, colons, semicolons and dashes, each
 * trimmed, with where it stands in the message (the offsets are of the untrimmed clause).
 */
export function messageClauses(message: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  let start = 0;
  for (const sentence of messageSentences(message)) {
    const end = sentence.end;
    let from = start;
    for (const cut of message.slice(start, end).matchAll(/[;,:—–]+|\s-\s/g)) {
      out.push({ start: from, end: start + cut.index, text: message.slice(from, start + cut.index) });
      from = start + cut.index + cut[0].length;
    }
    out.push({ start: from, end, text: message.slice(from, end) });
    start = end;
  }
  return out.filter((c) => c.text.trim() !== '').map((c) => ({ ...c, text: c.text.trim() }));
}
