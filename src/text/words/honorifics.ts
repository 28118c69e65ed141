/**
 * Honorifics: words written before a name that are not part of it ("Mr Kushner", "Sir Keir Starmer").
 * Data only; the rules that read names (src/news/names.ts, directory.ts, mentions.ts, speakers.ts),
 * the sentence splitter's abbreviations and the stopword list are built from these lists.
 */

/** Honorifics as written in copy, capitalised. */
export const HONORIFICS: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Dame', 'Lord', 'Lady']);

/** Honorifics that go with the first name: "Sir Keir" is Keir Starmer. */
export const FIRST_NAME_HONORIFICS: ReadonlySet<string> = new Set(['Sir', 'Dame']);

/** Honorifics American copy writes with a full stop ("Mr. Trump"): that full stop does not end a sentence. */
export const ABBREVIATED_HONORIFICS: readonly string[] = ['Mr', 'Mrs', 'Ms', 'Dr'];

/** Honorifics that are never ordinary words, so they say nothing about a topic: stopwords. */
export const STOP_HONORIFICS: readonly string[] = ['Mr', 'Mrs', 'Ms', 'Sir'];

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** `Mr`, `Sir`, ... as copy writes them (capitalised); `anyCase` also takes "sir" as people type it. */
export function isHonorific(word: string, anyCase = false): boolean {
  return HONORIFICS.has(anyCase ? capitalised(word) : word);
}

/** `Sir`, `Dame`: the name after it is a first name. `anyCase` also takes "sir" as people type it. */
export function isFirstNameHonorific(word: string, anyCase = false): boolean {
  return FIRST_NAME_HONORIFICS.has(anyCase ? capitalised(word) : word);
}
