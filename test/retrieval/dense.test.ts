/**
 * Dense search over passages and their sentences: a passage counts with its closest vector (its own or one of its
 * sentences'), appears once, and a filter is asked about passages only.
 */
import { describe, expect, it } from 'vitest';
import { createHnswStore } from '../../src/index/vectorStore.js';
import { searchDense } from '../../src/retrieval/dense.js';
import { labelIndex, oneVectorEachLabels, type VectorLabel } from '../../src/index/labels.js';

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
  return { s, owners: labelIndex(oneVectorEachLabels(3, [1, 1, 2, 2]), 3) };
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

  it('one vector per distinct text (format 6), fresh or reused, gives the hits of one vector per passage and sentence (format 5)', () => {
    // Six passages; 1, 2, 4 and 5 are syndicated copies (the very same text); passage 3 has two sentences, the second
    // of them the copies' text too.
    const vectorOf = [unit(1, 0, 0, 0), unit(0, 1, 0, 0), unit(0, 1, 0, 0), unit(0, 0, 1, 1), unit(0, 1, 0, 0), unit(0, 1, 0, 0)];
    const sentenceOf: Record<number, Float32Array[]> = { 3: [unit(0, 0, 1, 0), unit(0, 1, 0, 0)] };
    const five = createHnswStore(4, 8);
    const fiveLabels = oneVectorEachLabels(6, [3, 3]);
    fiveLabels.forEach((l, label) => five.add(label, l![0]![1] === 0 ? vectorOf[l![0]![0]]! : sentenceOf[l![0]![0]]![l![0]![1] - 1]!));
    // Format 6, fresh: the texts in order of first use.
    const six = createHnswStore(4, 4);
    const sixLabels: VectorLabel[] = [[[0, 0]], [[1, 0], [2, 0], [4, 0], [5, 0], [3, 2]], [[3, 0]], [[3, 1]]];
    [unit(1, 0, 0, 0), unit(0, 1, 0, 0), unit(0, 0, 1, 1), unit(0, 0, 1, 0)].forEach((v, i) => six.add(i, v));
    // Format 6 as a reindex leaves it: an old vector deleted, the others under other labels.
    const reused = createHnswStore(4, 5);
    const reusedLabels: VectorLabel[] = [[[3, 1]], null, [[1, 0], [2, 0], [4, 0], [5, 0], [3, 2]], [[0, 0]], [[3, 0]]];
    [unit(0, 0, 1, 0), unit(0, 1, 0, 0.2), unit(0, 1, 0, 0), unit(1, 0, 0, 0), unit(0, 0, 1, 1)].forEach((v, i) => reused.add(i, v));
    reused.remove!(1);
    const odd = (p: number) => p % 2 === 1;
    for (const query of [unit(0, 1, 0.05, 0), unit(0, 1, 0, 0), unit(0.3, 0.2, 1, 0.4)]) {
      for (const k of [1, 2, 3, 4, 6]) {
        for (const filter of [undefined, odd]) {
          const want = searchDense(five, query, k, filter, labelIndex(fiveLabels, 6));
          expect(searchDense(six, query, k, filter, labelIndex(sixLabels, 6))).toEqual(want);
          expect(searchDense(reused, query, k, filter, labelIndex(reusedLabels, 6))).toEqual(want);
        }
      }
    }
    // Equal similarities in rank order: passages' own texts by position (1, 2, 4, 5), then sentences' (passage 3's
    // second sentence); a filter lets through only the passages of a shared text that pass it.
    expect(searchDense(six, unit(0, 1, 0, 0), 5, undefined, labelIndex(sixLabels, 6)).map((h) => h.label)).toEqual([1, 2, 4, 5, 3]);
    expect(searchDense(six, unit(0, 1, 0, 0), 5, odd, labelIndex(sixLabels, 6)).map((h) => h.label)).toEqual([1, 5, 3]);
  });

  it('a filter admitting one passage of a shared text searches that text and returns that passage only', () => {
    const s = createHnswStore(4, 2);
    s.add(0, unit(1, 0, 0, 0));
    s.add(1, unit(0, 1, 0, 0));
    const labels = labelIndex([[[0, 0], [2, 0], [3, 0]], [[1, 0]]], 4);
    const asked = new Set<number>();
    const hits = searchDense(s, unit(1, 0.1, 0, 0), 4, (p) => (asked.add(p), p === 2), labels);
    expect(hits.map((h) => h.label)).toEqual([2]);
    expect([...asked].every((p) => p >= 0 && p < 4)).toBe(true);
  });
});
