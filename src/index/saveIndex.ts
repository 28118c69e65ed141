import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexData } from './buildIndex.js';
import {
  buildDir,
  MANIFEST_FILE,
  newBuildName,
  PASSAGES_FILE,
  pruneBuilds,
  readCurrentBuildIfValid,
  sha256File,
  switchCurrentBuild,
  VECTORS_FILE,
} from './indexFiles.js';
import { manifestChecksum } from './manifest.js';
import type { PassageStoreFile } from './passageStore.js';

export interface SaveHooks {
  /** Called after the build's files are written and before CURRENT is switched (tests use it to simulate a crash). */
  beforeSwitch?: () => void | Promise<void>;
}

/**
 * Writes the index as a new build folder, then swaps CURRENT to it atomically.
 * Returns the build's name. The previous build is kept for processes that still read it; older ones are removed.
 */
export async function saveIndex(indexDir: string, data: IndexData, hooks: SaveHooks = {}): Promise<string> {
  const previous = await readCurrentBuildIfValid(indexDir);
  const name = newBuildName();
  const dir = buildDir(indexDir, name);
  await mkdir(dir, { recursive: true });

  const vectorsPath = path.join(dir, VECTORS_FILE);
  const passagesPath = path.join(dir, PASSAGES_FILE);
  await data.vectors.save(vectorsPath);
  const store: PassageStoreFile = { passages: data.passages };
  await writeFile(passagesPath, JSON.stringify(store));
  data.manifest.checksums = { hnsw: await sha256File(vectorsPath), passages: await sha256File(passagesPath), manifest: '' };
  data.manifest.checksums.manifest = manifestChecksum(data.manifest);
  await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(data.manifest, null, 2));

  await hooks.beforeSwitch?.();
  await switchCurrentBuild(indexDir, name);
  await pruneBuilds(indexDir, previous ? [name, previous] : [name]);
  return name;
}
