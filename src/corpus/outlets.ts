/**
 * Outlets: the one list of outlets indexed, and the one name shown for an article whose outlet is not
 * known. Typed on the `outlet` field alone, so articles, manifest articles and source lists all fit.
 */

/** Shown for an article the index has no record of. */
export const UNKNOWN_OUTLET = 'Unknown outlet';

/** The outlets the articles come from, each once, in alphabetical order. */
export function outletList(articles: Iterable<{ outlet: string }>): string[] {
  return [...new Set([...articles].map((a) => a.outlet))].sort((a, b) => a.localeCompare(b));
}

/** The article's outlet, or UNKNOWN_OUTLET when the article is not known. */
export function outletName(article: { outlet: string } | undefined): string {
  return article?.outlet ?? UNKNOWN_OUTLET;
}

/**
 * Names readers call outlets by besides their own ("the indy"), as data. Only unambiguous ones: "dm" is a
 * direct message before it is the Daily Mail.
 */
export const OUTLET_NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  'The Independent': ['indy', 'the indy', 'indie'],
  'Daily Mail': ['mailonline', 'mail online', 'the daily mail online'],
  'The Guardian': ['grauniad'],
  'The Daily Telegraph': ['telegraph', 'the telegraph'],
  'BBC News': ['bbc', 'the beeb', 'beeb'],
};
