/** Small talk and requests for help: a friendly reply with questions the coverage answers. */
import type { AnswerKind } from '../context.js';
import { suggestQuestions } from '../suggestions.js';

export const chat: AnswerKind<'chat'> = {
  kind: 'chat',
  answer: (plan, ctx) => ({ kind: 'chat', intent: plan.intent, examples: suggestQuestions(ctx.news, [...ctx.articles.values()]), citations: [], passages: [] }),
};
