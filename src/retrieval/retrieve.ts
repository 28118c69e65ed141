import type { StoredPassage } from '../index/passageStore.js';
import { searchDense } from './dense.js';
import { reciprocalRankFusion } from './fuse.js';
import { expandQuery } from './expandQuery.js';
import { heldShare, searchLexical } from './lexical.js';
import type { SearchIndex } from './searchIndex.js';

export type RetrievalMode = 'hybrid' | 'lexical' | 'dense';

/** One retrieved passage, with the near-duplicates of it that other articles carry. */
export interface Hit {
  label: number;
  passage: StoredPassage;
  score: number;
  lexicalRank: number | null;
  lexicalScore: number | null;
  denseRank: number | null;
  similarity: number | null;
  /** The same text in other articles (from the index's duplicate groups). */
  /** Shared between the questions that retrieve this passage (read only). */
  duplicates: readonly StoredPassage[];
}

export interface RetrieveOptions {
  k: number;
  mode?: RetrievalMode;
  /** Only passages for which this returns true (e.g. one outlet's articles). */
  filter?: (passage: StoredPassage) => boolean;
  /** Weights of the two lists in the fusion. */
  lexicalWeight?: number;
  denseWeight?: number;
  /** Extra lexical query terms with their weights, e.g. the names of a person the question describes ("Kyiv's head of state"). */
  extraTerms?: ReadonlyMap<string, number>;
  /** The k of reciprocal rank fusion. */
  rrfK?: number;
  /** Vectors of the question's clauses (see questionClauses): each a dense list of its own, sharing CLAUSE_WEIGHT. */
  clauseVectors?: readonly Float32Array[];
  /** Add the corpus words closest to the question's words to the lexical query (default true). */
  expand?: boolean;
}

/**
 * Weights of the two lists in the fusion. Dense counts half again as much as lexical: with all-MiniLM-L6-v2
 * this found more of the answers in the top five on the question bank's dev split (0.852 -> 0.873, paraphrases
 * 7 -> 11 of 18), at a small cost in MRR (0.702 -> 0.691); measured with `npx tsx scripts/eval.ts --dev`.
 */
export const LEXICAL_WEIGHT = 1;
export const DENSE_WEIGHT = 1.5;

/**
 * How much the dense lists of a question's clauses count together, relative to the whole question's dense list (shared
 * equally among them). With all-MiniLM-L6-v2 on the question bank's dev splits, 0.3 to 0.7 all gave the same: two
 * more answers in the top five on dev2 (0.887 -> 0.897: a question and its qualifier, "how near is the end of the
 * fighting, according to the brits"), dev and dev3 unchanged; measured with `npx tsx scripts/eval.ts --dev`.
 */
export const CLAUSE_WEIGHT = 0.5;

/** How much an expansion term counts, relative to a word of the question, per unit of similarity. */
export const EXPANSION_WEIGHT = 0.5;

/** Corpus words close to a word (empty when the lexicon is unavailable). */
export function relatedWords(index: SearchIndex, word: string): string[] {
  if (!index.expansion) return [];
  return expandQuery(word, index.expansion.lexicon, index.expansion.vocabulary).map((e) => e.term);
}

function expansionTerms(index: SearchIndex, question: string): Map<string, number> {
  if (!index.expansion) return new Map();
  const { lexicon, vocabulary } = index.expansion;
  return new Map(expandQuery(question, lexicon, vocabulary).map((e) => [e.term, EXPANSION_WEIGHT * e.similarity]));
}

/** How many candidates each retriever contributes before fusion. */
export const CANDIDATES = 50;

/** The dense lists of the question's clauses, each weighted CLAUSE_WEIGHT / their number, relative to the dense list's weight. */
function clauseLists(index: SearchIndex, mode: RetrievalMode, options: RetrieveOptions, filter: ((label: number) => boolean) | undefined): { labels: number[]; weight: number }[] {
  const vectors = mode === 'lexical' ? [] : (options.clauseVectors ?? []);
  const weight = ((options.denseWeight ?? DENSE_WEIGHT) * CLAUSE_WEIGHT) / Math.max(1, vectors.length);
  return vectors.map((v) => ({ labels: searchDense(index.vectors, v, CANDIDATES, filter, index.labels).map((h) => h.label), weight }));
}

