import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BotError } from '../errors.js';

/**
 * Where a saved index lives on disk:
 *   <indexDir>/CURRENT                 names the build in use (replaced atomically by rename)
 *   <indexDir>/builds/<name>/          one complete build: manifest.json, vectors.hnsw, passages.json
 * A reindex writes a new build folder, then switches CURRENT; a crash before the switch leaves the old build in use.
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

/** Removes builds other than the current one and the one before it (kept for processes still reading it). */
export async function pruneBuilds(indexDir: string, keep: string[]): Promise<void> {
  const root = path.join(indexDir, BUILDS_DIR);
  if (!existsSync(root)) return;
  const names = (await readdir(root)).sort();
  const keepSet = new Set(keep);
  for (const name of names) {
    if (!keepSet.has(name)) await rm(path.join(root, name), { recursive: true, force: true });
  }
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}
