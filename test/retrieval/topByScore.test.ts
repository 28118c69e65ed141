/** topByScore (src/retrieval/lexical.ts): the best k by score, equal scores in the order given, keeping only k. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/syntheticCorpus.js';
import { topByScore } from '../../src/retrieval/lexical.js';

describe('topByScore', () => {
  it('gives what a stable sort of every item, then the first k, gives (ties included)', () => {
    const rnd = seededRandom(3);
    for (let round = 0; round < 50; round++) {
      // Few distinct scores: many ties.
      const items = Array.from({ length: 1 + Math.floor(rnd() * 300) }, (_, id) => ({ id, score: Math.floor(rnd() * 20) / 4 }));
      for (const k of [0, 1, 5, 50, 1000]) {
        const top = topByScore<{ id: number; score: number }>(k);
        for (const item of items) top.add(item);
        expect(top.items()).toEqual([...items].sort((a, b) => b.score - a.score).slice(0, k));
      }
    }
  });

  it('admits a score only while it would be kept', () => {
    const top = topByScore<{ score: number }>(2);
    expect(top.admits(1)).toBe(true);
    top.add({ score: 3 });
    top.add({ score: 2 });
    expect(top.admits(2)).toBe(false); // a later equal score comes after the one kept
    expect(top.admits(2.5)).toBe(true);
    expect(topByScore(0).admits(9)).toBe(false);
  });
});
