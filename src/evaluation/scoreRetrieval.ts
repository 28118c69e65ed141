import type { AnswerResult } from '../answer/types.js';
import { foldText } from '../text/fold.js';
import type { RetrievalQuestion } from './fixtures.js';

export function normaliseForMatch(text: string): string {
  return foldText(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The texts a ranked passage stands for: its own, and (through the index's duplicate groups) its syndicated copies. */
export type PassageTexts = (rank: number) => string[];

/** 1-based rank of the first passage that contains any expected snippet, or null. */
export function firstRelevantRank(expect: readonly string[], ranked: readonly string[][]): number | null {
  const wanted = expect.map(normaliseForMatch);
  for (let i = 0; i < ranked.length; i++) {
    const texts = ranked[i]!.map(normaliseForMatch);
    if (texts.some((t) => wanted.some((w) => t.includes(w)))) return i + 1;
  }
  return null;
}

export interface QuestionOutcome {
  id: string;
  question: string;
  kind: string;
  answerable: boolean;
  abstained: boolean;
  rank: number | null;
}

export interface RetrievalScores {
  answerable: number;
  unanswerable: number;
  hitAt5: number;
  mrrAt10: number;
  /** Share of unanswerable questions the engine abstained on. */
  abstentionAccuracy: number;
  /** Answerable questions the engine abstained on. */
  falseAbstentions: number;
}

export function outcomeOf(q: RetrievalQuestion, result: AnswerResult, ranked: string[][]): QuestionOutcome {
  return {
    id: q.id,
    question: q.question,
    kind: q.kind,
    answerable: q.answerable,
    abstained: result.kind === 'abstain',
    rank: q.answerable ? firstRelevantRank(q.expect, ranked) : null,
  };
}

/** Hit rate and MRR are measured on the ranking, whether or not the engine then abstained. */
export function scoreOutcomes(outcomes: readonly QuestionOutcome[]): RetrievalScores {
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const hit5 = answerable.filter((o) => o.rank !== null && o.rank <= 5).length;
  const rr = answerable.reduce((sum, o) => sum + (o.rank !== null && o.rank <= 10 ? 1 / o.rank : 0), 0);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt5: answerable.length ? hit5 / answerable.length : 0,
    mrrAt10: answerable.length ? rr / answerable.length : 0,
    abstentionAccuracy: unanswerable.length ? unanswerable.filter((o) => o.abstained).length / unanswerable.length : 1,
    falseAbstentions: answerable.filter((o) => o.abstained).length,
  };
}
