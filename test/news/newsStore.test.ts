/**
 * news.json version 4 (src/news/newsStore.ts): statements and speakers through a string table, each distinct
 * sentence token set once. It reads back to the news layer it was written from; version 3 files (written out in
 * full) still load to the same layer; a file that does not hold together is derived again, never half read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildNewsIndex, type NewsIndex } from '../../src/news/newsIndex.js';
import { loadOrBuildNews, NEWS_STORE_VERSION, newsFromJson, newsToJson, type NewsStoreFile, type NewsStoreFileV3 } from '../../src/news/newsStore.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import type { ArticleMeta, Passage } from '../../src/types.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

let articles: ArticleMeta[];
let passages: Passage[];
let built: NewsIndex;

beforeAll(async () => {
  const corpus = await loadCorpus(CORPUS_DIR);
  articles = corpus.articles;
  passages = corpus.articles.flatMap((a) => buildPassages(a));
  built = buildNewsIndex(articles, passages);
}, 120_000);

/** The news layer as version 3 wrote it (statements, speakers and sentences in full). */
function asVersion3(news: NewsIndex): string {
  const position = new Map(news.statements.map((s, i) => [s, i]));
  const outlets = [...new Set(news.sentences.outlets)];
  const terms = [...news.sentences.postings.keys()];
  const file: NewsStoreFileV3 = {
    version: 3,
    directory: news.directory,
    statements: news.statements,
    groups: news.groups.map((g) => g.statements.map((s) => position.get(s)!)),
    idf: { passages: news.idf.passages, df: [...news.idf.df] },
    question: { outlets: news.question.outlets, vocabulary: [...news.question.vocabulary], places: [...news.question.places], acronyms: [...news.question.acronyms] },
    speakers: news.speakers,
    mentionedIn: [...news.mentionedIn],
    sentences: {
      outlets,
      outletOf: news.sentences.outlets.map((o) => outlets.indexOf(o)),
      terms,
      tokens: news.sentences.tokens.map((set) => [...set].map((t) => terms.indexOf(t))),
    },
  };
  return JSON.stringify(file);
}

function expectSameLayer(loaded: NewsIndex | null): void {
  expect(loaded).not.toBeNull();
  expect(loaded!.statements).toEqual(built.statements);
  expect(loaded!.groups).toEqual(built.groups);
  expect(loaded!.speakers).toEqual(built.speakers);
  expect(loaded!.directory).toEqual(built.directory);
  expect(loaded!.bySpeaker).toEqual(built.bySpeaker);
  expect(loaded!.mentionedIn).toEqual(built.mentionedIn);
  expect(loaded!.question.acronyms).toEqual(built.question.acronyms);
  expect(loaded!.question.vocabulary).toEqual(built.question.vocabulary);
  expect(loaded!.sentences.outlets).toEqual(built.sentences.outlets);
  expect(loaded!.sentences.tokens).toEqual(built.sentences.tokens);
  expect(loaded!.sentences.postings).toEqual(built.sentences.postings);
  expect(loaded!.weights('milestone')).toBe(built.weights('milestone'));
}

describe('news.json version 4', () => {
  it('round-trips to the news layer it was written from, and writes the same file again', () => {
    const text = newsToJson(built);
    const file = JSON.parse(text) as NewsStoreFile;
    expect(file.version).toBe(NEWS_STORE_VERSION);
    expect(NEWS_STORE_VERSION).toBe(4);
    const loaded = newsFromJson(text);
    expectSameLayer(loaded);
    expect(newsToJson(loaded!)).toBe(text);
    // Repeated strings are stored once: fewer strings than statement fields, each distinct.
    expect(new Set(file.strings).size).toBe(file.strings.length);
    expect(file.strings.length).toBeLessThan(file.statements.length * 10);
    expect(file.sentences.sets.length).toBeLessThanOrEqual(file.sentences.setOf.length);
    expect(text.length).toBeLessThan(asVersion3(built).length);
  });

  it('keeps what version 3 added: the acronyms of the question context', () => {
    expect(built.question.acronyms.size).toBeGreaterThan(0);
    expect(newsFromJson(newsToJson(built))!.question.acronyms).toEqual(built.question.acronyms);
  });

  it('a version-3 file still loads, to the same news layer', () => {
    expectSameLayer(newsFromJson(asVersion3(built)));
  });

  it('a file of another version, or one that does not hold together, is derived again from the passages', () => {
    const file = JSON.parse(newsToJson(built)) as NewsStoreFile;
    expect(newsFromJson(JSON.stringify({ ...file, version: 2 }))).toBeNull();
    expect(newsFromJson('{"version": 4')).toBeNull();
    // A statement naming a string the table does not have.
    const broken = { ...file, statements: [[0, 1, file.strings.length + 5, 3, 4, 5, 6, 0, 8, 9], ...file.statements.slice(1)] };
    expect(newsFromJson(JSON.stringify(broken))).toBeNull();
    const shortRow = { ...file, statements: [[0, 1, 2], ...file.statements.slice(1)] };
    expect(newsFromJson(JSON.stringify(shortRow))).toBeNull();
    const badSentences = { ...file, sentences: { ...file.sentences, setOf: [file.sentences.sets.length + 1, ...file.sentences.setOf.slice(1)] } };
    expect(newsFromJson(JSON.stringify(badSentences))).toBeNull();
    // loadOrBuildNews derives it then: the same layer as building it.
    expectSameLayer(loadOrBuildNews(JSON.stringify(broken), articles, passages));
  });
});
