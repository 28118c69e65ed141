import { hash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';

/**
 * One embedder's cached vectors in one binary file that grows by whole records as embedding goes, so a
 * kill mid-way keeps the finished work:
 *
 *   "EMB2" | uint32 header length | header JSON {embedder, dimensions}
 *   | records: 32-byte sha256 key | dimensions × float32 | 8-byte checksum (sha256 of key and vector, first 8 bytes)
 *
 * Numbers are little-endian. A record whose checksum does not match, or whose numbers are not finite, is
 * dropped on reading (and counted), as is a torn record at the end; the good records are kept.
 * Files of the first format ("EMBC": all keys, then all vectors, no checksums) are still read.
 */
const MAGIC = Buffer.from('EMB2', 'latin1');
const LEGACY_MAGIC = Buffer.from('EMBC', 'latin1');
const KEY_BYTES = 32;
const LITTLE_ENDIAN = endianness() === 'LE';
const SUM_BYTES = 8;

export interface CacheFileContents {
  embedder: string;
  dimensions: number;
  /** hex sha256 key -> vector */
  entries: Map<string, Float32Array>;
}

export interface DecodedCacheFile extends CacheFileContents {
  /** Records dropped: checksum mismatch or numbers that are not finite. */
  damaged: number;
  /** Bytes of a torn record at the end (a write cut short), dropped. */
  tornBytes: number;
  /** Written in the first format: to be rewritten in this one. */
  legacy: boolean;
}

export class CacheFileError extends Error {
  override name = 'CacheFileError';
}

function recordBytes(dimensions: number): number {
  return KEY_BYTES + dimensions * 4 + SUM_BYTES;
}

function encodeHeader(embedder: string, dimensions: number): Buffer {
  const header = Buffer.from(JSON.stringify({ embedder, dimensions }), 'utf8');
  const out = Buffer.alloc(MAGIC.length + 4 + header.length);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  return out;
}

function recordSum(record: Buffer, dimensions: number): Buffer {
  // The one-shot hash: no Hash object per record (thousands of records are checked on every read).
  return hash('sha256', record.subarray(0, KEY_BYTES + dimensions * 4), 'buffer').subarray(0, SUM_BYTES);
}

/** Whether every number of the vector is finite (a loop: no callback per number). */
function allFinite(vector: Float32Array): boolean {
  for (let d = 0; d < vector.length; d++) if (!Number.isFinite(vector[d]!)) return false;
  return true;
}

/** Whole records for `entries`, ready to append to a file of the same embedder and dimensions. */
export function encodeRecords(dimensions: number, entries: Iterable<[string, Float32Array]>): Buffer {
  const list = [...entries];
  const size = recordBytes(dimensions);
  const out = Buffer.alloc(list.length * size);
  list.forEach(([key, vector], i) => {
    if (vector.length !== dimensions) throw new RangeError(`Cached vector has ${vector.length} dimensions, not ${dimensions}.`);
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`Not a cache key: ${key}`);
    const at = i * size;
    out.write(key, at, KEY_BYTES, 'hex');
    for (let d = 0; d < dimensions; d++) out.writeFloatLE(vector[d] as number, at + KEY_BYTES + d * 4);
    recordSum(out.subarray(at, at + size), dimensions).copy(out, at + KEY_BYTES + dimensions * 4);
  });
  return out;
}

export function encodeCacheFile({ embedder, dimensions, entries }: CacheFileContents): Buffer {
  return Buffer.concat([encodeHeader(embedder, dimensions), encodeRecords(dimensions, entries)]);
}

function readHeader(buf: Buffer): { embedder: string; dimensions: number; recordsStart: number } {
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const recordsStart = MAGIC.length + 4 + headerLength;
  if (recordsStart > buf.length) throw new CacheFileError('truncated header');
  let header: { embedder?: unknown; dimensions?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, recordsStart)) as typeof header;
  } catch {
    throw new CacheFileError('unreadable header');
  }
  const { embedder, dimensions } = header;
  if (typeof embedder !== 'string' || !Number.isInteger(dimensions) || (dimensions as number) < 1) {
    throw new CacheFileError('invalid header');
  }
  return { embedder, dimensions: dimensions as number, recordsStart };
}

