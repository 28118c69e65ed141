/**
 * The vector store: unit-length vectors under numeric ids, nearest-neighbour search with an optional filter,
 * saved to and loaded from one file. hnswlib-node (cosine HNSW) is the implementation; another store (a
 * vector database for millions of passages) can stand behind the same interface.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';

export interface VectorHit {
  id: number;
  /** Cosine similarity (1 = same direction). */
  similarity: number;
}

export interface VectorStore {
  readonly dimensions: number;
  /** Vectors held. */
  readonly size: number;
  add(id: number, vector: Float32Array): void;
  /** The `k` nearest vectors, most similar first, among those whose id passes `filter`. */
  search(vector: Float32Array, k: number, filter?: (id: number) => boolean): VectorHit[];
  save(file: string): Promise<void>;
  /** How wide the search looks (HNSW's ef: higher is slower and more exact); stores without the notion leave it out. */
  setEf?(ef: number): void;
  /**
   * What a reindex reusing the graph of the build before needs (stores without them are built afresh): `remove`
   * marks a vector deleted (never returned again; its id still counts in `size`), `reserve` makes room for this
   * many ids in all, `copy` gives an independent store with the same vectors and graph.
   */
  remove?(id: number): void;
  reserve?(capacity: number): void;
  copy?(): Promise<VectorStore>;
}

export interface HnswSettings {
  m?: number;
  efConstruction?: number;
}

export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
export const HNSW_EF_SEARCH = 64;

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/**
 * A filter that admits few vectors (one outlet's passages among 200 outlets') makes HNSW walk most of the
 * graph, calling the filter at every node, to find k that pass (about 40 ms at 20,000 vectors): from this many
 * vectors on, a filter admitting at most this share of them is searched exactly over the admitted vectors
 * instead (about 100 vectors at 20,000 passages: a millisecond or two).
 */
const EXACT_FILTERED_FROM = 5_000;
const EXACT_FILTERED_SHARE = 0.05;

/** Ids 0..count-1 (every store here numbers its vectors from 0) that pass the filter. */
function admittedIds(count: number, filter: (id: number) => boolean): number[] {
  const out: number[] = [];
  for (let id = 0; id < count; id++) if (filter(id)) out.push(id);
  return out;
}

/** The `k` admitted vectors closest to `vector` by cosine (the store holds unit vectors), most similar first. */
function exactSearch(index: Hnsw, vector: Float32Array, ids: readonly number[], k: number): VectorHit[] {
  let norm = 0;
  for (let d = 0; d < vector.length; d++) norm += vector[d]! * vector[d]!;
  norm = Math.sqrt(norm) || 1;
  const hits = ids.map((id) => {
    const point = index.getPoint(id);
    let dot = 0;
    for (let d = 0; d < point.length; d++) dot += point[d]! * vector[d]!;
    return { id, similarity: dot / norm };
  });
  return hits.sort((a, b) => b.similarity - a.similarity || a.id - b.id).slice(0, k);
}

function hnswStore(index: Hnsw, dimensions: number): VectorStore {
  return {
    dimensions,
    get size() {
      return index.getCurrentCount();
    },
    add(id, vector) {
      index.addPoint(Array.from(vector), id);
    },
    search(vector, k, filter) {
      const n = Math.min(k, index.getCurrentCount());
      if (n === 0) return [];
      if (filter && index.getCurrentCount() >= EXACT_FILTERED_FROM) {
        const admitted = admittedIds(index.getCurrentCount(), filter);
        if (admitted.length <= index.getCurrentCount() * EXACT_FILTERED_SHARE) return exactSearch(index, vector, admitted, n);
      }
      const result = index.searchKnn(Array.from(vector), n, filter);
      return result.neighbors.map((id, i) => ({ id, similarity: 1 - (result.distances[i] ?? 1) })).sort((a, b) => b.similarity - a.similarity);
    },
    save: (file) => index.writeIndex(file).then(() => undefined),
    setEf: (ef) => index.setEf(ef),
    remove: (id) => index.markDelete(id),
    reserve(capacity) {
      if (capacity > index.getMaxElements()) index.resizeIndex(capacity);
    },
    async copy() {
      // hnswlib has no copy: through a file of its own, removed once read.
      const dir = await mkdtemp(path.join(os.tmpdir(), 'hnsw-copy-'));
      try {
        const file = path.join(dir, 'vectors.hnsw');
        await index.writeIndex(file);
        return await loadHnswStore(file, dimensions);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** An empty cosine HNSW store for up to `capacity` vectors. */
export function createHnswStore(dimensions: number, capacity: number, settings: HnswSettings = {}): VectorStore {
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  const { m = HNSW_M, efConstruction = HNSW_EF_CONSTRUCTION } = settings;
  index.initIndex({ maxElements: Math.max(1, capacity), m, efConstruction, randomSeed: 100 });
  index.setEf(HNSW_EF_SEARCH);
  return hnswStore(index, dimensions);
}

/** A store saved by `save` (the native reader throws on a damaged file; the caller checks checksums first). */
export async function loadHnswStore(file: string, dimensions: number): Promise<VectorStore> {
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  await index.readIndex(file);
  index.setEf(HNSW_EF_SEARCH);
  return hnswStore(index, dimensions);
}
