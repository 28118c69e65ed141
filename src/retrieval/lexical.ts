import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { STOPWORDS, stem, words } from '../text/tokens.js';
import type { Passage } from '../types.js';

/**
 * Lexical search: BM25 (MiniSearch's BM25+ scoring) over passage text, with the text kernel's one tokenizer,
 * stopword list and stemmer so every stage agrees on what a term is.
 *
 * MiniSearch builds the index; search reads it as flat arrays (LexicalIndex): each term's postings (passages and
 * term frequencies) one after the other, each passage's length. That is also what a build saves (search.json
 * version 2), so loading reads arrays instead of rebuilding MiniSearch's maps and radix tree. Terms are kept in the
 * order MiniSearch's fuzzy search lists its matches (depth first through its radix tree, as loaded from its JSON),
 * so ties fall as they did.
 */
export type MiniSearchIndex = MiniSearch<{ id: number; text: string }>;

/** The lexical index search reads. */
export interface LexicalIndex {
  documentCount: number;
  /** Average passage length in terms (MiniSearch's running average, kept exactly). */
  avgLength: number;
  /** Every term, in the order of MiniSearch's fuzzy matches. */
  terms: string[];
  /** Term i's postings are positions offsets[i] .. offsets[i + 1] of `docs` and `freqs`. */
  offsets: Uint32Array;
  /** Documents by MiniSearch's short id, ascending within a term. */
  docs: Uint32Array;
  freqs: Uint32Array;
  /** Each document's length in terms, by short id. */
  lengths: Uint32Array;
  /** Each document's label (the passage's position), by short id. */
  labels: Uint32Array;
  /** Term positions by term (built on first use). */
  termIds?: Map<string, number>;
  /** Term positions by term length (built on first fuzzy search). */
  byLength?: Map<number, number[]>;
}

export interface LexicalHit {
  label: number;
  score: number;
}

function processTerm(term: string): string | null {
  return STOPWORDS.has(term) ? null : stem(term);
}

const OPTIONS = {
  fields: ['text'],
  idField: 'id',
  tokenize: (text: string) => words(text),
  processTerm,
};

/**
 * MiniSearch's own index of the passages (what search is defined by; tests compare with its search), as loaded from
 * its JSON: how engines read it before the flat form (a version-1 search.json holds the JSON of the index as built),
 * so its radix tree, and the order of fuzzy matches, are the same. `asLoaded: false`: as built (what version 1 saved).
 */
export function buildMiniSearch(passages: readonly Passage[], { asLoaded = true } = {}): MiniSearchIndex {
  const index: MiniSearchIndex = new MiniSearch(OPTIONS);
  index.addAll(passages.map((p, label) => ({ id: label, text: p.text })));
  return asLoaded ? MiniSearch.loadJSON(JSON.stringify(index), OPTIONS) : index;
}

/**
 * The flat index of the passages: exactly `flatten(buildMiniSearch(passages))` (test/scale/lexicalSearch.test.ts
 * compares the two), built without MiniSearch's documents, JSON round trip and per-posting maps. Each distinct text
 * is tokenized once (syndicated copies share theirs); what the two radix trees decide (the order of the terms) is
 * reproduced with MiniSearch's own map: its terms inserted in the order MiniSearch's `add` first meets them, listed as
 * its `toJSON` lists them and inserted again as `loadJSON` does. `seen`, when given, gets every word of the passages that
 * is not a stopword (what corpusVocabulary reads of them).
 */
