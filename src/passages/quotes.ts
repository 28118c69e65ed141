/**
 * Tracks whether a quotation is open at the end of a piece of text, so passages are not cut
 * between a speaker and the rest of what they said. British copy runs a long quotation over
 * several paragraphs (or, once scraped into one block, sentences), each reopened with a quote
 * mark and only the last one closed:
 *   Sir Keir said: "It's important ... peace. "And we are closer to that goal than ever. ..."
 */

export interface QuoteState {
  /** A double quotation (“ or ") is open. */
  double: boolean;
  /** How many single quotations (‘ or ') are open. */
  single: number;
}

export const NO_QUOTE: QuoteState = { double: false, single: 0 };

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** What may come right before an opening quote mark. */
const BEFORE_OPENING = /^$|[\s([{—–-]/;
/** The text so far ends a sentence: a quote mark here reopens a quotation rather than nesting one. */
const SENTENCE_END = /(?:^|[.!?]["'’”]?\s+)$/;

export function isQuoteOpen(state: QuoteState): boolean {
  return state.double || state.single > 0;
}

/** True when the text starts with an opening quote mark. */
export function startsWithQuote(text: string): boolean {
  return /^["“‘']/.test(text);
}

/** The quote state after reading `text`, starting from `start`. */
export function quoteStateAfter(text: string, start: QuoteState = NO_QUOTE): QuoteState {
  let { double, single } = start;
  const openSingle = (i: number): void => {
    if (single > 0 && SENTENCE_END.test(text.slice(Math.max(0, i - 4), i))) return; // reopened
    single += 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    switch (ch) {
      case '“':
        double = true;
        break;
      case '”':
        double = false;
        break;
      case '"':
        double = BEFORE_OPENING.test(prev) && next !== '' && !/\s/.test(next);
        break;
      case '‘':
        if (!WORD_CHAR.test(prev)) openSingle(i); // "Trump‘s": a mistyped apostrophe
        break;
      case '’':
      case "'":
        if (WORD_CHAR.test(prev) && WORD_CHAR.test(next)) break; // apostrophe: he’s
        if (ch === "'" && BEFORE_OPENING.test(prev) && WORD_CHAR.test(next)) openSingle(i);
        else if (single > 0 && !WORD_CHAR.test(next)) single -= 1;
        break;
    }
  }
  return { double, single };
}
