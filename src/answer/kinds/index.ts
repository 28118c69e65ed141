/**
 * Every kind of answer, registered in one list (as commands are): a new kind of question is one plan member,
 * one file here and one line below.
 */
import type { PlanKind, QuestionPlan } from '../../plan/plan.js';
import type { AnswerBody, AnswerContext, AnswerKind } from '../context.js';
import { attribution } from './attribution.js';
import { chat } from './chat.js';
import { clarify } from './clarify.js';
import { compare } from './compare.js';
import { coverage } from './coverage.js';
import { fact } from './fact.js';
import { refuse } from './refuse.js';
import { statements } from './statements.js';

type AnyKind = { [K in PlanKind]: AnswerKind<K> }[PlanKind];

export const ANSWER_KINDS: readonly AnyKind[] = [chat, coverage, clarify, refuse, attribution, statements, compare, fact];

/** The answer kind for a plan; every plan kind has exactly one (a unit test checks the list). */
export function answerPlan(plan: QuestionPlan, ctx: AnswerContext): AnswerBody {
  const kind = ANSWER_KINDS.find((k) => k.kind === plan.kind);
  if (!kind) throw new Error(`No answer kind is registered for plans of kind "${plan.kind}".`);
  return (kind as AnswerKind<typeof plan.kind>).answer(plan as never, ctx);
}
