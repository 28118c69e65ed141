/** The one tokenizer and stemmer (src/text/tokens.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containment, contentTermSet, contentTerms, contentTermsOf, jaccard, stem, STOPWORDS, wordSpans, words } from '../../src/text/tokens.js';
import { withIdiomsExplained } from '../../src/text/tokens.js';

describe('words', () => {
  it('folds case, curly apostrophes and diacritics, and drops the possessive', () => {
    expect(words('The Élysée’s “Coalition” of the Willing')).toEqual(['the', 'elysee', 'coalition', 'of', 'the', 'willing']);
  });

  it('keeps inner apostrophes and hyphens, and digits', () => {
    expect(words("Don't cut son-in-law, Mar-a-Lago or 35 countries")).toEqual(["don't", 'cut', 'son-in-law', 'mar-a-lago', 'or', '35', 'countries']);
  });

  it('option keepHyphens: false splits hyphenated words into their parts', () => {
    expect(words('a long-term son-in-law', { keepHyphens: false })).toEqual(['a', 'long', 'term', 'son', 'in', 'law']);
  });

  it('option stopwords: true drops STOPWORDS, a set drops that set instead', () => {
    expect(words('What did the PM say about the troops?', { stopwords: true })).toEqual(['pm', 'troops']);
    expect(words('What did the PM say', { stopwords: new Set(['pm']) })).toEqual(['what', 'did', 'the', 'say']);
  });

  it('option stem: stems each word', () => {
    expect(words('Troops deployed', { stem: true })).toEqual(['troop', 'deploy']);
  });

  it('regression: "Élysée\'s … deployed" and "Elysee … deploy" give the same terms (two tokenizers disagreed)', () => {
    expect(contentTerms('The Élysée’s troops were deployed')).toEqual(contentTerms('Elysee troops deploy'));
    expect(contentTerms('The Élysée’s troops were deployed')).toEqual(['elyse', 'troop', 'deploy']);
  });
});

describe('wordSpans', () => {
  it('gives words as written with their offsets', () => {
    const text = 'Mr Trump’s son-in-law, Élysée.';
    expect(wordSpans(text)).toEqual([
      { text: 'Mr', start: 0, end: 2 },
      { text: 'Trump’s', start: 3, end: 10 },
      { text: 'son-in-law', start: 11, end: 21 },
      { text: 'Élysée', start: 23, end: 29 },
    ]);
  });
});

describe('stem', () => {
  it('folds plurals and common verb endings so the forms of a word meet', () => {
    for (const [a, b] of [
      ['troops', 'troop'],
      ['deployed', 'deploy'],
      ['deploying', 'deploy'],
      ['guarantees', 'guarantee'],
      ['countries', 'country'],
      ['addresses', 'address'],
      ['ceasefires', 'ceasefire'],
    ]) {
      expect(stem(a!), `${a} / ${b}`).toBe(stem(b!));
    }
  });

  it('leaves short words and -ss, -us, -is endings alone', () => {
    expect(stem('us')).toBe('us');
    expect(stem('bus')).toBe('bus');
    expect(stem('status')).toBe('status');
    expect(stem('crisis')).toBe('crisis');
    expect(stem('across')).toBe('across');
  });
});

describe('contentTerms', () => {
  it('drops stopwords, honorifics, reporting filler and single letters, but keeps digits', () => {
    expect(contentTerms('Mr Kushner said a) the 5 hubs, b) the troops')).toEqual(['kushner', '5', 'hub', 'troop']);
    for (const w of ['said', 'says', 'told', 'added', 'adding', 'mr', 'sir', 'really']) expect(STOPWORDS.has(w), w).toBe(true);
  });

  it('keeps words that carry a question: modals of obligation, "one", "according"', () => {
    for (const w of ['must', 'might', 'one', 'according']) expect(STOPWORDS.has(w), w).toBe(false);
  });

  it('counts a word repeated for emphasis once, as a set', () => {
    expect(contentTermSet('a very, very big milestone')).toEqual(contentTermSet('a big, big milestone'));
  });
});

describe('jaccard and containment', () => {
  it('measure the overlap of two term sets', () => {
    const a = new Set(['uk', 'troop', 'hub']);
    const b = new Set(['uk', 'troop', 'hub', 'ukraine']);
    expect(jaccard(a, b)).toBe(0.75);
    expect(containment(a, b)).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(containment(new Set(), b)).toBe(0);
  });
});

describe('contentTermsOf', () => {
  it("gives a text's content terms from its words as words' own options do, on every line of the corpus", () => {
    const dir = path.resolve(import.meta.dirname, '..', '..', 'corpus');
    const lines = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(100);
    for (const text of lines) {
      const viaOptions = words(text, { stopwords: true, stem: true }).filter((w) => w.length > 1 || /\p{N}/u.test(w));
      expect(contentTermsOf(words(text))).toEqual(viaOptions);
      expect(contentTerms(text)).toEqual(viaOptions);
    }
  });
});

describe('withIdiomsExplained', () => {
  it('puts the plain words beside the idioms a question uses, in any case', () => {
    expect(withIdiomsExplained('will our lads go once the guns fall silent?')).toBe('will our lads (British troops) go once the guns fall silent (ceasefire)?');
    expect(withIdiomsExplained('Anyone from Across the Pond?')).toBe('Anyone from Across the Pond (the US)?');
  });
  it('leaves words that only contain an idiom as they are', () => expect(withIdiomsExplained('the kitchen and the bearer')).toBe('the kitchen and the bearer'));
});
