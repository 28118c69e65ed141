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
): LexicalHit[] {
  // Weights are keyed by processed (stemmed) term; the question's own terms keep weight 1.
  const own = new Set(words(question).map((w) => processTerm(w)));
  const boosts = new Map<string, number>();
  for (const [term, weight] of extraTerms) {
    const processed = processTerm(term);
    if (processed && !own.has(processed)) boosts.set(processed, Math.max(boosts.get(processed) ?? 0, weight));
  }
  const query = boosts.size > 0 ? `${question} ${[...boosts.keys()].join(' ')}` : question;
  const results = index.search(query, {
    combineWith: 'OR',
    boostTerm: (term) => boosts.get(term) ?? 1,
    fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
    weights: { fuzzy: 0.3, prefix: 0.5 },
    filter: filter ? (r) => filter(r.id as number) : undefined,
  });
  return results.slice(0, k).map((r) => ({ label: r.id as number, score: r.score }));
}
