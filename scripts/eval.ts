/**
 * `npm run eval`: scores the labelled questions in test/fixtures/ for lexical-only, dense-only and the
 * shipped hybrid retrieval, and checks the floors. Exits 1 when the shipped configuration misses a floor.
 */
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createEngine, type AnswerEngine } from '../src/engine/createEngine.js';
import type { AnswerResult } from '../src/engine/types.js';
import { readRetrievalQuestions, type RetrievalQuestion } from '../src/evaluation/fixtures.js';
import { outcomeOf, scoreOutcomes, type QuestionOutcome, type RetrievalScores } from '../src/evaluation/scoreRetrieval.js';
import { createLogger } from '../src/log.js';

/** What the evaluation compares: plain BM25, BM25 with query expansion, dense only, and the shipped hybrid. */
const MODES = {
  lexical: { retrieval: 'lexical', expand: false, news: false },
  'lexical+x': { retrieval: 'lexical', expand: true, news: false },
  dense: { retrieval: 'dense', expand: false, news: false },
  'hybrid-bare': { retrieval: 'hybrid', expand: true, news: false },
  hybrid: { retrieval: 'hybrid', expand: true, news: true },
} as const;
type ModeName = keyof typeof MODES;
const FIXTURE = path.resolve('test/fixtures/eval-questions.json');

function rankedTexts(engine: AnswerEngine, result: AnswerResult): string[][] {
  return result.passages.map((p) => [p.text, ...p.also.map((a) => engine.textOf(a.article, a.paragraph) ?? '')]);
}

async function evaluateMode(engine: AnswerEngine, questions: RetrievalQuestion[], mode: ModeName): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const result = await engine.ask(q.question, MODES[mode]);
    outcomes.push(outcomeOf(q, result, rankedTexts(engine, result)));
  }
  return outcomes;
}

const fmt = (n: number) => n.toFixed(3);

function row(mode: string, s: RetrievalScores): string {
  return `${mode.padEnd(11)} ${fmt(s.hitAt5).padStart(6)} ${fmt(s.mrrAt10).padStart(7)} ${fmt(s.abstentionAccuracy).padStart(12)} ${String(s.falseAbstentions).padStart(16)}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await createEngine(config, { log: createLogger('warn') });
  const questions = await readRetrievalQuestions(FIXTURE);
  const kinds = new Map<string, number>();
  for (const q of questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  console.log(`Questions: ${questions.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); embedder ${engine.embedder.id}\n`);
  console.log('mode         hit@5  MRR@10  abstain-acc  false-abstains');
  const scores = new Map<string, RetrievalScores>();
  let hybridOutcomes: QuestionOutcome[] = [];
  for (const mode of Object.keys(MODES) as ModeName[]) {
    const outcomes = await evaluateMode(engine, questions, mode);
    const s = scoreOutcomes(outcomes);
    scores.set(mode, s);
    if (mode === 'hybrid') hybridOutcomes = outcomes;
    console.log(row(mode, s));
  }

  const misses = hybridOutcomes.filter((o) => (o.answerable && (o.rank === null || o.rank > 5 || o.abstained)) || (!o.answerable && !o.abstained));
  if (misses.length > 0) {
    console.log('\nShipped (hybrid) misses:');
    for (const o of misses) {
      const what = o.answerable ? `rank ${o.rank ?? '>10'}${o.abstained ? ', abstained' : ''}` : 'answered but should abstain';
      console.log(`  ${o.id} [${o.kind}] ${o.question} -> ${what}`);
    }
  }

  const h = scores.get('hybrid')!;
  const lexical = scores.get('lexical')!;
  const floors: [string, boolean][] = [
    ['hit@5 >= 0.95', h.hitAt5 >= 0.95],
    ['MRR@10 >= 0.85', h.mrrAt10 >= 0.85],
    ['every unanswerable question abstained', h.abstentionAccuracy === 1],
    ['at most 1 answerable question abstained', h.falseAbstentions <= 1],
    ['hybrid beats lexical-only on MRR@10', h.mrrAt10 > lexical.mrrAt10],
  ];
  console.log('\nFloors (shipped hybrid):');
  for (const [name, ok] of floors) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
  if (floors.some(([, ok]) => !ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
