/**
 * Sentence vectors (index format 4 on): a build holds a vector for each passage's text and for each sentence of
 * each passage of several sentences, one per distinct text (format 6: syndicated copies share it), and the passage
 * store says whose (format 6: `labels`, a list of [passage, sentence] per vector; format 5: one per vector; format 4:
 * the sentences' owners); a damaged label list is refused; a build of format 3 (passage vectors only), 4 or 5 still
 * loads and answers as the current format does, and a reindex with nothing changed writes it again in the current
 * format.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexIfUnchanged } from '../../src/engine/unchangedReindex.js';
import { isBotError } from '../../src/errors.js';
import { sentenceUnits } from '../../src/index/buildIndex.js';
import { buildDir, MANIFEST_FILE, PASSAGES_FILE, readCurrentBuild, sha256File } from '../../src/index/indexFiles.js';
import { freshLabels, oneVectorEachLabels, type VectorLabel } from '../../src/index/labels.js';
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

  it('a build holds one vector per distinct text, passages\' and sentences\', and says whose they are', async () => {
    const index = await loadIndex(ws.config.INDEX_DIR);
    expect(index.manifest.format).toBe(INDEX_FORMAT_VERSION);
    const members = index.labels.flatMap((l) => l ?? []);
    const sentenceMembers = members.filter(([, k]) => k > 0);
    expect(sentenceMembers.length).toBe(index.manifest.sentences);
    expect(sentenceMembers.length).toBeGreaterThan(0);
    expect(members.length).toBe(index.passages.length + sentenceMembers.length);
    // A fresh build: one label per distinct text, passages' texts first, then the sentences'.
    const units = sentenceUnits(index.passages);
    const fresh = freshLabels(index.passages.map((p) => p.text), units);
    expect(index.labels).toEqual(fresh.labels);
    expect(index.vectors.size).toBe(new Set([...index.passages.map((p) => p.text), ...units.map((u) => u.text)]).size);
    // Every member of a label has its text.
    const textOf = ([p, k]: readonly [number, number]) => (k === 0 ? index.passages[p]!.text : sentences(index.passages[p]!.text)[k - 1]);
    index.labels.forEach((l, label) => {
      for (const m of l!) expect(textOf(m)).toBe(fresh.texts[label]);
    });
    // Each owner is a passage of several sentences, and owns exactly that many sentence vectors.
    const counts = new Map<number, number>();
    for (const [p] of sentenceMembers) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const [owner, n] of counts) expect(sentences(index.passages[owner]!.text).length).toBe(n);
  });

  it('a passage store whose labels do not match the manifest is refused as corrupt', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'bad-owners') };
    await testEngine(other);
    const files = await currentFiles(other.INDEX_DIR);
    const store = JSON.parse(readFileSync(files.passages, 'utf8')) as { passages: unknown[]; labels: VectorLabel[] };
    store.labels[store.labels.length - 1] = [[store.passages.length, 1]]; // no such passage
    writeFileSync(files.passages, JSON.stringify(store));
    const checksum = await sha256File(files.passages);
    rewriteManifest(files.manifest, (m) => {
      m.checksums.passages = checksum;
    });
    const error = await loadIndex(other.INDEX_DIR).catch((e: unknown) => e);
    expect(isBotError(error, 'INDEX_CORRUPT')).toBe(true);
    expect((error as Error).message).toContain(`a label naming passage ${store.passages.length}`);
  }, 120_000);

  /**
   * The build in `dir` written again as format 5 (or 4) wrote it: one vector per passage, then one per sentence, the
   * passage store saying whose with one [passage, sentence] per vector (format 4: the sentences' owners).
   */
  async function oneVectorEach(dir: string, format: 4 | 5, embed: (texts: string[]) => Promise<Float32Array[]>) {
    const current = await loadIndex(dir);
    const units = sentenceUnits(current.passages);
    const texts = [...current.passages.map((p) => p.text), ...units.map((u) => u.text)];
    const vectors = createHnswStore(current.vectors.dimensions, texts.length);
    (await embed(texts)).forEach((v, i) => vectors.add(i, v));
    const labels = oneVectorEachLabels(current.passages.length, units.map((u) => u.owner));
    await saveIndex(dir, { manifest: current.manifest, vectors, passages: current.passages, labels, derived: current.derived });
    const files = await currentFiles(dir);
    const store = JSON.parse(readFileSync(files.passages, 'utf8')) as { passages: unknown[]; labels?: unknown; sentenceOwners?: number[] };
    if (format === 5) store.labels = labels.map((l) => l![0]);
    else {
      store.sentenceOwners = units.map((u) => u.owner);
      delete store.labels;
    }
    writeFileSync(files.passages, JSON.stringify(store));
    const checksum = await sha256File(files.passages);
    rewriteManifest(files.manifest, (m) => {
      m.format = format;
      m.checksums.passages = checksum;
    });
    return { current, labels };
  }

  const questions = ['Where will the military hubs be built?', 'What did Zelensky say about security guarantees?', 'What did the outlets report about the ceasefire?'];
  async function answers(engine: Awaited<ReturnType<typeof testEngine>>): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const q of questions) {
      const { timings: _t, ...rest } = await engine.ask(q);
      out.push(rest);
    }
    return out;
  }

  for (const format of [5, 4] as const) {
    it(`a format-${format} build (one vector per passage and per sentence) loads, answers as the current format does, and a reindex writes it in the current format`, async () => {
      const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, `format-${format}`) };
      const engine = await testEngine(other);
      const want = await answers(engine);
      const { current, labels } = await oneVectorEach(other.INDEX_DIR, format, (texts) => engine.embedder.embed(texts));
      const old = await loadIndex(other.INDEX_DIR);
      expect(old.manifest.format).toBe(format);
      expect(old.labels).toEqual(labels);
      expect(old.vectors.size).toBe(old.passages.length + (old.manifest.sentences ?? 0));
      const oldEngine = await testEngine(other);
      expect(await answers(oldEngine)).toEqual(want);
      expect(await reindexIfUnchanged(other, { via: 'terminal', name: 'tester' })).toBeNull();
      await oldEngine.reindex();
      const rewritten = await loadIndex(other.INDEX_DIR);
      expect(rewritten.manifest.format).toBe(INDEX_FORMAT_VERSION);
      expect(rewritten.labels).toEqual(current.labels);
      expect(rewritten.vectors.size).toBe(current.vectors.size);
    }, 180_000);
  }

  it('a format-3 build (passage vectors only) loads and answers; a reindex with nothing changed writes it in the current format', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'format-3') };
    const engine = await testEngine(other);
    const current = await loadIndex(other.INDEX_DIR);
    // The same build as an earlier version wrote it: one vector per passage and nothing else.
    const passageOnly = createHnswStore(current.vectors.dimensions, current.passages.length);
    (await engine.embedder.embed(current.passages.map((p) => p.text))).forEach((v, i) => passageOnly.add(i, v));
    const { sentences: _s, ...manifest } = current.manifest;
    await saveIndex(other.INDEX_DIR, { manifest, vectors: passageOnly, passages: current.passages, labels: oneVectorEachLabels(current.passages.length, []), derived: current.derived });
    const files = await currentFiles(other.INDEX_DIR);
    const store = JSON.parse(readFileSync(files.passages, 'utf8')) as { passages: unknown[]; labels?: unknown };
    delete store.labels;
    writeFileSync(files.passages, JSON.stringify(store));
    const checksum = await sha256File(files.passages);
    rewriteManifest(files.manifest, (m) => {
      m.format = 3;
      m.checksums.passages = checksum;
    });
    const old = await loadIndex(other.INDEX_DIR);
    expect(old.manifest.format).toBe(3);
    expect(old.labels).toEqual(oneVectorEachLabels(old.passages.length, []));
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
