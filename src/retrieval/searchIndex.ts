import { labelIndex, type LabelIndex, type VectorLabel } from '../index/labels.js';
import type { VectorStore } from '../index/vectorStore.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { corpusVocabulary, vocabularyOf, type CorpusVocabulary } from './expandQuery.js';
import { buildLexicalIndex, lexicalFromJson, lexicalToJson, type LexicalIndex } from './lexical.js';

/** Everything retrieval reads, built once per loaded index. */
export interface SearchIndex {
  passages: StoredPassage[];
  /** The passages' vectors and their sentences' (see searchDense). */
  vectors: VectorStore;
  /** The passage each vector belongs to (see labels.ts). */
  labels: LabelIndex;
  lexical: LexicalIndex;
  /** Labels of the passages in each near-duplicate group. */
  groups: Map<number, number[]>;
  /** Word vectors for query expansion; null when the lexicon is unavailable (expansion off). */
  expansion: { lexicon: Lexicon; vocabulary: CorpusVocabulary } | null;
}

/** What retrieval saves with a build (`search.json`): the lexical index and the corpus words query expansion compares with. */
interface SearchStoreFile {
  version: number;
  lexical: string;
  /** Corpus words the lexicon has, sorted (null when built without a lexicon). */
  words: string[] | null;
}

const SEARCH_STORE_VERSION = 1;

export function searchIndexToJson(index: SearchIndex): string {
  const file: SearchStoreFile = { version: SEARCH_STORE_VERSION, lexical: lexicalToJson(index.lexical), words: index.expansion?.vocabulary.words ?? null };
  return JSON.stringify(file);
}

/**
 * The search index of a build: its saved lexical index and expansion words when `saved` is a usable file,
 * else built from the passages.
 */
export function loadOrCreateSearchIndex(
  saved: string | null,
  passages: StoredPassage[],
  vectors: VectorStore,
  labels: readonly VectorLabel[],
  lexicon: Lexicon | null = null,
): SearchIndex {
  if (saved !== null) {
    try {
      const file = JSON.parse(saved) as SearchStoreFile;
      if (file.version === SEARCH_STORE_VERSION && (lexicon === null || file.words !== null)) {
        const lexical = lexicalFromJson(file.lexical);
        if (lexical.documentCount === passages.length) {
          const expansion = lexicon ? { lexicon, vocabulary: vocabularyOf(file.words!, lexicon) } : null;
          return { passages, vectors, labels: labelIndex(labels, passages.length), lexical, groups: groupMembers(passages), expansion };
        }
      }
    } catch {
      // Not a file this version wrote: built again below.
    }
  }
  return createSearchIndex(passages, vectors, labels, lexicon);
}

function groupMembers(passages: StoredPassage[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  passages.forEach((p, label) => {
    const members = groups.get(p.group);
    if (members) members.push(label);
    else groups.set(p.group, [label]);
  });
  return groups;
}

export function createSearchIndex(passages: StoredPassage[], vectors: VectorStore, labels: readonly VectorLabel[], lexicon: Lexicon | null = null): SearchIndex {
  const groups = groupMembers(passages);
  const expansion = lexicon ? { lexicon, vocabulary: corpusVocabulary(passages.map((p) => p.text), lexicon) } : null;
  return { passages, vectors, labels: labelIndex(labels, passages.length), lexical: buildLexicalIndex(passages), groups, expansion };
}
