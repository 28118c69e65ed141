import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheFilePath, cacheKey, withEmbeddingCache } from '../../src/embeddings/cache.js';
import { decodeCacheFile, encodeCacheFile } from '../../src/embeddings/cacheFile.js';
import type { Embedder } from '../../src/types.js';
import { countingEmbedder, hashingEmbedder } from '../helpers/hashingEmbedder.js';

const TEXTS = Array.from({ length: 12 }, (_, i) => `Passage number ${i} about the coalition of the willing and Ukraine.`);
const DIMS = 32;
const RECORD = 32 + DIMS * 4 + 8;

let dir: string;
let file: string;
const silent = () => ({ warn: vi.fn() });

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'embed-cache-integrity-'));
  file = cacheFilePath(dir, 'test-hashing');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seed(): Promise<Float32Array[]> {
  const cache = withEmbeddingCache(hashingEmbedder(), dir, { logger: silent() });
  const vectors = await cache.embed(TEXTS);
  await cache.flush();
  return vectors;
}

/** Where record `i` starts in the cache file. */
function recordStart(bytes: Buffer, i: number): number {
  return 8 + bytes.readUInt32LE(4) + i * RECORD;
}

/** The record index of a text in the file (records are in the order they were written). */
function recordOf(bytes: Buffer, text: string): number {
  const key = Buffer.from(cacheKey('test-hashing', text), 'hex');
  for (let i = 0; ; i++) {
    const at = recordStart(bytes, i);
    if (at >= bytes.length) throw new Error('not found');
    if (bytes.subarray(at, at + 32).equals(key)) return i;
  }
}

/** Rewrites one record's vector and recomputes nothing: its checksum no longer matches. */
function flipVectorByte(bytes: Buffer, text: string): void {
  const at = recordStart(bytes, recordOf(bytes, text)) + 32 + 17;
  bytes[at] = (bytes[at] as number) ^ 0x40;
}

describe('regression: corrupt vectors in the embedding cache were used silently and never repaired', () => {
  it('re-embeds records whose bytes were flipped, and repairs the file', async () => {
    const good = await seed();
    const bytes = readFileSync(file);
    flipVectorByte(bytes, TEXTS[1]!);
    flipVectorByte(bytes, TEXTS[7]!);
    writeFileSync(file, bytes);

    const logger = silent();
    const counting = countingEmbedder(hashingEmbedder());
    const cache = withEmbeddingCache(counting, dir, { logger });
    const vectors = await cache.embed(TEXTS);
    expect(counting.embedded()).toEqual([TEXTS[1], TEXTS[7]]);
    expect(vectors).toEqual(good);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await cache.flush();

    const next = countingEmbedder(hashingEmbedder());
    const logger2 = silent();
    expect(await withEmbeddingCache(next, dir, { logger: logger2 }).embed(TEXTS)).toEqual(good);
    expect(next.calls).toEqual([]);
    expect(logger2.warn).not.toHaveBeenCalled();
  });

  it('re-embeds records with a valid checksum but unusable numbers: NaN, not unit length, zero', async () => {
    const good = await seed();
    const decoded = decodeCacheFile(readFileSync(file));
    const key = (i: number) => cacheKey('test-hashing', TEXTS[i]!);
    decoded.entries.get(key(0))![3] = Number.NaN;
    decoded.entries.get(key(4))!.forEach((x, d, v) => (v[d] = x * 1.5));
    decoded.entries.get(key(9))!.fill(0);
    writeFileSync(file, encodeCacheFile(decoded));

    const counting = countingEmbedder(hashingEmbedder());
    const cache = withEmbeddingCache(counting, dir, { logger: silent() });
    expect(await cache.embed(TEXTS)).toEqual(good);
    expect(counting.embedded()).toEqual([TEXTS[0], TEXTS[4], TEXTS[9]]);
    await cache.flush();
    const repaired = decodeCacheFile(readFileSync(file));
    expect(repaired.damaged).toBe(0);
    expect(repaired.entries.get(key(4))).toEqual(good[4]);
  });

  it('keeps the good records of a truncated file, whatever the cut', async () => {
    const good = await seed();
    const full = readFileSync(file);
    const headerEnd = recordStart(full, 0);
    for (const cut of [headerEnd + 5 * RECORD, headerEnd + 5 * RECORD + 1, headerEnd + 5 * RECORD + RECORD - 1]) {
      writeFileSync(file, full.subarray(0, cut));
      const counting = countingEmbedder(hashingEmbedder());
      const cache = withEmbeddingCache(counting, dir, { logger: silent() });
      expect(await cache.embed(TEXTS)).toEqual(good);
      expect(counting.embedded()).toHaveLength(TEXTS.length - 5);
      await cache.flush();
      expect(decodeCacheFile(readFileSync(file)).entries.size).toBe(TEXTS.length);
      expect(decodeCacheFile(readFileSync(file)).tornBytes).toBe(0);
    }
  });

  it('writes each batch as it is embedded, so a run killed mid-way keeps the finished batches', async () => {
    let batches = 0;
    const inner = hashingEmbedder();
    const dying: Embedder = {
      id: inner.id,
      dimensions: inner.dimensions,
      embed: async (texts) => {
        if (++batches === 3) throw new Error('killed');
        return inner.embed(texts);
      },
    };
    const cache = withEmbeddingCache(dying, dir, { logger: silent() });
    await cache.embed(TEXTS.slice(0, 4));
    await cache.embed(TEXTS.slice(4, 8));
    await expect(cache.embed(TEXTS.slice(8))).rejects.toThrow('killed');
    // No flush: the process is gone.

    const counting = countingEmbedder(hashingEmbedder());
    await withEmbeddingCache(counting, dir, { logger: silent() }).embed(TEXTS);
    expect(counting.embedded()).toEqual(TEXTS.slice(8));
  });

  it('reads a cache file of the first format and rewrites it in the checked one', async () => {
    const good = await hashingEmbedder().embed(TEXTS.slice(0, 3));
    // The first format: "EMBC", header with count, keys, padding to 4, vectors.
    const header = Buffer.from(JSON.stringify({ embedder: 'test-hashing', dimensions: DIMS, count: 3 }));
    const keysStart = 8 + header.length;
    const vectorsStart = Math.ceil((keysStart + 3 * 32) / 4) * 4;
    const legacy = Buffer.alloc(vectorsStart + 3 * DIMS * 4);
    legacy.write('EMBC', 0, 'latin1');
    legacy.writeUInt32LE(header.length, 4);
    header.copy(legacy, 8);
    good.forEach((v, i) => {
      legacy.write(cacheKey('test-hashing', TEXTS[i]!), keysStart + i * 32, 32, 'hex');
      v.forEach((x, d) => legacy.writeFloatLE(x, vectorsStart + (i * DIMS + d) * 4));
    });
    writeFileSync(file, legacy);

    const counting = countingEmbedder(hashingEmbedder());
    const cache = withEmbeddingCache(counting, dir, { logger: silent() });
    expect(await cache.embed(TEXTS.slice(0, 4))).toEqual([...good, ...(await hashingEmbedder().embed([TEXTS[3]!]))]);
    expect(counting.embedded()).toEqual([TEXTS[3]]);
    await cache.flush();
    const rewritten = decodeCacheFile(readFileSync(file));
    expect(rewritten.legacy).toBe(false);
    expect(rewritten.entries.size).toBe(4);
  });
});
