import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BotError } from '../errors.js';
import { alive } from './lock.js';

/**
 * Where a saved index lives on disk:
 *   <indexDir>/CURRENT                 names the build in use (replaced atomically by rename)
 *   <indexDir>/builds/<name>/          one complete build: manifest.json, vectors.hnsw, passages.json
 *   <indexDir>/builds/<name>.writing   marker of a build being written: {pid, startedAt}; removed once the build is complete
 * A reindex writes a new build folder, then switches CURRENT; a crash before the switch leaves the old build in use,
 * and its half-written folder (its marker names a dead process) is removed by the next prune.
 */
export const CURRENT_FILE = 'CURRENT';
export const BUILDS_DIR = 'builds';
export const MANIFEST_FILE = 'manifest.json';
export const VECTORS_FILE = 'vectors.hnsw';
export const PASSAGES_FILE = 'passages.json';

export function currentPointerPath(indexDir: string): string {
  return path.join(indexDir, CURRENT_FILE);
}

export function newBuildName(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

export function buildDir(indexDir: string, name: string): string {
  if (!isBuildName(name)) throw new RangeError(`Not a build name: ${JSON.stringify(name)}`);
  return path.join(indexDir, BUILDS_DIR, name);
}

/** A build's name is one plain folder name (what newBuildName makes): no path separators, no `..`, nothing absolute. */
const BUILD_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isBuildName(name: string): boolean {
  return BUILD_NAME.test(name);
}

/**
 * The build folder CURRENT points at, or null when no index has been saved yet.
 * Throws INDEX_CORRUPT when CURRENT holds anything but a plain build name (`../../etc`, an absolute path, ...):
 * it is never followed outside `<indexDir>/builds/`.
 */
export async function readCurrentBuild(indexDir: string): Promise<string | null> {
  const pointer = currentPointerPath(indexDir);
  if (!existsSync(pointer)) return null;
  const name = (await readFile(pointer, 'utf8')).trim();
  if (name === '') return null;
  if (!isBuildName(name)) {
    const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
    throw new BotError(
      'INDEX_CORRUPT',
      `The index pointer ${pointer} holds ${shown}, which is not the name of a build folder in ${path.join(indexDir, BUILDS_DIR)}; ` +
        'it is not followed. Run `npm run reindex` to rebuild the index from the corpus.',
      { indexDir, pointer },
    );
  }
  return name;
}

/** Like readCurrentBuild, but null when CURRENT is unreadable or invalid (a writer replaces it anyway). */
export async function readCurrentBuildIfValid(indexDir: string): Promise<string | null> {
  try {
    return await readCurrentBuild(indexDir);
  } catch {
    return null;
  }
}

/** Writes a file so that readers see the old content or the new, never a half-written one. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Points CURRENT at a finished build: the swap. */
export async function switchCurrentBuild(indexDir: string, name: string): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  await writeFileAtomic(currentPointerPath(indexDir), `${name}\n`);
}

const WRITING_SUFFIX = '.writing';
/** Builds this process is writing now (their marker names this process's pid). */
const writingHere = new Set<string>();

function markerPath(indexDir: string, name: string): string {
  return `${buildDir(indexDir, name)}${WRITING_SUFFIX}`;
}

/**
 * Starts a build: its marker first (so a pruner never sees the folder without it), then the folder.
 * Returns the build's name and folder.
 */
