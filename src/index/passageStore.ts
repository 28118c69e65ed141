import type { Passage } from '../types.js';

/** A passage as stored beside the vectors: its HNSW label is its position in the array. */
export interface StoredPassage extends Passage {
  /** Near-duplicate group: passages with the same group say the same thing (syndicated copy). */
  group: number;
}

export interface PassageStoreFile {
  passages: StoredPassage[];
  /**
   * The passage (its label) each sentence vector stands for: the vector labelled `passages.length + i` is a
   * sentence of passage `sentenceOwners[i]` (format 4; absent before).
   */
  sentenceOwners?: number[];
}