/** Per search index (one per build): each retrieved passage's duplicates, the same for every question, and how many entries they hold. */
const duplicateLists = new WeakMap<SearchIndex, { lists: Map<number, readonly StoredPassage[]>; held: number }>();

/** How many entries the kept duplicate lists of an index may hold in all (a few MB); past it they are all made again as asked. */
const DUPLICATES_HELD = 500_000;

/** The members of a passage's group but itself, as passages: made once per passage (a syndicated group has thousands). */
function duplicatesOf(index: SearchIndex, label: number, members: readonly number[]): readonly StoredPassage[] {
  let kept = duplicateLists.get(index);
  if (kept === undefined) duplicateLists.set(index, (kept = { lists: new Map(), held: 0 }));
  let list = kept.lists.get(label);
  if (list === undefined) {
    list = members.filter((m) => m !== label).map((m) => index.passages[m]!);
    if (kept.held + list.length > DUPLICATES_HELD) {
      kept.lists.clear();
      kept.held = 0;
    }
    kept.lists.set(label, list);
    kept.held += list.length;
  }
  return list;
}

/**
 * How far the lexical list is trusted for this question: the share of its words some passage holds, from
 * LEXICAL_TRUST_FLOOR (none of them: BM25 ranks on expansion terms alone) to 1 (all). A question that says it in
 * other words than the coverage ("choke off the cash behind the war") leans on the dense list. Chosen on the dev splits
 * (0.5 + 0.5 x share against 0 + share and 0.25 + share, capped at 1): hit@5 the same or higher on every split.
 */
function lexicalTrust(index: SearchIndex, question: string): number {
  return LEXICAL_TRUST_FLOOR + (1 - LEXICAL_TRUST_FLOOR) * heldShare(index.lexical, question);
}
export const LEXICAL_TRUST_FLOOR = 0.5;

/**
 * Hybrid retrieval: BM25 and dense nearest neighbours, fused by reciprocal rank, then near-duplicate
 * passages collapsed into the best-ranked one (the others listed as its duplicates).
 */
export function retrieve(index: SearchIndex, question: string, vector: Float32Array | null, options: RetrieveOptions): Hit[] {
  const mode = options.mode ?? 'hybrid';
  const filter = options.filter ? (label: number) => options.filter!(index.passages[label]!) : undefined;

  const extra = mode !== 'dense' && options.expand !== false ? expansionTerms(index, question) : new Map<string, number>();
  for (const [term, weight] of options.extraTerms ?? []) extra.set(term, Math.max(extra.get(term) ?? 0, weight));
  const lexical = mode === 'dense' ? [] : searchLexical(index.lexical, question, CANDIDATES, filter, extra);
  const dense = mode === 'lexical' || vector === null ? [] : searchDense(index.vectors, vector, CANDIDATES, filter, index.labels);

  const lists = [
    { labels: lexical.map((h) => h.label), weight: (options.lexicalWeight ?? LEXICAL_WEIGHT) * lexicalTrust(index, question) },
    { labels: dense.map((h) => h.label), weight: options.denseWeight ?? DENSE_WEIGHT },
    ...clauseLists(index, mode, options, filter),
  ];
  const fused = reciprocalRankFusion(lists, options.rrfK);
  const lexicalByLabel = new Map(lexical.map((h, rank) => [h.label, { rank: rank + 1, score: h.score }]));
  const denseByLabel = new Map(dense.map((h, rank) => [h.label, { rank: rank + 1, similarity: h.similarity }]));

  const ranked = [...fused.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const seenGroups = new Set<number>();
  const hits: Hit[] = [];
  for (const [label, score] of ranked) {
    const passage = index.passages[label]!;
    if (seenGroups.has(passage.group)) continue;
    seenGroups.add(passage.group);
    const members = index.groups.get(passage.group) ?? [label];
    hits.push({
      label,
      passage,
      score,
      lexicalRank: lexicalByLabel.get(label)?.rank ?? null,
      lexicalScore: lexicalByLabel.get(label)?.score ?? null,
      denseRank: denseByLabel.get(label)?.rank ?? null,
      similarity: denseByLabel.get(label)?.similarity ?? null,
      duplicates: duplicatesOf(index, label, members),
    });
    if (hits.length >= options.k) break;
  }
  return hits;
}
