/**
 * The question bank (test/fixtures/eval-bank-{dev,test}.json): questions written by an outside writer from the
 * articles alone, split once into dev (tuned on) and test (figures only). Each question is scored by what a
 * user would see: an answerable question counts as found only when the answer is given (not refused) with an
 * expected passage in the top five; an unanswerable one counts when the bot declines; the messages that are
 * not questions about the coverage count when they get the reply of their kind.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { answerText } from '../answer/text.js';
import type { AnswerResult } from '../answer/types.js';
import { retrievalQuestionSchema } from './fixtures.js';
import { firstRelevantRank, normaliseForMatch } from './scoreRetrieval.js';

export const bankQuestionSchema = retrievalQuestionSchema.extend({ speaker: z.string().optional(), style: z.string().optional() });
export type BankQuestion = z.infer<typeof bankQuestionSchema>;

export async function readBank(file: string): Promise<BankQuestion[]> {
  return z.array(bankQuestionSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}

/** What the user got, in the bank's terms. */
export type Reply = 'answer' | 'refusal' | 'chat' | 'coverage' | 'clarify' | 'language';

export function replyOf(result: AnswerResult): Reply {
  switch (result.kind) {
    case 'passages':
    case 'statements':
    case 'compare':
    case 'attribution':
      return 'answer';
    case 'abstain':
      return result.reason.code === 'NOT_ENGLISH' ? 'language' : 'refusal';
    case 'chat':
    case 'coverage':
    case 'clarify':
      return result.kind;
  }
}

/** What each kind of bank item expects of the reply (answerable items with passages are judged by rank). */
const EXPECTED_REPLY: Record<string, readonly Reply[]> = {
  chat: ['chat'],
  coverage: ['coverage'],
  foreign: ['language'],
  'followup-no-context': ['clarify'],
};
/** Declining is right for a question the coverage cannot answer, whichever way it declines. */
const DECLINES: readonly Reply[] = ['refusal', 'chat', 'clarify', 'language'];

export interface BankOutcome {
  id: string;
  question: string;
  kind: string;
  /** Answerable with an expected passage: judged by rank. */
  ranked: boolean;
  answerable: boolean;
  reply: Reply;
  /** Rank of the first expected passage in what the user was given (null when refused or not found in the top ten). */
  rank: number | null;
  /** The reply was the right kind of reply (for ranked items: given, with an expected passage in the top five, naming the speaker a "who said" asks for). */
  ok: boolean;
}

export function scoreBankItem(q: BankQuestion, result: AnswerResult, ranked: string[][]): BankOutcome {
  const reply = replyOf(result);
  const base = { id: q.id, question: q.question, kind: q.kind, answerable: q.answerable, reply };
  if (q.answerable && q.expect.length > 0) {
    const found = firstRelevantRank(q.expect, ranked.slice(0, 10));
    const rank = reply === 'answer' ? found : null;
    // "Who said …?" must name the speaker in the answer itself.
    const names = q.kind === 'who-said' && q.speaker ? normaliseForMatch(answerText(result)).includes(normaliseForMatch(q.speaker.split(' ').at(-1)!)) : true;
    return { ...base, ranked: true, rank, ok: rank !== null && rank <= 5 && names };
  }
  const expected = EXPECTED_REPLY[q.kind] ?? (q.answerable ? ['answer'] : DECLINES);
  return { ...base, ranked: false, rank: null, ok: expected.includes(reply) };
}

export interface BankScores {
  ranked: number;
  hitAt5: number;
  mrrAt10: number;
  /** Answerable questions refused (or turned into another reply). */
  answerableRefused: number;
  unanswerable: number;
  /** Share of unanswerable questions declined. */
  unanswerableDeclined: number;
  paraphraseHitAt5: number;
  others: number;
  othersOk: number;
}

export function scoreBank(outcomes: readonly BankOutcome[]): BankScores {
  const ranked = outcomes.filter((o) => o.ranked);
  const hit = (list: readonly BankOutcome[]) => (list.length ? list.filter((o) => o.rank !== null && o.rank <= 5).length / list.length : 0);
  const unanswerable = outcomes.filter((o) => o.kind.startsWith('unanswerable'));
  const others = outcomes.filter((o) => !o.ranked && !o.kind.startsWith('unanswerable'));
  return {
    ranked: ranked.length,
    hitAt5: hit(ranked),
    mrrAt10: ranked.length ? ranked.reduce((sum, o) => sum + (o.rank !== null && o.rank <= 10 ? 1 / o.rank : 0), 0) / ranked.length : 0,
    answerableRefused: ranked.length ? ranked.filter((o) => o.reply !== 'answer').length / ranked.length : 0,
    unanswerable: unanswerable.length,
    unanswerableDeclined: unanswerable.length ? unanswerable.filter((o) => o.ok).length / unanswerable.length : 1,
    paraphraseHitAt5: hit(ranked.filter((o) => o.kind === 'paraphrase')),
    others: others.length,
    othersOk: others.filter((o) => o.ok).length,
  };
}
