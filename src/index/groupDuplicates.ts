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

/** Pairs of classes, flat: the two classes of pair k at 2k and 2k + 1 (no array per pair: there are millions at 100,000 passages). */
type ClassPairs = number[];

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
function nearDuplicateSetPairs(terms: readonly ReadonlySet<string>[]): ClassPairs {
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
  const pairs: ClassPairs = [];
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
        if (i < j) pairs.push(i, j);
        else pairs.push(j, i);
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
 * The near-duplicate pairs of a build's classes of passages (same set of terms), saved with it (`duplicates.json`):
 * the next build compares only the classes that are new (an unchanged class's pairs with other unchanged classes
 * are the same: near-duplication depends on the two term sets alone).
 */
export const DUPLICATES_FILE = 'duplicates.json';
const DUPLICATES_VERSION = 1;

/** duplicates.json: the classes (numbered in order of first appearance in the build's passages) and their pairs, as base64 of (a, b) with a < b, sorted. */
interface DuplicatesFile {
  version: number;
  classes: number;
  pairs: string;
}

/** The build before's passages and its saved duplicates.json (undefined: it has none, everything is compared). */
export interface DuplicatesBefore {
  passages: readonly Passage[];
  saved: string | undefined;
}

/**
 * New classes past this many (or this share of the classes) are compared through the inverted index, as in a
 * fresh build, rather than one by one with every class.
 */
const MAX_NEW_CLASSES = 200;
const MAX_NEW_SHARE = 0.05;

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
  return groupNearDuplicates(passages).groups;
}

/**
 * groupDuplicates, and the class pairs to save with the build (duplicates.json). Given the build before's passages
 * and pairs, only its classes that are new are compared (with every class): the same pairs, so the same groups.
 */
