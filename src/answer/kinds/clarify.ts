/** A follow-up with nothing before it ("what else did he say?"): ask who or what is meant. */
import type { AnswerKind } from '../context.js';
import { suggestQuestions } from '../suggestions.js';

export const clarify: AnswerKind<'clarify'> = {
  kind: 'clarify',
  answer: (_plan, ctx) => ({ kind: 'clarify', examples: suggestQuestions(ctx.news, [...ctx.articles.values()]), citations: [], passages: [] }),
};
