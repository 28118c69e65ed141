import { readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelIndex } from '../src/index/labels.js';
import { loadIndex } from '../src/index/loadIndex.js';
import { searchDense } from '../src/retrieval/dense.js';
import { saveIndex } from '../src/index/saveIndex.js';
import { buildDir, BUILDS_DIR, MANIFEST_FILE, PASSAGES_FILE, VECTORS_FILE, readCurrentBuild } from '../src/index/indexFiles.js';
import type { AnswerEngine } from '../src/engine/createEngine.js';
import { isBotError } from '../src/errors.js';
import type { Embedder } from '../src/types.js';
import { testEngine, testWorkspace, type TestWorkspace } from './helpers/testEngine.js';

let ws: TestWorkspace;
let engine: AnswerEngine;

beforeAll(async () => {
  ws = testWorkspace();
  engine = await testEngine(ws.config);
});
afterAll(() => ws.cleanup());

async function currentDir(): Promise<string> {
  return buildDir(ws.config.INDEX_DIR, (await readCurrentBuild(ws.config.INDEX_DIR))!);
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isBotError(error), `expected BotError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as Error;
}

describe('index save and load', () => {
  it('loads what was saved: same passages, same nearest neighbours, no re-embedding', async () => {
    const loaded = await loadIndex(ws.config.INDEX_DIR);
    expect(loaded.passages.length).toBe(engine.sources().passages);
    expect(loaded.passages.length).toBeGreaterThan(50);
    expect(loaded.manifest.embedder).toEqual({ id: engine.embedder.id, dimensions: engine.embedder.dimensions });
    const [vector] = await engine.embedder.embed(['military hubs across Ukraine']);
    const fresh = searchDense(loaded.vectors, vector!, 5, undefined, labelIndex(loaded.labels, loaded.passages.length));
    const second = await loadIndex(ws.config.INDEX_DIR);
    expect(second.labels).toEqual(loaded.labels);
    expect(searchDense(second.vectors, vector!, 5, undefined, labelIndex(second.labels, second.passages.length))).toEqual(fresh);
    expect(loaded.passages[fresh[0]!.label]!.text.toLowerCase()).toContain('military hubs');
  });

  it('swaps builds atomically and keeps only the current and previous build (once older builds are past the grace period)', async () => {
    const data = await loadIndex(ws.config.INDEX_DIR);
    const first = data.build;
    const second = await saveIndex(ws.config.INDEX_DIR, data);
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(second);
    const third = await saveIndex(ws.config.INDEX_DIR, await loadIndex(ws.config.INDEX_DIR), { pruneGraceMs: 0 });
    const builds = readdirSync(path.join(ws.config.INDEX_DIR, BUILDS_DIR)).sort();
    expect(builds).toEqual([second, third].sort());
    expect(builds).not.toContain(first);
  });

  it('leaves the old index in use when a save crashes before the swap', async () => {
    const before = await readCurrentBuild(ws.config.INDEX_DIR);
    const data = await loadIndex(ws.config.INDEX_DIR);
    await expect(
      saveIndex(ws.config.INDEX_DIR, data, {
        beforeSwitch: () => {
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(before);
    expect((await loadIndex(ws.config.INDEX_DIR)).build).toBe(before);
  });
});

describe('a missing or corrupt index is refused with a clear message', () => {
  it('INDEX_MISSING when nothing was built', async () => {
    const error = await expectCode(loadIndex(path.join(ws.dir, 'nowhere')), 'INDEX_MISSING');
    expect(error.message).toContain('npm run reindex');
  });

  it('INDEX_CORRUPT for a damaged vector file, a bad manifest, a missing passage store', async () => {
    const dir = await currentDir();
    const vectors = path.join(dir, VECTORS_FILE);
    const original = readFileSync(vectors);
    writeFileSync(vectors, original.subarray(0, Math.floor(original.length / 2)));
    const damaged = await expectCode(loadIndex(ws.config.INDEX_DIR), 'INDEX_CORRUPT');
    expect(damaged.message).toMatch(/damaged.*npm run reindex/);
    writeFileSync(vectors, original);

    const manifest = path.join(dir, MANIFEST_FILE);
    const manifestText = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, '{ not json');
    await expectCode(loadIndex(ws.config.INDEX_DIR), 'INDEX_CORRUPT');
    writeFileSync(manifest, manifestText);

    const passages = path.join(dir, PASSAGES_FILE);
    const passagesText = readFileSync(passages, 'utf8');
    rmSync(passages);
    await expectCode(loadIndex(ws.config.INDEX_DIR), 'INDEX_CORRUPT');
    writeFileSync(passages, passagesText);

    expect((await loadIndex(ws.config.INDEX_DIR)).passages.length).toBeGreaterThan(0);
  });

  it('INDEX_CORRUPT when CURRENT names a build that is gone', async () => {
    const dir = await currentDir();
    const saved = path.join(ws.dir, 'moved-build');
    const { renameSync } = await import('node:fs');
    renameSync(dir, saved);
    await expectCode(loadIndex(ws.config.INDEX_DIR), 'INDEX_CORRUPT');
    renameSync(saved, dir);
    expect(existsSync(dir)).toBe(true);
  });

  it('INDEX_EMBEDDER_MISMATCH when the configured embedder is not the one that built the index', async () => {
    const other: Embedder = { id: 'another-model', dimensions: 3, embed: async (texts) => texts.map(() => new Float32Array([1, 0, 0])) };
    const error = await expectCode(testEngine(ws.config, { embedder: other }), 'INDEX_EMBEDDER_MISMATCH');
    expect(error.message).toContain(engine.embedder.id);
    expect(error.message).toContain('another-model');
    expect(error.message).toContain('npm run reindex');
  });
});

describe('regression: a rebuild after a corrupt index reported every article as added', () => {
  it('compares against the old manifest when it is still readable', async () => {
    const other = testWorkspace();
    try {
      const first = await testEngine(other.config);
      const count = first.sources().articles.length;
      const dir = buildDir(other.config.INDEX_DIR, (await readCurrentBuild(other.config.INDEX_DIR))!);
      writeFileSync(path.join(dir, VECTORS_FILE), 'not an index');
      await expectCode(testEngine(other.config), 'INDEX_CORRUPT');
      const rebuilt = await testEngine(other.config, { rebuild: true });
      expect(rebuilt.lastReport!.added).toEqual([]);
      expect(rebuilt.lastReport!.unchanged).toBe(count);
    } finally {
      other.cleanup();
    }
  });
});
