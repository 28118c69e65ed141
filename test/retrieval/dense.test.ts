/**
 * Dense search over passages and their sentences: a passage counts with its closest vector (its own or one of its
 * sentences'), appears once, and a filter is asked about passages only.
 */
import { describe, expect, it } from 'vitest';
import { createHnswStore } from '../../src/index/vectorStore.js';
import { searchDense } from '../../src/retrieval/dense.js';
import { freshLabels, labelIndex, type VectorLabel } from '../../src/index/labels.js';

/** A unit vector in 4 dimensions. */
function unit(...xs: number[]): Float32Array {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
}

// Three passages (labels 0-2); passage 1 has two sentences (labels 3 and 4), passage 2 has two (labels 5 and 6).
function store() {
  const s = createHnswStore(4, 7);
  [unit(1, 0, 0, 0), unit(0, 1, 1, 0), unit(0, 0, 1, 1), unit(0, 1, 0.1, 0), unit(0, 0.1, 1, 0), unit(0, 0, 1, 0.2), unit(0.2, 0, 0, 1)].forEach((v, i) =>
    s.add(i, v),
  );
  return { s, owners: labelIndex(freshLabels(3, [1, 1, 2, 2]), 3) };
}

describe('searchDense', () => {
  it('scores a passage by its closest sentence when that is closer than the passage itself', () => {
    const { s, owners } = store();
    const hits = searchDense(s, unit(0, 1, 0, 0), 3, undefined, owners);
    expect(hits.map((h) => h.label)).toEqual([1, 0, 2]);
    // Passage 1's own vector is at cos 0.707; its first sentence is at 0.995.
    expect(hits[0]!.similarity).toBeGreaterThan(0.99);
  });

  it('lists each passage once, however many of its vectors are near', () => {
    const { s, owners } = store();
    const labels = searchDense(s, unit(0, 0.5, 1, 0.5), 3, undefined, owners).map((h) => h.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.sort()).toEqual([0, 1, 2]);
  });

  it('asks the filter about passages, never about sentence labels', () => {
    const { s, owners } = store();
    const asked = new Set<number>();
    const hits = searchDense(s, unit(0, 0, 1, 0), 3, (label) => (asked.add(label), label !== 2), owners);
    expect([...asked].every((l) => l <= 2)).toBe(true);
    expect(hits.map((h) => h.label)).toEqual([1, 0]);
  });

  it("without sentence vectors, is the store's own search (a build of an earlier format)", () => {
    const s = createHnswStore(4, 3);
    [unit(1, 0, 0, 0), unit(0, 1, 0, 0), unit(0, 0, 1, 0)].forEach((v, i) => s.add(i, v));
    expect(searchDense(s, unit(0, 1, 0.2, 0), 2)).toEqual(s.search(unit(0, 1, 0.2, 0), 2).map((h) => ({ label: h.id, similarity: h.similarity })));
  });

  it('a reused graph (labels moved, vectors deleted) gives a fresh build\'s hits: deleted vectors never, equal similarities in fresh order', () => {
    // Six passages; 1, 2, 4 and 5 are syndicated copies (the very same vector); passage 3 has two sentences.
    const vectorOf = [unit(1, 0, 0, 0), unit(0, 1, 0, 0), unit(0, 1, 0, 0), unit(0, 0, 1, 1), unit(0, 1, 0, 0), unit(0, 1, 0, 0)];
    const sentenceOf: Record<number, Float32Array[]> = { 3: [unit(0, 0, 1, 0), unit(0, 1, 0, 0)] };
    const fresh = createHnswStore(4, 8);
    const freshL = freshLabels(6, [3, 3]);
    freshL.forEach((l, label) => fresh.add(label, l![1] === 0 ? vectorOf[l![0]]! : sentenceOf[l![0]]![l![1] - 1]!));
    // The same passages as a reindex leaves them: an old vector deleted, the others under other labels, copies added last.
    const reused = createHnswStore(4, 10);
    const labels: VectorLabel[] = [[5, 0], [3, 2], null, [0, 0], [3, 0], [4, 0], [2, 0], [3, 1], [1, 0]];
    labels.forEach((l, label) => reused.add(label, l === null ? unit(0, 1, 0, 0) : l[1] === 0 ? vectorOf[l[0]]! : sentenceOf[l[0]]![l[1] - 1]!));
    reused.remove!(2);
    const query = unit(0, 1, 0.05, 0);
    for (const k of [1, 2, 3, 4, 6]) {
      const want = searchDense(fresh, query, k, undefined, labelIndex(freshL, 6));
      expect(searchDense(reused, query, k, undefined, labelIndex(labels, 6))).toEqual(want);
      const odd = (p: number) => p % 2 === 1;
      expect(searchDense(reused, query, k, odd, labelIndex(labels, 6))).toEqual(searchDense(fresh, query, k, odd, labelIndex(freshL, 6)));
    }
    // Equal similarities in a fresh build's label order: passages' own vectors by position (1, 2, 4, 5), then
    // sentences' (passage 3's second sentence), whatever labels the reused graph gave them.
    expect(searchDense(reused, unit(0, 1, 0, 0), 5, undefined, labelIndex(labels, 6)).map((h) => h.label)).toEqual([1, 2, 4, 5, 3]);
  });
});
