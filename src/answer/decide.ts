/**
 * Whether the retrieved passages answer a question that asks for a kind of answer (a number, an amount, a
 * duration, a time, an instance of a category): if none of the top passages holds it, the coverage does not
 * answer, however close its topic. "How many troops will Britain send?" is close to many passages, and none
 * of them gives a number.
 */
import type { Hit } from '../retrieval/retrieve.js';
import type { TypeMatcher } from './rerank.js';

/** How many of the top passages are checked for the kind of answer asked for. */
export const TYPE_CHECK_DEPTH = 5;

export function lacksAnswerType(hits: readonly Hit[], matches: TypeMatcher): boolean {
  return !hits.slice(0, TYPE_CHECK_DEPTH).some((h) => matches(h.passage.text));
}
