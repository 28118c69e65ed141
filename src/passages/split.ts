/** Splits a scraped body into paragraphs, whitespace normalised. */

/** Collapses every run of whitespace (newlines, non-breaking spaces) to one space and trims. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Paragraphs of a body. Files without blank lines have one paragraph a line. Files with blank lines are split
 * on them, and a block between blank lines is one paragraph wrapped over several lines, unless its lines are
 * paragraphs of their own (scraped copy: long lines, or every line ending a sentence), so a paragraph added
 * after a blank line to a one-paragraph-a-line file leaves the others as they were. Empty paragraphs are dropped.
 */
export function splitParagraphs(body: string): string[] {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/).flatMap(linesOfBlock) : text.split('\n');
  return blocks.map(normaliseWhitespace).filter((p) => p.length > 0);
}

/** Longer than any line a wrapped paragraph is wrapped at. */
const UNWRAPPED_LINE = 160;

/** A block's lines when each is a paragraph of its own, else the block as one (wrapped) paragraph. */
function linesOfBlock(block: string): string[] {
  const lines = block.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return [block];
  const own = lines.some((l) => l.trim().length > UNWRAPPED_LINE) || lines.slice(0, -1).every((l) => /[.!?:"'”’)\]]\s*$/.test(l));
  return own ? lines : [block];
}
