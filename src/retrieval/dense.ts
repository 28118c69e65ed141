import type { HnswIndex } from '../index/buildIndex.js';

export interface DenseHit {
  label: number;
  /** Cosine similarity (1 = same direction). */
  similarity: number;
}

/** Nearest passages to the query vector in the HNSW index (cosine). */
export function searchDense(
  hnsw: HnswIndex,
  vector: Float32Array,
  k: number,
  filter?: (label: number) => boolean,
): DenseHit[] {
  const count = hnsw.getCurrentCount();
  const n = Math.min(k, count);
  if (n === 0) return [];
  const result = hnsw.searchKnn(Array.from(vector), n, filter);
  return result.neighbors
    .map((label, i) => ({ label, similarity: 1 - (result.distances[i] ?? 1) }))
    .sort((a, b) => b.similarity - a.similarity);
}
