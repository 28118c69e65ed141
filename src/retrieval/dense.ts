import type { VectorStore } from '../index/vectorStore.js';

export interface DenseHit {
  label: number;
  /** Cosine similarity (1 = same direction) of the passage's closest vector: its own or one of its sentences'. */
  similarity: number;
}

/**
 * The `k` passages nearest to the query vector (cosine), most similar first. The store holds one vector per passage
 * (labels 0..passages-1) and then one per sentence of the passages of several sentences (`sentenceOwners`): a
 * passage counts with its closest vector, and `filter` is asked about passages, never about sentences.
 */
export function searchDense(
  store: VectorStore,
  vector: Float32Array,
  k: number,
  filter?: (label: number) => boolean,
  sentenceOwners: readonly number[] = [],
): DenseHit[] {
  const passages = store.size - sentenceOwners.length;
  const owner = (id: number): number => (id < passages ? id : sentenceOwners[id - passages]!);
  if (sentenceOwners.length === 0) return store.search(vector, k, filter).map((h) => ({ label: h.id, similarity: h.similarity }));
  const admit = filter ? (id: number) => filter(owner(id)) : undefined;
  // Several vectors may belong to one passage: ask for more until k passages are found or the store is exhausted.
  for (let wanted = k + Math.min(k, sentenceOwners.length); ; wanted *= 2) {
    const hits: DenseHit[] = [];
    const seen = new Set<number>();
    const found = store.search(vector, Math.min(wanted, store.size), admit);
    for (const h of found) {
      const label = owner(h.id);
      if (seen.has(label)) continue;
      seen.add(label);
      hits.push({ label, similarity: h.similarity });
      if (hits.length === k) return hits;
    }
    if (found.length < wanted || wanted >= store.size) return hits;
  }
}
