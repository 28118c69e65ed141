import { contentTerms } from '../text/tokens.js';
import { sentences } from '../text/sentences.js';

/** Longest quote an answer takes from one passage before trimming it to its best sentences. */
export const QUOTE_MAX_CHARS = 320;

/** The words quoted from a passage, and whether the passage goes on before or after them. */
export interface QuotedPart {
  text: string;
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * The part of a passage worth quoting for a question: the whole passage when short, otherwise the run of
 * consecutive sentences (within QUOTE_MAX_CHARS) that shares most terms with the question.
 */
export function pickQuote(passage: string, question: string, maxChars = QUOTE_MAX_CHARS): QuotedPart {
  const text = passage.trim();
  const whole = { text, cutBefore: false, cutAfter: false };
  if (text.length <= maxChars) return whole;
  const parts = sentences(text);
  if (parts.length <= 1) return whole;
  const wanted = new Set(contentTerms(question));
  const scores = parts.map((s) => {
    const terms = new Set(contentTerms(s));
    let score = 0;
    for (const t of wanted) if (terms.has(t)) score++;
    return score;
  });
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < parts.length; start++) {
    let length = 0;
    let score = 0;
    for (let end = start; end < parts.length; end++) {
      length += parts[end]!.length + (end > start ? 1 : 0);
      if (length > maxChars && end > start) break;
      score += scores[end]!;
      // Prefer more matching terms; on a tie, the earlier and shorter run.
      if (score > best.score) best = { start, end: end + 1, score };
    }
  }
  return { text: parts.slice(best.start, best.end).join(' '), cutBefore: best.start > 0, cutAfter: best.end < parts.length };
}
