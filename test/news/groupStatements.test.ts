/**
 * groupSets runs complete linkage over classes of identical statements (syndicated copies) instead of over every
 * pair of statements: it must give exactly the clusters complete linkage over the full matrix gives, ties at score
 * 1 included (one statement's tokens all in another's; the same tokens in another order). Checked here on random
 * sets built to tie, and on the real corpus and a generated one in test/scale/pairwise.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../scripts/lib/syntheticCorpus.js';
import { groupSets, SAME_STATEMENT, type Weights } from '../../src/news/groupStatements.js';
import { completeLinkageByEveryPair } from '../helpers/completeLinkage.js';

/** Complete linkage over the full matrix, merging the most similar pair (the last of equal ones) while it reaches the threshold. */
function everyPair(sets: Set<string>[], weight: Weights, threshold: number): number[][] {
  return normalise(completeLinkageByEveryPair(sets, weight, threshold));
}

function normalise(clusters: number[][]): number[][] {
  return clusters.map((c) => [...c].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/**
 * Statements as a few base statements, their copies (many: syndication), copies in another word order, parts of
 * them (all their words in the base: score 1 with it), variants with a word changed, and empty ones.
 */
function tiedSets(rand: () => number, count: number): Set<string>[] {
  const vocabulary = Array.from({ length: 14 }, (_, i) => `w${i}`);
  const pick = (n: number): string[] => [...vocabulary].sort(() => rand() - 0.5).slice(0, n);
  const bases = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(3 + Math.floor(rand() * 5)));
  return Array.from({ length: count }, () => {
    const base = bases[Math.floor(rand() * bases.length)]!;
    const r = rand();
    if (r < 0.45) return new Set(base);
    if (r < 0.55) return new Set([...base].reverse());
    if (r < 0.75) return new Set(base.filter(() => rand() < 0.6));
    if (r < 0.95) return new Set([...base.slice(1), vocabulary[Math.floor(rand() * vocabulary.length)]!]);
    return new Set<string>();
  });
}

describe('groupSets (complete linkage over classes of identical statements)', () => {
  it('splits a class of identical statements as complete linkage does when each copy takes a part first', () => {
    // 0 and 1 are the same statement; 2 and 3 are each part of it (score 1 with both) but share nothing.
    const sets = [new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b']), new Set(['c', 'd'])];
    const weight: Weights = () => 1;
    expect(everyPair(sets, weight, SAME_STATEMENT)).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(normalise(groupSets(sets, weight, SAME_STATEMENT))).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('gives the clusters of complete linkage over every pair, on random statements built to tie at score 1', () => {
    let split = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(seed);
      const sets = tiedSets(rand, 5 + Math.floor(rand() * 40));
      const weights = new Map<string, number>();
      // Weights as idf gives them: a few distinct values, so sums tie too.
      const weight: Weights = (t) => weights.get(t) ?? (weights.set(t, [0.7, 1.2, 2.5, 4][Math.floor(rand() * 4)]!), weights.get(t)!);
      for (const threshold of [SAME_STATEMENT, 0.4, 0.85]) {
        const want = everyPair(sets, weight, threshold);
        expect(normalise(groupSets(sets, weight, threshold)), `seed ${seed}, threshold ${threshold}`).toEqual(want);
        // Cases where complete linkage parts copies of one statement (the tie-breaking a class must follow).
        const clusterOf = new Map(want.flatMap((c, k) => c.map((i) => [i, k] as const)));
        const key = (i: number): string => [...sets[i]!].join(' ');
        if (sets.some((s, i) => s.size > 0 && sets.some((t, j) => j > i && key(i) === key(j) && clusterOf.get(i) !== clusterOf.get(j)))) split++;
      }
    }
    expect(split).toBeGreaterThan(10);
  });

  it('gives the clusters of complete linkage over every pair when many copies of parts of one statement tie in one component', () => {
    // Syndication: a few parts of each base statement (all their words in it: score 1 with it and with their own
    // parts), each carried by many copies, so one component at score 1 holds many classes and members.
    let multiClass = 0;
    let split = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = random(1000 + seed);
      const vocabulary = Array.from({ length: 16 }, (_, i) => `w${i}`);
      const pick = (n: number): string[] => [...vocabulary].sort(() => rand() - 0.5).slice(0, n);
      const bases = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(5 + Math.floor(rand() * 5)));
      const parts = bases.map((base) => Array.from({ length: 6 }, () => base.filter(() => rand() < 0.65)));
      const sets = Array.from({ length: 40 + Math.floor(rand() * 80) }, () => {
        const b = Math.floor(rand() * bases.length);
        const r = rand();
        if (r < 0.25) return new Set(bases[b]);
        if (r < 0.35) return new Set([...bases[b]!].reverse());
        if (r < 0.9) return new Set(parts[b]![Math.floor(rand() * 6)]);
        return new Set([...bases[b]!.slice(2), vocabulary[Math.floor(rand() * vocabulary.length)]!]);
      });
      const weights = new Map<string, number>();
      const weight: Weights = (t) => weights.get(t) ?? (weights.set(t, [0.7, 1.2, 2.5, 4][Math.floor(rand() * 4)]!), weights.get(t)!);
      for (const threshold of [SAME_STATEMENT, 0.85]) {
        const want = everyPair(sets, weight, threshold);
        expect(normalise(groupSets(sets, weight, threshold)), `seed ${seed}, threshold ${threshold}`).toEqual(want);
        const key = (i: number): string => [...sets[i]!].join(' ');
        if (want.some((c) => new Set(c.map(key)).size >= 3)) multiClass++;
        const clusterOf = new Map(want.flatMap((c, k) => c.map((i) => [i, k] as const)));
        if (sets.some((t, i) => t.size > 0 && sets.some((u, j) => j > i && key(i) === key(j) && clusterOf.get(i) !== clusterOf.get(j)))) split++;
      }
    }
    // The cases this is about: groups of several kinds of statement, and copies of one statement parted.
    expect(multiClass).toBeGreaterThan(20);
    expect(split).toBeGreaterThan(20);
  });

  it('puts every copy of a statement that ties with nothing else in one group, under its first copy', () => {
    const copy = (): Set<string> => new Set(['troops', 'ceasefire', 'monitoring']);
    const sets = [copy(), new Set(['sanctions', 'oil']), copy(), copy(), new Set(['sanctions', 'gas', 'price', 'cap'])];
    expect(normalise(groupSets(sets, () => 1, SAME_STATEMENT))).toEqual([[0, 2, 3], [1], [4]]);
  });
});
