import { overlap, type Weights } from '../../src/news/groupStatements.js';

/**
 * Complete linkage over the full similarity matrix, as statement grouping ran before it avoided comparing every pair:
 * the most similar pair of clusters (the last of equal ones) is merged while its score reaches `threshold`. Returns
 * the clusters as positions in `sets`, in the order of their first member's slot.
 */
export function completeLinkageByEveryPair(sets: readonly ReadonlySet<string>[], weight: Weights, threshold: number): number[][] {
  const link = sets.map((a) => sets.map((b) => overlap(a, b, weight)));
  const clusters: (number[] | null)[] = sets.map((_, i) => [i]);
  for (;;) {
    let best: [number, number] | null = null;
    let bestScore = threshold;
    for (let a = 0; a < clusters.length; a++) {
      if (clusters[a] === null) continue;
      for (let b = a + 1; b < clusters.length; b++) if (clusters[b] !== null && link[a]![b]! >= bestScore) [best, bestScore] = [[a, b], link[a]![b]!];
    }
    if (best === null) break;
    const [a, b] = best;
    clusters[a] = [...clusters[a]!, ...clusters[b]!];
    clusters[b] = null;
    for (let k = 0; k < clusters.length; k++) link[a]![k] = link[k]![a] = Math.min(link[a]![k]!, link[b]![k]!);
  }
  return clusters.filter((c): c is number[] => c !== null);
}
