/** Answers in words, from their structure: each abstention reason is a sentence built from data. */
import { describe, expect, it } from 'vitest';
import { answerText, describeReason, statementText } from '../../src/answer/text.js';
import type { AbstainReason, StatementsAnswer } from '../../src/answer/types.js';

describe('describeReason', () => {
  it.each<[AbstainReason, string]>([
    [{ code: 'NO_CONTENT_WORDS' }, 'There is nothing in that question to look up: it has no words but common ones.'],
    [{ code: 'UNKNOWN_NAMES', names: ['Germany'], outlet: null }, 'The coverage never mentions Germany.'],
    [{ code: 'UNKNOWN_NAMES', names: ['Germany', 'Italy', 'Spain'], outlet: 'LBC' }, "LBC's coverage never mentions Germany, Italy or Spain."],
    [{ code: 'UNKNOWN_NAMES', names: ['mark rutte'], outlet: null }, 'The coverage never mentions Mark Rutte.'],
    [{ code: 'UNKNOWN_NAMES', names: ['opposition in the commons'], outlet: null }, 'The coverage never mentions Opposition in the Commons.'],
    [{ code: 'NO_MATCH', outlet: 'LBC' }, 'LBC has nothing on that.'],
    [{ code: 'NO_STATEMENT', speakers: ['Vladimir Putin', 'Donald Trump'], outlet: null }, 'The coverage has no statement by Vladimir Putin or Donald Trump.'],
    [{ code: 'NOT_IN_OUTLET', speaker: 'Steve Witkoff', outlet: 'LBC' }, 'LBC carries no statement by Steve Witkoff; other outlets do.'],
    [{ code: 'ANSWER_TYPE_MISSING', answerType: { kind: 'count', focus: ['soldiers'] }, outlet: null }, 'The coverage gives no number of soldiers.'],
    [{ code: 'ANSWER_TYPE_MISSING', answerType: { kind: 'amount' }, outlet: 'LBC' }, 'The coverage gives no cost or amount for that. (Searched LBC only.)'],
  ])('%j', (reason, sentence) => {
    expect(describeReason(reason)).toBe(sentence);
  });
});

describe('answerText', () => {
  const line = (text: string, n: number) => ({ speaker: 'Jane Smith', text, kind: 'direct' as const, citations: [n], wordings: [text], sentences: [text], passageIds: [`a#${n}`] });
  const answer: StatementsAnswer = {
    kind: 'statements',
    question: 'What did Jane Smith say?',
    sections: [{ speaker: { id: 'jane-smith', name: 'Jane Smith', role: 'Prime Minister' }, statements: [line('We will build bridges.', 1), line('A good day.', 2), line('More to come.', 1)], shown: 2 }],
    without: ['Tom Brown'],
    outlet: null,
    citations: [],
    passages: [],
    timings: { embedMs: 0, searchMs: 0, composeMs: 0 },
  };

  it('names no front end: each adds its own hint for the statements not shown', () => {
    expect(answerText(answer)).toBe(
      'Jane Smith (Prime Minister): 3 distinct statements in the coverage.\n“We will build bridges.” [1]\n“A good day.” [2]\n…and 1 more.\n\nThe coverage has no statement by Tom Brown.',
    );
    expect(answerText(answer, { allStatements: (who) => `(ask for all of ${who})` })).toContain('…and 1 more (ask for all of Jane Smith).');
  });

  it('marks reported speech, and keeps a statement with quotation marks of its own as written', () => {
    expect(statementText({ kind: 'reported', text: 'the talks went well' })).toBe('(reported) the talks went well');
    expect(statementText({ kind: 'direct', text: '“military hubs” will be set up' })).toBe('“military hubs” will be set up');
  });
});
