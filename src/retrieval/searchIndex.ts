import type { HnswIndex } from '../index/buildIndex.js';
import type { StoredPassage } from '../index/passageStore.js';
import { buildLexicalIndex, type LexicalIndex } from './lexical.js';

/** Everything retrieval reads, built once per loaded index. */
export interface SearchIndex {
  passages: StoredPassage[];
  hnsw: HnswIndex;
  lexical: LexicalIndex;
  /** Labels of the passages in each near-duplicate group. */
  groups: Map<number, number[]>;
}

export function createSearchIndex(passages: StoredPassage[], hnsw: HnswIndex): SearchIndex {
  const groups = new Map<number, number[]>();
  passages.forEach((p, label) => {
    const members = groups.get(p.group);
    if (members) members.push(label);
    else groups.set(p.group, [label]);
  });
  return { passages, hnsw, lexical: buildLexicalIndex(passages), groups };
}
