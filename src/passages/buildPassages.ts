/** The passages stage: an article, as scraped, to quotable passages. */
import type { Article, Passage } from '../types.js';
import { cleanParagraphs } from './clean.js';
import { joinLists } from './lists.js';
import { MAX_PASSAGE_CHARS, packPassages } from './pack.js';

export { MAX_PASSAGE_CHARS };

export interface BuildPassagesOptions {
  /** The passage size aimed at, in characters (default MAX_PASSAGE_CHARS). */
  maxChars?: number;
}

/** Cleans an article and splits it into passages with ids `${article.id}#${paragraph}`. Deterministic. */
export function buildPassages(article: Article, { maxChars = MAX_PASSAGE_CHARS }: BuildPassagesOptions = {}): Passage[] {
  const texts = packPassages(joinLists(cleanParagraphs(article)), maxChars);
  return texts.map((text, paragraph) => ({ id: `${article.id}#${paragraph}`, articleId: article.id, paragraph, text }));
}
