/** questionClauses (src/text/clauses.ts): the clauses of a question, each searched by its own vector. */
import { describe, expect, it } from 'vitest';
import { questionClauses } from '../../src/text/clauses.js';

describe('questionClauses', () => {
  it('a question and its aside, cut at punctuation', () => {
    expect(questionClauses('how near is the end of the fighting, according to the brits')).toEqual(['how near is the end of the fighting', 'according to the brits']);
  });
  it('two questions joined by "or", "and", "but" before a question word', () => {
    expect(questionClauses('is it basically a rewrite or does it add anything new')).toEqual(['is it basically a rewrite', 'does it add anything new']);
    expect(questionClauses('what did starmer say and what did macron say')).toEqual(['what did starmer say', 'what did macron say']);
  });
  it('not "and" inside a clause ("britain and france")', () => {
    expect(questionClauses('what did britain and france agree')).toEqual([]);
  });
  it('one clause, or one and a short aside, is none: the whole question\'s vector stands for it', () => {
    expect(questionClauses('what did starmer say?')).toEqual([]);
    expect(questionClauses('what did starmer say, lol')).toEqual([]);
    expect(questionClauses('')).toEqual([]);
  });
});
