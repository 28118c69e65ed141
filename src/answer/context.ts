/**
 * The common interface of the answer kinds: each takes its plan and what retrieval found, and returns an
 * answer (everything but the question and the timings, which the engine adds).
 */
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { NewsIndex } from '../news/newsIndex.js';
import type { PlanKind, QuestionPlan } from '../plan/plan.js';
import type { Hit } from '../retrieval/retrieve.js';
import type { Calibration } from './calibration.js';
import type { AnswerResult } from './types.js';

export interface AnswerContext {
  /** The question as searched. */
  question: string;
  /** What retrieval found for the plan's search request, best first (empty when the plan searches nothing). */
  hits: readonly Hit[];
  articles: ReadonlyMap<string, ManifestArticle>;
  passagesById: ReadonlyMap<string, StoredPassage>;
  allPassages: readonly StoredPassage[];
  news: NewsIndex;
  /** Ranked passages an answer lists (RETRIEVE_K) and quotes (ANSWER_PASSAGES). */
  listed: number;
  quoted: number;
  /** Corpus words close to a word of the question (query expansion); empty when the lexicon is off. */
  related: (word: string) => string[];
  /** Similarity thresholds of the embedder in use; null when it is not calibrated (no refusal on similarity alone). */
  calibration: Calibration | null;
  /** How many statements per person a rendered answer shows (default: a few; /quote shows them all). */
  shownStatements?: number;
}

type Distribute<T> = T extends unknown ? Omit<T, 'question' | 'timings'> : never;
/** An answer before the engine adds the question and timings. */
export type AnswerBody = Distribute<AnswerResult>;

export interface AnswerKind<K extends PlanKind = PlanKind> {
  kind: K;
  answer(plan: Extract<QuestionPlan, { kind: K }>, ctx: AnswerContext): AnswerBody;
}
