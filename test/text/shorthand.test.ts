import { describe, expect, it } from 'vitest';
import { expandShorthand, withoutTrailingFillers } from '../../src/text/tokens.js';

describe('expandShorthand', () => {
  it.each([
    ['how many ppl attended', 'how many people attended'],
    ['wen was it signed', 'when was it signed'],
    ['wat did the pm say abt it', 'what did the pm say about it'],
    ['r u a bot', 'are you a bot'],
    ['happy w how it went', 'happy with how it went'],
    ["why'd she say that", 'why did she say that'],
    ['How’d they agree', 'How did they agree'],
    ['what did the french prez say', 'what did the french president say'],
  ])('regression: "%s" -> "%s"', (text, expected) => expect(expandShorthand(text)).toBe(expected));

  it.each(['is the u.s. sending troops', 'George W Bush said', 'Ukraine and the UK'])('leaves "%s" alone (initials, capitals)', (text) => {
    expect(expandShorthand(text)).toBe(text);
  });

  it.each([
    ['Wat date is the ceasefire supposed to start?', 'What date is the ceasefire supposed to start?'],
    ['ok. Wat did they sign', 'ok. What did they sign'],
    ['Who is W?', 'Who is W?'],
    ['Ur sources?', 'Your sources?'],
  ])('regression: a capitalised shorthand opening a sentence (eval-bank-dev8): "%s"', (text, expected) => expect(expandShorthand(text)).toBe(expected));

  it("keeps a word the caller knows (the coverage's own)", () => {
    expect(expandShorthand('what did gov say', (w) => w === 'gov')).toBe('what did gov say');
  });
});

describe('compounds written apart', () => {
  it.each([
    ["what did trump's son in law say", "what did trump's son-in-law say"],
    ['his Father In Law', 'his father-in-law'],
  ])('regression: "%s" -> "%s"', (text, expected) => expect(expandShorthand(text)).toBe(expected));
  it('leaves "in law" alone elsewhere ("enshrined in law")', () => expect(expandShorthand('is it enshrined in law')).toBe('is it enshrined in law'));
});

describe('withoutTrailingFillers', () => {
  it.each([
    ["who's paying for the war according to the brit pm lol", "who's paying for the war according to the brit pm"],
    ['does the independent have a paywall lol?', 'does the independent have a paywall?'],
    ['what did kushner say tbh lmao', 'what did kushner say'],
  ])('regression: "%s" -> "%s"', (text, expected) => expect(withoutTrailingFillers(text)).toBe(expected));
  it.each(['lol', 'is the deal ok?', 'did they agree, yeah?', 'lollipop'])('leaves "%s" as it is', (text) => expect(withoutTrailingFillers(text)).toBe(text));
});
