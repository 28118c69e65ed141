import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexData } from './buildIndex.js';
import { corrupt, readBuild, type ReadBuild } from './checkBuild.js';
import { buildDir, MANIFEST_FILE, readCurrentBuild } from './indexFiles.js';
import { labelProblem, oneVectorEachLabels, singleMemberLabels, type VectorLabel } from './labels.js';
import { manifestSchema, type Manifest } from './manifest.js';
import type { PassageStoreFile } from './passageStore.js';
import { loadHnswStore, type VectorStore } from './vectorStore.js';

export interface LoadedIndex extends IndexData {
  build: string;
}

/**
 * Loads the build CURRENT points at (or the named build, for a rollback), checking every file before handing it to
 * the native HNSW reader. `read`: the build as readBuild read it already (with its derived files; a reindex's
 * no-change check, under the lock held since), so it is neither read nor checksummed again.
 */
export async function loadIndex(indexDir: string, named?: string, read?: ReadBuild): Promise<LoadedIndex> {
  const { build, manifest, derived, files, passages, verified } = read ?? (await readBuild(indexDir, named));
  // Parsed while the checksums are computed on other threads; used only once they hold.
  let store: PassageStoreFile | null = null;
  let parseError: unknown = null;
  try {
    store = JSON.parse(passages.toString('utf8')) as PassageStoreFile;
  } catch (cause) {
    parseError = cause;
  }
  await verified;
  if (store === null) throw corrupt(`The passage store ${files.passages} is not valid JSON.`, { file: files.passages }, parseError);
  if (!Array.isArray(store.passages) || store.passages.length !== manifest.passages) {
    throw corrupt(`The passage store ${files.passages} does not match the manifest.`, { file: files.passages });
  }

  const labels = labelsOf(store, manifest);
  const problem = labelProblem(labels, manifest.passages, manifest.sentences ?? 0);
  if (problem !== null) {
    throw corrupt(`The passage store ${files.passages} does not match the manifest's vectors (${problem}).`, { file: files.passages });
  }

  let vectors: VectorStore;
  try {
    vectors = await loadHnswStore(files.vectors, manifest.embedder.dimensions);
  } catch (cause) {
    throw corrupt(`The vector file ${files.vectors} cannot be read.`, { file: files.vectors }, cause);
  }
  const expected = labels.length;
  if (vectors.size !== expected) {
    throw corrupt(`The vector file ${files.vectors} holds ${vectors.size} vectors, not ${expected}.`, { file: files.vectors });
  }
  return { manifest, vectors, passages: store.passages, labels, build, derived };
}

/**
 * The label list of a stored build: format 6 stores a list of [passage, sentence] per label (and must); format 5 one
 * [passage, sentence] per label, read as a list of that one member (a list of the format-6 shape is taken as it is,
 * whatever the manifest's format); a format-4 build, its passages' vectors (labels 0..P-1) and then its sentences'
 * with their owners; earlier builds, their passages' vectors only.
 */
function labelsOf(store: PassageStoreFile, manifest: Manifest): VectorLabel[] {
  const stored: unknown = store.labels;
  if (stored !== undefined) {
    const oneEach = manifest.format < 6 && Array.isArray(stored) && stored.some((l) => Array.isArray(l) && typeof l[0] === 'number');
    return (oneEach ? singleMemberLabels(stored as unknown[]) : stored) as VectorLabel[];
  }
  if (manifest.format >= 5) return null as unknown as VectorLabel[];
  const owners = store.sentenceOwners ?? [];
  const owned = (o: unknown) => Number.isInteger(o) && (o as number) >= 0 && (o as number) < manifest.passages;
  // Sentences in passage order, as format 4 wrote them: anything else is not a format-4 build's.
  if (!Array.isArray(owners) || !owners.every((o, i) => owned(o) && (i === 0 || o >= owners[i - 1]!))) return null as unknown as VectorLabel[];
  return oneVectorEachLabels(store.passages.length, owners);
}

/** The current build's manifest when it can be read, else null: what a rebuild compares against. */
export async function readManifestIfAny(indexDir: string): Promise<Manifest | null> {
  try {
    const build = await readCurrentBuild(indexDir);
    if (build === null) return null;
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(path.join(buildDir(indexDir, build), MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
