import MiniSearch from 'minisearch';
import { STOPWORDS, stem, words } from '../text/terms.js';
import type { Passage } from '../types.js';

/**
 * Lexical search: BM25 (MiniSearch's BM25+ scoring) over passage text, with the project's one tokenizer,
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

export function buildLexicalIndex(passages: readonly Passage[]): LexicalIndex {
  const index: LexicalIndex = new MiniSearch({
    fields: ['text'],
    idField: 'id',
    tokenize: (text) => words(text),
    processTerm,
  });
  index.addAll(passages.map((p, label) => ({ id: label, text: p.text })));
  return index;
}

export function searchLexical(
  index: LexicalIndex,
  question: string,
  k: number,
  filter?: (label: number) => boolean,
): LexicalHit[] {
  const results = index.search(question, {
    combineWith: 'OR',
    fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
    weights: { fuzzy: 0.3, prefix: 0.5 },
    filter: filter ? (r) => filter(r.id as number) : undefined,
  });
  return results.slice(0, k).map((r) => ({ label: r.id as number, score: r.score }));
}
