/**
 * Packs cleaned paragraphs into passages of a quotable size.
 *
 * A paragraph is one passage. A paragraph longer than the limit is split on sentence bounds into
 * the fewest, most even pieces that fit (a single over-long sentence stays whole). Paragraphs that
 * continue a quotation from the paragraph before ("He added: ‘This does not mean ... today." then
 * "‘If Ukraine is going to ...’") are packed together when they fit, and no cut is made inside
 * an open quotation when a cut elsewhere does as well.
 */
import { quoteOpenAfter, startsWithQuote, type QuoteKind } from '../text/quotes.js';
import { splitSentences } from '../text/sentences.js';

/** The passage size aimed at, in characters. */
export const MAX_PASSAGE_CHARS = 450;

interface Piece {
  text: string;
  /** A quotation is still open after this piece. */
  quoteOpen: boolean;
}

/** Runs of paragraphs where each one after the first continues a quotation left open by the one before. */
export function groupQuoteContinuations(paragraphs: readonly string[]): string[][] {
  const groups: string[][] = [];
  let open: QuoteKind | null = null;
  for (const paragraph of paragraphs) {
    const last = groups[groups.length - 1];
    if (last !== undefined && open !== null && startsWithQuote(paragraph)) {
      last.push(paragraph);
    } else {
      groups.push([paragraph]);
      open = null;
    }
    open = quoteOpenAfter(paragraph, open);
  }
  return groups;
}

/** The pieces a group may be cut between: whole paragraphs, or the sentences of an over-long one. */
function piecesOf(group: readonly string[], maxChars: number): Piece[] {
  const pieces: Piece[] = [];
  let open: QuoteKind | null = null;
  for (const paragraph of group) {
    const texts = paragraph.length <= maxChars ? [paragraph] : splitSentences(paragraph, open).sentences.map((s) => s.text);
    for (const text of texts) {
      open = quoteOpenAfter(text, open);
      pieces.push({ text, quoteOpen: open !== null });
    }
  }
  return pieces;
}

/**
 * Cuts pieces into passages with least cost: each passage costs the square of its room left under
 * the limit (favouring few, even passages), and a cut inside an open quotation costs as much as an
 * empty passage (so one extra, shorter passage is preferred to cutting a speaker off from their
 * words). A passage over the limit is allowed only when it is a single piece.
 */
function cut(pieces: readonly Piece[], maxChars: number): string[] {
  const quoteCutCost = maxChars * maxChars;
  const n = pieces.length;
  const best = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const start = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    let length = -1;
    for (let from = end - 1; from >= 0; from--) {
      length += (pieces[from] as Piece).text.length + 1;
      if (length > maxChars && end - from > 1) break;
      const room = Math.max(0, maxChars - length);
      const cutCost = from > 0 && (pieces[from - 1] as Piece).quoteOpen ? quoteCutCost : 0;
      const cost = (best[from] as number) + room * room + cutCost;
      if (cost < (best[end] as number)) {
        best[end] = cost;
        start[end] = from;
      }
    }
  }
  const passages: string[] = [];
  for (let end = n; end > 0; end = start[end] as number) {
    passages.unshift(
      pieces
        .slice(start[end], end)
        .map((p) => p.text)
        .join(' '),
    );
  }
  return passages;
}

/** Passage texts for an article's cleaned paragraphs, in order. */
export function packPassages(paragraphs: readonly string[], maxChars = MAX_PASSAGE_CHARS): string[] {
  return groupQuoteContinuations(paragraphs).flatMap((group) => cut(piecesOf(group, maxChars), maxChars));
}
