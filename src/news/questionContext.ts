/**
 * What reading a question needs to know about the coverage: who is in it, which outlets, and every word it
 * uses. Derived from the passages with the rest of the news layer.
 */
import { outletList } from '../corpus/outlets.js';
import { placeKeys } from '../text/places.js';
import type { ArticleMeta, Passage } from '../types.js';
import type { SpeakerDirectory } from './directory.js';
import { buildAcronyms, type Acronyms } from './acronyms.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

export interface QuestionContext {
  directory: SpeakerDirectory;
  /** Outlet names as in the corpus front matter. */
  outlets: string[];
  vocabulary: Vocabulary;
  /** Keys of the countries and bodies the coverage names, under any of their names (src/text/places.ts). */
  places: ReadonlySet<string>;
  /** Acronyms of the names the coverage writes out ("cotw" -> "Coalition of the Willing"). */
  acronyms: Acronyms;
}

export function buildQuestionContext(articles: ArticleMeta[], passages: Passage[], directory: SpeakerDirectory): QuestionContext {
  return {
    directory,
    outlets: outletList(articles),
    vocabulary: buildVocabulary(articles, passages),
    // Each distinct text once (syndicated copies share theirs): the same keys.
    places: placeKeys(new Set([...passages.map((p) => p.text), ...articles.map((a) => a.headline)])),
    acronyms: buildAcronyms(articles, passages),
  };
}
