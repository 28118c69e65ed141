/** Splits a scraped body into paragraphs, whitespace normalised. */

/** Collapses every run of whitespace (newlines, non-breaking spaces) to one space and trims. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Paragraphs of a body. Files that separate paragraphs with blank lines are split on blank lines
 * (a paragraph's wrapped lines are joined); files without blank lines have one paragraph a line.
 * Empty paragraphs are dropped.
 */
export function splitParagraphs(body: string): string[] {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  return blocks.map(normaliseWhitespace).filter((p) => p.length > 0);
}
