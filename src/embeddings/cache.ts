import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import { log as defaultLog } from '../log.js';
import type { Embedder } from '../types.js';
import { appendCacheRecords, CacheFileError, readCacheFile, writeCacheFile } from './cacheFile.js';

export interface EmbeddingCache extends Embedder {
  /** Texts served from the cache, and texts the wrapped embedder embedded, since creation. */
  stats(): { hits: number; misses: number };
  /** Writes entries not on disk yet (merged with what another process may have written meanwhile). */
  flush(): Promise<void>;
}

export interface EmbeddingCacheOptions {
  logger?: Pick<Logger, 'warn'>;
}

/** sha256(embedder id + '\n' + text), hex. */
export function cacheKey(embedderId: string, text: string): string {
  return createHash('sha256').update(`${embedderId}\n${text}`).digest('hex');
}

/** The cache file of one embedder: a readable slug of its id plus a hash, so ids never collide. */
export function cacheFilePath(cacheDir: string, embedderId: string): string {
  const slug = embedderId.replace(/[^\w.-]+/g, '_').slice(0, 80);
  const hash = createHash('sha256').update(embedderId).digest('hex').slice(0, 12);
  return path.join(cacheDir, `${slug}-${hash}.embc`);
}

/** How far a cached vector's length may be from 1 (vectors are stored as float32 unit vectors). */
const NORM_TOLERANCE = 1e-3;

/** Whether a vector can be served from the cache: the right length, finite numbers, unit norm. */
export function usableVector(vector: Float32Array, dimensions: number): boolean {
  if (vector.length !== dimensions) return false;
  let sum = 0;
  // An indexed loop: no iterator result per number (millions of them as a cache file is read).
  for (let d = 0; d < vector.length; d++) {
    const x = vector[d]!;
    if (!Number.isFinite(x)) return false;
    sum += x * x;
  }
  return Math.abs(Math.sqrt(sum) - 1) <= NORM_TOLERANCE;
}

/**
 * Wraps an embedder with a content-hash cache on disk, one file per embedder id, so unchanged texts
 * are never embedded again across runs. The file is read on the first `embed`; every record is checked
 * (checksum, finite numbers, unit norm) and a bad one is dropped, so its text is embedded again. New vectors
 * are appended to the file as each `embed` call ends, so a kill mid-way keeps the finished work; a file that
 * had bad records, a torn end, an old format or another embedder's header is rewritten whole instead.
 */
export function withEmbeddingCache(
  embedder: Embedder,
  cacheDir: string,
  { logger = defaultLog }: EmbeddingCacheOptions = {},
): EmbeddingCache {
  const file = cacheFilePath(cacheDir, embedder.id);
  const entries = new Map<string, Float32Array>();
  /** Entries not on disk yet. */
  const pending = new Map<string, Float32Array>();
  /** The file on disk must be rewritten whole (it holds bad records, a torn end, another format). */
  let rewrite = false;
  let hits = 0;
  let misses = 0;

  const readValid = async ({ warn = true } = {}): Promise<Map<string, Float32Array> | null> => {
    try {
      const contents = await readCacheFile(file);
      if (!contents) return null;
      if (contents.embedder !== embedder.id || contents.dimensions !== embedder.dimensions) {
        throw new CacheFileError(
          `written for ${contents.embedder} (${contents.dimensions} dimensions), not ${embedder.id} (${embedder.dimensions})`,
        );
      }
      let damaged = contents.damaged;
      for (const [key, vector] of contents.entries) {
        if (!usableVector(vector, embedder.dimensions)) {
          contents.entries.delete(key);
          damaged++;
        }
      }
      if (damaged > 0 || contents.tornBytes > 0 || contents.legacy) {
        rewrite = true;
        if (warn && (damaged > 0 || contents.tornBytes > 0)) {
          logger.warn(
            { file, damaged, tornBytes: contents.tornBytes, kept: contents.entries.size },
            'embedding cache: damaged records dropped (they will be embedded again) and the file repaired',
          );
        }
      }
      return contents.entries;
    } catch (error) {
      rewrite = true;
      if (warn) logger.warn({ file, err: error }, 'embedding cache file ignored; it will be rebuilt');
      return null;
    }
  };

  let loading: Promise<void> | null = null;
  const load = () =>
    (loading ??= readValid().then((onDisk) => {
      for (const [key, vector] of onDisk ?? []) if (!entries.has(key)) entries.set(key, vector);
    }));

  /** Puts pending entries on disk: appended when the file allows it, else the whole file is rewritten. */
  const persist = async (): Promise<void> => {
    if (pending.size === 0 && !rewrite) return;
    const header = { embedder: embedder.id, dimensions: embedder.dimensions };
    if (!rewrite && (await appendCacheRecords(file, { ...header, entries: pending }))) {
      pending.clear();
      return;
    }
    const writing = [...pending.keys()];
    const merged = (await readValid({ warn: false })) ?? new Map<string, Float32Array>(); // problems already reported by load()
    for (const [key, vector] of entries) merged.set(key, vector);
    await writeCacheFile(file, { ...header, entries: merged });
    rewrite = false;
    for (const key of writing) pending.delete(key);
  };

  return {
    id: embedder.id,
    dimensions: embedder.dimensions,

    async embed(texts) {
      await load();
      const keys = texts.map((text) => cacheKey(embedder.id, text));
      const toEmbed = new Map<string, string>(); // key -> text, each new text once
      keys.forEach((key, i) => {
        if (!entries.has(key)) toEmbed.set(key, texts[i] as string);
      });
      const fresh = new Map<string, Float32Array>();
      if (toEmbed.size > 0) {
        const vectors = await embedder.embed([...toEmbed.values()]);
        [...toEmbed.keys()].forEach((key, i) => {
          const vector = vectors[i] as Float32Array;
          fresh.set(key, vector);
          // Only what would pass the check on reading is kept.
          if (usableVector(vector, embedder.dimensions)) {
            entries.set(key, vector);
            pending.set(key, vector);
          }
        });
        try {
          await persist();
        } catch (error) {
          logger.warn({ file, err: error }, 'embedding cache could not be written; trying again at the next batch');
          rewrite = true;
        }
      }
      misses += toEmbed.size;
      hits += texts.length - toEmbed.size;
      return keys.map((key) => (fresh.get(key) ?? (entries.get(key) as Float32Array)).slice());
    },

    stats: () => ({ hits, misses }),

    async flush() {
      await load();
      if (pending.size === 0 && !rewrite) return;
      if (pending.size === 0 && entries.size === 0) return;
      await persist();
    },
  };
}
