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

/**
 * How many terms two sets share (each sorted ascending), or -1 as soon as it is clear they cannot share `needed`:
 * a merge of the two lists, counting.
 */
function sharedAtLeast(small: Int32Array, large: Int32Array, needed: number): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < small.length && j < large.length) {
    if (shared + (small.length - i) < needed) return -1;
    const a = small[i]!;
    const b = large[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared >= needed ? shared : -1;
}

/** isNearDuplicate from the sizes and the number of shared terms (the same arithmetic). */
function nearDuplicateByCount(sizeA: number, sizeB: number, shared: number): boolean {
  if (shared / (sizeA + sizeB - shared) >= JACCARD_MIN) return true;
  const smaller = Math.min(sizeA, sizeB);
  return smaller >= CONTAINMENT_MIN_TERMS && shared / smaller >= CONTAINMENT_MIN;
}

/**
 * Pairs (i < j) of term sets that are near-duplicates, in no particular order, found without comparing every
 * pair (prefix filtering over an inverted index, exact): when a set with m terms shares at least k of them with
 * a larger one, the larger one holds at least one of its m - k + 1 rarest terms. So each set is compared only
 * with the sets, at least as large, that hold one of its rarest terms. Terms are numbered rarest first, so a
 * set's sorted numbers start with its rarest terms.
 */
function nearDuplicateSetPairs(terms: readonly ReadonlySet<string>[]): Array<[number, number]> {
  const df = new Map<string, number>();
  for (const set of terms) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const rarestFirst = (a: string, b: string): number => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const number = new Map([...df.keys()].sort(rarestFirst).map((t, i) => [t, i]));
  const sets = terms.map((set) => Int32Array.from(set, (t) => number.get(t)!).sort());
  const postings: number[][] = Array.from({ length: number.size }, () => []);
  sets.forEach((set, i) => {
    for (const t of set) postings[t]!.push(i);
  });
  const seen = new Int32Array(sets.length).fill(-1);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < sets.length; i++) {
    const own = sets[i]!;
    const m = own.length;
    if (m === 0) continue;
    const needed = minShared(m);
    for (let p = 0; p < m - needed + 1; p++) {
      for (const j of postings[own[p]!]!) {
        if (j === i || seen[j] === i) continue;
        seen[j] = i;
        const size = sets[j]!.length;
        // Each pair is examined from its smaller side (ties: from the lower index).
        if (size < m || (size === m && j < i)) continue;
        const shared = sharedAtLeast(own, sets[j]!, needed);
        if (shared < 0 || !nearDuplicateByCount(m, size, shared)) continue;
        pairs.push(i < j ? [i, j] : [j, i]);
      }
    }
  }
  return pairs;
}

/** The first position in the ascending `list` holding a value above `value`. */
function firstAbove(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const id of small) if (large.has(id)) return true;
  return false;
}

/**
 * Gives each passage a group number; passages from different articles that carry the same text
 * (the same PA copy, the same Downing Street statement) share one. Passages of one article never group
 * with each other, so an article's own paragraphs stay separate hits. Pairs are merged in ascending order
 * (the order of a plain double loop), so the groups do not depend on how the pairs were found.
 *
 * Syndicated copy makes hundreds of passages with the very same words: passages with the same set of terms are
 * one class, near-duplicates are looked for between classes only (every two members of a class are
 * near-duplicates), and each passage's partners are read off its own and its near classes' member lists.
 */
export function groupDuplicates(passages: readonly Passage[]): number[] {
  const n = passages.length;
  // Each distinct text is read once (syndicated copies share theirs, and their term set: read only).
  const read = new Map<string, { set: Set<string>; key: string }>();
  const readText = (text: string): { set: Set<string>; key: string } => {
    let found = read.get(text);
    if (found === undefined) {
      const set = new Set(contentTerms(text));
      read.set(text, (found = { set, key: [...set].sort().join('\u0000') }));
    }
    return found;
  };
  const terms = passages.map((p) => readText(p.text).set);
  const articleNumbers = new Map<string, number>();
  const article = Int32Array.from(passages, (p) => {
    let a = articleNumbers.get(p.articleId);
    if (a === undefined) articleNumbers.set(p.articleId, (a = articleNumbers.size));
    return a;
  });
  const classByKey = new Map<string, number>();
  const classOf = new Int32Array(n);
  const members: number[][] = [];
  const classTerms: ReadonlySet<string>[] = [];
  terms.forEach((set, i) => {
    const key = readText(passages[i]!.text).key;
    let c = classByKey.get(key);
    if (c === undefined) {
      classByKey.set(key, (c = members.length));
      members.push([]);
      classTerms.push(set);
    }
    classOf[i] = c;
    members[c]!.push(i);
  });
  const near: number[][] = members.map(() => []);
  for (const [a, b] of nearDuplicateSetPairs(classTerms)) {
    near[a]!.push(b);
    near[b]!.push(a);
  }

  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const articlesOf = Array.from(article, (a) => new Set([a]));
  const partners: number[] = [];
  for (let i = 0; i < n; i++) {
    if (terms[i]!.size === 0) continue;
    const c = classOf[i]!;
    partners.length = 0;
    for (const d of [c, ...near[c]!]) {
      const list = members[d]!;
      for (let k = firstAbove(list, i); k < list.length; k++) if (article[list[k]!] !== article[i]) partners.push(list[k]!);
    }
    if (near[c]!.length > 0) partners.sort((x, y) => x - y);
    for (const j of partners) {
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
  }
  const numbers = new Map<number, number>();
  return passages.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
}
