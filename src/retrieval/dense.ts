import type { LabelIndex } from '../index/labels.js';
import type { VectorStore } from '../index/vectorStore.js';

export interface DenseHit {
  label: number;
  /** Cosine similarity (1 = same direction) of the passage's closest vector: its own text's or one of its sentences'. */
  similarity: number;
}

/**
 * The `k` passages nearest to the query vector (cosine), most similar first. The store holds one vector per distinct
 * text, a passage's or a sentence's of a passage of several sentences, and `labels` says which passages have it
 * (without it, label = passage): a passage counts with its closest vector, and `filter` is asked about passages,
 * never about sentences: a text several passages share is searched when any of them passes, and only those come out.
 * Equal similarities (syndicated copies share one vector: hundreds of passages) are ordered by the members' rank
 * (a format-5 fresh build's label order: passages' own texts by position, then sentences), and when equal hits may
 * continue past the vectors fetched, more are fetched: which of the copies come first never depends on the graph,
 * so a build whose graph was reused and extended answers as a fresh one, up to what approximate search misses in
 * either graph.
 */
export function searchDense(store: VectorStore, vector: Float32Array, k: number, filter?: (label: number) => boolean, labels?: LabelIndex): DenseHit[] {
  if (labels === undefined) return store.search(vector, k, filter).map((h) => ({ label: h.id, similarity: h.similarity }));
  const { start, owner, rank } = labels;
  const admit = filter
    ? (id: number) => {
        for (let m = start[id]!; m < start[id + 1]!; m++) if (filter(owner[m]!)) return true;
        return false;
      }
    : undefined;
  // Several vectors may belong to one passage: ask for more until k passages are found or the store is exhausted.
  for (let wanted = k + Math.min(k, labels.extra); ; wanted *= 2) {
    const asked = Math.min(wanted, store.size);
    const found = store.search(vector, asked, admit);
    // Each vector's passages (those that pass the filter), by similarity, then rank.
    const members: { passage: number; rank: number; similarity: number }[] = [];
    let least = Infinity;
    for (const h of found) {
      least = Math.min(least, h.similarity);
      for (let m = start[h.id]!; m < start[h.id + 1]!; m++) {
        if (filter && !filter(owner[m]!)) continue;
        members.push({ passage: owner[m]!, rank: rank[m]!, similarity: h.similarity });
      }
    }
    members.sort((a, b) => b.similarity - a.similarity || a.rank - b.rank);
    const hits: DenseHit[] = [];
    const seen = new Set<number>();
    for (const h of members) {
      if (seen.has(h.passage)) continue;
      seen.add(h.passage);
      hits.push({ label: h.passage, similarity: h.similarity });
      if (hits.length === k) break;
    }
    const exhausted = found.length < asked || wanted >= store.size;
    if (hits.length === k) {
      // Vectors as similar as the last passage kept may lie beyond those fetched, and come first in rank order.
      if (exhausted || hits[k - 1]!.similarity > least) return hits;
    } else if (exhausted) return hits;
  }
}
