/**
 * Coverage comparison: for a topic's ranked passages, each outlet's best passage side by side, the
 * outlets with nothing on it, and the sentences of those passages that no other outlet carries.
 *
 * "No other outlet carries it" is judged on words, not meaning: a sentence is shared when most of its
 * content weight (rare words weigh more) is found in one sentence of another outlet's coverage. A
 * paraphrase with different words counts as unshared, so `onlyIn` errs towards flagging; the
 * sentences are shown as they are, for readers to judge.
 */
import { sentences as sentencesOf } from '../text/sentences.js';
import { contentTermSet } from '../text/tokens.js';
import { containedIn, postingsOf, weighTokens, type WeighedTokens, type Weights } from './groupStatements.js';

/** What compareCoverage needs of a passage; RankedPassage (engine/types.ts) has all of it. */
export interface ComparablePassage {
  article: string;
  paragraph: number;
  outlet: string;
  text: string;
  /** Higher is better; passages without a score keep their order. */
  score?: number;
}

export interface OutletCoverage<P extends ComparablePassage> {
  outlet: string;
  /** The outlet's best passage on the topic, or null when it has none. */
  passage: P | null;
}

export interface OnlyIn {
  outlet: string;
  article: string;
  paragraph: number;
  /** A sentence of the outlet's passage that no other outlet's coverage carries. */
  sentence: string;
}

/** The same sentence, worded differently: "a statement from Number 10" / "a statement from Starmer's office". */
export interface Wording {
  outlet: string;
  article: string;
  paragraph: number;
  sentence: string;
  /** Runs of words this sentence has and the other outlet's version lacks. */
  phrases: string[];
  /** The other outlet's version it was compared with, and the words only it has. */
  versus: { outlet: string; article: string; paragraph: number; sentence: string; phrases: string[] };
}

export interface CoverageComparison<P extends ComparablePassage> {
  /** One row per outlet, outlets with a passage first (best score first), then those without. */
  outlets: OutletCoverage<P>[];
  /** Outlets with no passage on the topic. */
  missing: string[];
  onlyIn: OnlyIn[];
  /** Sentences the compared outlets share, where an outlet words them its own way. */
  wording: Wording[];
}

/**
 * Every sentence of the coverage as content words, with the outlet that carries it and an inverted index:
 * "is this sentence carried elsewhere?" looks only at the sentences sharing one of its heaviest words.
 * Built once per build with the news layer (NewsIndex.sentences), not per question.
 */
export interface SentenceIndex {
  /** Outlet of each sentence. */
  outlets: string[];
  tokens: ReadonlySet<string>[];
  postings: Map<string, number[]>;
  /**
   * How many sentences each text of the coverage (each passage, in order) has: where a passage's sentences are, so
   * that a comparison reads their tokens here instead of tokenising them. Absent in a file saved without them.
   */
  counts?: number[];
}

/** The sentence index of these sentences; its postings are built on first use (a comparison; no other question reads them). */
export function sentenceIndexOf(outlets: string[], tokens: ReadonlySet<string>[], counts?: number[]): SentenceIndex {
  let postings: Map<string, number[]> | null = null;
  return {
    outlets,
    tokens,
    ...(counts !== undefined ? { counts } : {}),
    get postings() {
      postings ??= postingsOf(tokens);
      return postings;
    },
  };
}

export function buildSentenceIndex(coverage: readonly { outlet: string; text: string }[], toTokens: (text: string) => ReadonlySet<string> = contentTermSet): SentenceIndex {
  const outlets: string[] = [];
  const tokens: ReadonlySet<string>[] = [];
  const counts: number[] = [];
  // Syndicated copies share their text: each distinct text is cut and read once (its sentences' sets shared, read only).
  const read = new Map<string, ReadonlySet<string>[]>();
  for (const p of coverage) {
    let sets = read.get(p.text);
    if (sets === undefined) read.set(p.text, (sets = sentencesOf(p.text).map((s) => toTokens(s))));
    counts.push(sets.length);
    for (const set of sets) {
      outlets.push(p.outlet);
      tokens.push(set);
    }
  }
  return sentenceIndexOf(outlets, tokens, counts);
}

/**
 * The token sets of a text's sentences as the index holds them, found by the text: the coverage's texts (`texts`,
 * the index's passages in order) and where each one's sentences start are found on first use. Undefined for a text
 * the coverage does not hold, or an index saved without its counts.
 */
