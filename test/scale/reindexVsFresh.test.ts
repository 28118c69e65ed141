/**
 * A reindex after one changed article (unchanged articles' passages taken from the build in use, their vectors
 * from the embedding cache) must give exactly what a fresh build of the same corpus gives: the same passages and
 * near-duplicate groups (and class pairs saved for the next build), the same statements, statement groups and
 * speakers, the same saved search index, and the same answers (the reindex derives them from the build before's:
 * near-duplicate pairs, word counts, sentence index, question context). Checked on the real corpus and on a small synthetic one with syndicated copies.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import type { AnswerEngine } from '../../src/engine/createEngine.js';
import { NEWS_FILE, SEARCH_FILE } from '../../src/engine/engineState.js';
import { DUPLICATES_FILE } from '../../src/index/groupDuplicates.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { CORPUS_DIR, testEngine, testWorkspace } from '../helpers/testEngine.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'declaration-incremental-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function answers(engine: AnswerEngine, questions: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of questions) {
    const { timings: _t, ...rest } = await engine.ask(q);
    out.push(rest);
  }
  return out;
}

async function reindexedEqualsFresh(corpus: string, name: string, questions: (engine: AnswerEngine) => string[], graphReused: boolean): Promise<void> {
  const ws = testWorkspace();
  const config = { ...ws.config, CORPUS_DIR: corpus, INDEX_DIR: path.join(tmp, `${name}-index`), REINDEX_IN_WORKER: false };
  const engine = await testEngine(config);
  const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
  appendFileSync(path.join(corpus, files[Math.floor(files.length / 2)]!), '\n\nA spokesman said on Friday that the talks would resume in Paris next week.\n');
  const report = await engine.reindex();
  expect(report.changed).toHaveLength(1);
  expect(report.embedded).toBeLessThanOrEqual(2);
  const fresh = await testEngine({ ...config, INDEX_DIR: path.join(tmp, `${name}-fresh`) });

  const a = await loadIndex(config.INDEX_DIR);
  const b = await loadIndex(path.join(tmp, `${name}-fresh`));
  expect(a.passages).toEqual(b.passages); // texts, ids and near-duplicate groups
  // The reindex extended the graph of the build before (the vectors of texts gone deleted, the new texts' added
  // after the others) unless more than a tenth of its vectors would be deleted ones; the fresh build numbered its
  // own. Either way each text stands for the same passages.
  expect(JSON.stringify(a.labels) !== JSON.stringify(b.labels)).toBe(graphReused);
  expect(b.labels.includes(null)).toBe(false);
  const live = (labels: typeof a.labels) => labels.filter((l) => l !== null).map((l) => JSON.stringify(l)).sort();
  expect(live(a.labels)).toEqual(live(b.labels));
  const { builtAt: _a, checksums: _ca, ...manifestA } = a.manifest;
  const { builtAt: _b, checksums: _cb, ...manifestB } = b.manifest;
  expect(manifestA).toEqual(manifestB);
  expect(a.derived![NEWS_FILE]).toBe(b.derived![NEWS_FILE]); // statements, groups, speakers, directory, sentence index
  expect(a.derived![SEARCH_FILE]).toBe(b.derived![SEARCH_FILE]);
  // The near-duplicate class pairs, found from the build before's (only new classes compared): the fresh build's.
  expect(a.derived![DUPLICATES_FILE]).toBe(b.derived![DUPLICATES_FILE]);
  expect(engine.speakers()).toEqual(fresh.speakers());
  const asked = questions(fresh);
  expect(await answers(engine, asked)).toEqual(await answers(fresh, asked));
  ws.cleanup();
}

describe('a reindex after one changed article equals a fresh build', () => {
  it('on the real corpus', async () => {
    const corpus = path.join(tmp, 'real');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    await reindexedEqualsFresh(corpus, 'real', () => [
      'What did Kushner say?',
      'What did LBC report about Greenland?',
      "How did the outlets differ on Kushner's milestone quote?",
      'How many countries were at the meeting?',
      'When will the talks resume?',
      // One vector per distinct text (format 6): the changed article's new paragraph is one new text, its other
      // texts keep their vectors, so the graph is extended even on the small real corpus.
    ], true);
  }, 300_000);

  it('on a synthetic corpus with syndicated copies', async () => {
    const corpus = path.join(tmp, 'synthetic');
    await generateCorpus({ sourceDir: CORPUS_DIR, outDir: corpus, passages: 200, seed: 3 });
    await reindexedEqualsFresh(corpus, 'synthetic', (engine) => {
      const speaker = engine.speakers()[0]!.name;
      const outlet = engine.sources().articles[0]!.outlet;
      return [`What did ${speaker} say?`, `What did ${outlet} report about the troops?`, 'How did the outlets differ on the ceasefire?', 'How many countries were at the meeting?'];
    }, true);
  }, 300_000);
});
