/**
 * Whether the retrieved passages answer a question that asks for a kind of answer (a number, an amount, a
 * duration, a time, an instance of a category): if none of the top passages holds it, the coverage does not
 * answer, however close its topic. "How many troops will Britain send?" is close to many passages, and none
 * of them gives a number.
 */
import type { Hit } from '../retrieval/retrieve.js';
import type { Calibration } from './calibration.js';
import type { TypeMatcher } from './rerank.js';

/** How many of the top passages are checked for the kind of answer asked for. */
export const TYPE_CHECK_DEPTH = 5;

export function lacksAnswerType(hits: readonly Hit[], matches: TypeMatcher): boolean {
  return !hits.slice(0, TYPE_CHECK_DEPTH).some((h) => matches(h.passage.text));
}

/**
 * How close the coverage comes to the question, by the best passage's cosine similarity (the dense list):
 * `off-topic` below the calibrated floor; `unfamiliar` when the question has words neither the coverage nor
 * English uses and the best passage is below that threshold; `weak` below the weak-match threshold; else
 * `strong`. Without dense similarities (lexical retrieval only) there is no such evidence: `strong`.
 */
export function similarityEvidence(
  hits: readonly Hit[],
  unfamiliar: readonly string[],
  calibration: Calibration,
  /** Share of the question's content words the coverage never uses. */
  unknownShare = 0,
): 'off-topic' | 'unfamiliar' | 'weak' | 'strong' {
  const similarities = hits.map((h) => h.similarity).filter((s): s is number => s !== null);
  if (similarities.length === 0) return 'strong';
  const best = Math.max(...similarities);
  if (best < calibration.offTopic) return 'off-topic';
  // Most of its words are not the coverage's, and nothing is close: another subject ("a good recipe for pancakes").
  if (best < calibration.weak && unknownShare >= calibration.foreignShare) return 'off-topic';
  if (unfamiliar.length > 0 && best < calibration.unfamiliar) return 'unfamiliar';
  return best < calibration.weak ? 'weak' : 'strong';
}
