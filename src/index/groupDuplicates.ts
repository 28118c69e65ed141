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
 * The fewest terms two near-duplicates with `smaller` terms in the smaller set must share: Jaccard >= 1/2 needs
 * (|a| + |b|) / 3 >= 2/3 of the smaller set, containment >= 0.8 needs more. Rounded down: a lower bound.
 */
function minShared(smaller: number): number {
  return Math.max(1, Math.floor((2 * smaller) / 3));
}

/** Whether `small` can still share `needed` terms with `large`: counts, and gives up as soon as it cannot. */
function mayShare(small: ReadonlySet<string>, large: ReadonlySet<string>, needed: number): boolean {
  let shared = 0;
  let left = small.size;
  for (const t of small) {
    if (large.has(t)) shared++;
    left--;
    if (shared >= needed) return true;
    if (shared + left < needed) return false;
  }
  return shared >= needed;
}

/**
 * Pairs (i < j) of passages from different articles that are near-duplicates, in ascending order, found without
 * comparing every pair (prefix filtering over an inverted index, exact): when a passage with m terms shares at
 * least k of them with a larger one, the larger one holds at least one of its m - k + 1 rarest terms. So each
 * passage is compared only with the passages, at least as large, that hold one of its rarest terms.
 */
export function nearDuplicatePairs(passages: readonly Passage[], terms: readonly ReadonlySet<string>[]): Array<[number, number]> {
  const df = new Map<string, number>();
  for (const set of terms) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  for (let i = 0; i < terms.length; i++) {
    for (const t of terms[i]!) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  }
  const rarestFirst = (a: string, b: string): number => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const seen = new Int32Array(passages.length).fill(-1);
  const keys: number[] = [];
  const n = passages.length;
  for (let i = 0; i < n; i++) {
    const own = terms[i]!;
    const m = own.size;
    if (m === 0) continue;
    const prefix = [...own].sort(rarestFirst).slice(0, m - minShared(m) + 1);
    for (const t of prefix) {
      for (const j of postings.get(t)!) {
        if (j === i || seen[j] === i) continue;
        seen[j] = i;
        const size = terms[j]!.size;
        // Each pair is examined from its smaller side (ties: from the lower index).
        if (size < m || (size === m && j < i)) continue;
        if (passages[i]!.articleId === passages[j]!.articleId) continue;
        if (!mayShare(own, terms[j]!, minShared(m)) || !isNearDuplicate(own, terms[j]!)) continue;
        keys.push(i < j ? i * n + j : j * n + i);
      }
    }
  }
  keys.sort((a, b) => a - b);
  return keys.map((k) => [Math.floor(k / n), k % n]);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const id of small) if (large.has(id)) return true;
  return false;
}

/**
 * Gives each passage a group number; passages from different articles that carry the same text
 * (the same PA copy, the same Downing Street statement) share one. Passages of one article never group
 * with each other, so an article's own paragraphs stay separate hits. Pairs are merged in ascending order
 * (the order of a plain double loop), so the groups do not depend on how the pairs were found.
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
  for (const [i, j] of nearDuplicatePairs(passages, terms)) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    // Keep one passage per article in a group, so grouping never swallows an article's other paragraph.
    const a = articlesOf[ri]!;
    const b = articlesOf[rj]!;
    if (intersects(a, b)) continue;
    parent[rj] = ri;
    for (const id of b) a.add(id);
  }
  const numbers = new Map<number, number>();
  return passages.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
}
