import MiniSearch from 'minisearch';
import { STOPWORDS, stem, words } from '../text/tokens.js';
import type { Passage } from '../types.js';

/**
 * Lexical search: BM25 (MiniSearch's BM25+ scoring) over passage text, with the text kernel's one tokenizer,
 * stopword list and stemmer so every stage agrees on what a term is.
 */
export type LexicalIndex = MiniSearch<{ id: number; text: string }>;

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

export function buildLexicalIndex(passages: readonly Passage[]): LexicalIndex {
  const index: LexicalIndex = new MiniSearch(OPTIONS);
  index.addAll(passages.map((p, label) => ({ id: label, text: p.text })));
  return index;
}

/** The index as JSON, saved with the build so loading skips tokenizing every passage again. */
export function lexicalToJson(index: LexicalIndex): string {
  return JSON.stringify(index);
}

/** An index saved by lexicalToJson (MiniSearch checks the serialization version and throws on another). */
export function lexicalFromJson(text: string): LexicalIndex {
  return MiniSearch.loadJSON(text, OPTIONS);
}

/** Extra query terms with their weights (below 1: they count less than the question's own words). */
export type WeightedTerms = ReadonlyMap<string, number>;

export function searchLexical(
  index: LexicalIndex,
  question: string,
  k: number,
  filter?: (label: number) => boolean,
  extraTerms: WeightedTerms = new Map(),
  /** Search through MiniSearch's own `search` (what bm25Search must equal; the tests compare the two). */
  reference = false,
): LexicalHit[] {
  // Weights are keyed by processed (stemmed) term; the question's own terms keep weight 1.
  const own = new Set(words(question).map((w) => processTerm(w)));
  const boosts = new Map<string, number>();
  for (const [term, weight] of extraTerms) {
    const processed = processTerm(term);
    if (processed && !own.has(processed)) boosts.set(processed, Math.max(boosts.get(processed) ?? 0, weight));
  }
  const query = boosts.size > 0 ? `${question} ${[...boosts.keys()].join(' ')}` : question;
  const options = {
    combineWith: 'OR' as const,
    boostTerm: (term: string) => boosts.get(term) ?? 1,
    fuzzy: (term: string) => (term.length >= 7 ? FUZZY : false),
    weights: { fuzzy: FUZZY_WEIGHT, prefix: 0.5 },
    filter: filter ? (r: { id: unknown }) => filter(r.id as number) : undefined,
  };
  const fast = reference ? null : bm25Search(index, query, (term) => boosts.get(term) ?? 1, filter);
  const results = fast ?? index.search(query, options);
  return results.slice(0, k).map((r) => ({ label: r.id as number, score: r.score }));
}

/** Edit distance allowed per letter for terms of 7 letters or more, and the weight of such a fuzzy match. */
const FUZZY = 0.15;
const FUZZY_WEIGHT = 0.3;
const FUZZY_MIN_LENGTH = 7;
/** MiniSearch's defaults: BM25+ parameters and the largest fuzzy distance. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const MAX_FUZZY = 6;

/** The parts of a loaded MiniSearch index that its own search reads (see bm25Search). */
interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    fuzzyGet(term: string, distance: number): Map<string, [Map<number, Map<number, number>>, number]>;
  };
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
}

/** Each passage's length in terms, by MiniSearch's short id: read once per loaded index. */
const LENGTHS = new WeakMap<object, { documents: number; lengths: Float64Array }>();

function fieldLengths(mini: MiniSearchInternals, field: number): Float64Array {
  let lengths = LENGTHS.get(mini)?.documents === mini._documentCount ? LENGTHS.get(mini)!.lengths : null;
  if (!lengths) {
    let size = 0;
    for (const docId of mini._fieldLength.keys()) size = Math.max(size, docId + 1);
    lengths = new Float64Array(size);
    for (const [docId, byField] of mini._fieldLength) lengths[docId] = byField[field] ?? 0;
    LENGTHS.set(mini, { documents: mini._documentCount, lengths });
  }
  return lengths;
}

/**
 * The search `index.search(query, options)` above makes, computed over arrays instead of one result object per
 * matching passage per term: at 20,000 passages a question's terms match thousands of passages (syndicated
 * copies) and MiniSearch spends most of a question building and merging those objects. Same BM25+ formula,
 * same order of additions (each term's exact then fuzzy matches, terms in query order), same ties (first
 * matched first, stable sort): the same hits with the same scores (test/retrieval checks it against
 * MiniSearch). Null when the index is not one this reads (documents removed since it was built, another layout).
 */
function bm25Search(index: LexicalIndex, query: string, boostOf: (term: string) => number, filter?: (label: number) => boolean): { id: number; score: number }[] | null {
  const mini = index as unknown as MiniSearchInternals;
  const field = mini._fieldIds?.text;
  if (field === undefined || mini._dirtCount !== 0 || typeof mini._index?.fuzzyGet !== 'function') return null;
  const terms = OPTIONS.tokenize(query).flatMap((t) => processTerm(t) ?? []).filter((t) => t !== '');
  const lengths = fieldLengths(mini, field);
  const size = lengths.length;
  // Per passage (by MiniSearch's short id): the score so far, this term's part of it, and how many distinct terms matched.
  const total = new Float64Array(size);
  const partial = new Float64Array(size);
  const quality = new Uint16Array(size);
  const seen = new Uint8Array(size);
  const inPartial = new Uint8Array(size);
  const order: number[] = [];
  const counted = new Set<string>();
  const avgLength = mini._avgFieldLength[field]!;
  for (const term of terms) {
    const termBoost = boostOf(term);
    const touched: number[] = [];
    const add = (data: Map<number, Map<number, number>> | undefined, termWeight: number): void => {
      const freqs = data?.get(field);
      if (!freqs) return;
      const matching = freqs.size;
      const invDocFreq = Math.log(1 + (mini._documentCount - matching + 0.5) / (matching + 0.5));
      for (const [docId, termFreq] of freqs) {
        if (!mini._documentIds.has(docId)) continue;
        const raw = invDocFreq * (BM25.d + (termFreq * (BM25.k + 1)) / (termFreq + BM25.k * (1 - BM25.b + (BM25.b * lengths[docId]!) / avgLength)));
        const weighted = termWeight * termBoost * 1 * 1 * raw;
        if (inPartial[docId]) partial[docId] = partial[docId]! + weighted;
        else {
          inPartial[docId] = 1;
          partial[docId] = weighted;
          touched.push(docId);
        }
      }
    };
    add(mini._index.get(term), 1);
    if (term.length >= FUZZY_MIN_LENGTH) {
      const distance = Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
      if (distance) {
        for (const [derived, [data, d]] of mini._index.fuzzyGet(term, distance)) {
          if (!d) continue;
          add(data, (FUZZY_WEIGHT * derived.length) / (derived.length + d));
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
  const results: { id: number; score: number }[] = [];
  for (const docId of order) {
    const id = mini._documentIds.get(docId) as number;
    if (filter && !filter(id)) continue;
    results.push({ id, score: total[docId]! * (quality[docId] || 1) });
  }
  return results.sort((a, b) => b.score - a.score);
}
