/**
 * Lexical search scores over flat arrays (src/retrieval/lexical.ts, bm25Search), as saved in search.json version 2,
 * instead of through MiniSearch's own search, which builds one result object per matching passage per term. It must
 * give exactly what MiniSearch gives (same hits, same scores, same order of ties): checked here on the real corpus
 * and on a synthetic one with many syndicated copies, with query expansion terms, fuzzy matches and an outlet
 * filter, for the flat index read back from its file and for one read from a version-1 file (MiniSearch's JSON); and
 * the flat index a build makes without MiniSearch (buildLexicalIndex) must be MiniSearch's, array for array.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { buildLexicalIndex, buildMiniSearch, flatten, lexicalFromFile, lexicalFromMiniSearchJson, lexicalToFile, referenceSearch, searchLexical, type LexicalFile } from '../../src/retrieval/lexical.js';
import type { Passage } from '../../src/types.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

const QUESTIONS = [
  ...new Set(
    ['eval-questions', 'eval-news'].flatMap((f) => {
      const j = JSON.parse(readFileSync(path.resolve(`test/fixtures/${f}.json`), 'utf8')) as unknown;
      const list = (Array.isArray(j) ? j : ((j as { questions?: unknown[] }).questions ?? [])) as { question?: unknown }[];
      return list.map((q) => q.question).filter((q): q is string => typeof q === 'string');
    }),
  ),
  // Misspelt long words (fuzzy matches), a repeated word, and words no passage has.
  'What did Zelenskyy say about the multinational guarantees guarantees?',
  'reconstruction of ukrainian armed forces',
  'xylophone quokka',
];

async function passagesOf(dir: string): Promise<Passage[]> {
  const { articles } = await loadCorpus(dir);
  return articles.flatMap((a) => buildPassages(a));
}

function compare(passages: Passage[]): number {
  const mini = buildMiniSearch(passages);
  // Built directly (what a build saves): the very arrays MiniSearch's index flattens to, terms in the same order.
  expect(buildLexicalIndex(passages)).toEqual(flatten(mini));
  // Read back from its saved form, as the engine loads it; and from MiniSearch's JSON (a version-1 file).
  const index = lexicalFromFile(JSON.parse(JSON.stringify(lexicalToFile(flatten(mini)))) as LexicalFile);
  const fromV1 = lexicalFromMiniSearchJson(JSON.stringify(buildMiniSearch(passages, { asLoaded: false })));
  const articleOf = passages.map((p) => p.articleId);
  let checked = 0;
  QUESTIONS.forEach((q, i) => {
    const extra = new Map([
      ['troops', 0.4],
      ['ceasefire', 0.35],
    ]);
    const some = articleOf[i % articleOf.length]!;
    const filter = i % 3 === 0 ? (label: number) => articleOf[label] !== some : undefined;
    for (const k of [10, 50]) {
      const terms = i % 2 === 0 ? extra : new Map<string, number>();
      const reference = referenceSearch(mini, q, k, filter, terms);
      expect(searchLexical(index, q, k, filter, terms)).toEqual(reference);
      expect(searchLexical(fromV1, q, k, filter, terms)).toEqual(reference);
      checked += reference.length;
    }
  });
  return checked;
}

describe('lexical search over arrays', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lexical-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('gives MiniSearch\'s hits and scores on the real corpus', async () => {
    expect(compare(await passagesOf(CORPUS_DIR))).toBeGreaterThan(100);
  });

  it('gives MiniSearch\'s hits and scores on a synthetic corpus of syndicated copies', async () => {
    const out = path.join(tmp, 'synthetic');
    await generateCorpus({ sourceDir: CORPUS_DIR, outDir: out, passages: 1500, seed: 3 });
    expect(compare(await passagesOf(out))).toBeGreaterThan(1000);
  }, 120_000);
});
