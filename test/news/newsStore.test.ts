/**
 * news.json version 6 (src/news/newsStore.ts): statements and speakers through a string table, each distinct
 * sentence token set once (version 4), each passage's tokens and sentence count (version 5), the tokens of each
 * distinct statement text and subject and the speaker directory's readings of each passage text (version 6). It reads back to the news layer it was written from; version 3, 4
 * and 5 files still load to the same layer; a file that does not hold together is derived again, never half read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildNewsIndex, type NewsIndex } from '../../src/news/newsIndex.js';
import { entityTokens } from '../../src/news/groupStatements.js';
import { readDirectory } from '../../src/news/directory.js';
import { sentences as sentencesOf } from '../../src/text/sentences.js';
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

/** The news layer as version 5 wrote it: no statement tokens. */
function asVersion5(news: NewsIndex): string {
  const { statementTokens: _statementTokens, readings: _readings, ...file } = JSON.parse(newsToJson(news)) as NewsStoreFile;
  return JSON.stringify({ ...file, version: 5 });
}

/** The news layer as version 4 wrote it: no passage tokens, no sentence counts. */
function asVersion4(news: NewsIndex): string {
  const { passages: _passages, statementTokens: _statementTokens, readings: _readings, sentences, ...file } = JSON.parse(newsToJson(news)) as NewsStoreFile;
  const { counts: _counts, ...v4sentences } = sentences;
  return JSON.stringify({ ...file, version: 4, sentences: v4sentences });
}

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
  // Each passage's tokens, and its sentences' tokens found by its text: what tokenising them gives, in the same order.
  expect(loaded!.passageTokens.length).toBe(passages.length);
  for (const i of [0, 1, Math.floor(passages.length / 2), passages.length - 1]) {
    const text = passages[i]!.text;
    expect([...loaded!.passageTokens.at(i)]).toEqual([...entityTokens(text, built.directory)]);
    expect([...loaded!.tokens(text)]).toEqual([...entityTokens(text, built.directory)]);
    const own = loaded!.passageSentences(text);
    if (own !== undefined) expect(own.map((set) => [...set])).toEqual(sentencesOf(text).map((s) => [...entityTokens(s, built.directory)]));
  }
}