export function sentencesByText(index: SentenceIndex, texts: readonly { text: string }[]): (text: string) => readonly ReadonlySet<string>[] | undefined {
  let found: Map<string, { start: number; count: number }> | null = null;
  return (text) => {
    const { counts } = index;
    if (counts === undefined || counts.length !== texts.length) return undefined;
    if (found === null) {
      found = new Map();
      let start = 0;
      for (const [i, p] of texts.entries()) {
        if (!found.has(p.text)) found.set(p.text, { start, count: counts[i]! });
        start += counts[i]!;
      }
      if (start !== index.tokens.length) found.clear();
    }
    const at = found.get(text);
    return at === undefined ? undefined : index.tokens.slice(at.start, at.start + at.count);
  };
}

/**
 * The heaviest of `tokens` that together weigh more than (1 - shared) of them all: a text holding at least `shared`
 * of `tokens`' weight holds one of these (prefix filtering), so only texts holding one need to be scored.
 */
function heavyPrefix(weighed: WeighedTokens, shared: number): string[] {
  const ranked = weighed.tokens.map((t, i) => ({ t, w: weighed.weights[i]! })).sort((a, b) => b.w - a.w);
  const total = ranked.reduce((sum, r) => sum + r.w, 0);
  const enough = (1 - shared) * total * (1 + 1e-9) + 1e-12;
  const prefix: string[] = [];
  let taken = 0;
  for (const { t, w } of ranked) {
    prefix.push(t);
    taken += w;
    if (taken > enough) break;
  }
  return prefix;
}

/** The positions in `postings` that may hold `shared` of `weighed`'s weight: those holding one of its heaviest words, each once. */
function* candidates(weighed: WeighedTokens, shared: number, postings: ReadonlyMap<string, readonly number[]>): Generator<number> {
  const seen = new Set<number>();
  for (const t of heavyPrefix(weighed, shared)) {
    for (const i of postings.get(t) ?? []) {
      if (seen.has(i)) continue;
      seen.add(i);
      yield i;
    }
  }
}

/** A sentence index's distinct token sets (syndicated copies repeat a sentence in hundreds of outlets), each with the outlets carrying it, and postings over them. */
interface DistinctSentences {
  sets: ReadonlySet<string>[];
  outlets: string[][];
  postings: Map<string, number[]>;
  /** Position of each set in `sets` by its tokens in order (tokensKey). */
  byTokens: Map<string, number>;
}

/** What tells two token sets equal, their tokens in order. */
function tokensKey(tokens: Iterable<string>): string {
  return [...tokens].join('\u0000');
}

const distinctOf = new WeakMap<SentenceIndex, DistinctSentences>();

/** The index's distinct sets (equal by their tokens in order), made on a comparison's first "carried elsewhere" check, once per index. */
export function distinctSentences(index: SentenceIndex): DistinctSentences {
  return keptFor(distinctOf, index, () => {
    const sets: ReadonlySet<string>[] = [];
    const carriers: Set<string>[] = [];
    const bySet = new Map<ReadonlySet<string>, number>();
    const byTokens = new Map<string, number>();
    index.tokens.forEach((set, i) => {
      let k = bySet.get(set);
      if (k === undefined) {
        const key = tokensKey(set);
        k = byTokens.get(key);
        if (k === undefined) {
          k = sets.length;
          byTokens.set(key, k);
          sets.push(set);
          carriers.push(new Set());
        }
        bySet.set(set, k);
      }
      carriers[k]!.add(index.outlets[i]!);
    });
    return { sets, outlets: carriers.map((o) => [...o]), postings: postingsOf(sets), byTokens };
  });
}

/**
 * Whether a sentence of an outlet other than `outlet` carries at least `shared` of `tokens`' weight. Exact (heavyPrefix):
 * each distinct sentence holding a heavy word is weighed once, whatever the number of outlets carrying it.
 */
function carriedElsewhere(index: SentenceIndex, weighed: WeighedTokens, outlet: string, shared: number, among?: ReadonlySet<string>): boolean {
  const distinct = distinctSentences(index);
  const elsewhere = (k: number) => distinct.outlets[k]!.some((o) => o !== outlet && (among === undefined || among.has(o)));
  // A syndicated sentence is carried word for word: its own set, looked up first, settles it.
  const own = distinct.byTokens.get(tokensKey(weighed.tokens));
  if (own !== undefined && elsewhere(own) && containedIn(weighed, distinct.sets[own]!) >= shared) return true;
  for (const k of candidates(weighed, shared, distinct.postings)) {
    if (!elsewhere(k)) continue;
    if (containedIn(weighed, distinct.sets[k]!) >= shared) return true;
  }
  return false;
}

