/**
 * Sentence vectors (index format 4 on): a build holds one vector per passage and one per sentence of each passage
 * of several sentences, the passage store says whose (format 5: `labels`; format 4: the sentences' owners); a
 * damaged label list is refused; a build of format 3 (passage vectors only) or 4 still loads and answers, and a
 * reindex with nothing changed writes it again in the current format.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexIfUnchanged } from '../../src/engine/unchangedReindex.js';
import { isBotError } from '../../src/errors.js';
import { sentenceUnits } from '../../src/index/buildIndex.js';
import { buildDir, MANIFEST_FILE, PASSAGES_FILE, readCurrentBuild, sha256File } from '../../src/index/indexFiles.js';
import { freshLabels } from '../../src/index/labels.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { INDEX_FORMAT_VERSION } from '../../src/index/manifest.js';
import { saveIndex } from '../../src/index/saveIndex.js';
import { createHnswStore } from '../../src/index/vectorStore.js';
import { sentences } from '../../src/text/sentences.js';
import { rewriteManifest } from '../helpers/manifestEdit.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace();
  await testEngine(ws.config);
}, 120_000);
afterAll(() => ws.cleanup());

async function currentFiles(indexDir: string) {
  const dir = buildDir(indexDir, (await readCurrentBuild(indexDir))!);
  return { manifest: path.join(dir, MANIFEST_FILE), passages: path.join(dir, PASSAGES_FILE) };
}

describe('sentence vectors', () => {
  it('sentenceUnits: the sentences of passages of several sentences, each with its passage, and none of one-sentence passages', () => {
    const units = sentenceUnits([
      { id: 'a#0', articleId: 'a', paragraph: 0, text: 'One sentence only.' },
      { id: 'a#1', articleId: 'a', paragraph: 1, text: 'The first sentence is here. The second one follows it.' },
    ] as never);
    expect(units).toEqual([
      { owner: 1, text: 'The first sentence is here.' },
      { owner: 1, text: 'The second one follows it.' },
    ]);
  });

  it('a build holds the passages\' vectors, then their sentences\', and says whose they are', async () => {
    const index = await loadIndex(ws.config.INDEX_DIR);
    expect(index.manifest.format).toBe(INDEX_FORMAT_VERSION);
    const sentenceLabels = index.labels.filter((l) => l !== null && l[1] > 0);
    expect(sentenceLabels.length).toBe(index.manifest.sentences);
    expect(sentenceLabels.length).toBeGreaterThan(0);
    expect(index.vectors.size).toBe(index.passages.length + sentenceLabels.length);
    // A fresh build: passages' vectors first, in order, then the sentences'.
    expect(index.labels.slice(0, index.passages.length)).toEqual(index.passages.map((_, p) => [p, 0]));
    // Each owner is a passage of several sentences, and owns exactly that many sentence vectors.
    const counts = new Map<number, number>();
    for (const l of sentenceLabels) counts.set(l![0], (counts.get(l![0]) ?? 0) + 1);
    for (const [owner, n] of counts) expect(sentences(index.passages[owner]!.text).length).toBe(n);
  });

  it('a passage store whose labels do not match the manifest is refused as corrupt', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'bad-owners') };
    await testEngine(other);
    const files = await currentFiles(other.INDEX_DIR);
    const store = JSON.parse(readFileSync(files.passages, 'utf8')) as { passages: unknown[]; labels: [number, number][] };
    store.labels[store.passages.length] = [store.passages.length, 1]; // no such passage
    writeFileSync(files.passages, JSON.stringify(store));
    const checksum = await sha256File(files.passages);
    rewriteManifest(files.manifest, (m) => {
      m.checksums.passages = checksum;
    });
    const error = await loadIndex(other.INDEX_DIR).catch((e: unknown) => e);
    expect(isBotError(error, 'INDEX_CORRUPT')).toBe(true);
    expect((error as Error).message).toContain(`a label naming passage ${store.passages.length}`);
  }, 120_000);

  it('a format-4 build (sentence owners in place of labels) loads with its fresh labels, and a reindex writes it in the current format', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'format-4') };
    const engine = await testEngine(other);
    const current = await loadIndex(other.INDEX_DIR);
    const files = await currentFiles(other.INDEX_DIR);
    const store = JSON.parse(readFileSync(files.passages, 'utf8')) as { passages: unknown[]; labels?: [number, number][]; sentenceOwners?: number[] };
    store.sentenceOwners = store.labels!.slice(store.passages.length).map((l) => l[0]);
    delete store.labels;
    writeFileSync(files.passages, JSON.stringify(store));
    const checksum = await sha256File(files.passages);
    rewriteManifest(files.manifest, (m) => {
      m.format = 4;
      m.checksums.passages = checksum;
    });
    const old = await loadIndex(other.INDEX_DIR);
    expect(old.manifest.format).toBe(4);
    expect(old.labels).toEqual(current.labels);
    expect(await reindexIfUnchanged(other, { via: 'terminal', name: 'tester' })).toBeNull();
    await (await testEngine(other)).reindex();
    const rewritten = await loadIndex(other.INDEX_DIR);
    expect(rewritten.manifest.format).toBe(INDEX_FORMAT_VERSION);
    expect(rewritten.labels).toEqual(current.labels);
    void engine;
  }, 180_000);

  it('a format-3 build (passage vectors only) loads and answers; a reindex with nothing changed writes it in the current format', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'format-3') };
    const engine = await testEngine(other);
    const current = await loadIndex(other.INDEX_DIR);
    // The same build as an earlier version wrote it: one vector per passage and nothing else.
    const passageOnly = createHnswStore(current.vectors.dimensions, current.passages.length);
    (await engine.embedder.embed(current.passages.map((p) => p.text))).forEach((v, i) => passageOnly.add(i, v));
    const { sentences: _s, ...manifest } = current.manifest;
    await saveIndex(other.INDEX_DIR, { manifest, vectors: passageOnly, passages: current.passages, labels: freshLabels(current.passages.length, []), derived: current.derived });
    rewriteManifest((await currentFiles(other.INDEX_DIR)).manifest, (m) => {
      m.format = 3;
    });
    const old = await loadIndex(other.INDEX_DIR);
    expect(old.manifest.format).toBe(3);
    expect(old.labels).toEqual(freshLabels(old.passages.length, []));
    expect(old.vectors.size).toBe(old.passages.length);
    const oldEngine = await testEngine(other);
    const answer = await oldEngine.ask('Where will the military hubs be built?');
    expect(answer.kind).toBe('passages');

    expect(await reindexIfUnchanged(other, { via: 'terminal', name: 'tester' })).toBeNull();
    const report = await oldEngine.reindex();
    expect(report).toMatchObject({ added: [], changed: [], removed: [] });
    const rewritten = await loadIndex(other.INDEX_DIR);
    expect(rewritten.manifest.format).toBe(INDEX_FORMAT_VERSION);
    expect(rewritten.labels).toEqual(current.labels);
  }, 180_000);
});
