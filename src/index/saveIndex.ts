import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexData } from './buildIndex.js';
import {
  abandonBuild,
  finishBuild,
  MANIFEST_FILE,
  PASSAGES_FILE,
  pruneBuilds,
  readCurrentBuildIfValid,
  sha256Hex,
  startBuild,
  switchCurrentBuild,
  VECTORS_FILE,
} from './indexFiles.js';
import { derivedFileName, INDEX_FORMAT_VERSION, manifestChecksum } from './manifest.js';
import type { PassageStoreFile } from './passageStore.js';

export interface SaveHooks {
  /** Called after the build's files are written and before CURRENT is switched (tests use it to simulate a crash). */
  beforeSwitch?: () => void | Promise<void>;
  /** When the caller took the reindex lock (HeldLock.since): lets the prune remove a dead writer's `CURRENT.*.tmp`. */
  lockedSince?: number;
  /** Complete builds younger than this are not pruned (default PRUNE_GRACE_MS). */
  pruneGraceMs?: number;
  /** The newest this many builds are kept whatever their age (INDEX_BUILDS_KEPT). */
  keepBuilds?: number;
  /**
   * false: the build is written and finished but CURRENT is left as it is, for the caller to check it first and then
   * swap it in with swapInBuild (or remove it with abandonBuild). Default true.
   */
  swap?: boolean;
}

/**
 * Writes the index as a new build folder (marked as being written until it is complete), then swaps CURRENT to
 * it atomically (swapInBuild). Returns the build's name.
 */
export async function saveIndex(indexDir: string, data: IndexData, hooks: SaveHooks = {}): Promise<string> {
  const { name, dir } = await startBuild(indexDir);
  try {
    const vectorsPath = path.join(dir, VECTORS_FILE);
    const passagesPath = path.join(dir, PASSAGES_FILE);
    const store: PassageStoreFile = { passages: data.passages, labels: data.labels };
    // The files are written side by side (each synced), and their checksums taken from the bytes written, off this
    // thread: the vector file (written by the native store) is read back for its own.
    const written = [
      { file: passagesPath, bytes: Buffer.from(JSON.stringify(store)) },
      ...Object.entries(data.derived ?? {}).map(([name, content]) => ({ name, file: path.join(dir, derivedFileName(name)), bytes: Buffer.from(content) })),
    ];
    // Every write settled before a failure is passed on (and the build folder removed).
    const settled = await Promise.allSettled([
      data.vectors.save(vectorsPath).then(async () => sha256Hex(await readFile(vectorsPath))),
      ...written.map(async ({ file, bytes }) => {
        await writeFileSynced(file, bytes);
        return sha256Hex(bytes);
      }),
    ]);
    const [hnsw, ...sums] = settled.map((r) => {
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
    const derived: Record<string, string> = {};
    written.forEach((w, i) => {
      if ('name' in w) derived[w.name] = sums[i]!;
    });
    data.manifest.format = INDEX_FORMAT_VERSION;
    data.manifest.checksums = { hnsw: hnsw!, passages: sums[0]!, manifest: '', derived };
    data.manifest.checksums.manifest = manifestChecksum(data.manifest);
    await writeFileSynced(path.join(dir, MANIFEST_FILE), JSON.stringify(data.manifest, null, 2));
    await finishBuild(indexDir, name);
  } catch (error) {
    await abandonBuild(indexDir, name);
    throw error;
  }
  if (hooks.swap === false) return name;
  await swapInBuild(indexDir, name, hooks);
  return name;
}

/**
 * Points CURRENT at a finished build, atomically. The previous build, and any build younger than a few minutes, is
 * kept for processes that still read it; older ones, and half-written builds of crashed writers, are removed.
 */
export async function swapInBuild(indexDir: string, name: string, hooks: Omit<SaveHooks, 'swap'> = {}): Promise<void> {
  const previous = await readCurrentBuildIfValid(indexDir);
  try {
    await hooks.beforeSwitch?.();
    await switchCurrentBuild(indexDir, name);
  } catch (error) {
    if ((await readCurrentBuildIfValid(indexDir)) !== name) await abandonBuild(indexDir, name);
    throw error;
  }
  await pruneBuilds(indexDir, {
    keep: previous && previous !== name ? [name, previous] : [name],
    lockedSince: hooks.lockedSince,
    graceMs: hooks.pruneGraceMs,
    keepNewest: hooks.keepBuilds,
  });
}

async function writeFileSynced(file: string, data: string | Buffer): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
