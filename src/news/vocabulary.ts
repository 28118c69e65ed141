/**
 * The words the coverage uses, to tell whether a name in a question is one the corpus ever mentions.
 * Words are compared folded (case, diacritics, doubled letters, possessive), stemmed, and as
 * places: a question's "Ukrainian" is covered by coverage that says "Ukraine".
 */
import { foldName } from '../text/fold.js';
import { stem, words } from '../text/tokens.js';
import type { ArticleMeta, Passage } from '../types.js';
import { placeForms, placeKey } from './places.js';

export type Vocabulary = ReadonlySet<string>;

/** Every word of the passages, headlines, outlet and author names, folded. */
export function buildVocabulary(articles: ArticleMeta[], passages: Passage[]): Vocabulary {
  const texts: (string | null)[] = passages.map((p) => p.text);
  for (const a of articles) texts.push(a.headline, a.outlet, a.author);
  return vocabularyKeys(texts);
}

/** The folded words (each also stemmed) of these texts. */
export function vocabularyKeys(texts: Iterable<string | null>): Set<string> {
  const out = new Set<string>();
  // A text or a word read before adds nothing (syndicated copies share their texts; texts share most of their words).
  const read = new Set<string>();
  const seen = new Set<string>();
  for (const text of texts) {
    if (text === null || read.has(text)) continue;
    read.add(text);
    for (const w of words(text)) {
      if (seen.has(w)) continue;
      seen.add(w);
      const key = foldName(w);
      out.add(key);
      out.add(stem(key));
    }
  }
  return out;
}

/** True when the coverage uses this word, or another form of the same place. */
export function isKnownWord(word: string, vocabulary: Vocabulary): boolean {
  const key = foldName(word);
  if (key === '') return true;
  const stemmed = stem(key);
  if (vocabulary.has(key) || vocabulary.has(stemmed)) return true;
  // One who does what the coverage names: "peacekeepers" for "peacekeeping".
  if (stemmed.length >= 7 && stemmed.endsWith('er') && vocabulary.has(stemmed.slice(0, -2))) return true;
  if (placeKey(word) !== undefined) return placeForms(word).some((f) => f.split(' ').every((w) => vocabulary.has(foldName(w))));
  return false;
}
