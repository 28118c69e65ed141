/**
 * Reciprocal rank fusion (Cormack et al., 2009): each ranked list adds weight / (k + rank) to an item.
 * k = 10 rather than the usual 60: with lists of ~100 passages, a smaller k lets the top ranks of each list count.
 * Rank-based, so BM25 scores and cosine similarities never have to be put on one scale.
 */
export const RRF_K = 10;

export interface RankedList {
  labels: readonly number[];
  weight?: number;
}

export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { labels, weight = 1 } of lists) {
    labels.forEach((label, i) => {
      scores.set(label, (scores.get(label) ?? 0) + weight / (k + i + 1));
    });
  }
  return scores;
}
