import { labelIndex, type LabelIndex, type VectorLabel } from '../index/labels.js';
import type { VectorStore } from '../index/vectorStore.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { vocabularyOf, vocabularyOfWords, type CorpusVocabulary } from './expandQuery.js';
import { buildLexicalIndex, lexicalFromFile, lexicalFromMiniSearchJson, lexicalToFile, type LexicalFile, type LexicalIndex } from './lexical.js';

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

/**
 * What retrieval saves with a build (`search.json`): the lexical index and the corpus words query expansion compares
 * with. Version 1 held the lexical index as MiniSearch's JSON (rebuilt into maps and a radix tree at load); version 2
 * holds it flat (lexical.ts, LexicalFile), read as arrays.
 */
interface SearchStoreFile {
  version: number;
  lexical: LexicalFile | string;
  /** Corpus words the lexicon has, sorted (null when built without a lexicon). */
  words: string[] | null;
}

export const SEARCH_STORE_VERSION = 2;

export function searchIndexToJson(index: SearchIndex): string {
  const file: SearchStoreFile = { version: SEARCH_STORE_VERSION, lexical: lexicalToFile(index.lexical), words: index.expansion?.vocabulary.words ?? null };
  return JSON.stringify(file);
}

/** The lexical index of a saved file of this version or the one before; null for any other (derived again). */
function savedLexical(file: SearchStoreFile): LexicalIndex | null {
  if (file.version === SEARCH_STORE_VERSION && typeof file.lexical === 'object' && file.lexical !== null) return lexicalFromFile(file.lexical);
  if (file.version === 1 && typeof file.lexical === 'string') return lexicalFromMiniSearchJson(file.lexical);
  return null;
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
      const lexical = file !== null && typeof file === 'object' && (lexicon === null || Array.isArray(file.words)) ? savedLexical(file) : null;
      if (lexical !== null && lexical.documentCount === passages.length && lexical.labels.length === passages.length) {
        const expansion = lexicon ? { lexicon, vocabulary: vocabularyOf(file.words!, lexicon) } : null;
        return { passages, vectors, labels: labelIndex(labels, passages.length), lexical, groups: groupMembers(passages), expansion };
      }
    } catch {
      // Not a file this version reads: built again below.
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
  // The words query expansion compares with are the lexical index's words (stopwords aside): read once for both.
  const seen = new Set<string>();
  const lexical = buildLexicalIndex(passages, seen);
  const expansion = lexicon ? { lexicon, vocabulary: vocabularyOfWords(seen, lexicon) } : null;
  return { passages, vectors, labels: labelIndex(labels, passages.length), lexical, groups, expansion };
}
