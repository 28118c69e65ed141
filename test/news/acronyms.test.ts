/** Acronyms of the names the coverage writes out: built from its capitalised phrases, expanded in questions. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildAcronyms, expandAcronyms } from '../../src/news/acronyms.js';
import { buildNewsIndex, statementsBy } from '../../src/news/newsIndex.js';
import { buildVocabulary } from '../../src/news/vocabulary.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { understand } from '../../src/plan/understand.js';
import { englishWord } from '../../src/text/english.js';

const article = { id: 'a', outlet: 'Example News', headline: 'Leaders meet in Paris', published: '2026-01-06', url: null, author: null } as never;
const passage = (text: string, paragraph = 0) => ({ id: `a#${paragraph}`, articleId: 'a', paragraph, text }) as never;

describe('buildAcronyms', () => {
  const acronyms = buildAcronyms(
    [article],
    [
      passage('The Coalition of the Willing met on Tuesday. Britain and France signed the Paris Declaration.', 0),
      passage("The Multinational Force Ukraine will be led from Paris, Sir Keir Starmer's office said.", 1),
      passage('If Ukraine agrees, Talks in Paris will follow.', 2),
    ],
  );

  it('gives a name every initials readers write for it: all words, without the articles, capitalised words only', () => {
    expect(acronyms.get('cotw')).toBe('Coalition of the Willing');
    expect(acronyms.get('cow')).toBe('Coalition of the Willing');
    expect(acronyms.get('cw')).toBe('Coalition of the Willing');
    expect(acronyms.get('mfu')).toBe('Multinational Force Ukraine');
    expect(acronyms.get('pd')).toBe('Paris Declaration');
  });

  it('takes names apart at "and", "in" and punctuation, drops a leading function word and a final possessive', () => {
    expect(acronyms.get('baf')).toBeUndefined(); // "Britain and France" is two names
    expect(acronyms.get('tip')).toBeUndefined(); // "Talks in Paris": a name and a place
    expect(acronyms.get('iu')).toBeUndefined(); // "If Ukraine": capitalised for starting the sentence
    expect(acronyms.get('ks')).toBe('Keir Starmer'); // "Sir Keir Starmer's office": the title is a function word, the possessive goes
  });

  it('needs two capitalised words: a single name is no acronym of anything', () => {
    expect([...acronyms.values()].every((phrase) => phrase.split(' ').filter((w) => /^\p{Lu}/u.test(w)).length >= 2)).toBe(true);
  });
});

describe('expandAcronyms', () => {
  const acronyms = new Map([
    ['cow', 'Coalition of the Willing'],
    ['pm', 'Prime Minister'],
    ['mfu', 'Multinational Force Ukraine'],
  ]);
  const vocabulary = buildVocabulary([article], [passage('The PM met the Coalition of the Willing.')]);

  it('writes out an acronym the coverage never writes but whose name it does', () => {
    expect(expandAcronyms('did the CoW promise to stick with kyiv', acronyms, vocabulary)).toBe('did the Coalition of the Willing promise to stick with kyiv');
    expect(expandAcronyms('who leads the MFU?', acronyms, vocabulary)).toBe('who leads the Multinational Force Ukraine?');
  });

  it('leaves an acronym the coverage itself uses, ordinary words, and acronyms of nothing in it', () => {
    expect(expandAcronyms('what did the PM say', acronyms, vocabulary)).toBe('what did the PM say');
    expect(expandAcronyms('how now brown cow', acronyms, vocabulary)).toBe('how now brown cow');
    expect(expandAcronyms('what does the IMF think', acronyms, vocabulary)).toBe('what does the IMF think');
  });
});

describe('on the real corpus', () => {
  it('regression: "did the CoW promise to stick with kyiv long term" was refused as a name the coverage never mentions', async () => {
    const { articles } = await loadCorpus(path.resolve(import.meta.dirname, '..', '..', 'corpus'));
    const news = buildNewsIndex(articles, articles.flatMap((a) => buildPassages(a)));
    const ctx = {
      coverage: news.question,
      outletCoverage: () => news.question,
      retrieveK: 10,
      topicWords: new Set(['paris', 'declaration']),
      isEnglishWord: (w: string) => englishWord(w, null),
      speaks: (id: string) => statementsBy(news, id).length > 0,
      headlines: () => [],
      overview: () => '',
    };
    const plan = understand('did the CoW promise to stick with kyiv long term', ctx);
    expect(plan.kind).toBe('fact');
    expect(plan.kind === 'fact' ? plan.search.text : '').toContain('Coalition of the Willing');
    expect(understand('what did the COTW agree in paris', ctx).kind).toBe('fact');
    // An acronym of nothing in the coverage is still an unknown name.
    const unknown = understand('what did the IDF say about it', ctx);
    expect(unknown.kind === 'refuse' && unknown.refusal.code === 'UNKNOWN_NAMES' ? unknown.refusal.names : null).toEqual(['IDF']);
  }, 60_000);
});
