import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  return path.join(indexDir, BUILDS_DIR, name);
}

/** The build folder CURRENT points at, or null when no index has been saved yet. */
export async function readCurrentBuild(indexDir: string): Promise<string | null> {
  const pointer = currentPointerPath(indexDir);
  if (!existsSync(pointer)) return null;
  const name = (await readFile(pointer, 'utf8')).trim();
  return name === '' ? null : name;
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
