import type { LabelIndex } from '../index/labels.js';
import type { VectorStore } from '../index/vectorStore.js';

export interface DenseHit {
  label: number;
  /** Cosine similarity (1 = same direction) of the passage's closest vector: its own or one of its sentences'. */
  similarity: number;
}

/**
 * The `k` passages nearest to the query vector (cosine), most similar first. The store holds one vector per passage
 * and one per sentence of the passages of several sentences, and `labels` says which passage each belongs to
 * (without it, label = passage): a passage counts with its closest vector, and `filter` is asked about passages,
 * never about sentences. Equal similarities (syndicated copies have the very same vectors: hundreds of them) are
 * ordered as a fresh build's labels order them (passages' own vectors by position, then sentences), and when equal
 * hits may continue past the vectors fetched, more are fetched: which of the copies come first no longer depends
 * on the graph (HNSW returns an arbitrary part of a large group of equal vectors), so a build whose graph was
 * reused and extended answers as a fresh one, up to what approximate search misses in either graph.
 */
export function searchDense(store: VectorStore, vector: Float32Array, k: number, filter?: (label: number) => boolean, labels?: LabelIndex): DenseHit[] {
  if (labels === undefined) return store.search(vector, k, filter).map((h) => ({ label: h.id, similarity: h.similarity }));
  const { owner, rank } = labels;
  const admit = filter ? (id: number) => owner[id]! >= 0 && filter(owner[id]!) : undefined;
  // Several vectors may belong to one passage: ask for more until k passages are found or the store is exhausted.
  for (let wanted = k + Math.min(k, labels.extra); ; wanted *= 2) {
    const asked = Math.min(wanted, store.size);
    const found = store.search(vector, asked, admit);
    const ordered = [...found].sort((a, b) => b.similarity - a.similarity || rank[a.id]! - rank[b.id]!);
    const hits: DenseHit[] = [];
    const seen = new Set<number>();
    for (const h of ordered) {
      const label = owner[h.id]!;
      if (label < 0 || seen.has(label)) continue;
      seen.add(label);
      hits.push({ label, similarity: h.similarity });
      if (hits.length === k) break;
    }
    const exhausted = found.length < asked || wanted >= store.size;
    if (hits.length === k) {
      // Vectors as similar as the last passage kept may lie beyond those fetched, and come first in the fresh order.
      if (exhausted || hits[k - 1]!.similarity > ordered[ordered.length - 1]!.similarity) return hits;
    } else if (exhausted) return hits;
  }
}
