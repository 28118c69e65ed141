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

/**
 * News outlets readers name when they ask what the bot holds ("is the guardian in there"), lower case. The indexed
 * outlets are the index's to name (a question naming one is about its report), not this list's. Data only.
 */
export const WELL_KNOWN_OUTLETS: readonly string[] = [
  'bbc', 'bbc news', 'the beeb', 'guardian', 'the guardian', 'telegraph', 'the telegraph', 'times', 'the times', 'sky', 'sky news', 'itv', 'itv news',
  'channel 4', 'cnn', 'fox', 'fox news', 'reuters', 'ap', 'associated press', 'afp', 'new york times', 'the new york times', 'nyt', 'washington post',
  'the washington post', 'financial times', 'the financial times', 'ft', 'the economist', 'economist', 'politico', 'al jazeera', 'mirror', 'the mirror',
  'the sun', 'express', 'the express', 'metro', 'the i', 'le monde', 'kyiv independent', 'the kyiv independent', 'euronews', 'dw', 'bloomberg',
];
