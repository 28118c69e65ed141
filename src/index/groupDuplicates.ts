import { containment, contentTerms, jaccard } from '../text/tokens.js';
import type { Passage } from '../types.js';

/** How alike two passages from different articles must be to count as the same (syndicated) text. */
const JACCARD_MIN = 0.5;
const CONTAINMENT_MIN = 0.8;
const CONTAINMENT_MIN_TERMS = 8;

export function isNearDuplicate(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (jaccard(a, b) >= JACCARD_MIN) return true;
  return Math.min(a.size, b.size) >= CONTAINMENT_MIN_TERMS && containment(a, b) >= CONTAINMENT_MIN;
}

/**
 * Gives each passage a group number; passages from different articles that carry the same text
 * (the same PA copy, the same Downing Street statement) share one. Passages of one article never group
 * with each other, so an article's own paragraphs stay separate hits.
 */
export function groupDuplicates(passages: readonly Passage[]): number[] {
  const terms = passages.map((p) => new Set(contentTerms(p.text)));
  const parent = passages.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const articlesOf = passages.map((p) => new Set([p.articleId]));
  for (let i = 0; i < passages.length; i++) {
    for (let j = i + 1; j < passages.length; j++) {
      if (passages[i]!.articleId === passages[j]!.articleId) continue;
      if (!isNearDuplicate(terms[i]!, terms[j]!)) continue;
      const ri = find(i);
      const rj = find(j);
      if (ri === rj) continue;
      // Keep one passage per article in a group, so grouping never swallows an article's other paragraph.
      const a = articlesOf[ri]!;
      const b = articlesOf[rj]!;
      if ([...a].some((id) => b.has(id))) continue;
      parent[rj] = ri;
      for (const id of b) a.add(id);
    }
  }
  const numbers = new Map<number, number>();
  return passages.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
}
