/**
 * Which passages each vector of the HNSW graph stands for: the one label -> passages mapping of a build (format 6,
 * `labels` in passages.json). A vector is one distinct text, a passage's whole text or one sentence of a passage of
 * several sentences (see sentenceUnits), and syndicated copies share it: entry `labels[label]` lists the members
 * that have that text, `[passage, 0]` for a passage's own text and `[passage, k]` for its k-th sentence (from 1),
 * in the order of their rank (below). `null` is a vector marked deleted in the graph (a reindex reusing the graph
 * of the build before deletes the vectors of texts no passage has any more and adds the new texts after the
 * others, so labels are in no particular order).
 * A member's `rank` is its label in a format-5 fresh build (one vector per passage and per sentence): passages'
 * own texts 0..P-1 by position, then the sentences in passage order. Search orders equal similarities by it.
 * A format-5 build's entry `[passage, sentence]` (one vector per member) is read as a list of that one member.
 */
export type Member = readonly [passage: number, sentence: number];
export type VectorLabel = readonly Member[] | null;

/**
 * The labels of a fresh build: one per distinct text in order of first use, taking the passages' own texts in
 * passage order, then the sentences (`sentences[i]`: owner passage and text, in passage order). `texts[label]`
 * is the text each label stands for, what the build embeds.
 */
export function freshLabels(passageTexts: readonly string[], sentences: readonly { owner: number; text: string }[]): { labels: Member[][]; texts: string[] } {
  const labelOf = new Map<string, number>();
  const labels: Member[][] = [];
  const texts: string[] = [];
  const add = (text: string, member: Member) => {
    const label = labelOf.get(text);
    if (label !== undefined) labels[label]!.push(member);
    else {
      labelOf.set(text, labels.length);
      labels.push([member]);
      texts.push(text);
    }
  };
  passageTexts.forEach((text, p) => add(text, [p, 0]));
  let last = -1;
  let k = 0;
  for (const { owner, text } of sentences) {
    k = owner === last ? k + 1 : 1;
    last = owner;
    add(text, [owner, k]);
  }
  return { labels, texts };
}

/** How many vectors the labels stand for (deleted ones not counted): one per distinct text in format 6. */
export function vectorCount(labels: readonly VectorLabel[]): number {
  let n = 0;
  for (const entry of labels) if (entry !== null) n++;
  return n;
}

/** A format-5 label list (one vector per member, `[passage, sentence]` or null) as format-6 labels: each entry a list of its one member. */
export function singleMemberLabels(labels: readonly unknown[]): VectorLabel[] {
  return labels.map((entry) => (entry === null ? null : [entry])) as VectorLabel[];
}

/**
 * The labels of a format-4 build (or, without sentences, an earlier one): one vector per passage (labels 0..P-1),
 * then one per sentence of its `sentenceOwners`, in passage order.
 */
export function oneVectorEachLabels(passages: number, sentenceOwners: readonly number[]): VectorLabel[] {
  const labels: VectorLabel[] = [];
  for (let p = 0; p < passages; p++) labels.push([[p, 0]]);
  let last = -1;
  let k = 0;
  for (const owner of sentenceOwners) {
    k = owner === last ? k + 1 : 1;
    last = owner;
    labels.push([[owner, k]]);
  }
  return labels;
}

/**
 * Why these labels cannot be a build's of `passages` passages and `sentences` sentence units, or null when they
 * can: every entry null or a non-empty list of pairs of integers naming a passage; every passage's own text is in
 * exactly one label, its sentences numbered 1..n without a gap or a repeat, `sentences` of them in all.
 */
export function labelProblem(labels: unknown, passages: number, sentences: number): string | null {
  if (!Array.isArray(labels)) return 'no label list';
  const own = new Uint8Array(passages);
  const sentenceCount = new Int32Array(passages);
  const sentenceMax = new Int32Array(passages);
  let members = 0;
  for (const entry of labels as unknown[]) {
    if (entry === null) continue;
    if (!Array.isArray(entry) || entry.length === 0) return 'a label that is neither null nor a list of [passage, sentence]';
    for (const member of entry as unknown[]) {
      if (!Array.isArray(member) || member.length !== 2) return 'a label member that is not [passage, sentence]';
      const [p, k] = member as unknown[];
      if (!Number.isInteger(p) || (p as number) < 0 || (p as number) >= passages) return `a label naming passage ${String(p)} of ${passages}`;
      if (!Number.isInteger(k) || (k as number) < 0) return `a label naming sentence ${String(k)}`;
      members++;
      if (k === 0) {
        if (own[p as number]) return `passage ${String(p)} has two vectors of its own`;
        own[p as number] = 1;
      } else {
        sentenceCount[p as number]!++;
        sentenceMax[p as number] = Math.max(sentenceMax[p as number]!, k as number);
      }
    }
  }
  for (let p = 0; p < passages; p++) {
    if (!own[p]) return `passage ${p} has no vector`;
    if (sentenceCount[p] !== sentenceMax[p]) return `passage ${p}'s sentence vectors are not numbered 1..${sentenceCount[p]}`;
  }
  if (members !== passages + sentences) return `${members - passages} sentence vectors, not ${sentences}`;
  return null;
}

/**
 * The labels as search reads them: the members of label L are `owner[m]`, `rank[m]` for m in
 * `start[L]..start[L + 1] - 1`, by rank (a deleted label has none).
 */
export interface LabelIndex {
  start: Int32Array;
  owner: Int32Array;
  rank: Int32Array;
  /** Members beyond one per passage (sentences), or labels beyond one per passage (format 5: sentences, deleted), whichever is more. */
  extra: number;
}

export function labelIndex(labels: readonly VectorLabel[], passages: number): LabelIndex {
  const sentencesOf = new Int32Array(passages);
  let members = 0;
  for (const entry of labels) {
    if (entry === null) continue;
    members += entry.length;
    for (const [p, k] of entry) if (k > 0) sentencesOf[p]!++;
  }
  // A format-5 fresh build's sentence labels start after the passages', in passage order.
  const firstSentence = new Int32Array(passages);
  let next = passages;
  for (let p = 0; p < passages; p++) {
    firstSentence[p] = next;
    next += sentencesOf[p]!;
  }
  const start = new Int32Array(labels.length + 1);
  const owner = new Int32Array(members);
  const rank = new Int32Array(members);
  let m = 0;
  labels.forEach((entry, label) => {
    start[label] = m;
    if (entry === null) return;
    const from = m;
    for (const [p, k] of entry) {
      owner[m] = p;
      rank[m] = k === 0 ? p : firstSentence[p]! + k - 1;
      m++;
    }
    // Stored in rank order; sorted here when not (a hand-made list).
    for (let i = from + 1; i < m; i++) {
      if (rank[i - 1]! < rank[i]!) continue;
      const order = Array.from({ length: m - from }, (_, j) => from + j).sort((a, b) => rank[a]! - rank[b]!);
      const o = order.map((j) => owner[j]!);
      const r = order.map((j) => rank[j]!);
      owner.set(o, from);
      rank.set(r, from);
      break;
    }
  });
  start[labels.length] = m;
  return { start, owner, rank, extra: Math.max(labels.length, members) - passages };
}