export async function startBuild(indexDir: string): Promise<{ name: string; dir: string }> {
  const name = newBuildName();
  const dir = buildDir(indexDir, name);
  await mkdir(path.dirname(dir), { recursive: true });
  writingHere.add(name);
  await writeFile(markerPath(indexDir, name), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
  await mkdir(dir, { recursive: true });
  return { name, dir };
}

/** The build's files are all written: it is an ordinary build from now on. */
export async function finishBuild(indexDir: string, name: string): Promise<void> {
  await rm(markerPath(indexDir, name), { force: true });
  writingHere.delete(name);
}

/** A build that failed part way: its folder and marker are removed. */
export async function abandonBuild(indexDir: string, name: string): Promise<void> {
  await rm(buildDir(indexDir, name), { recursive: true, force: true });
  await rm(markerPath(indexDir, name), { force: true });
  writingHere.delete(name);
}

/** Whether the writer named by a build's marker is still at work (a missing or unreadable marker counts as dead). */
async function writerAlive(marker: string, name: string): Promise<boolean> {
  let owner: { pid?: unknown };
  try {
    owner = JSON.parse(await readFile(marker, 'utf8')) as { pid?: unknown };
  } catch {
    return false;
  }
  if (typeof owner.pid !== 'number') return false;
  return owner.pid === process.pid ? writingHere.has(name) : alive(owner.pid);
}

async function ageMs(file: string, now: number): Promise<number | null> {
  try {
    return now - (await stat(file)).mtimeMs;
  } catch {
    return null; // gone meanwhile
  }
}

export interface PruneOptions {
  /** Builds to keep besides the one CURRENT names (the one before it, for processes still reading it). */
  keep?: string[];
  /** Complete builds younger than this are kept: a process may have just read CURRENT and be loading one. */
  graceMs?: number;
  /** The newest this many complete builds are kept whatever their age (history and rollback; INDEX_BUILDS_KEPT). */
  keepNewest?: number;
  /** When the caller took the reindex lock: a `CURRENT.*.tmp` older than that was left by a writer that died. */
  lockedSince?: number;
  now?: number;
}

const CLOCK_MARGIN_MS = 2_000;

/** Builds younger than this are never pruned. */
export const PRUNE_GRACE_MS = 5 * 60_000;

/**
 * Removes builds no process needs, and what crashed writers left behind. Never removes the build CURRENT names,
 * the builds in `keep`, a build whose writer is alive, nor a complete build younger than `graceMs`.
 * A half-written build whose writer died is removed whatever its age, and so is a `CURRENT.*.tmp` older than
 * the caller's lock (or than `graceMs` when the caller holds no lock).
 */
export async function pruneBuilds(indexDir: string, options: PruneOptions = {}): Promise<string[]> {
  const { keep = [], graceMs = PRUNE_GRACE_MS, lockedSince, keepNewest = 0, now = Date.now() } = options;
  const removed: string[] = [];
  const root = path.join(indexDir, BUILDS_DIR);
  if (existsSync(root)) {
    const current = await readCurrentBuildIfValid(indexDir);
    const protectedNames = new Set(keep);
    if (current) protectedNames.add(current);
    const entries = await readdir(root);

    for (const entry of entries) {
      if (!entry.endsWith(WRITING_SUFFIX)) continue;
      const name = entry.slice(0, -WRITING_SUFFIX.length);
      if (!isBuildName(name)) continue;
      if (await writerAlive(path.join(root, entry), name)) {
        protectedNames.add(name);
      } else if (!protectedNames.has(name)) {
        // A crashed writer's half-written build.
        await rm(path.join(root, name), { recursive: true, force: true });
        await rm(path.join(root, entry), { force: true });
        removed.push(name);
      } else {
        await rm(path.join(root, entry), { force: true });
      }
    }

    // Build names start with their ISO time: the newest sort last.
    const complete = entries.filter((e) => isBuildName(e) && !removed.includes(e) && !entries.includes(`${e}${WRITING_SUFFIX}`)).sort();
    if (keepNewest > 0) for (const name of complete.slice(-keepNewest)) protectedNames.add(name);

    for (const name of entries) {
      if (!isBuildName(name) || protectedNames.has(name) || removed.includes(name)) continue;
      if (existsSync(path.join(root, `${name}${WRITING_SUFFIX}`))) continue; // a writer started after the listing
      const age = await ageMs(path.join(root, name), now);
      if (age === null || age < graceMs) continue;
      await rm(path.join(root, name), { recursive: true, force: true });
      removed.push(name);
    }
  }

  if (existsSync(indexDir)) {
    for (const entry of await readdir(indexDir)) {
      if (!entry.startsWith(`${CURRENT_FILE}.`) || !entry.endsWith('.tmp')) continue;
      const file = path.join(indexDir, entry);
      const age = await ageMs(file, now);
      if (age === null) continue;
      // File times lag the clock by a few milliseconds: a temp file counts as older than the lock only by a margin.
      const stale = lockedSince !== undefined ? now - age < lockedSince - CLOCK_MARGIN_MS : age >= graceMs;
      if (stale) await rm(file, { force: true });
    }
  }
  return removed;
}

/** A sha256 of bytes, hex, computed off this thread (WebCrypto digests run on libuv's thread pool, side by side). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** The complete builds kept in the index folder, oldest first (names start with their ISO time). */
export async function listBuildNames(indexDir: string): Promise<string[]> {
  const root = path.join(indexDir, BUILDS_DIR);
  if (!existsSync(root)) return [];
  const entries = await readdir(root);
  return entries.filter((e) => isBuildName(e) && !entries.includes(`${e}${WRITING_SUFFIX}`) && existsSync(path.join(root, e, MANIFEST_FILE))).sort();
}