describe('news.json version 6', () => {
  it('round-trips to the news layer it was written from, and writes the same file again', () => {
    const text = newsToJson(built);
    const file = JSON.parse(text) as NewsStoreFile;
    expect(file.version).toBe(NEWS_STORE_VERSION);
    expect(NEWS_STORE_VERSION).toBe(6);
    const loaded = newsFromJson(text, passages);
    expectSameLayer(loaded);
    expect(newsToJson(loaded!)).toBe(text);
    // Every passage's sentences are found by its text, as many as it has.
    expect(passages.every((p) => loaded!.passageSentences(p.text)?.length === sentencesOf(p.text).length)).toBe(true);
    // Copies share their text's token set: each distinct set is written once.
    expect(file.passages!.setOf).toHaveLength(passages.length);
    expect(file.passages!.sets.length).toBeLessThanOrEqual(new Set(passages.map((p) => p.text)).size);
    expect(file.sentences.counts).toEqual(passages.map((p) => sentencesOf(p.text).length));
    // Repeated strings are stored once: fewer strings than statement fields, each distinct.
    expect(new Set(file.strings).size).toBe(file.strings.length);
    expect(file.strings.length).toBeLessThan(file.statements.length * 10);
    expect(file.sentences.sets.length).toBeLessThanOrEqual(file.sentences.setOf.length);
    expect(text.length).toBeLessThan(asVersion3(built).length);
    // Each distinct statement text and subject once, with the tokens entityTokens gives it, in the same order.
    const saved = file.statementTokens!;
    const texts = [...new Set(built.statements.flatMap((s) => [s.text, s.subject]))];
    expect(saved.texts.map((i) => file.strings[i])).toEqual(texts);
    expect(saved.sets.map((list) => list.map((t) => saved.terms[t]))).toEqual(texts.map((t) => [...entityTokens(t, built.directory)]));
    expect(texts.every((t) => [...loaded!.textTokens.get(t)!].join() === [...entityTokens(t, built.directory)].join())).toBe(true);
    // What the directory read in each distinct passage text, as it reads them now.
    expect(loaded!.readings).toEqual(readDirectory(passages).readings);
    expect(file.readings!.people).toHaveLength(new Set(passages.map((p) => p.text)).size);
  });

  it('a version-5 file still loads, to the same news layer, and is written again as a fresh build writes it', () => {
    const loaded = newsFromJson(asVersion5(built), passages);
    expectSameLayer(loaded);
    expect(loaded!.textTokens.size).toBe(0);
    expect(newsToJson(loaded!, passages)).toBe(newsToJson(built));
  });

  it('keeps what version 3 added: the acronyms of the question context', () => {
    expect(built.question.acronyms.size).toBeGreaterThan(0);
    expect(newsFromJson(newsToJson(built))!.question.acronyms).toEqual(built.question.acronyms);
  });

  it('a version-3 file still loads, to the same news layer', () => {
    expectSameLayer(newsFromJson(asVersion3(built), passages));
  });

  it('a version-4 file still loads, to the same news layer, and is written again as a fresh build writes it', () => {
    const loaded = newsFromJson(asVersion4(built), passages);
    expectSameLayer(loaded);
    // Its passages' sentences are not found by text (no counts saved) but read as before.
    expect(loaded!.passageSentences(passages[0]!.text)).toBeUndefined();
    expect(newsToJson(loaded!, passages)).toBe(newsToJson(built));
  });

  it('a file of another version, or one that does not hold together, is derived again from the passages', () => {
    const text = newsToJson(built);
    const file = JSON.parse(text) as NewsStoreFile;
    expect(newsFromJson(JSON.stringify({ ...file, version: 2 }))).toBeNull();
    expect(newsFromJson('{"version": 4')).toBeNull();
    // A statement naming a string the table does not have.
    const broken = { ...file, statements: [[0, 1, file.strings.length + 5, 3, 4, 5, 6, 0, 8, 9], ...file.statements.slice(1)] };
    expect(newsFromJson(JSON.stringify(broken))).toBeNull();
    const shortRow = { ...file, statements: [[0, 1, 2], ...file.statements.slice(1)] };
    expect(newsFromJson(JSON.stringify(shortRow))).toBeNull();
    const badSentences = { ...file, sentences: { ...file.sentences, setOf: [file.sentences.sets.length + 1, ...file.sentences.setOf.slice(1)] } };
    expect(newsFromJson(JSON.stringify(badSentences))).toBeNull();
    // Sentence counts that do not add up to the sentences, or are not one per passage.
    const badCounts = { ...file, sentences: { ...file.sentences, counts: [file.sentences.counts![0]! + 1, ...file.sentences.counts!.slice(1)] } };
    expect(newsFromJson(JSON.stringify(badCounts), passages)).toBeNull();
    expect(newsFromJson(text, passages.slice(1))).toBeNull();
    // Passage tokens: a position naming no set, a set naming no term, or none at all in a version-5 file.
    const noSet = { ...file, passages: { ...file.passages!, setOf: [file.passages!.sets.length, ...file.passages!.setOf.slice(1)] } };
    expect(newsFromJson(JSON.stringify(noSet), passages)).toBeNull();
    const noTerm = { ...file, passages: { ...file.passages!, sets: [[file.passages!.terms.length], ...file.passages!.sets.slice(1)] } };
    expect(newsFromJson(JSON.stringify(noTerm), passages)).toBeNull();
    const { passages: _gone, ...withoutPassages } = file;
    expect(newsFromJson(JSON.stringify(withoutPassages), passages)).toBeNull();
    // Statement tokens: a text naming no string, a set naming no term, or none at all in a version-6 file.
    const tokens = file.statementTokens!;
    const noText = { ...file, statementTokens: { ...tokens, texts: [file.strings.length + 3, ...tokens.texts.slice(1)] } };
    expect(newsFromJson(JSON.stringify(noText), passages)).toBeNull();
    const noTokenTerm = { ...file, statementTokens: { ...tokens, sets: [[tokens.terms.length], ...tokens.sets.slice(1)] } };
    expect(newsFromJson(JSON.stringify(noTokenTerm), passages)).toBeNull();
    const { statementTokens: _none, ...withoutTokens } = file;
    expect(newsFromJson(JSON.stringify(withoutTokens), passages)).toBeNull();
    // Directory readings of an unknown kind, or missing a field.
    const readings = file.readings!;
    const badKind = { ...file, readings: { ...readings, people: [[[7, 'x']], ...readings.people.slice(1)] } };
    expect(newsFromJson(JSON.stringify(badKind), passages)).toBeNull();
    const shortReading = { ...file, readings: { ...readings, people: [[[0, 'keir starmer', 'Keir Starmer']], ...readings.people.slice(1)] } };
    expect(newsFromJson(JSON.stringify(shortReading), passages)).toBeNull();
    // loadOrBuildNews derives it then: the same layer as building it.
    expectSameLayer(loadOrBuildNews(JSON.stringify(broken), articles, passages));
  });
});
