import type { VectorStore } from '../index/vectorStore.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { corpusVocabulary, type CorpusVocabulary } from './expandQuery.js';
import { buildLexicalIndex, type LexicalIndex } from './lexical.js';

/** Everything retrieval reads, built once per loaded index. */
export interface SearchIndex {
  passages: StoredPassage[];
  vectors: VectorStore;
  lexical: LexicalIndex;
  /** Labels of the passages in each near-duplicate group. */
  groups: Map<number, number[]>;
  /** Word vectors for query expansion; null when the lexicon is unavailable (expansion off). */
  expansion: { lexicon: Lexicon; vocabulary: CorpusVocabulary } | null;
}

export function createSearchIndex(passages: StoredPassage[], vectors: VectorStore, lexicon: Lexicon | null = null): SearchIndex {
  const groups = new Map<number, number[]>();
  passages.forEach((p, label) => {
    const members = groups.get(p.group);
    if (members) members.push(label);
    else groups.set(p.group, [label]);
  });
  const expansion = lexicon ? { lexicon, vocabulary: corpusVocabulary(passages.map((p) => p.text), lexicon) } : null;
  return { passages, vectors, lexical: buildLexicalIndex(passages), groups, expansion };
}
