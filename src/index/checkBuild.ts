/**
 * A build's files checked against the checksums its manifest holds, before anything is handed to a native reader
 * (loadIndex) or a build is trusted as it is (a reindex with nothing changed). Loads no native module.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BotError } from '../errors.js';
import { buildDir, MANIFEST_FILE, PASSAGES_FILE, readCurrentBuild, sha256Hex, VECTORS_FILE } from './indexFiles.js';
import { derivedFileName, manifestChecksum, manifestSchema, type Manifest } from './manifest.js';

export const REINDEX_HINT = 'Run `npm run reindex` to rebuild it from the corpus.';

export function corrupt(message: string, context: Record<string, unknown>, cause?: unknown): BotError {
  return new BotError('INDEX_CORRUPT', `${message} ${REINDEX_HINT}`, context, cause ? { cause } : undefined);
}

/** A build's manifest and derived files, every file checked against its checksum (nothing handed to native readers yet). */
export interface CheckedBuild {
  build: string;
  manifest: Manifest;
  /** The derived files' contents (left out when not asked for). */
  derived: Record<string, string>;
  files: { manifest: string; vectors: string; passages: string };
}

/**
 * A build as read: its manifest checked, its files read, and their checksums being computed off this thread
 * (WebCrypto digests run on libuv's thread pool, side by side). `verified` rejects with INDEX_CORRUPT on a missing
 * checksum match; nothing read may be trusted (handed to a native reader, used as the build) before it resolves,
 * but it may be parsed meanwhile.
 */
export interface ReadBuild extends CheckedBuild {
  /** The passage store's bytes. */
  passages: Buffer;
  verified: Promise<void>;
}

export async function readBuild(indexDir: string, named?: string, { keepDerived = true } = {}): Promise<ReadBuild> {
  const build = named ?? (await readCurrentBuild(indexDir));
  if (build === null) {
    throw new BotError('INDEX_MISSING', `No index in ${indexDir}. ${REINDEX_HINT}`, { indexDir });
  }
  const dir = buildDir(indexDir, build);
  const files = { manifest: path.join(dir, MANIFEST_FILE), vectors: path.join(dir, VECTORS_FILE), passages: path.join(dir, PASSAGES_FILE) };
  for (const [what, file] of Object.entries(files)) {
    if (!existsSync(file)) throw corrupt(`The index's ${what} file ${file} is missing.`, { indexDir, build, file });
  }

  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(await readFile(files.manifest, 'utf8'));
  } catch (cause) {
    throw corrupt(`The index manifest ${files.manifest} is not valid JSON.`, { file: files.manifest }, cause);
  }
  const parsed = manifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    throw corrupt(`The index manifest ${files.manifest} is not in the expected format.`, { file: files.manifest, issues: parsed.error.issues });
  }
  const manifest = parsed.data;
  // Over the JSON as read (before parsing strips anything): a flipped byte in an outlet name or a URL is refused too.
  if (manifestChecksum(manifestJson) !== manifest.checksums.manifest) {
    throw corrupt(`The index manifest ${files.manifest} is damaged (checksum mismatch).`, { file: files.manifest });
  }

  // Derived files: checked like the others; a missing or damaged one is refused (the build is not what it says).
  const derivedFiles = Object.entries(manifest.checksums.derived ?? {}).map(([name, sum]) => ({ name, sum, file: path.join(dir, derivedFileName(name)) }));
  for (const { file } of derivedFiles) {
    if (!existsSync(file)) throw corrupt(`The index's derived file ${file} is missing.`, { indexDir, build, file });
  }
  const [vectors, passages, ...derivedBytes] = await Promise.all([readFile(files.vectors), readFile(files.passages), ...derivedFiles.map((d) => readFile(d.file))]);
  const checks = [
    { bytes: vectors, sum: manifest.checksums.hnsw, damaged: () => corrupt(`The vector file ${files.vectors} is damaged (checksum mismatch).`, { file: files.vectors }) },
    { bytes: passages, sum: manifest.checksums.passages, damaged: () => corrupt(`The passage store ${files.passages} is damaged (checksum mismatch).`, { file: files.passages }) },
    ...derivedFiles.map((d, i) => ({ bytes: derivedBytes[i]!, sum: d.sum, damaged: () => corrupt(`The derived file ${d.file} is damaged (checksum mismatch).`, { file: d.file }) })),
  ];
  const sums = checks.map((c) => sha256Hex(c.bytes));
  const verified = Promise.all(sums).then((hex) => {
    // The first damaged file in the order the files were always checked: vectors, passages, derived files.
    const bad = checks.find((c, i) => hex[i] !== c.sum);
    if (bad) throw bad.damaged();
  });
  verified.catch(() => {}); // the caller awaits it; a rejection before then is not unhandled
  const derived: Record<string, string> = {};
  if (keepDerived) derivedFiles.forEach((d, i) => (derived[d.name] = derivedBytes[i]!.toString('utf8')));
  return { build, manifest, derived, files, passages, verified };
}

export async function checkBuild(indexDir: string, named?: string, options: { keepDerived?: boolean } = {}): Promise<CheckedBuild> {
  const { build, manifest, derived, files, verified } = await readBuild(indexDir, named, options);
  await verified;
  return { build, manifest, derived, files };
}

/**
 * The build CURRENT points at, read, once every file of it has passed its checksum (with its derived files, for
 * loadIndex to go on from); null when there is none or it fails: what a reindex compares the corpus with before
 * deciding whether anything has to be loaded at all.
 */
export async function readCheckedBuild(indexDir: string): Promise<ReadBuild | null> {
  try {
    const read = await readBuild(indexDir);
    await read.verified;
    return read;
  } catch {
    return null;
  }
}
