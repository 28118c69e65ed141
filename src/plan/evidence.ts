/**
 * Evidence, before retrieval, that the coverage cannot answer a question: the countries and bodies it names
 * that the coverage never mentions (in any case, aliases resolved: "Great Britain" is covered by "Britain",
 * "germany" is not covered by anything), and words that are neither the coverage's nor English (in lower
 * case these are mostly names: "badenoch", "yermak").
 */
import type { QuestionContext } from '../news/questionContext.js';
import { isKnownWord } from '../news/vocabulary.js';
import { contentTerms, STOPWORDS, words } from '../text/tokens.js';
import { placesIn } from '../text/places.js';
import { nearKnownWord } from './questionAnalysis.js';

/** Countries and bodies the text names that the coverage never mentions, as the text writes them. */
export function unmentionedPlaces(text: string, ctx: QuestionContext): string[] {
  const keys = ctx.places;
  return placesIn(text)
    .filter((m) => !keys.has(m.key))
    .map((m) => m.name);
}

/** Whether a name the question writes is a country or body the coverage mentions under another name ("Great Britain"). */
export function coveredPlaceName(name: string, ctx: QuestionContext): boolean {
  const found = placesIn(name);
  return found.length > 0 && found.every((m) => ctx.places.has(m.key)) && found.map((m) => m.text).join(' ').length >= name.replace(/['’]s$/, '').length - 1;
}

/**
 * Words of the question that are neither the coverage's (nor a misspelling of one) nor English words, runs
 * of them joined ("kemi badenoch").
 */
export function unfamiliarWords(question: string, ctx: QuestionContext, isEnglishWord: (word: string) => boolean): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const w of words(question)) {
    const unfamiliar =
      !STOPWORDS.has(w) && w.length >= 3 && !/\d/.test(w) && contentTerms(w).length > 0 && !isKnownWord(w, ctx.vocabulary) && !nearKnownWord(w, ctx.vocabulary) && !isEnglishWord(w);
    if (unfamiliar) run.push(w);
    else if (run.length > 0) {
      out.push(run.join(' '));
      run = [];
    }
  }
  if (run.length > 0) out.push(run.join(' '));
  return out;
}

/** Share of the question's content words the coverage never uses (nor a misspelling of one): 0 to 1. */
export function unknownShare(question: string, ctx: QuestionContext): number {
  const content = words(question).filter((w) => !STOPWORDS.has(w) && w.length >= 2 && contentTerms(w).length > 0);
  if (content.length === 0) return 0;
  return content.filter((w) => !isKnownWord(w, ctx.vocabulary) && !nearKnownWord(w, ctx.vocabulary)).length / content.length;
}
