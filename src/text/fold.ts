/**
 * Folding: the forms two spellings of the same text share, for matching only (never for display).
 *  - foldText: typography (NFKC, curly quotes and apostrophes, dashes, odd spaces);
 *  - stripDiacritics: `Élysée` -> `Elysee`;
 *  - stripPossessive: `Starmer’s` -> `Starmer`;
 *  - foldName: the key two spellings of one name share (`Zelenskyy`, `Zelensky`, `Zelenskiy`).
 * Tokens (tokens.ts) are folded with foldText and stripDiacritics, so "Élysée's" and "Elysee" meet.
 */

/** Curly quotes and apostrophes, dashes and odd spaces folded to plain forms; whitespace collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(COLLAPSED, ' ');
}

/**
 * What `/\s+/g` replaced with one space changes: a run of two or more white space characters, or one that is not a
 * plain space. The same text, without rewriting every single space between words (most of what a text holds).
 */
const COLLAPSED = /\s{2,}|[^\S ]/g;

/** Text of ASCII characters only (code points below 128). */
const ASCII = /^[^\u0080-\u{10FFFF}]*$/u;

/** Letters without their diacritics: `Élysée` -> `Elysee`. */
export function stripDiacritics(text: string): string {
  // ASCII has no diacritics and is its own normal form: most text, once foldText has straightened its quotes.
  if (ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}


/** A word without its possessive ending: `Starmer’s` -> `Starmer`, `allies'` -> `allies`. */
export function stripPossessive(word: string): string {
  return word.replace(/(?:['’‘]s|(?<=s)['’])$/u, '');
}

/** True when the word ends in a possessive: `Trump’s`, `allies'`. */
export function isPossessive(word: string): boolean {
  return stripPossessive(word) !== word;
}

/**
 * The key two spellings of one name share. Lower case, no diacritics or possessive, and every run
 * of one repeated letter written once, so transliteration variants meet: Zelenskyy and Zelensky,
 * Zelenskiy (a final "iy" reads as "y"), Witkoff and Witkof.
 */
export function foldName(name: string): string {
  return stripDiacritics(name)
    .split(/\s+/)
    .map((w) => stripPossessive(w).toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/(\p{L})\1+/gu, '$1').replace(/iy$/, 'y'))
    .join(' ');
}

/** Letters a message needs before its case is read as shouting rather than as names. */
const SHOUTED_LETTERS = 8;

/**
 * A message written in capitals ("WILL GREAT BRITAIN'S SOLDIERS BE STATIONED IN UKRAINE?"), in lower case: its capitals
 * say nothing about which words are names. Other text is returned as it is. Shouting is nine letters in ten or more in
 * capitals, over at least SHOUTED_LETTERS letters ("NATO?" stays as written).
 */
export function unshouted(text: string): string {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < SHOUTED_LETTERS) return text;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper >= 0.9 * letters.length ? text.toLowerCase() : text;
}
