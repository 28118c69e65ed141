import type { VectorStore } from '../index/vectorStore.js';

export interface DenseHit {
  label: number;
  /** Cosine similarity (1 = same direction). */
  similarity: number;
}

/** Nearest passages to the query vector in the vector store (cosine), most similar first. */
export function searchDense(store: VectorStore, vector: Float32Array, k: number, filter?: (label: number) => boolean): DenseHit[] {
  return store.search(vector, k, filter).map((h) => ({ label: h.id, similarity: h.similarity }));
}
