import { describe, expect, it } from 'vitest';
import { pickQuote } from '../../src/answer/pickQuote.js';
import { quoteText } from '../../src/answer/text.js';

describe('pickQuote', () => {
  it('quotes a short passage whole', () => {
    expect(pickQuote('The hubs will be built.', 'where are the hubs?')).toEqual({ text: 'The hubs will be built.', cutBefore: false, cutAfter: false });
  });

  it("quotes the run of sentences sharing most of the question's words, and says where it was cut", () => {
    const filler = 'Officials met for several hours on Tuesday afternoon in the capital. ';
    const passage = `${filler.repeat(3)}Military hubs will be set up across Ukraine after a ceasefire. ${filler.repeat(3)}`;
    const part = pickQuote(passage, 'Where will the military hubs be set up?', 120);
    expect(part.text).toBe('Military hubs will be set up across Ukraine after a ceasefire.');
    expect(part).toMatchObject({ cutBefore: true, cutAfter: true });
    expect(quoteText(part)).toBe('“… Military hubs will be set up across Ukraine after a ceasefire. …”');
  });
});
