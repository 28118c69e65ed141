/**
 * The questions the benches ask a loaded engine, by kind (speaker, outlet, comparison, fact): drawn from its
 * speakers, its outlets, a few topics and the regression set's fact questions, by a seeded generator, so that two
 * runs (or two scripts) ask the same questions in the same order.
 */
import path from 'node:path';
import type { AnswerEngine } from '../../src/engine/createEngine.js';
import { readRetrievalQuestions } from '../../src/evaluation/fixtures.js';
import { seededRandom } from './syntheticCorpus.js';

export type QuestionKind = 'speaker' | 'outlet' | 'comparison' | 'fact';

const TOPICS = ['Greenland', 'the troops', 'the ceasefire', 'Putin', 'security guarantees', 'the military hubs', 'Kushner'];

export async function benchQuestions(engine: AnswerEngine, seed = 7): Promise<Record<QuestionKind, () => string>> {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const speakers = engine.speakers();
  const outlets = [...new Set(engine.sources().articles.map((a) => a.outlet))];
  const facts = (await readRetrievalQuestions(path.resolve('test/fixtures/eval-questions.json'))).map((q) => q.question);
  return {
    speaker: () => `What did ${pick(speakers.slice(0, Math.max(1, Math.min(speakers.length, 50)))).name} say${rnd() < 0.5 ? '' : ` about ${pick(TOPICS)}`}?`,
    outlet: () => `What did ${pick(outlets)} report about ${pick(TOPICS)}?`,
    comparison: () => (rnd() < 0.5 ? `How did the outlets differ on ${pick(TOPICS)}?` : `How did ${pick(outlets)} and ${pick(outlets)} cover ${pick(TOPICS)}?`),
    fact: () => pick(facts),
  };
}
