/**
 * Which passage each vector of the HNSW graph stands for: the one label -> passage mapping of a build (format 5,
 * `labels` in passages.json). Entry `labels[label]` is `[passage, 0]` for a passage's own vector, `[passage, k]`
 * for the k-th sentence (from 1) of a passage of several sentences (see sentenceUnits), and `null` for a vector
 * marked deleted in the graph (a reindex reusing the graph of the build before it deletes the vectors of changed
 * and removed articles and adds the new ones after the others, so labels are no longer passage positions).
 * A fresh build numbers passages' vectors 0..P-1, then the sentences in passage order: its `rank` of a vector.
 */
export type VectorLabel = readonly [passage: number, sentence: number] | null;

/** The labels of a fresh build: one vector per passage, then `sentences[p]` sentence vectors of passage p, in passage order. */
export function freshLabels(passages: number, sentenceOwners: readonly number[]): VectorLabel[] {
  const labels: VectorLabel[] = [];
  for (let p = 0; p < passages; p++) labels.push([p, 0]);
  let last = -1;
  let k = 0;
  for (const owner of sentenceOwners) {
    k = owner === last ? k + 1 : 1;
    last = owner;
    labels.push([owner, k]);
  }
  return labels;
}

/**
 * Why these labels cannot be a build's of `passages` passages and `sentences` sentence vectors, or null when they
 * can: every entry null or a pair of integers naming a passage; every passage has its own vector, its sentences
 * numbered 1..n without a gap or a repeat, `sentences` of them in all.
 */
export function labelProblem(labels: unknown, passages: number, sentences: number): string | null {
  if (!Array.isArray(labels)) return 'no label list';
  const own = new Uint8Array(passages);
  const sentenceCount = new Int32Array(passages);
  const sentenceMax = new Int32Array(passages);
  let live = 0;
  for (const entry of labels as unknown[]) {
    if (entry === null) continue;
    if (!Array.isArray(entry) || entry.length !== 2) return 'a label that is neither null nor [passage, sentence]';
    const [p, k] = entry as unknown[];
    if (!Number.isInteger(p) || (p as number) < 0 || (p as number) >= passages) return `a label naming passage ${String(p)} of ${passages}`;
    if (!Number.isInteger(k) || (k as number) < 0) return `a label naming sentence ${String(k)}`;
    live++;
    if (k === 0) {
      if (own[p as number]) return `passage ${String(p)} has two vectors of its own`;
      own[p as number] = 1;
    } else {
      sentenceCount[p as number]!++;
      sentenceMax[p as number] = Math.max(sentenceMax[p as number]!, k as number);
    }
  }
  for (let p = 0; p < passages; p++) {
    if (!own[p]) return `passage ${p} has no vector`;
    if (sentenceCount[p] !== sentenceMax[p]) return `passage ${p}'s sentence vectors are not numbered 1..${sentenceCount[p]}`;
  }
  if (live !== passages + sentences) return `${live - passages} sentence vectors, not ${sentences}`;
  return null;
}

/** The labels as search reads them: each vector's passage (-1: deleted) and its label in a fresh build of the same passages. */
export interface LabelIndex {
  owner: Int32Array;
  rank: Int32Array;
  /** Vectors beyond one per passage (sentences, deleted). */
  extra: number;
}

export function labelIndex(labels: readonly VectorLabel[], passages: number): LabelIndex {
  const owner = new Int32Array(labels.length).fill(-1);
  const rank = new Int32Array(labels.length).fill(-1);
  const sentencesOf = new Int32Array(passages);
  for (const entry of labels) if (entry !== null && entry[1] > 0) sentencesOf[entry[0]]!++;
  // A fresh build's sentence labels start after the passages', in passage order.
  const firstSentence = new Int32Array(passages);
  let next = passages;
  for (let p = 0; p < passages; p++) {
    firstSentence[p] = next;
    next += sentencesOf[p]!;
  }
  labels.forEach((entry, label) => {
    if (entry === null) return;
    const [p, k] = entry;
    owner[label] = p;
    rank[label] = k === 0 ? p : firstSentence[p]! + k - 1;
  });
  return { owner, rank, extra: labels.length - passages };
}
