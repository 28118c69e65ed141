import { describe, expect, it } from 'vitest';
import { englishWord, isDictionaryWord, oneEditFrom } from '../../src/text/english.js';

describe('English words, as a dictionary without names', () => {
  it.each(['troops', 'typhoons', 'reckon', 'january', "nation's", "didn't", 'post-conference', 'army-to-army', 'mid-2010s', 'lol', 'pls'])('%s is English', (w) =>
    expect(isDictionaryWord(w)).toBe(true),
  );
  it.each(['rubio', 'meloni', 'peskov', 'badenoch', 'vance', 'raf', 'polnad'])('%s is not (a name, or a slip of one)', (w) => expect(isDictionaryWord(w)).toBe(false));
  it('one edit, a swap of neighbours included', () => {
    const known = (w: string) => ['actually', 'wants', 'going'].includes(w);
    expect(['actualy', 'wnats', 'goin'].map((w) => oneEditFrom(w, known))).toEqual([true, true, true]);
    expect(oneEditFrom('acutely', known)).toBe(false);
  });
  it('a slip of a frequent word is English; a word as frequent as that, written as it is, is a name', () => {
    const ranks = new Map([['actually', 900], ['dance', 3000], ['vance', 19_000]]);
    expect(englishWord('actualy', ranks)).toBe(true);
    expect(englishWord('vance', ranks)).toBe(false);
  });
});

describe('the dictionary searched by bisection', () => {
  it('finds every word of the list (one in 500 checked) and no word that is not in it', async () => {
    const { createRequire } = await import('node:module');
    const list = createRequire(import.meta.url)('an-array-of-english-words/index.json') as string[];
    const sample = list.filter((_, i) => i % 500 === 0);
    expect(sample.every((w) => isDictionaryWord(w))).toBe(true);
    expect(sample.filter((w) => isDictionaryWord(`${w}qzx`))).toEqual([]);
  });
});
