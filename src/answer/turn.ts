/** An answered question as a turn of a conversation: what later follow-ups are read against (src/plan/followUp.ts). */
import type { ResolvedQuestion, Turn } from '../plan/followUp.js';
import type { AnswerResult } from './types.js';

/** Whom an answer is about: the people whose statements it lists, or to whom it attributes the words asked about. */
export function speakersOfAnswer(result: AnswerResult): string[] {
  if (result.kind === 'statements') return result.sections.map((s) => s.speaker.name);
  if (result.kind === 'attribution') return [...new Set(result.attributions.map((a) => a.speaker.name))];
  if (result.kind === 'abstain' && result.reason.code === 'NO_STATEMENT_ON_TOPIC') return [result.reason.speaker];
  if (result.kind === 'abstain' && result.reason.code === 'NOT_IN_OUTLET') return [result.reason.speaker];
  return [];
}

export function turnOf(result: AnswerResult, resolved: Pick<ResolvedQuestion, 'question' | 'outlet'>): Turn {
  const outlet = resolved.outlet ?? ((result.kind === 'passages' || result.kind === 'statements') ? result.outlet : null);
  return { question: resolved.question, speakers: speakersOfAnswer(result), outlet: outlet ?? null };
}
