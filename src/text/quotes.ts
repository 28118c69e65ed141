/**
 * The one quote scanner, used by passage packing (src/passages/pack.ts: is a quotation still open
 * after this paragraph?) and by the sentence splitter that quote attribution reads (sentences.ts).
 *
 * Finds the quotations in a passage. Handles curly (“ ” ‘ ’) and straight (" ') marks, single
 * quotation marks that share ’ with the apostrophe (the Daily Mail's ‘...’), quotes nested inside
 * quotes, and British copy's multi-paragraph quotations: each paragraph reopens the quote and only
 * the last one closes it, so an opening mark after a sentence end, while a quote of the same kind is
 * open, starts a new segment of the same quotation rather than a nested quote:
 *   Sir Keir said: "It's important ... peace. "And we are closer to that goal than ever. ..."
 */

export type QuoteKind = 'double' | 'single';

export interface QuoteSegment {
  kind: QuoteKind;
  /** Index of the opening mark, or -1 when the passage starts inside a quote carried over from the one before. */
  open: number;
  /** Index of the closing mark, or null when the segment runs to a reopening mark or to the end of the text. */
  close: number | null;
  /** Index just past the segment: after its closing mark, or where the next segment opens, or the text's end. */
  end: number;
  /** The quoted words, without the marks. */
  text: string;
  /** The segment as written, marks included. */
  raw: string;
  /** This segment continues the quotation before it: it reopened an open quote, or carried it in. */
  continues: boolean;
}

export interface QuoteScan {
  segments: QuoteSegment[];
  /** The kind of quote still open at the end of the text (its last paragraph was not closed). */
  openAtEnd: QuoteKind | null;
}

const WORD = /[\p{L}\p{N}]/u;
const SPACE_OR_START = /^$|[\s([{—–-]/;
/** Marks that end a sentence. */
export const SENTENCE_END_MARKS = '.!?…';
/** The text before ends a sentence (or is empty): an opening mark here may reopen a quotation. */
const AFTER_SENTENCE = new RegExp(`(?:^|[${SENTENCE_END_MARKS}]["'’”)]?\\s+)$`);

/** The characters classify reads as possible quotation marks. */
const QUOTE_LIKE = /["“”‘’']/g;

type Mark = { kind: QuoteKind; role: 'open' | 'close' | 'either' } | null;

/** What a quote-like character at `i` can be, from its neighbours. Apostrophes return null. */
function classify(text: string, i: number): Mark {
  const ch = text[i];
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  const opensHere = SPACE_OR_START.test(prev) && next !== '' && !/\s/.test(next);
  const closesHere = prev !== '' && !/\s/.test(prev) && (next === '' || !WORD.test(next));
  switch (ch) {
    case '“':
      return { kind: 'double', role: 'open' };
    case '”':
      return { kind: 'double', role: 'close' };
    case '"':
      if (opensHere && closesHere) return { kind: 'double', role: 'either' };
      if (opensHere) return { kind: 'double', role: 'open' };
      return closesHere ? { kind: 'double', role: 'close' } : null;
    case '‘':
      // "Trump‘s": a mistyped apostrophe after a letter.
      return WORD.test(prev) ? null : { kind: 'single', role: 'open' };
    case '’':
    case "'":
      if (WORD.test(prev) && WORD.test(next)) return null; // he’s, Ukraine's
      if (ch === "'" && opensHere && WORD.test(next)) return { kind: 'single', role: 'open' };
      return closesHere ? { kind: 'single', role: 'close' } : null;
    default:
      return null;
  }
}

/** Scans `text` for quotation segments. `carried` is the kind of quote left open by the previous passage. */
export function scanQuotes(text: string, carried: QuoteKind | null = null): QuoteScan {
  const segments: QuoteSegment[] = [];
  let current: { kind: QuoteKind; open: number; continues: boolean } | null = carried
    ? { kind: carried, open: -1, continues: true }
    : null;
  let nested = 0;

  const finish = (end: number, close: number | null): void => {
    if (current === null) return;
    const raw = text.slice(current.open + 1, end);
    if (raw.trim() !== '') segments.push({
        kind: current.kind,
        open: current.open,
        close,
        end: close === null ? end : close + 1,
        text: raw.trim(),
        raw: text.slice(Math.max(current.open, 0), close === null ? end : close + 1).trimEnd(),
        continues: current.continues,
      });
    current = null;
    nested = 0;
  };

  // Only quote-like characters can be marks (classify gives null for any other): the scan jumps from one to the next.
  QUOTE_LIKE.lastIndex = 0;
  for (let found = QUOTE_LIKE.exec(text); found !== null; found = QUOTE_LIKE.exec(text)) {
    const i = found.index;
    const mark = classify(text, i);
    if (mark === null) continue;
    if (current === null) {
      if (mark.role !== 'close') current = { kind: mark.kind, open: i, continues: false };
      continue;
    }
    const sameKind = mark.kind === current.kind;
    const reopens = AFTER_SENTENCE.test(text.slice(Math.max(0, i - 6), i));
    if (sameKind && mark.role !== 'close' && reopens && nested === 0) {
      // A new paragraph of the same quotation: the open segment ends here, unclosed.
      finish(i, null);
      current = { kind: mark.kind, open: i, continues: true };
      continue;
    }
    if (mark.role === 'close' || (mark.role === 'either' && sameKind && nested === 0)) {
      if (nested > 0) nested -= 1;
      else if (sameKind) finish(i, i);
      continue;
    }
    if (mark.role === 'open' || mark.role === 'either') nested += 1;
  }
  // A passage that starts inside a carried quote and reopens at once: drop the empty carried segment.
  const openAtEnd: QuoteKind | null = current === null ? null : (current as { kind: QuoteKind }).kind;
  finish(text.length, null);
  return { segments, openAtEnd };
}

/** The kind of quotation still open after `text`, read from `carried` (the one left open before it); null when none. */
export function quoteOpenAfter(text: string, carried: QuoteKind | null = null): QuoteKind | null {
  return scanQuotes(text, carried).openAtEnd;
}

/** True when the text starts with an opening quote mark: it may continue a quotation left open before it. */
export function startsWithQuote(text: string): boolean {
  return /^["“‘']/.test(text);
}
