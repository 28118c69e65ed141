/** Regular-expression pieces built from word lists (src/text/words/), so rules never spell a list out again. */

/** A word or phrase with regular-expression characters escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the words (`Dame|Sir`), escaped, longest first so the longest wording wins. */
export function alternation(list: Iterable<string>): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