/** A sentence of a compared passage, with its content words. */
interface SplitSentence {
  text: string;
  tokens: ReadonlySet<string>;
  weighed: WeighedTokens;
}

/** How many passage texts' sentences, and how many "carried elsewhere" answers, are kept across questions. */
const MEMO_LIMIT = 20_000;

/** The value kept under `key`, made on first use; past `limit` entries the map forgets them all (they are made again). */
function kept<K, V>(map: Map<K, V>, key: K, make: () => V, limit = Infinity): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= limit) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

/** The map kept for `owner` (a news index's function or sentence index), made on first use. */
function keptFor<K extends object, V>(maps: WeakMap<K, V>, owner: K, make: () => V): V {
  let value = maps.get(owner);
  if (value === undefined) maps.set(owner, (value = make()));
  return value;
}

/** Per tokens and weights (one news index): the split passage texts, kept across questions. */
const splitMemos = new WeakMap<Weights, WeakMap<(text: string) => ReadonlySet<string>, Map<string, SplitSentence[]>>>();

/**
 * Sentences of a passage text with their tokens, each distinct text split once: the outlets' best passages are often
 * syndicated copies of one text, and the same passages come back question after question (kept per news index).
 */
function sentenceSplitter(
  toTokens: (text: string) => ReadonlySet<string>,
  weight: Weights,
  known?: (text: string) => readonly ReadonlySet<string>[] | undefined,
): (text: string) => SplitSentence[] {
  const memo = keptFor(
    keptFor(splitMemos, weight, () => new WeakMap()),
    toTokens,
    () => new Map<string, SplitSentence[]>(),
  );
  const split = (text: string): SplitSentence[] => {
    const parts = sentencesOf(text);
    // A passage of the coverage: its sentences' tokens as the sentence index holds them (the same `toTokens` made them).
    const sets = known?.(text);
    const read = sets !== undefined && sets.length === parts.length ? sets : undefined;
    return parts.map((sentence, i) => {
      const tokens = read?.[i] ?? toTokens(sentence);
      return { text: sentence, tokens, weighed: weighTokens(tokens, weight) };
    });
  };
  return (text) => kept(memo, text, () => split(text), MEMO_LIMIT);
}

/** Per sentence index: whether a sentence is carried by an outlet other than the one named (all outlets counting). */
const carriedMemos = new WeakMap<SentenceIndex, Map<string, boolean>>();

export interface CompareOptions {
  /** Every outlet in the corpus, so the ones with nothing on the topic can be named. */
  outlets: string[];
  /** Only these outlets count as "elsewhere" (a comparison of the outlets a question names). */
  among?: ReadonlySet<string>;
  weight: Weights;
  /** Everything each outlet published (all passages), to check whether a sentence is carried elsewhere. */
  coverage?: ComparablePassage[];
  /** The same, already indexed (with `tokens`): what the engine passes, so no question reads the whole coverage. */
  sentences?: SentenceIndex;
  /** Passages scoring below this are not on the topic. Default: keep all. */
  minScore?: number;
  /** Share of a sentence's content weight that another outlet's sentence must carry for it to be shared. Default 0.5. */
  shared?: number;
  /** How texts become content words; use the tokens `weight` was built with (NewsIndex.tokens). Default: the content terms (src/text/tokens.ts). */
  tokens?: (text: string) => ReadonlySet<string>;
  /** A passage text's sentences' tokens as `tokens` gives them, when already known (NewsIndex.passageSentences); else they are read. */
  passageSentences?: (text: string) => readonly ReadonlySet<string>[] | undefined;
}

/** A passage that may be its outlet's best: its outlet, its text and the part of its score known without reading the text. */
export interface OutletCandidate {
  outlet: string;
  text: string;
  base: number;
}

/**
 * Each outlet's best candidate as compareCoverage picks it (the highest score, the first on a tie) among those `keep`
 * admits, a candidate scoring `base + bonus(text)`; the outlets in the order of their first admitted candidate. A
 * candidate whose `base + most` does not exceed its outlet's best so far cannot beat it and is passed over unread
 * (`most` no less than any bonus, and bonuses sums of positive weights taken in the order `most` sums them all, so
 * rounding keeps the bound): reading a text (its words, for `bonus` and `keep`) is the costly part, and syndicated
 * copies bring one outlet the same passage many times over.
 */
