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
import { weightedContainment, type Weights } from './groupStatements.js';

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
  tokens: Set<string>[];
  postings: Map<string, number[]>;
}

export function sentenceIndexOf(outlets: string[], tokens: Set<string>[]): SentenceIndex {
  const postings = new Map<string, number[]>();
  tokens.forEach((set, i) => {
    for (const t of set) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  return { outlets, tokens, postings };
}

export function buildSentenceIndex(coverage: readonly { outlet: string; text: string }[], toTokens: (text: string) => Set<string> = contentTermSet): SentenceIndex {
  const outlets: string[] = [];
  const tokens: Set<string>[] = [];
  // Syndicated copies share their text: each distinct text is cut and read once (its sentences' sets shared, read only).
  const read = new Map<string, Set<string>[]>();
  for (const p of coverage) {
    let sets = read.get(p.text);
    if (sets === undefined) read.set(p.text, (sets = sentencesOf(p.text).map((s) => toTokens(s))));
    for (const set of sets) {
      outlets.push(p.outlet);
      tokens.push(set);
    }
  }
  return sentenceIndexOf(outlets, tokens);
}

/**
 * Whether a sentence of an outlet other than `outlet` carries at least `shared` of `tokens`' weight. Exact:
 * such a sentence holds one of the heaviest words that together weigh more than the other (1 - shared).
 */
function carriedElsewhere(index: SentenceIndex, tokens: Set<string>, outlet: string, weight: Weights, shared: number, among?: ReadonlySet<string>): boolean {
  const ranked = [...tokens].map((t) => ({ t, w: weight(t) })).sort((a, b) => b.w - a.w);
  const total = ranked.reduce((sum, r) => sum + r.w, 0);
  const enough = (1 - shared) * total * (1 + 1e-9) + 1e-12;
  const seen = new Set<number>();
  let taken = 0;
  for (const { t, w } of ranked) {
    for (const i of index.postings.get(t) ?? []) {
      if (seen.has(i) || index.outlets[i] === outlet || (among !== undefined && !among.has(index.outlets[i]!))) continue;
      seen.add(i);
      if (weightedContainment(tokens, index.tokens[i]!, weight) >= shared) return true;
    }
    taken += w;
    if (taken > enough) break;
  }
  return false;
}

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
  tokens?: (text: string) => Set<string>;
}

/** Sentences shorter than this many content words ("He added:") are not facts of their own. */
const MIN_FACT_WORDS = 4;

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
  const onlyIn: OnlyIn[] = [];
  for (const { outlet, passage } of rows) {
    if (passage === null) continue;
    for (const sentence of sentencesOf(passage.text)) {
      const tokens = toTokens(sentence);
      if (tokens.size < MIN_FACT_WORDS) continue;
      if (!carriedElsewhere(index, tokens, outlet, weight, shared, options.among)) onlyIn.push({ outlet, article: passage.article, paragraph: passage.paragraph, sentence });
    }
  }
  return { outlets: rows, missing, onlyIn, wording: wordingDifferences(rows, weight, toTokens, shared) };
}

/** Words of `sentence` (as written) that `other` lacks, joined into runs: "Number 10", "Starmer's office". */
function differingPhrases(sentence: string, other: Set<string>): string[] {
  const phrases: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) phrases.push(run.join(' '));
    run = [];
  };
  const raws = sentence.split(/\s+/);
  for (const [i, raw] of raws.entries()) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const tokens = [...contentTermSet(word)];
    // A first name or title before a surname both versions use ("Donald Trump" / "Mr Trump") is not a difference.
    const next = [...contentTermSet(raws[i + 1] ?? '')];
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

/**
 * For each compared outlet, its sentences that another outlet carries in other words: most of the content
 * weight shared, but not all. What differs is the news: who is credited, how a person is described.
 */
function wordingDifferences<P extends ComparablePassage>(
  rows: OutletCoverage<P>[],
  weight: Weights,
  toTokens: (text: string) => Set<string>,
  shared: number,
): Wording[] {
  const sentences = rows.flatMap(({ outlet, passage }) =>
    passage === null ? [] : sentencesOf(passage.text).map((sentence) => ({ outlet, passage, sentence, tokens: toTokens(sentence), plain: contentTermSet(sentence) })),
  );
  // Syndicated copies repeat the same sentences across outlets: each pair of distinct sentences is scored once,
  // and for each distinct sentence only its first occurrence in another outlet can be the (first) best match.
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
  const pairScores = new Map<number, number>();
  const distinct = occurrences.length;
  const scoreOf = (a: number, b: number): number => {
    const key = a < b ? a * distinct + b : b * distinct + a;
    let score = pairScores.get(key);
    if (score === undefined) {
      const x = firstOf[a]!.tokens;
      const y = firstOf[b]!.tokens;
      score = Math.min(weightedContainment(x, y, weight), weightedContainment(y, x, weight));
      pairScores.set(key, score);
    }
    return score;
  };
  const out: Wording[] = [];
  const seen = new Set<string>();
  for (const [si, s] of sentences.entries()) {
    if (s.tokens.size < MIN_FACT_WORDS) continue;
    // The first sentence, in order, with the highest score among other outlets' (as a scan of every pair finds it).
    let bestAt = -1;
    let bestScore = 0;
    for (let t = 0; t < distinct; t++) {
      const at = occurrences[t]!.find((i) => sentences[i]!.outlet !== s.outlet);
      if (at === undefined) continue;
      const score = scoreOf(idOf[si]!, t);
      if (score > bestScore || (score === bestScore && score > 0 && at < bestAt)) {
        bestAt = at;
        bestScore = score;
      }
    }
    const best = bestAt < 0 ? null : sentences[bestAt]!;
    if (!best || bestScore < shared) continue;
    const pair = [s.sentence, best.sentence].sort().join('\u0000');
    if (seen.has(pair)) continue;
    seen.add(pair);
    const phrases = differingPhrases(s.sentence, best.plain);
    const theirs = differingPhrases(best.sentence, s.plain);
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
