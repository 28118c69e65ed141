import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/fuse.js';

describe('reciprocalRankFusion', () => {
  it('adds weight / (k + rank) from every list an item is in', () => {
    const fused = reciprocalRankFusion([{ labels: [1, 2, 3] }, { labels: [3, 1], weight: 2 }], 10);
    expect(fused.get(1)).toBeCloseTo(1 / 11 + 2 / 12);
    expect(fused.get(2)).toBeCloseTo(1 / 12);
    expect(fused.get(3)).toBeCloseTo(1 / 13 + 2 / 11);
  });

  it('an item high in both lists beats one top of a single list', () => {
    const fused = reciprocalRankFusion([{ labels: [7, 8] }, { labels: [8, 9] }], 10);
    const order = [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
    expect(order[0]).toBe(8);
  });
});
