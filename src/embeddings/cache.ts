import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import { log as defaultLog } from '../log.js';
import type { Embedder } from '../types.js';
import { CacheFileError, readCacheFile, writeCacheFile, type CacheFileContents } from './cacheFile.js';

export interface EmbeddingCache extends Embedder {
  /** Texts served from the cache, and texts the wrapped embedder embedded, since creation. */
  stats(): { hits: number; misses: number };
  /** Writes new entries to disk (merged with what another process may have written meanwhile). */
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

/**
 * Wraps an embedder with a content-hash cache on disk, one file per embedder id, so unchanged texts
 * are never embedded again across runs. The file is read on the first `embed`; a corrupt or foreign
 * file is ignored with a warning and replaced at the next `flush`.
 */
export function withEmbeddingCache(
  embedder: Embedder,
  cacheDir: string,
  { logger = defaultLog }: EmbeddingCacheOptions = {},
): EmbeddingCache {
  const file = cacheFilePath(cacheDir, embedder.id);
  const entries = new Map<string, Float32Array>();
  const added = new Set<string>();
  let hits = 0;
  let misses = 0;

  const readValid = async ({ warn = true } = {}): Promise<CacheFileContents | null> => {
    try {
      const contents = await readCacheFile(file);
      if (contents && (contents.embedder !== embedder.id || contents.dimensions !== embedder.dimensions)) {
        throw new CacheFileError(
          `written for ${contents.embedder} (${contents.dimensions} dimensions), not ${embedder.id} (${embedder.dimensions})`,
        );
      }
      return contents;
    } catch (error) {
      if (warn) logger.warn({ file, err: error }, 'embedding cache file ignored; it will be rebuilt');
      return null;
    }
  };

  let loading: Promise<void> | null = null;
  const load = () =>
    (loading ??= readValid().then((contents) => {
      for (const [key, vector] of contents?.entries ?? []) if (!entries.has(key)) entries.set(key, vector);
    }));

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
      if (toEmbed.size > 0) {
        const vectors = await embedder.embed([...toEmbed.values()]);
        [...toEmbed.keys()].forEach((key, i) => {
          entries.set(key, vectors[i] as Float32Array);
          added.add(key);
        });
      }
      misses += toEmbed.size;
      hits += texts.length - toEmbed.size;
      return keys.map((key) => (entries.get(key) as Float32Array).slice());
    },

    stats: () => ({ hits, misses }),

    async flush() {
      await load();
      if (added.size === 0) return;
      const writing = [...added];
      const onDisk = await readValid({ warn: false }); // already reported by load()
      const merged = new Map(onDisk?.entries ?? []);
      for (const [key, vector] of entries) merged.set(key, vector);
      await writeCacheFile(file, { embedder: embedder.id, dimensions: embedder.dimensions, entries: merged });
      for (const key of writing) added.delete(key);
    },
  };
}