export function buildLexicalIndex(passages: readonly Passage[], seen?: Set<string>): LexicalIndex {
  const n = passages.length;
  // Each word's term (stemmed, null for a stopword), worked out once: words recur across texts.
  const termOf = new Map<string, string | null>();
  // Per distinct text: its number of distinct words (MiniSearch's field length), and each processed term with its count, in first-met order.
  const read = new Map<string, { length: number; terms: number[]; counts: number[] }>();
  // Each term's postings: its passages (ascending) and counts; terms numbered in the order MiniSearch's `add` first meets them.
  const termNumber = new Map<string, number>();
  const firstMet: string[] = [];
  const postings: { docs: number[]; freqs: number[] }[] = [];
  const lengths = new Uint32Array(n);
  let avgLength = 0;
  passages.forEach((p, label) => {
    let doc = read.get(p.text);
    if (doc === undefined) {
      const tokens = OPTIONS.tokenize(p.text);
      const counts = new Map<number, number>();
      // Indexed loops here and below: this runs over every word and every passage once, mostly before it is optimised,
      // where a for-of (or a forEach callback) costs an iterator result (a call) per element.
      for (let x = 0; x < tokens.length; x++) {
        const token = tokens[x]!;
        let term = termOf.get(token);
        if (term === undefined) {
          termOf.set(token, (term = processTerm(token)));
          // The words of the passages that are not stopwords (`seen`, e.g. for corpusVocabulary), each once.
          if (term !== null) seen?.add(token);
        }
        if (!term) continue;
        let t = termNumber.get(term);
        if (t === undefined) {
          termNumber.set(term, (t = firstMet.length));
          firstMet.push(term);
          postings.push({ docs: [], freqs: [] });
        }
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
      read.set(p.text, (doc = { length: new Set(tokens).size, terms: [...counts.keys()], counts: [...counts.values()] }));
    }
    lengths[label] = doc.length;
    // MiniSearch's running average (addFieldLength), the same arithmetic in the same order.
    avgLength = (avgLength * label + doc.length) / (label + 1);
    for (let k = 0; k < doc.terms.length; k++) {
      const post = postings[doc.terms[k]!]!;
      post.docs.push(label);
      post.freqs.push(doc.counts[k]!);
    }
  });
  const built = new SearchableMap<number>();
  for (const term of firstMet) built.set(term, termNumber.get(term)!);
  const loaded = new SearchableMap<number>();
  for (const [term, t] of built) loaded.set(term, t);
  const labels = Uint32Array.from({ length: n }, (_, label) => label);
  return flatTree((loaded as unknown as { _tree: RadixTree<number> })._tree, (t) => postings[t]!, n, avgLength, lengths, labels);
}

/** A radix tree of MiniSearch's map: each node's children by key part, `''` holding the value of the term ending there. */
type RadixTree<T> = Map<string, RadixTree<T> | T>;
/** A term's postings: its documents by short id (ascending) and its count in each. */
interface TermPostings {
  docs: ArrayLike<number>;
  freqs: ArrayLike<number>;
}

/** The parts of a MiniSearch index read here. */
interface MiniSearchInternals {
  _index: { _tree: RadixTree<Map<number, Map<number, number>>> };
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
}

/** The flat form of a MiniSearch index (one with no document removed since it was built or loaded). */
export function flatten(index: MiniSearchIndex): LexicalIndex {
  const mini = index as unknown as MiniSearchInternals;
  const field = mini._fieldIds.text!;
  if (mini._dirtCount !== 0) throw new Error('A lexical index with removed documents cannot be flattened.');
  let size = 0;
  for (const doc of mini._documentIds.keys()) size = Math.max(size, doc + 1);
  const lengths = new Uint32Array(size);
  const labels = new Uint32Array(size);
  for (const [doc, byField] of mini._fieldLength) lengths[doc] = byField[field] ?? 0;
  for (const [doc, label] of mini._documentIds) labels[doc] = label as number;
  return flatTree(
    mini._index._tree,
    (byField) => {
      const postings = byField.get(field) ?? new Map<number, number>();
      return { docs: [...postings.keys()], freqs: [...postings.values()] };
    },
    mini._documentCount,
    mini._avgFieldLength[field]!,
    lengths,
    labels,
  );
}

/** The flat index of a MiniSearch radix tree (the postings of each term's value), and its documents' lengths and labels (by short id). */
function flatTree<T>(tree: RadixTree<T>, postingsOf: (value: T) => TermPostings, documentCount: number, avgLength: number, lengths: Uint32Array, labels: Uint32Array): LexicalIndex {
  const terms: string[] = [];
  const postings: TermPostings[] = [];
  // Depth first in each node's key order: the order MiniSearch's fuzzy search visits (and lists) terms.
  const visit = (node: RadixTree<T>, prefix: string): void => {
    for (const [key, child] of node) {
      if (key === '') {
        terms.push(prefix);
        postings.push(postingsOf(child as T));
      } else visit(child as RadixTree<T>, prefix + key);
    }
  };
  visit(tree, '');
  const offsets = new Uint32Array(terms.length + 1);
  let total = 0;
  postings.forEach((p, i) => {
    total += p.docs.length;
    offsets[i + 1] = total;
  });
  const docs = new Uint32Array(total);
  const freqs = new Uint32Array(total);
  postings.forEach((p, i) => {
    docs.set(p.docs, offsets[i]!);
    freqs.set(p.freqs, offsets[i]!);
  });
  return { documentCount, avgLength, terms, offsets, docs, freqs, lengths, labels };
}

/** The flat index as saved (search.json version 2): the arrays as base64 of their bytes (little-endian). */
export interface LexicalFile {
  documentCount: number;
  avgLength: number;
  terms: string[];
  offsets: string;
  docs: string;
  freqs: string;
  lengths: string;
  labels: string;
}

const base64 = (a: Uint32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function uint32s(text: unknown): Uint32Array {
  if (typeof text !== 'string') throw new Error('not base64 text');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('not a whole number of 32-bit values');
  // A copy on its own aligned buffer (the decoded bytes may sit at any offset of Node's pool).
  const out = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export function lexicalToFile(index: LexicalIndex): LexicalFile {
  const { documentCount, avgLength, terms } = index;
  return { documentCount, avgLength, terms, offsets: base64(index.offsets), docs: base64(index.docs), freqs: base64(index.freqs), lengths: base64(index.lengths), labels: base64(index.labels) };
}

/** A saved flat index; throws when it is not consistent (the caller derives the index again). */
export function lexicalFromFile(file: LexicalFile): LexicalIndex {
  const { documentCount, avgLength, terms } = file;
  if (!Number.isInteger(documentCount) || typeof avgLength !== 'number' || !Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) {
    throw new Error('not a lexical index file');
  }
  const index: LexicalIndex = {
    documentCount,
    avgLength,
    terms,
    offsets: uint32s(file.offsets),
    docs: uint32s(file.docs),
    freqs: uint32s(file.freqs),
    lengths: uint32s(file.lengths),
    labels: uint32s(file.labels),
  };
  const { offsets, docs, freqs, lengths, labels } = index;
  const consistent =
    offsets.length === terms.length + 1 &&
    offsets[0] === 0 &&
    offsets[terms.length] === docs.length &&
    freqs.length === docs.length &&
    lengths.length === labels.length &&
    offsets.every((o, i) => i === 0 || o >= offsets[i - 1]!) &&
    docs.every((d) => d < lengths.length);
  if (!consistent) throw new Error('the lexical index arrays do not agree');
  return index;
}

/** An index saved as MiniSearch JSON (search.json version 1), in the flat form (MiniSearch checks its serialization version). */
export function lexicalFromMiniSearchJson(text: string): LexicalIndex {
  return flatten(MiniSearch.loadJSON(text, OPTIONS));
}

/** Extra query terms with their weights (below 1: they count less than the question's own words). */
export type WeightedTerms = ReadonlyMap<string, number>;

export function searchLexical(
  index: LexicalIndex,
  question: string,
  k: number,
  filter?: (label: number) => boolean,
  extraTerms: WeightedTerms = new Map(),
): LexicalHit[] {
  const { query, boosts } = queryOf(question, extraTerms);
  return bm25Search(index, query, (term) => boosts.get(term) ?? 1, filter, k).map((r) => ({ label: r.id, score: r.score }));
}

/** The question with its extra terms, and their weights keyed by processed (stemmed) term; the question's own terms keep weight 1. */
function queryOf(question: string, extraTerms: WeightedTerms): { query: string; boosts: Map<string, number> } {
  const own = new Set(words(question).map((w) => processTerm(w)));
  const boosts = new Map<string, number>();
  for (const [term, weight] of extraTerms) {
    const processed = processTerm(term);
    if (processed && !own.has(processed)) boosts.set(processed, Math.max(boosts.get(processed) ?? 0, weight));
  }
  return { query: boosts.size > 0 ? `${question} ${[...boosts.keys()].join(' ')}` : question, boosts };
}

/** The same search through MiniSearch's own `search`: what searchLexical must equal (the tests compare the two). */
export function referenceSearch(
  mini: MiniSearchIndex,
  question: string,
  k: number,
  filter?: (label: number) => boolean,
  extraTerms: WeightedTerms = new Map(),
): LexicalHit[] {
  const { query, boosts } = queryOf(question, extraTerms);
  const results = mini.search(query, {
    combineWith: 'OR' as const,
    boostTerm: (term: string) => boosts.get(term) ?? 1,
    fuzzy: (term: string) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY : false),
    weights: { fuzzy: FUZZY_WEIGHT, prefix: 0.5 },
    filter: filter ? (r: { id: unknown }) => filter(r.id as number) : undefined,
  });
  return results.slice(0, k).map((r) => ({ label: r.id as number, score: r.score }));
}

/** Edit distance allowed per letter for terms of 7 letters or more, and the weight of such a fuzzy match. */
const FUZZY = 0.15;
const FUZZY_WEIGHT = 0.3;
const FUZZY_MIN_LENGTH = 7;
/** MiniSearch's defaults: BM25+ parameters and the largest fuzzy distance. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const MAX_FUZZY = 6;

/** The share of the question's own terms that some passage holds (0 to 1; 1 for a question of no terms). */
export function heldShare(index: LexicalIndex, question: string): number {
  const terms = [...new Set(words(question).map((w) => processTerm(w)).filter((t): t is string => !!t))];
  if (terms.length === 0) return 1;
  const ids = termIds(index);
  return terms.filter((t) => ids.has(t)).length / terms.length;
}

function termIds(index: LexicalIndex): Map<string, number> {
  index.termIds ??= new Map(index.terms.map((t, i) => [t, i]));
  return index.termIds;
}

/**
 * Terms within `distance` edits of `term` (but not `term` itself), with their distance, in the index's term
 * order: what MiniSearch's fuzzy search over its radix tree finds, in the order it lists them.
 */
function fuzzyMatches(index: LexicalIndex, term: string, distance: number): [number, number][] {
  if (!index.byLength) {
    index.byLength = new Map();
    index.terms.forEach((t, i) => {
      const list = index.byLength!.get(t.length);
      if (list) list.push(i);
      else index.byLength!.set(t.length, [i]);
    });
  }
  const found: [number, number][] = [];
  const n = term.length;
  const previous = new Uint16Array(n + 1);
  const current = new Uint16Array(n + 1);
  for (let length = Math.max(1, n - distance); length <= n + distance; length++) {
    for (const i of index.byLength.get(length) ?? []) {
      const d = editDistanceWithin(index.terms[i]!, term, distance, previous, current);
      if (d > 0 && d <= distance) found.push([i, d]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** Levenshtein distance of a and b when at most `max`, else max + 1 (stops as soon as every cell of a row exceeds it). */
function editDistanceWithin(a: string, b: string, max: number, prev: Uint16Array, row: Uint16Array): number {
  const n = b.length;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = char === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(prev[j - 1]! + cost, prev[j]! + 1, row[j - 1]! + 1);
      row[j] = value;
      if (value < least) least = value;
    }
    if (least > max) return max + 1;
    prev.set(row);
  }
  return prev[n]!;
}

/**
 * MiniSearch's search (OR of the query's terms, BM25+, fuzzy matches for long terms) computed over arrays instead
 * of one result object per matching passage per term: at 20,000 passages a question's terms match thousands of
 * passages (syndicated copies). Same formula, same order of additions (each term's exact then fuzzy matches, terms
 * in query order), same ties (first matched first, stable sort): the same hits with the same scores
 * (test/scale/lexicalSearch.test.ts compares it with MiniSearch's own search).
 */
/**
 * The first `k` of the items given, by score (highest first, equal scores in the order given): what a stable sort of
 * them all then `.slice(0, k)` gives, keeping only k. At 100,000 passages a question's words match tens of thousands;
 * sorting them all to keep 50 was most of a search.
 */
export function topByScore<T extends { score: number }>(k: number): { admits: (score: number) => boolean; add: (item: T) => void; items: () => T[] } {
  const top: T[] = [];
  // Whether an item scoring this, given now, would be kept (so far).
  const admits = (score: number): boolean => k > 0 && (top.length < k || score > top[top.length - 1]!.score);
  return {
    admits,
    add(item) {
      if (!admits(item.score)) return;
      // After every item scoring as much (they came first), before the first scoring less.
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < item.score) at--;
      top.splice(at, 0, item);
      if (top.length > k) top.pop();
    },
    items: () => top,
  };
}

function bm25Search(index: LexicalIndex, query: string, boostOf: (term: string) => number, filter: ((label: number) => boolean) | undefined, k: number): { id: number; score: number }[] {
  const terms = OPTIONS.tokenize(query).flatMap((t) => processTerm(t) ?? []).filter((t) => t !== '');
  const { lengths, offsets, docs, freqs, documentCount, avgLength: avg } = index;
  const size = lengths.length;
  // Per passage (by short id): the score so far, this term's part of it, and how many distinct terms matched.
  const total = new Float64Array(size);
  const partial = new Float64Array(size);
  const quality = new Uint16Array(size);
  const seen = new Uint8Array(size);
  const inPartial = new Uint8Array(size);
  const order: number[] = [];
  const counted = new Set<string>();
  const ids = termIds(index);
  for (const term of terms) {
    const termBoost = boostOf(term);
    const touched: number[] = [];
    const add = (termId: number | undefined, termWeight: number): void => {
      if (termId === undefined) return;
      const start = offsets[termId]!;
      const end = offsets[termId + 1]!;
      const matching = end - start;
      if (matching === 0) return;
      const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      for (let at = start; at < end; at++) {
        const docId = docs[at]!;
        const termFreq = freqs[at]!;
        const raw = invDocFreq * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + BM25.k * (1 - BM25.b + (BM25.b * lengths[docId]!) / avg)));
        const weighted = termWeight * termBoost * 1 * 1 * raw;
        if (inPartial[docId]) partial[docId] = partial[docId]! + weighted;
        else {
          inPartial[docId] = 1;
          partial[docId] = weighted;
          touched.push(docId);
        }
      }
    };
    add(ids.get(term), 1);
    if (term.length >= FUZZY_MIN_LENGTH) {
      const distance = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
      if (distance) {
        for (const [termId, d] of fuzzyMatches(index, term, distance)) {
          const derived = index.terms[termId]!;
          add(termId, (FUZZY_WEIGHT * derived.length) / (derived.length + d));
        }
      }
    }
    const first = !counted.has(term);
    counted.add(term);
    for (const docId of touched) {
      inPartial[docId] = 0;
      if (seen[docId]) total[docId] = total[docId]! + partial[docId]!;
      else {
        seen[docId] = 1;
        total[docId] = partial[docId]!;
        order.push(docId);
      }
      if (first) quality[docId] = quality[docId]! + 1;
    }
  }
  const results = topByScore<{ id: number; score: number }>(k);
  for (const docId of order) {
    const score = total[docId]! * (quality[docId] || 1);
    // The filter (an outlet's passages) is asked only about a passage that would be kept.
    if (!results.admits(score)) continue;
    const id = index.labels[docId]!;
    if (filter && !filter(id)) continue;
    results.add({ id, score });
  }
  return results.items();
}