export function bestPerOutlet<C extends OutletCandidate>(
  candidates: Iterable<C>,
  bonus: (text: string) => number,
  most: number,
  keep: (text: string) => boolean = () => true,
): { candidate: C; score: number }[] {
  const best = new Map<string, { candidate: C; score: number }>();
  for (const c of candidates) {
    const current = best.get(c.outlet);
    if (current !== undefined && c.base + most <= current.score) continue;
    if (!keep(c.text)) continue;
    const score = bonus(c.text) + c.base;
    if (current === undefined) best.set(c.outlet, { candidate: c, score });
    else if (score > current.score) {
      current.candidate = c;
      current.score = score;
    }
  }
  return [...best.values()];
}

/** Sentences shorter than this many content words ("He added:") are not facts of their own. */
export const MIN_FACT_WORDS = 4;

export function compareCoverage<P extends ComparablePassage>(ranked: P[], options: CompareOptions): CoverageComparison<P> {
  const { outlets, weight, coverage, minScore = -Infinity, shared = 0.5, tokens: toTokens = contentTermSet } = options;
  const best = new Map<string, P>();
  for (const p of ranked) {
    if ((p.score ?? Infinity) < minScore) continue;
    const current = best.get(p.outlet);
    if (current === undefined || (p.score ?? -Infinity) > (current.score ?? -Infinity)) best.set(p.outlet, p);
  }
  const rows: OutletCoverage<P>[] = [...best.values()]
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
    .map((passage) => ({ outlet: passage.outlet, passage }));
  const missing = outlets.filter((o) => !best.has(o)).sort();
  for (const outlet of missing) rows.push({ outlet, passage: null });

  const index = options.sentences ?? buildSentenceIndex(coverage ?? [], toTokens);
  const split = sentenceSplitter(toTokens, weight, options.passageSentences);
  // Kept across questions for the index the engine passes, when every outlet counts as elsewhere (its weights are the index's own).
  const memo = options.among === undefined && options.sentences !== undefined ? keptFor(carriedMemos, index, () => new Map<string, boolean>()) : null;
  const carried = (sentence: string, weighed: WeighedTokens, outlet: string): boolean => {
    const answer = () => carriedElsewhere(index, weighed, outlet, shared, options.among);
    return memo === null ? answer() : kept(memo, `${shared}\u0000${outlet}\u0000${sentence}`, answer, MEMO_LIMIT);
  };
  const onlyIn: OnlyIn[] = [];
  for (const { outlet, passage } of rows) {
    if (passage === null) continue;
    for (const { text: sentence, tokens, weighed } of split(passage.text)) {
      if (tokens.size < MIN_FACT_WORDS) continue;
      if (!carried(sentence, weighed, outlet)) onlyIn.push({ outlet, article: passage.article, paragraph: passage.paragraph, sentence });
    }
  }
  return { outlets: rows, missing, onlyIn, wording: wordingDifferences(rows, split, shared) };
}

/** Words of `sentence` (as written) that `other` lacks, joined into runs: "Number 10", "Starmer's office". */
function differingPhrases(sentence: string, other: ReadonlySet<string>, termsOf: (word: string) => string[]): string[] {
  const phrases: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) phrases.push(run.join(' '));
    run = [];
  };
  const raws = sentence.split(/\s+/);
  for (const [i, raw] of raws.entries()) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const tokens = termsOf(word);
    // A first name or title before a surname both versions use ("Donald Trump" / "Mr Trump") is not a difference.
    const next = termsOf(raws[i + 1] ?? '');
    if (run.length === 0 && /^\p{Lu}/u.test(word) && next.length > 0 && next.every((t) => other.has(t))) {
      flush();
      continue;
    }
    if (tokens.length === 0) {
      // Function words stay inside a run ("senior adviser in the White House") but do not start one.
      if (run.length > 0 && word !== '' && raw === word) run.push(word);
      else flush();
      continue;
    }
    if (tokens.every((t) => !other.has(t))) run.push(word);
    else flush();
    if (raw !== word && /[,.;:!?”"’)]$/.test(raw)) flush();
  }
  flush();
  // Trailing function words carry nothing.
  return phrases.map((p) => p.replace(/(?:\s+(?:the|a|an|of|in|to|and|on|for|with|by|at))+$/i, '')).filter((p) => p !== '');
}

/** Texts' words (contentTermSet), kept across questions: the outlets' best passages come back question after question. */
const wordTerms = new Map<string, string[]>();
const plainTerms = new Map<string, ReadonlySet<string>>();
const lacking = new Map<string, readonly string[]>();

function termsOf(word: string): string[] {
  return kept(wordTerms, word, () => [...contentTermSet(word)], MEMO_LIMIT);
}

