/**
 * Follow-up resolution (src/plan/followUp.ts) on the real corpus: the conversations the issue names, read
 * turn by turn, each resolved question then answered by the engine, as the bot's threads and `ask --chat` do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnOf } from '../../src/answer/turn.js';
import type { AnswerEngine } from '../../src/engine/createEngine.js';
import type { ResolvedQuestion, Turn } from '../../src/plan/followUp.js';
import type { AnswerResult } from '../../src/answer/types.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

let ws: TestWorkspace;
let engine: AnswerEngine;
beforeAll(async () => {
  ws = testWorkspace();
  engine = await testEngine(ws.config);
}, 180_000);
afterAll(() => ws.cleanup());

interface Step {
  resolved: ResolvedQuestion;
  result: AnswerResult;
}

/** Asks the messages in turn, each read against the turns before it. */
async function conversation(messages: string[]): Promise<Step[]> {
  const turns: Turn[] = [];
  const steps: Step[] = [];
  for (const message of messages) {
    const resolved = engine.resolve(message, turns);
    const result = await engine.ask(resolved.question, { ...(resolved.outlet ? { outlet: resolved.outlet } : {}), ...(resolved.compare ? { compare: true } : {}) });
    turns.push(turnOf(result, resolved));
    steps.push({ resolved, result });
  }
  return steps;
}

const speakers = (r: AnswerResult): string[] => (r.kind === 'statements' ? r.sections.map((s) => s.speaker.name) : []);

describe('follow-ups on the real corpus', () => {
  it('"what else did he say?", "and Macron?", "which outlets reported that?"', async () => {
    const [first, more, macron, outlets] = await conversation(['What did Kushner say?', 'what else did he say?', 'and Macron?', 'which outlets reported that?']);
    expect(speakers(first!.result)).toEqual(['Jared Kushner']);
    expect(more!.resolved).toEqual({ question: 'what else did Jared Kushner say?', rule: 'pronoun' });
    expect(speakers(more!.result)).toEqual(['Jared Kushner']);
    expect(macron!.resolved).toEqual({ question: 'What did Emmanuel Macron say?', rule: 'other-speaker' });
    expect(speakers(macron!.result)).toEqual(['Emmanuel Macron']);
    expect(outlets!.resolved).toEqual({ question: 'What did Emmanuel Macron say?', compare: true, rule: 'outlets' });
    expect(outlets!.result.kind).toBe('compare');
    if (outlets!.result.kind === 'compare') expect(outlets!.result.comparison.outlets.filter((o) => o.quote).length).toBeGreaterThan(1);
  });

  it('"he" after "who said …?" is the person the answer found', async () => {
    const [who, more] = await conversation(['Who said peace through strength?', 'what did he say about Ukraine?']);
    expect(who!.result.kind).toBe('attribution');
    expect(more!.resolved.question).toBe('what did Jared Kushner say about Ukraine?');
    expect(speakers(more!.result)).toEqual(['Jared Kushner']);
  });

  it('another person keeps the topic; an outlet scopes the same question; a topic is asked of the same person', async () => {
    const [, zelensky, independent, topic] = await conversation(['What did Starmer say about troops?', 'and Zelensky?', 'what about the Independent?', 'and the hubs?']);
    expect(zelensky!.resolved).toEqual({ question: 'What did Volodymyr Zelensky say about troops?', rule: 'other-speaker' });
    // Zelensky is quoted once, on the announcement: the answer says he is never quoted on troops.
    expect(zelensky!.result.kind === 'abstain' ? zelensky!.result.reason : zelensky!.result.kind).toEqual({ code: 'NO_STATEMENT_ON_TOPIC', speaker: 'Volodymyr Zelensky', topic: 'troops' });
    expect(independent!.resolved).toEqual({ question: 'What did Volodymyr Zelensky say about troops?', outlet: 'The Independent', rule: 'other-outlet' });
    expect(topic!.resolved).toEqual({ question: 'What did Volodymyr Zelensky say about the hubs?', outlet: 'The Independent', rule: 'same-speaker' });
  });

  it('a question of its own is answered as asked, and without a conversation a bare follow-up asks who is meant', async () => {
    const [, own] = await conversation(['What did Kushner say?', 'Where will the military hubs be set up?']);
    expect(own!.resolved).toEqual({ question: 'Where will the military hubs be set up?', rule: 'asked' });
    expect(own!.result.kind).toBe('passages');
    const [alone] = await conversation(['what else did he say?']);
    expect(alone!.resolved.rule).toBe('asked');
    expect(alone!.result.kind).toBe('clarify');
  });

  it('regression: "Same question but for LBC." asks the previous question of LBC, and with nothing before it asks which (eval-bank-dev9)', async () => {
    const [, lbc] = await conversation(['What did Kushner say about deterrence?', 'Same question but for LBC.']);
    expect(lbc!.resolved).toEqual({ question: 'What did Kushner say about deterrence?', outlet: 'LBC', rule: 'other-outlet' });
    const [alone] = await conversation(['Same question but for LBC.']);
    expect(alone!.result.kind).toBe('clarify');
  });

  it('"tell me more" repeats the previous question', async () => {
    const [, more] = await conversation(['Where will the military hubs be set up?', 'tell me more']);
    expect(more!.resolved).toEqual({ question: 'Where will the military hubs be set up?', rule: 'repeat' });
  });
});
