import type { Passage } from '../types.js';
import type { VectorLabel } from './labels.js';

/** A passage as stored beside the vectors (which vectors are its own: `labels`). */
export interface StoredPassage extends Passage {
  /** Near-duplicate group: passages with the same group say the same thing (syndicated copy). */
  group: number;
}

export interface PassageStoreFile {
  passages: StoredPassage[];
  /**
   * The passage (its label) each sentence vector stands for: the vector labelled `passages.length + i` is a
   * sentence of passage `sentenceOwners[i]` (format 4 only; format 5 on says it in `labels`).
   */
  sentenceOwners?: number[];
  /**
   * The passages each vector label stands for (format 6: a list of [passage, sentence] per label; see labels.ts).
   * Format 5 held one [passage, sentence] per label (read with singleMemberLabels).
   */
  labels?: VectorLabel[] | (readonly [number, number] | null)[];
}
