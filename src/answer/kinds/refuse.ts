/** A question the plan already refused: nothing to look up, or names the coverage never mentions. */
import { abstain } from '../abstention.js';
import type { AnswerKind } from '../context.js';

export const refuse: AnswerKind<'refuse'> = {
  kind: 'refuse',
  answer: (plan, ctx) => abstain(plan.refusal, ctx, { listed: plan.search?.k ?? 0 }),
};
