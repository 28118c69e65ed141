/**
 * Dense search over passages and their sentences: a passage counts with its closest vector (its own or one of its
 * sentences'), appears once, and a filter is asked about passages only.
 */
import { describe, expect, it } from 'vitest';
import { createHnswStore } from '../../src/index/vectorStore.js';
import { searchDense } from '../../src/retrieval/dense.js';

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
  return { s, owners: [1, 1, 2, 2] };
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
});
