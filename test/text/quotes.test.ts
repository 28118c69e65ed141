/** The one quote scanner (src/text/quotes.ts), used by passage packing and by quote attribution. */
import { describe, expect, it } from 'vitest';
import { quoteOpenAfter, scanQuotes, startsWithQuote } from '../../src/text/quotes.js';

describe('scanQuotes', () => {
  it('finds curly and straight double quotes, with their marks', () => {
    const { segments, openAtEnd } = scanQuotes('He called it a “huge step” and a "big milestone".');
    expect(segments.map((s) => [s.kind, s.text, s.raw])).toEqual([
      ['double', 'huge step', '“huge step”'],
      ['double', 'big milestone', '"big milestone"'],
    ]);
    expect(openAtEnd).toBeNull();
  });

  it('tells single quotes from apostrophes (he’s, Ukraine’s, a mistyped Trump‘s)', () => {
    const { segments } = scanQuotes('Trump‘s envoy said ‘he’s sure Ukraine’s support will hold’ today.');
    expect(segments.map((s) => s.text)).toEqual(['he’s sure Ukraine’s support will hold']);
  });

  it('keeps a quotation nested in another inside it', () => {
    const { segments } = scanQuotes('‘The UK will set up ‘military hubs’ across Ukraine.’');
    expect(segments).toHaveLength(1);
    expect(segments[0]?.text).toBe('The UK will set up ‘military hubs’ across Ukraine.');
  });

  it('reads a quote mark after a sentence end, while a quote is open, as a new paragraph of the same quotation', () => {
    const { segments, openAtEnd } = scanQuotes('Sir Keir said: "It is important. "And we are closer. "But not there."');
    expect(segments.map((s) => [s.text, s.continues, s.close === null])).toEqual([
      ['It is important.', false, true],
      ['And we are closer.', true, true],
      ['But not there.', true, false],
    ]);
    expect(openAtEnd).toBeNull();
  });

  it('regression: a quotation reopened after an ellipsis is not read as a nested one (the scanners disagreed)', () => {
    expect(quoteOpenAfter('He said: ‘We will go… ‘And we will win.’')).toBeNull();
    expect(scanQuotes('He said: ‘We will go… ‘And we will win.’').segments.map((s) => s.continues)).toEqual([false, true]);
  });

  it('starts inside a quotation carried over from the passage before', () => {
    const { segments } = scanQuotes('and we will win.” He left.', 'double');
    expect(segments[0]).toMatchObject({ open: -1, text: 'and we will win.', continues: true });
  });
});

describe('quoteOpenAfter and startsWithQuote', () => {
  it('say whether a quotation is still open and whether a paragraph may continue one', () => {
    const open = quoteOpenAfter('Sir Keir continued: ‘This only hardens our resolve.');
    expect(open).toBe('single');
    expect(startsWithQuote('‘We will keep the pressure up.’')).toBe(true);
    expect(quoteOpenAfter('‘We will keep the pressure up.’', open)).toBeNull();
    expect(startsWithQuote('Sir Keir said')).toBe(false);
  });
});