/** differingPhrases of `sentence` against `other`'s words: a function of the two texts alone, kept across questions (a copy given out). */
export function phrasesLacking(sentence: string, other: string): string[] {
  const plain = (text: string): ReadonlySet<string> => kept(plainTerms, text, () => contentTermSet(text), MEMO_LIMIT);
  return [...kept(lacking, `${sentence}\u0000${other}`, () => differingPhrases(sentence, plain(other), termsOf), MEMO_LIMIT)];
}

/** What bestMatches needs of a sentence: its text, outlet and content words. */
export interface MatchableSentence {
  outlet: string;
  sentence: string;
  tokens: ReadonlySet<string>;
  weighed: WeighedTokens;
}

/**
 * For each sentence of `MIN_FACT_WORDS` content words or more, the position of its best match in another outlet
 * (-1 for none): the highest score min(containment both ways), the first in order on a tie, and at least `shared`.
 * Exactly what scanning every pair finds; syndicated copies repeat the same sentences across outlets, so each
 * distinct sentence is matched once, only against the distinct sentences holding one of its heaviest words
 * (heavyPrefix), and only a distinct sentence's first occurrence in another outlet can be the match.
 */
export function bestMatches(sentences: readonly MatchableSentence[], shared: number): number[] {
  const textIds = new Map<string, number>();
  const occurrences: number[][] = [];
  const idOf = sentences.map((s, i) => {
    let id = textIds.get(s.sentence);
    if (id === undefined) {
      id = occurrences.length;
      textIds.set(s.sentence, id);
      occurrences.push([]);
    }
    occurrences[id]!.push(i);
    return id;
  });
  const firstOf = occurrences.map((list) => sentences[list[0]!]!);
  // The first occurrence of a distinct sentence outside `outlet`: its first, or else the first in another outlet.
  const otherAt = occurrences.map((list) => list.find((i) => sentences[i]!.outlet !== sentences[list[0]!]!.outlet) ?? -1);
  const firstOutside = (t: number, outlet: string): number => (sentences[occurrences[t]![0]!]!.outlet !== outlet ? occurrences[t]![0]! : otherAt[t]!);
  const postings = postingsOf(firstOf.map((s) => s.tokens));
  const matches = new Map<number, { t: number; score: number }[]>();
  const match = (a: number): { t: number; score: number }[] => {
    const found: { t: number; score: number }[] = [];
    const x = firstOf[a]!;
    for (const t of candidates(x.weighed, shared, postings)) {
      const y = firstOf[t]!;
      const score = Math.min(containedIn(x.weighed, y.tokens), containedIn(y.weighed, x.tokens));
      if (score > 0 && score >= shared) found.push({ t, score });
    }
    return found;
  };
  return sentences.map((s, si) => {
    if (s.tokens.size < MIN_FACT_WORDS) return -1;
    let bestAt = -1;
    let bestScore = 0;
    for (const { t, score } of kept(matches, idOf[si]!, () => match(idOf[si]!))) {
      const at = firstOutside(t, s.outlet);
      if (at < 0) continue;
      if (score > bestScore || (score === bestScore && at < bestAt)) {
        bestAt = at;
        bestScore = score;
      }
    }
    return bestAt;
  });
}

/**
 * For each compared outlet, its sentences that another outlet carries in other words: most of the content
 * weight shared, but not all. What differs is the news: who is credited, how a person is described.
 */
function wordingDifferences<P extends ComparablePassage>(
  rows: OutletCoverage<P>[],
  split: (text: string) => SplitSentence[],
  shared: number,
): Wording[] {
  const sentences = rows.flatMap(({ outlet, passage }) =>
    passage === null ? [] : split(passage.text).map(({ text: sentence, tokens, weighed }) => ({ outlet, passage, sentence, tokens, weighed })),
  );
  const matched = bestMatches(sentences, shared);
  const out: Wording[] = [];
  const seen = new Set<string>();
  for (const [si, s] of sentences.entries()) {
    const best = matched[si]! < 0 ? null : sentences[matched[si]!]!;
    if (!best) continue;
    const pair = [s.sentence, best.sentence].sort().join('\u0000');
    if (seen.has(pair)) continue;
    seen.add(pair);
    const phrases = phrasesLacking(s.sentence, best.sentence);
    const theirs = phrasesLacking(best.sentence, s.sentence);
    if (phrases.length === 0 && theirs.length === 0) continue;
    out.push({
      outlet: s.outlet,
      article: s.passage.article,
      paragraph: s.passage.paragraph,
      sentence: s.sentence,
      phrases,
      versus: { outlet: best.outlet, article: best.passage.article, paragraph: best.passage.paragraph, sentence: best.sentence, phrases: theirs },
    });
  }
  return out;
}
