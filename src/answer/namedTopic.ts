/**
 * The names a question asks about: a place or body, a capitalised name, a name typed in lower case ("about
 * putin"). Only these are evidence on their own that a passage is not about the question's topic: a paraphrased
 * topic ("the fighting is finished") may be in a passage in other words, a name is written as a name.
 */
import type { QuestionContext } from '../news/questionContext.js';
import { isKnownWord } from '../news/vocabulary.js';
import { isDictionaryWord } from '../text/english.js';
import { placesIn } from '../text/places.js';
import { contentTerms, stem, words } from '../text/tokens.js';
import { roleOf } from '../text/words/roles.js';

/**
 * The question's named topic words, in lower case, each a word the coverage uses: not an outlet's name, not a word of
 * office ("the PM's office" names who is asked, not what about), not one `exclude` leaves out (a speaker's names).
 */
export function namedTopicWords(question: string, coverage: QuestionContext, exclude: (word: string) => boolean = () => false): string[] {
  const outletWords = new Set(coverage.outlets.flatMap((o) => contentTerms(o)));
  const named = new Set([
    ...placesIn(question).flatMap((m) => m.text.toLowerCase().split(' ')),
    // Capitalised, but not only for opening a sentence ("… the announcement? Need the exact quote").
    ...[...question.matchAll(/(?<!^)\b\p{Lu}[\p{L}-]+/gu)]
      .filter((m) => !(/[.!?]\s+$/.test(question.slice(0, m.index)) && isDictionaryWord(m[0].toLowerCase())))
      .map((m) => m[0].toLowerCase()),
    ...words(question).filter((w) => /^\p{Ll}+$/u.test(w) && w.length >= 3 && !isDictionaryWord(w)),
  ]);
  return words(question).filter(
    (w) => named.has(w.toLowerCase()) && isKnownWord(w, coverage.vocabulary) && !outletWords.has(stem(w)) && !exclude(w) && roleOf(w) === undefined,
  );
}
