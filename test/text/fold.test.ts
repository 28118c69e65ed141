/** Folding (src/text/fold.ts): what two spellings of the same text share. */
import { describe, expect, it } from 'vitest';
import { foldName, foldText, isPossessive, stripDiacritics, stripPossessive, unshouted } from '../../src/text/fold.js';

describe('foldText', () => {
  it('folds curly quotes and apostrophes, dashes, compatibility forms and runs of whitespace', () => {
    expect(foldText('“It’s a ‘big’ deal” – he said\u00a0 —\n then')).toBe('"It\'s a \'big\' deal" - he said - then');
    expect(foldText('ﬁnal ½')).toBe('final 1⁄2');
  });

  it('collapses every run of white space to one space, exactly as replacing every white space run with one space does, single spaces left as they are', () => {
    // Random texts of words, spaces, tabs, newlines, no-break and other Unicode spaces, in runs of every length.
    const pieces = ['a', 'Word', ' ', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u2028', '\ufeff', '.', 'é'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let n = next() % 12; n >= 0; n--) text += pieces[next() % pieces.length];
      expect(foldText(text)).toBe(text.normalize('NFKC').replace(/\s+/g, ' '));
    }
  });

  it('leaves letters with diacritics alone (that is stripDiacritics)', () => {
    expect(foldText('Élysée')).toBe('Élysée');
  });
});

describe('stripDiacritics', () => {
  it('drops accents whether written composed or decomposed', () => {
    expect(stripDiacritics('Élysée')).toBe('Elysee');
    expect(stripDiacritics('E\u0301lyse\u0301e')).toBe('Elysee');
    expect(stripDiacritics('Zelenskyy, Kyiv, naïve, São Paulo')).toBe('Zelenskyy, Kyiv, naive, Sao Paulo');
  });
});

describe('stripPossessive', () => {
  it("drops 's with any apostrophe, and the bare apostrophe of a plural", () => {
    expect(stripPossessive('Starmer’s')).toBe('Starmer');
    expect(stripPossessive("Starmer's")).toBe('Starmer');
    expect(stripPossessive('Trump‘s')).toBe('Trump');
    expect(stripPossessive("allies'")).toBe('allies');
    expect(stripPossessive('Paris')).toBe('Paris');
    expect(isPossessive('Kyiv’s')).toBe(true);
    expect(isPossessive('Kyiv')).toBe(false);
  });
});

describe('foldName', () => {
  it('gives transliteration variants of one name the same key', () => {
    expect(foldName('Zelenskyy')).toBe(foldName('Zelensky'));
    expect(foldName('Zelenskiy')).toBe(foldName('Zelensky'));
    expect(foldName('Witkoff')).toBe(foldName('Witkof'));
    expect(foldName('Sir Keir Starmer’s')).toBe('sir keir starmer');
  });

  it('regression: "Élysée\'s" and "Elysee" meet', () => {
    expect(foldName('Élysée’s')).toBe(foldName('Elysee'));
  });
});

describe('unshouted', () => {
  it('reads a message in capitals in lower case', () => {
    expect(unshouted("WILL GREAT BRITAIN'S SOLDIERS BE STATIONED IN UKRAINE?")).toBe("will great britain's soldiers be stationed in ukraine?");
    expect(unshouted('MEETING LENGTH?')).toBe('meeting length?');
  });
  it('leaves other messages, and short ones in capitals, as written', () => {
    expect(unshouted('What did NATO say about the UK?')).toBe('What did NATO say about the UK?');
    expect(unshouted('NATO?')).toBe('NATO?');
  });
});
