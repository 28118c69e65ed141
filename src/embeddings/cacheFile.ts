import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * One embedder's cached vectors in one binary file, replaced whole (temp file, fsync, rename), so a
 * crash mid-write leaves the previous file intact:
 *
 *   "EMBC" | uint32 header length | header JSON {embedder, dimensions, count}
 *   | count × 32-byte sha256 keys | zero padding to a multiple of 4 | count × dimensions float32
 *
 * Numbers are little-endian.
 */
const MAGIC = Buffer.from('EMBC', 'latin1');
const KEY_BYTES = 32;

export interface CacheFileContents {
  embedder: string;
  dimensions: number;
  /** hex sha256 key -> vector */
  entries: Map<string, Float32Array>;
}

export class CacheFileError extends Error {
  override name = 'CacheFileError';
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

export function encodeCacheFile({ embedder, dimensions, entries }: CacheFileContents): Buffer {
  const header = Buffer.from(JSON.stringify({ embedder, dimensions, count: entries.size }), 'utf8');
  const keysStart = MAGIC.length + 4 + header.length;
  const vectorsStart = align4(keysStart + entries.size * KEY_BYTES);
  const out = Buffer.alloc(vectorsStart + entries.size * dimensions * 4);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  let i = 0;
  for (const [key, vector] of entries) {
    if (vector.length !== dimensions) throw new RangeError(`Cached vector has ${vector.length} dimensions, not ${dimensions}.`);
    out.write(key, keysStart + i * KEY_BYTES, KEY_BYTES, 'hex');
    const at = vectorsStart + i * dimensions * 4;
    for (let d = 0; d < dimensions; d++) out.writeFloatLE(vector[d] as number, at + d * 4);
    i++;
  }
  return out;
}

export function decodeCacheFile(buf: Buffer): CacheFileContents {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CacheFileError('not an embedding cache file');
  }
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const keysStart = MAGIC.length + 4 + headerLength;
  if (keysStart > buf.length) throw new CacheFileError('truncated header');
  let header: { embedder?: unknown; dimensions?: unknown; count?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, keysStart)) as typeof header;
  } catch {
    throw new CacheFileError('unreadable header');
  }
  const { embedder, dimensions, count } = header;
  if (typeof embedder !== 'string' || !Number.isInteger(dimensions) || !Number.isInteger(count)) {
    throw new CacheFileError('invalid header');
  }
  const dims = dimensions as number;
  const n = count as number;
  const vectorsStart = align4(keysStart + n * KEY_BYTES);
  if (buf.length !== vectorsStart + n * dims * 4) {
    throw new CacheFileError(`size ${buf.length} does not match ${n} entries of ${dims} dimensions`);
  }
  const entries = new Map<string, Float32Array>();
  for (let i = 0; i < n; i++) {
    const key = buf.toString('hex', keysStart + i * KEY_BYTES, keysStart + (i + 1) * KEY_BYTES);
    const vector = new Float32Array(dims);
    const at = vectorsStart + i * dims * 4;
    for (let d = 0; d < dims; d++) vector[d] = buf.readFloatLE(at + d * 4);
    entries.set(key, vector);
  }
  return { embedder, dimensions: dims, entries };
}

/** The file's contents, or null when there is no file. Throws CacheFileError when it is corrupt. */
export async function readCacheFile(file: string): Promise<CacheFileContents | null> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return decodeCacheFile(buf);
}

/** Writes to a temporary file beside `file`, syncs it, then renames it over `file`. */
export async function writeCacheFile(file: string, contents: CacheFileContents): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(encodeCacheFile(contents));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
