import type { Hit } from '../retrieval/retrieve.js';
import { answerTypeOf, passageAnswersType, type AnswerType } from './answerType.js';

/** Why the corpus cannot answer a question, in words for the user; null when it can. */
export type Abstention = { reason: string } | null;

/** How many of the top passages are checked for the kind of answer asked for. */
const TYPE_CHECK_DEPTH = 5;

function describeMissing(type: AnswerType): string {
  switch (type.kind) {
    case 'count':
      return `The coverage gives no number of ${type.focus.join(' ')}.`;
    case 'amount':
      return 'The coverage gives no cost or amount for that.';
    case 'duration':
      return type.future ? 'The coverage says nothing about how long that will last.' : 'The coverage says nothing about how long.';
    case 'time':
      return type.future ? 'The coverage gives no date for that.' : 'The coverage gives no date or time for that.';
    case 'category':
      return `The coverage names no ${type.focus} in answer to that.`;
    case 'open':
      return '';
  }
}

export interface AbstentionInput {
  question: string;
  hits: readonly Hit[];
  /** Corpus words close to a question word (query expansion). */
  related: (word: string) => string[];
}

/**
 * Decides whether the retrieved passages answer the question: none retrieved, or a question asking for a
 * kind of answer (a number, an amount, a duration, a time, an instance of a category) that none of the top
 * passages holds. Topic similarity alone never makes an answer: "How many troops will Britain send?"
 * is close to many passages, and none of them gives a number. (Names the coverage never mentions are
 * caught before retrieval, by the question analysis.)
 */
export function decideAbstention({ question, hits, related }: AbstentionInput): Abstention {
  if (hits.length === 0) return { reason: 'Nothing in the coverage matches that question.' };
  const type = answerTypeOf(question);
  if (type.kind === 'open') return null;
  const answered = hits.slice(0, TYPE_CHECK_DEPTH).some((h) => passageAnswersType(type, h.passage.text, related));
  return answered ? null : { reason: describeMissing(type) };
}
