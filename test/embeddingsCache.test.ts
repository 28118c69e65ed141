import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheFilePath, withEmbeddingCache } from '../src/embeddings/cache.js';
import { decodeCacheFile, encodeCacheFile } from '../src/embeddings/cacheFile.js';
import { inBatches } from '../src/embeddings/batches.js';
import { toUnitVector } from '../src/embeddings/vectors.js';
import { countingEmbedder, hashingEmbedder } from './helpers/hashingEmbedder.js';

const TEXTS = [
  'British troops could be deployed to Ukraine.',
  'The coalition of the willing met in Paris.',
  'Putin is not ready for peace, the minister said.',
];

let dir: string;
const silent = () => ({ warn: vi.fn() });

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'embed-cache-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('withEmbeddingCache', () => {
  it('embeds nothing again in a second run over the same texts', async () => {
    const first = countingEmbedder(hashingEmbedder());
    const run1 = withEmbeddingCache(first, dir, { logger: silent() });
    const vectors1 = await run1.embed(TEXTS);
    await run1.flush();
    expect(first.embedded()).toEqual(TEXTS);
    expect(run1.stats()).toEqual({ hits: 0, misses: 3 });

    const second = countingEmbedder(hashingEmbedder());
    const run2 = withEmbeddingCache(second, dir, { logger: silent() });
    const vectors2 = await run2.embed(TEXTS);
    expect(second.calls).toEqual([]);
    expect(run2.stats()).toEqual({ hits: 3, misses: 0 });
    expect(vectors2).toEqual(vectors1);
  });

  it('re-embeds only a changed text', async () => {
    const run1 = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
    await run1.embed(TEXTS);
    await run1.flush();

    const counting = countingEmbedder(hashingEmbedder());
    const run2 = withEmbeddingCache(counting, dir, { logger: silent() });
    const changed = [TEXTS[0] as string, 'The coalition of the willing met in London.', TEXTS[2] as string];
    const vectors = await run2.embed(changed);
    expect(counting.embedded()).toEqual([changed[1]]);
    expect(vectors[1]).toEqual((await hashingEmbedder().embed([changed[1] as string]))[0]);
  });

  it('embeds a text repeated within one call once, and returns it in every place', async () => {
    const counting = countingEmbedder(hashingEmbedder());
    const cache = withEmbeddingCache(counting, dir, { logger: silent() });
    const vectors = await cache.embed(['same text', 'other', 'same text']);
    expect(counting.embedded()).toEqual(['same text', 'other']);
    expect(vectors[2]).toEqual(vectors[0]);
    expect(cache.stats()).toEqual({ hits: 1, misses: 2 });
  });

  it('hands out copies, so changing a returned vector does not change the cache', async () => {
    const cache = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
    const [v] = await cache.embed(['a text']);
    v?.fill(0);
    const [again] = await cache.embed(['a text']);
    expect(Math.hypot(...(again as Float32Array))).toBeCloseTo(1, 5);
  });

  it('does not share entries between embedders with different ids', async () => {
    const a = withEmbeddingCache(hashingEmbedder({ id: 'embedder-a' }), dir, { logger: silent() });
    await a.embed(TEXTS);
    await a.flush();

    const counting = countingEmbedder(hashingEmbedder({ id: 'embedder-b' }));
    const b = withEmbeddingCache(counting, dir, { logger: silent() });
    await b.embed(TEXTS);
    await b.flush();
    expect(counting.embedded()).toEqual(TEXTS);
    expect(cacheFilePath(dir, 'embedder-a')).not.toBe(cacheFilePath(dir, 'embedder-b'));
    expect(readdirSync(dir).sort()).toEqual(
      [path.basename(cacheFilePath(dir, 'embedder-a')), path.basename(cacheFilePath(dir, 'embedder-b'))].sort(),
    );
  });

  it('keeps ids that differ only in punctuation apart', () => {
    expect(cacheFilePath(dir, 'transformers:a/b')).not.toBe(cacheFilePath(dir, 'transformers:a_b'));
  });

  it('ignores a corrupt cache file with a warning, then replaces it with a good one', async () => {
    const file = cacheFilePath(dir, 'test-hashing');
    writeFileSync(file, 'this is not a cache file');
    const logger = silent();
    const counting = countingEmbedder(hashingEmbedder());
    const cache = withEmbeddingCache(counting, dir, { logger });
    await cache.embed(TEXTS);
    expect(counting.embedded()).toEqual(TEXTS);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await cache.flush();
    expect(logger.warn).toHaveBeenCalledTimes(1);

    const next = countingEmbedder(hashingEmbedder());
    const logger2 = silent();
    await withEmbeddingCache(next, dir, { logger: logger2 }).embed(TEXTS);
    expect(next.calls).toEqual([]);
    expect(logger2.warn).not.toHaveBeenCalled();
  });

  it('keeps the whole records of a truncated cache file (as after a torn write) and embeds only the torn one again', async () => {
    const first = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
    await first.embed(TEXTS);
    await first.flush();
    const file = cacheFilePath(dir, 'test-hashing');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));

    const logger = silent();
    const counting = countingEmbedder(hashingEmbedder());
    await withEmbeddingCache(counting, dir, { logger }).embed(TEXTS);
    expect(counting.embedded()).toEqual([TEXTS[2]]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('ignores entries written with other dimensions under the same id', async () => {
    const small = withEmbeddingCache(hashingEmbedder({ dimensions: 8 }), dir, { logger: silent() });
    await small.embed(TEXTS);
    await small.flush();

    const logger = silent();
    const counting = countingEmbedder(hashingEmbedder({ dimensions: 16 }));
    const vectors = await withEmbeddingCache(counting, dir, { logger }).embed(TEXTS);
    expect(counting.embedded()).toEqual(TEXTS);
    expect(vectors.every((v) => v.length === 16)).toBe(true);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('merges what two caches on the same folder flushed, and leaves no temporary files', async () => {
    const one = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
    const two = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
    await one.embed([TEXTS[0] as string]);
    await two.embed([TEXTS[1] as string]);
    await one.flush();
    await two.flush();

    const counting = countingEmbedder(hashingEmbedder());
    await withEmbeddingCache(counting, dir, { logger: silent() }).embed(TEXTS.slice(0, 2));
    expect(counting.calls).toEqual([]);
    expect(readdirSync(dir)).toEqual([path.basename(cacheFilePath(dir, 'test-hashing'))]);
  });

  it('writes nothing when nothing new was embedded', async () => {
    const cache = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
    await cache.flush();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('cache file format', () => {
  it('round-trips keys and vectors exactly', () => {
    const entries = new Map([
      ['a'.repeat(64), Float32Array.from([0.1, -0.2, 0.3])],
      ['0123456789abcdef'.repeat(4), Float32Array.from([1e-7, 3.4e38, -0])],
    ]);
    const decoded = decodeCacheFile(encodeCacheFile({ embedder: 'x:y', dimensions: 3, entries }));
    expect(decoded.embedder).toBe('x:y');
    expect(decoded.dimensions).toBe(3);
    expect(decoded.entries).toEqual(entries);
  });
});

describe('inBatches', () => {
  it('returns results in input order when batching by length', async () => {
    const texts = ['ccc', 'a', 'bbbbbb', 'dd', '', 'eeeee', 'f'];
    const seen: string[][] = [];
    const out = await inBatches(texts, 2, async (batch) => (seen.push(batch), batch.map((t) => t.toUpperCase())), {
      byLength: true,
    });
    expect(out).toEqual(texts.map((t) => t.toUpperCase()));
    expect(seen[0]).toEqual(['bbbbbb', 'eeeee']);
    expect(seen.every((b) => b.length <= 2)).toBe(true);
  });

  it('fails when a batch returns the wrong number of results', async () => {
    await expect(inBatches(['a', 'b'], 2, async () => ['only one'])).rejects.toThrow(/2 texts returned 1/);
  });
});

describe('toUnitVector', () => {
  it('normalises, and turns a vector with no direction into a neutral unit vector', () => {
    expect(Array.from(toUnitVector([3, 4]))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    const neutral = toUnitVector([NaN, NaN, NaN, NaN]);
    expect(Array.from(neutral)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(toUnitVector([0, 0, 0, 0]))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});
