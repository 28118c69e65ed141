import { describe, expect, it } from 'vitest';
import { askerContext, withoutAskerContext } from '../../src/plan/askerContext.js';

/** The text of each stretch the message tells about its asker. */
const told = (message: string) => askerContext(message).map((s) => message.slice(s.start, s.end).trim());

describe('askerContext', () => {
  it('sets apart where the asker is, what they do and what they heard', () => {
    expect(told("I'm in Manchester, what did Starmer promise on arms?")).toEqual(["I'm in Manchester"]);
    expect(told('Watching from Toronto: what is the coalition of the willing?')).toEqual(['Watching from Toronto']);
    expect(told('Hello from Warsaw! What are the military hubs for?')).toEqual(['Hello from Warsaw!']);
    expect(told('Quick one from Glasgow: where were the talks held?')).toEqual(['Quick one from Glasgow']);
    expect(told('Journalist here, what does The Independent say about the coalition?')).toEqual(['Journalist here']);
    expect(told('A friend told me it was signed in Berlin. Where was it signed?')).toEqual(['A friend told me it was signed in Berlin.']);
    expect(told('Where were the talks? My cousin in Lviv asked me.')).toEqual(['My cousin in Lviv asked me.']);
  });

  it('keeps what the question asks, even in the first person', () => {
    expect(told('I want to know what Merz said.')).toEqual([]);
    expect(told("I'm curious about Merz.")).toEqual([]);
    expect(told('Is Germany sending troops?')).toEqual([]);
    expect(told('Hi, tell me about Merz')).toEqual(['Hi']);
  });

  it('keeps a clause the question refers back to', () => {
    expect(told('I heard Merz was there. What did he say?')).toEqual([]);
  });

  it('sets it apart when the pronoun stands for someone the question names first', () => {
    expect(told('My colleague in Aarhus asked me. The PM is with Copenhagen, is it right? And what did he say?')).toEqual(['My colleague in Aarhus asked me.']);
  });

  it('does not take an activity that is no asker\'s for context', () => {
    expect(told('Sending troops from Germany, is that planned?')).toEqual([]);
  });

  it('blanks the context out, keeping every other character where it was', () => {
    const message = 'Watching from Toronto: where were the talks held?';
    const blanked = withoutAskerContext(message);
    expect(blanked).toHaveLength(message.length);
    expect(blanked).not.toContain('Toronto');
    expect(blanked.slice(22)).toBe(message.slice(22));
  });
});
