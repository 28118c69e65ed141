/** The one sentence splitter (src/text/sentences.ts): abbreviations, quotations, and quotes carried across passages. */
import { describe, expect, it } from 'vitest';
import { messageSentences, PH_OPEN, sentences, splitSentences, unmask, messageClauses } from '../../src/text/sentences.js';

describe('sentences: where a sentence ends', () => {
  it('ends at . ! ? and … followed by a capital, a digit or a dash', () => {
    expect(sentences('The talks ended. Did they agree? Yes! 35 countries came… – and went.')).toEqual([
      'The talks ended.',
      'Did they agree?',
      'Yes!',
      '35 countries came…',
      '– and went.',
    ]);
  });

  it('does not end before a lower-case word', () => {
    expect(sentences('They met at 5 p.m. on Tuesday. It went well.')).toEqual(['They met at 5 p.m. on Tuesday.', 'It went well.']);
  });

  it('regression: "Mr." does not end a sentence (Intl.Segmenter split there)', () => {
    expect(sentences('Mr. Trump spoke to Mrs. May and Dr. Who. Then he left.')).toEqual(['Mr. Trump spoke to Mrs. May and Dr. Who.', 'Then he left.']);
  });

  it('does not end after a title, "U.S." or an initial', () => {
    expect(sentences('Gen. Smith met the U.S. envoy and Donald J. Trump at No. 10 Downing Street. They talked.')).toEqual([
      'Gen. Smith met the U.S. envoy and Donald J. Trump at No. 10 Downing Street.',
      'They talked.',
    ]);
  });

  it('ends after a closing quote whose words end the sentence', () => {
    expect(sentences('He said: “We are ready.” The PM agreed.')).toEqual(['He said: “We are ready.”', 'The PM agreed.']);
  });
});

describe('sentences: quotations', () => {
  it('regression: no split inside an open quotation (Intl.Segmenter split there)', () => {
    expect(sentences('He said: “We will go. And we will win.” Then he left.')).toEqual(['He said: “We will go. And we will win.”', 'Then he left.']);
    expect(sentences("Sir Keir continued: ‘He’s tried to distract. This only hardens our resolve.’")).toHaveLength(1);
  });

  it('starts a new sentence where a quotation is reopened for the next paragraph of the same speech', () => {
    expect(sentences('Sir Keir said: "It\'s important we start like this. "And we are closer than ever. "But the hardest yards are ahead."')).toEqual([
      'Sir Keir said: "It\'s important we start like this.',
      '"And we are closer than ever.',
      '"But the hardest yards are ahead."',
    ]);
  });

  it('keeps a nested quotation inside its quotation', () => {
    expect(sentences('‘The UK will establish ‘military hubs’ across Ukraine. It is a vital step.’ He left.')).toEqual([
      '‘The UK will establish ‘military hubs’ across Ukraine. It is a vital step.’',
      'He left.',
    ]);
  });
});

describe('splitSentences', () => {
  it('masks each quotation with a placeholder, so attributions read plainly, and unmasks back to the text', () => {
    const [s] = splitSentences('“We are closer than ever,” the PM said.').sentences;
    expect(s?.masked).toBe(`${PH_OPEN}0\uE001 the PM said.`);
    expect(s?.quotes.map((q) => q.text)).toEqual(['We are closer than ever,']);
    expect(unmask(s?.masked ?? '', s?.quotes ?? [])).toBe(s?.text);
  });

  it('carries a quotation left open at the end of one passage into the next', () => {
    const first = splitSentences('He added: ‘This does not mean that we will make peace.');
    expect(first.openAtEnd).toBe('single');
    const next = splitSentences('‘If Ukraine is going to make a deal, they have to be secure.’ He left.', first.openAtEnd);
    expect(next.openAtEnd).toBeNull();
    expect(next.sentences.map((s) => s.continuesQuote)).toEqual([true, false]);
    expect(next.sentences[0]?.text).toBe('‘If Ukraine is going to make a deal, they have to be secure.’');
  });

  it('carries an open quotation through a passage that does not reopen it', () => {
    const next = splitSentences('we will not stop. We will win.” The talks ended.', 'double');
    expect(next.sentences.map((s) => s.text)).toEqual(['we will not stop. We will win.”', 'The talks ended.']);
    expect(next.sentences[0]?.continuesQuote).toBe(true);
    expect(next.openAtEnd).toBeNull();
  });
});

describe('messageSentences: a chat message cut after . ! ? and white space, whatever the case', () => {
  it('cuts before a lower-case letter, as chat is typed, where the copy splitter does not', () =>
    expect(messageSentences("what's the elysee? lbc mentions it").map((s) => s.text)).toEqual(["what's the elysee?", 'lbc mentions it']));
  it('gives where each sentence ends', () => {
    const message = 'My cousin lives in Kharkiv. Does the coverage mention it?';
    expect(messageSentences(message)).toEqual([
      { text: 'My cousin lives in Kharkiv.', end: 27 },
      { text: 'Does the coverage mention it?', end: message.length },
    ]);
  });
  it('does not cut inside a word ("No.10", the first dot of "U.S."), but after a mark before white space', () =>
    expect(messageSentences('did No.10 and the U.S. agree?').map((s) => s.text)).toEqual(['did No.10 and the U.S.', 'agree?']));
  it('gives nothing for white space', () => expect(messageSentences('  ')).toEqual([]));
});

describe('messageClauses', () => {
  it('cuts a message\'s sentences again at commas, colons, semicolons and dashes, trimmed, with their offsets', () => {
    const message = 'Watching from Toronto: who signed it, and when? Thanks - bye';
    const clauses = messageClauses(message);
    expect(clauses.map((c) => c.text)).toEqual(['Watching from Toronto', 'who signed it', 'and when?', 'Thanks', 'bye']);
    for (const c of clauses) expect(message.slice(c.start, c.end).trim()).toBe(c.text);
  });
});
