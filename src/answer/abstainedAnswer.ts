import type { AnswerResult } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { Hit } from '../retrieval/retrieve.js';
import { CitationList } from './citations.js';
import { rankPassages } from './composeAnswer.js';

/**
 * The answer when the coverage does not answer the question: said plainly, with the reason and what
 * the bot can answer instead. No passage is quoted; the nearest passages stay in `passages` (uncited)
 * for anyone who wants to look.
 */
export function abstainedAnswer(
  question: string,
  reason: string,
  suggestions: string[],
  hits: readonly Hit[],
  articles: ReadonlyMap<string, ManifestArticle>,
): Omit<AnswerResult, 'timings'> {
  return {
    question,
    answer: `The coverage I have doesn't answer that. ${reason}`,
    abstained: true,
    abstainReason: reason,
    suggestions,
    citations: [],
    passages: rankPassages(hits, articles, new CitationList(articles)),
  };
}