export function decodeCacheFile(buf: Buffer): DecodedCacheFile {
  if (buf.length >= LEGACY_MAGIC.length + 4 && buf.subarray(0, LEGACY_MAGIC.length).equals(LEGACY_MAGIC)) return decodeLegacy(buf);
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CacheFileError('not an embedding cache file');
  }
  const { embedder, dimensions, recordsStart } = readHeader(buf);
  const size = recordBytes(dimensions);
  const count = Math.floor((buf.length - recordsStart) / size);
  const entries = new Map<string, Float32Array>();
  let damaged = 0;
  for (let i = 0; i < count; i++) {
    const at = recordsStart + i * size;
    const record = buf.subarray(at, at + size);
    if (!recordSum(record, dimensions).equals(record.subarray(KEY_BYTES + dimensions * 4))) {
      damaged++;
      continue;
    }
    const vector = new Float32Array(dimensions);
    // The stored little-endian numbers copied as they are where this machine's floats are little-endian too.
    if (LITTLE_ENDIAN) new Uint8Array(vector.buffer).set(record.subarray(KEY_BYTES, KEY_BYTES + dimensions * 4));
    else for (let d = 0; d < dimensions; d++) vector[d] = record.readFloatLE(KEY_BYTES + d * 4);
    if (!allFinite(vector)) {
      damaged++;
      continue;
    }
    entries.set(record.toString('hex', 0, KEY_BYTES), vector);
  }
  return { embedder, dimensions, entries, damaged, tornBytes: buf.length - recordsStart - count * size, legacy: false };
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** The first format: header JSON {embedder, dimensions, count}, all keys, padding to 4, all vectors; no checksums. */
function decodeLegacy(buf: Buffer): DecodedCacheFile {
  const headerLength = buf.readUInt32LE(LEGACY_MAGIC.length);
  const keysStart = LEGACY_MAGIC.length + 4 + headerLength;
  if (keysStart > buf.length) throw new CacheFileError('truncated header');
  let header: { embedder?: unknown; dimensions?: unknown; count?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', LEGACY_MAGIC.length + 4, keysStart)) as typeof header;
  } catch {
    throw new CacheFileError('unreadable header');
  }
  const { embedder, dimensions, count } = header;
  if (typeof embedder !== 'string' || !Number.isInteger(dimensions) || !Number.isInteger(count)) throw new CacheFileError('invalid header');
  const dims = dimensions as number;
  const n = count as number;
  const vectorsStart = align4(keysStart + n * KEY_BYTES);
  if (buf.length !== vectorsStart + n * dims * 4) throw new CacheFileError(`size ${buf.length} does not match ${n} entries of ${dims} dimensions`);
  const entries = new Map<string, Float32Array>();
  let damaged = 0;
  for (let i = 0; i < n; i++) {
    const vector = new Float32Array(dims);
    const at = vectorsStart + i * dims * 4;
    for (let d = 0; d < dims; d++) vector[d] = buf.readFloatLE(at + d * 4);
    if (!vector.every(Number.isFinite)) {
      damaged++;
      continue;
    }
    entries.set(buf.toString('hex', keysStart + i * KEY_BYTES, keysStart + (i + 1) * KEY_BYTES), vector);
  }
  return { embedder, dimensions: dims, entries, damaged, tornBytes: 0, legacy: true };
}

/** The file's contents, or null when there is no file. Throws CacheFileError when it cannot be read at all. */
export async function readCacheFile(file: string): Promise<DecodedCacheFile | null> {
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

/**
 * Appends whole records to `file` (creating it with its header when there is none). Returns false, writing
 * nothing, when the file is not one this can append to safely (another format or embedder, a torn record at
 * the end): the caller rewrites it whole instead.
 */
export async function appendCacheRecords(file: string, contents: CacheFileContents): Promise<boolean> {
  if (contents.entries.size === 0) return true;
  const records = encodeRecords(contents.dimensions, contents.entries);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, Buffer.concat([encodeHeader(contents.embedder, contents.dimensions), records]), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const header = encodeHeader(contents.embedder, contents.dimensions);
  const handle = await open(file, 'r');
  let fits: boolean;
  try {
    const start = Buffer.alloc(header.length);
    const { bytesRead } = await handle.read(start, 0, header.length, 0);
    const { size } = await stat(file);
    fits = bytesRead === header.length && start.equals(header) && (size - header.length) % recordBytes(contents.dimensions) === 0;
  } finally {
    await handle.close();
  }
  if (!fits) return false;
  await appendFile(file, records);
  return true;
}
