/**
 * search.json version 2 (src/retrieval/searchIndex.ts): the lexical index as flat arrays, read without rebuilding
 * MiniSearch's maps. It reads back to the index it was written from; a version-1 file (MiniSearch's JSON) still
 * loads and searches the same; a file that does not hold together is built again from the passages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { StoredPassage } from '../../src/index/passageStore.js';
import type { VectorStore } from '../../src/index/vectorStore.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { buildMiniSearch, searchLexical } from '../../src/retrieval/lexical.js';
import { createSearchIndex, loadOrCreateSearchIndex, SEARCH_STORE_VERSION, searchIndexToJson, type SearchIndex } from '../../src/retrieval/searchIndex.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

const vectors = {} as VectorStore; // stored as it is, never read here
let passages: StoredPassage[];
let built: SearchIndex;

beforeAll(async () => {
  const { articles } = await loadCorpus(CORPUS_DIR);
  passages = articles.flatMap((a) => buildPassages(a)).map((p, i) => ({ ...p, group: i }));
  built = createSearchIndex(passages, vectors, []);
}, 120_000);

const QUESTIONS = ['What did Kushner say about the milestone?', 'multinationall force reassurance', 'Greenland', 'xylophone'];
const hits = (index: SearchIndex) => QUESTIONS.map((q) => searchLexical(index.lexical, q, 20));

describe('search.json version 2', () => {
  it('round-trips the flat lexical index, which searches as the one built', () => {
    const text = searchIndexToJson(built);
    expect((JSON.parse(text) as { version: number }).version).toBe(SEARCH_STORE_VERSION);
    const loaded = loadOrCreateSearchIndex(text, passages, vectors, []);
    const { termIds: _a, byLength: _b, ...savedParts } = built.lexical;
    expect(loaded.lexical).toEqual(savedParts);
    expect(hits(loaded)).toEqual(hits(built));
    expect(hits(built).flat().length).toBeGreaterThan(20);
    expect(searchIndexToJson(loaded)).toBe(text);
  });

  it('a version-1 file (MiniSearch\'s JSON) still loads, to the same index', () => {
    const v1 = JSON.stringify({ version: 1, lexical: JSON.stringify(buildMiniSearch(passages, { asLoaded: false })), words: null });
    const loaded = loadOrCreateSearchIndex(v1, passages, vectors, []);
    expect(loaded.lexical.terms).toEqual(built.lexical.terms);
    expect(loaded.lexical.docs).toEqual(built.lexical.docs);
    expect(hits(loaded)).toEqual(hits(built));
  });

  it('a file that does not hold together, or of another version, is built again from the passages', () => {
    const file = JSON.parse(searchIndexToJson(built)) as { version: number; lexical: Record<string, unknown> };
    const variants = [
      { ...file, version: 3 },
      { ...file, lexical: { ...file.lexical, offsets: Buffer.from([1, 2, 3]).toString('base64') } },
      { ...file, lexical: { ...file.lexical, terms: (file.lexical.terms as string[]).slice(1) } },
      { ...file, lexical: { ...file.lexical, docs: 42 } },
    ];
    for (const variant of variants) {
      const loaded = loadOrCreateSearchIndex(JSON.stringify(variant), passages, vectors, []);
      expect(hits(loaded)).toEqual(hits(built));
      expect(loaded.lexical.terms).toEqual(built.lexical.terms);
    }
    // Of another build (other passages): built again too.
    const fewer = passages.slice(0, 10);
    expect(loadOrCreateSearchIndex(searchIndexToJson(built), fewer, vectors, []).lexical.documentCount).toBe(10);
  });
});