export function groupNearDuplicates(passages: readonly Passage[], before: DuplicatesBefore | null = null): { groups: number[]; saved: string } {
  const n = passages.length;
  // Each distinct text is read once (syndicated copies share theirs, and their term set: read only). A set's key is its
  // terms' numbers (each term numbered as first met in this run), sorted: equal sets, equal keys; numbers sort faster
  // than the words, and a key is never kept beyond this run.
  const read = new Map<string, { set: Set<string>; key: string }>();
  const termNumbers = new Map<string, number>();
  const termNumber = (t: string): number => {
    let k = termNumbers.get(t);
    if (k === undefined) termNumbers.set(t, (k = termNumbers.size));
    return k;
  };
  const readText = (text: string): { set: Set<string>; key: string } => {
    let found = read.get(text);
    if (found === undefined) {
      const set = new Set(contentTerms(text));
      const numbers = new Int32Array(set.size);
      let k = 0;
      for (const t of set) numbers[k++] = termNumber(t);
      read.set(text, (found = { set, key: numbers.sort().join(',') }));
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
  const classPairs = (before && pairsSince(before, classByKey, classTerms, readText)) ?? nearDuplicateSetPairs(classTerms);
  const near: number[][] = members.map(() => []);
  for (let k = 0; k < classPairs.length; k += 2) {
    const a = classPairs[k]!;
    const b = classPairs[k + 1]!;
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
  // Each group's articles, by its root: null for a passage alone (its own article), a set once it has taken others in.
  const articlesOf: (Set<number> | null)[] = new Array<Set<number> | null>(n).fill(null);
  // Each class's members whose partners were listed, one per group they were in then (see below).
  const listed: (number[] | undefined)[] = new Array<number[] | undefined>(members.length);
  // Each passage's partners, ascending (a typed array sorts numbers without a comparator).
  let partners = new Int32Array(1024);
  for (let i = 0; i < n; i++) {
    if (terms[i]!.size === 0) continue;
    const c = classOf[i]!;
    // A passage already in the group of an earlier member of its class has nothing left to merge: that member's
    // partners were each merged into the group or refused for good (two groups sharing an article never merge), and
    // they are this passage's partners, but for passages of that member's article, which the group holds already.
    const earlier = listed[c];
    if (earlier !== undefined) {
      const root = find(i);
      if (earlier.some((e) => find(e) === root)) continue;
      earlier.push(i);
    } else listed[c] = [i];
    const others = near[c]!;
    let count = 0;
    for (let o = -1; o < others.length; o++) {
      const list = members[o < 0 ? c : others[o]!]!;
      for (let k = firstAbove(list, i); k < list.length; k++) {
        const j = list[k]!;
        if (article[j] === article[i]) continue;
        if (count === partners.length) {
          const grown = new Int32Array(2 * partners.length);
          grown.set(partners);
          partners = grown;
        }
        partners[count++] = j;
      }
    }
    if (others.length > 0) partners.subarray(0, count).sort();
    for (let x = 0; x < count; x++) {
      const j = partners[x]!;
      const ri = find(i);
      const rj = find(j);
      if (ri === rj) continue;
      // Keep one passage per article in a group, so grouping never swallows an article's other paragraph.
      const a = articlesOf[ri] ?? null;
      const b = articlesOf[rj] ?? null;
      if (a === null ? (b === null ? article[ri] === article[rj] : b.has(article[ri]!)) : b === null ? a.has(article[rj]!) : intersects(a, b)) continue;
      parent[rj] = ri;
      const merged = a ?? new Set([article[ri]!]);
      if (b === null) merged.add(article[rj]!);
      else for (const id of b) merged.add(id);
      articlesOf[ri] = merged;
      articlesOf[rj] = null;
    }
  }
  const numbers = new Map<number, number>();
  const groups = passages.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
  return { groups, saved: savedPairs(classPairs, members.length) };
}

function savedPairs(pairs: ClassPairs, classes: number): string {
  // Each pair (a < b) as one number a * classes + b, sorted as numbers: by a, then b.
  const keys = new Float64Array(pairs.length / 2);
  for (let k = 0; k < keys.length; k++) {
    const a = pairs[2 * k]!;
    const b = pairs[2 * k + 1]!;
    keys[k] = a < b ? a * classes + b : b * classes + a;
  }
  keys.sort();
  const flat = new Uint32Array(2 * keys.length);
  keys.forEach((key, k) => {
    flat[2 * k] = Math.floor(key / classes);
    flat[2 * k + 1] = key % classes;
  });
  const file: DuplicatesFile = { version: DUPLICATES_VERSION, classes, pairs: Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength).toString('base64') };
  return JSON.stringify(file);
}

/** The pairs saved by the build before, as pairs of its classes' keys; null when there are none or they do not hold together. */
function pairsBefore(before: DuplicatesBefore, readText: (text: string) => { key: string }): { keys: string[]; pairs: Uint32Array } | null {
  if (before.saved === undefined) return null;
  let file: DuplicatesFile;
  try {
    file = JSON.parse(before.saved) as DuplicatesFile;
  } catch {
    return null;
  }
  if (file === null || typeof file !== 'object' || file.version !== DUPLICATES_VERSION || typeof file.pairs !== 'string') return null;
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const p of before.passages) {
    const key = readText(p.text).key;
    if (!seen.has(key)) {
      seen.add(key);
      keys.push(key);
    }
  }
  const bytes = Buffer.from(file.pairs, 'base64');
  if (file.classes !== keys.length || bytes.byteLength % 8 !== 0) return null;
  const pairs = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(pairs.buffer).set(bytes);
  for (let k = 0; k < pairs.length; k++) if (pairs[k]! >= keys.length) return null;
  return { keys, pairs };
}

/**
 * The near-duplicate pairs of these classes from the build before's: its pairs between classes still here, and every
 * pair of a new class, each new class compared with every class. Null (compare all, as a fresh build does) when the
 * build before saved none, or too many classes are new.
 */
function pairsSince(
  before: DuplicatesBefore,
  classByKey: ReadonlyMap<string, number>,
  classTerms: readonly ReadonlySet<string>[],
  readText: (text: string) => { key: string },
): ClassPairs | null {
  const known = pairsBefore(before, readText);
  if (known === null) return null;
  const old = new Set(known.keys);
  const fresh: number[] = [];
  for (const [key, c] of classByKey) if (!old.has(key)) fresh.push(c);
  if (fresh.length > Math.max(MAX_NEW_CLASSES, MAX_NEW_SHARE * classTerms.length)) return null;
  // Each class of the build before as it is numbered now (-1: gone), looked up once per class rather than per pair.
  const now = Int32Array.from(known.keys, (key) => classByKey.get(key) ?? -1);
  const pairs: ClassPairs = [];
  for (let k = 0; k < known.pairs.length; k += 2) {
    const a = now[known.pairs[k]!]!;
    const b = now[known.pairs[k + 1]!]!;
    if (a >= 0 && b >= 0) pairs.push(a, b);
  }
  if (fresh.length === 0) return pairs;
  const isFresh = new Uint8Array(classTerms.length);
  for (const c of fresh) isFresh[c] = 1;
  for (const c of fresh) {
    const own = classTerms[c]!;
    if (own.size === 0) continue;
    for (let d = 0; d < classTerms.length; d++) {
      // Each pair of two new classes once.
      if (d === c || (isFresh[d] && d < c)) continue;
      const other = classTerms[d]!;
      if (other.size === 0) continue;
      // The terms the two share, counted from the other class's side (a set lookup each): what sharedAtLeast counts.
      let shared = 0;
      for (const t of other) if (own.has(t)) shared++;
      const [small, large] = own.size <= other.size ? [own.size, other.size] : [other.size, own.size];
      if (shared >= minShared(small) && nearDuplicateByCount(small, large, shared)) pairs.push(c, d);
    }
  }
  return pairs;
}
