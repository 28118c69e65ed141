/**
 * Coverage comparison: for a topic's ranked passages, each outlet's best passage side by side, the
 * outlets with nothing on it, and the sentences of those passages that no other outlet carries.
 *
 * "No other outlet carries it" is judged on words, not meaning: a sentence is shared when most of its
 * content weight (rare words weigh more) is found in one sentence of another outlet's coverage. A
 * paraphrase with different words counts as unshared, so `onlyIn` errs towards flagging; the
 * sentences are shown as they are, for readers to judge.
 */
import { splitSentences } from './sentences.js';
import { contentTokens } from './text.js';
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

export interface CoverageComparison<P extends ComparablePassage> {
  /** One row per outlet, outlets with a passage first (best score first), then those without. */
  outlets: OutletCoverage<P>[];
  /** Outlets with no passage on the topic. */
  missing: string[];
  onlyIn: OnlyIn[];
}

export interface CompareOptions {
  /** Every outlet in the corpus, so the ones with nothing on the topic can be named. */
  outlets: string[];
  weight: Weights;
  /** Everything each outlet published (all passages), to check whether a sentence is carried elsewhere. */
  coverage: ComparablePassage[];
  /** Passages scoring below this are not on the topic. Default: keep all. */
  minScore?: number;
  /** Share of a sentence's content weight that another outlet's sentence must carry for it to be shared. Default 0.5. */
  shared?: number;
  /** How texts become content words; use the tokens `weight` was built with (NewsIndex.tokens). Default contentTokens. */
  tokens?: (text: string) => Set<string>;
}

/** Sentences shorter than this many content words ("He added:") are not facts of their own. */
const MIN_FACT_WORDS = 4;

function sentencesOf(text: string): string[] {
  return splitSentences(text).sentences.map((s) => s.text);
}

export function compareCoverage<P extends ComparablePassage>(ranked: P[], options: CompareOptions): CoverageComparison<P> {
  const { outlets, weight, coverage, minScore = -Infinity, shared = 0.5, tokens: toTokens = contentTokens } = options;
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

  const elsewhere = new Map<string, Set<string>[]>();
  for (const p of coverage) {
    const list = elsewhere.get(p.outlet) ?? [];
    for (const s of sentencesOf(p.text)) list.push(toTokens(s));
    elsewhere.set(p.outlet, list);
  }
  const onlyIn: OnlyIn[] = [];
  for (const { outlet, passage } of rows) {
    if (passage === null) continue;
    for (const sentence of sentencesOf(passage.text)) {
      const tokens = toTokens(sentence);
      if (tokens.size < MIN_FACT_WORDS) continue;
      const carried = [...elsewhere.entries()].some(
        ([other, sentences]) => other !== outlet && sentences.some((s) => weightedContainment(tokens, s, weight) >= shared),
      );
      if (!carried) onlyIn.push({ outlet, article: passage.article, paragraph: passage.paragraph, sentence });
    }
  }
  return { outlets: rows, missing, onlyIn };
}
