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
import { CHAT_FILLERS } from '../text/words/chatShorthand.js';
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

/** What a question's own words say about whether the coverage can answer it. */
export interface WordEvidence {
  /** Words neither the coverage's (nor a misspelling of one) nor English, runs of them joined ("kemi badenoch"). */
  unfamiliar: string[];
  /** Share of the question's content words the coverage never uses (nor a misspelling of one): 0 to 1. */
  unknownShare: number;
}

/** Reads each content word of the question once against the coverage's vocabulary (a typo search over all of it) and English. */
export function wordEvidence(question: string, ctx: QuestionContext, isEnglishWord: (word: string) => boolean): WordEvidence {
  const unfamiliar: string[] = [];
  let run: string[] = [];
  let content = 0;
  let unknown = 0;
  // "uks", "trumps": a possessive written without its apostrophe.
  const known = (word: string) => isKnownWord(word, ctx.vocabulary) || (/[^s']s$/.test(word) && isKnownWord(word.slice(0, -1), ctx.vocabulary));
  for (const w of words(question)) {
    const isContent = !STOPWORDS.has(w) && !CHAT_FILLERS.has(w) && w.length >= 2 && contentTerms(w).length > 0;
    const covered = !isContent || known(w) || nearKnownWord(w, ctx.vocabulary);
    if (isContent) {
      content++;
      if (!covered) unknown++;
    }
    // "brit-american": a compound of words that are each the coverage's, a place's or English is no name.
    const compound = w.includes('-') && w.split('-').every((p) => p === '' || known(p) || placesIn(p).length > 0 || isEnglishWord(p));
    if (!covered && w.length >= 3 && !/\d/.test(w) && !isEnglishWord(w) && !compound) run.push(w);
    else if (run.length > 0) {
      unfamiliar.push(run.join(' '));
      run = [];
    }
  }
  if (run.length > 0) unfamiliar.push(run.join(' '));
  return { unfamiliar, unknownShare: content === 0 ? 0 : unknown / content };
}
