/**
 * The answer when the coverage does not answer the question: the reason as data, and what the bot can
 * answer instead. No passage is quoted; the nearest passages stay in `passages` (uncited) for anyone who
 * wants to look.
 */
import { CitationList } from './citations.js';
import type { AnswerBody, AnswerContext } from './context.js';
import { rankPassages } from './passages.js';
import { suggestQuestions } from './suggestions.js';
import type { AbstainReason, Abstention, StatementLine } from './types.js';

export interface AbstainExtras {
  suggestions?: string[];
  about?: { subject: string; statements: StatementLine[] } | null;
  /** How many of the hits to list. */
  listed?: number;
}

export function abstain(reason: AbstainReason, ctx: AnswerContext, extras: AbstainExtras = {}): AnswerBody & Pick<Abstention, 'kind'> {
  const hits = ctx.hits.slice(0, extras.listed ?? ctx.hits.length);
  return {
    kind: 'abstain',
    reason,
    suggestions: extras.suggestions ?? suggestQuestions(ctx.news, [...ctx.articles.values()]),
    about: extras.about ?? null,
    citations: [],
    passages: rankPassages(hits, ctx.articles, new CitationList(ctx.articles)),
  };
}
