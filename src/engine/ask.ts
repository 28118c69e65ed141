/**
 * One question, one path: understand -> retrieve -> answer. The plan says what the question wants and what
 * to search; retrieval runs only when the plan asks for it; the plan's answer kind post-processes the hits
 * and composes the answer. Rendering is the front ends' (cli, bot).
 */
import { calibrationFor } from '../answer/calibration.js';
import { answerPlan } from '../answer/kinds/index.js';
import type { AnswerResult } from '../answer/types.js';
import type { StoredPassage } from '../index/passageStore.js';
import { statementsBy } from '../news/newsIndex.js';
import { searchOf, type QuestionPlan } from '../plan/plan.js';
import { understand, type PlanOptions } from '../plan/understand.js';
import { CANDIDATES, relatedWords, retrieve, type Hit, type RetrievalMode } from '../retrieval/retrieve.js';
import { englishWord } from '../text/english.js';
import { TOPIC_NAME } from '../topic/profile.js';
import type { Embedder } from '../types.js';
import { outletCoverage, type EngineState } from './engineState.js';

/** The words of the topic's own name, which a question about the coverage may use without naming a topic. */
const TOPIC_WORDS: ReadonlySet<string> = new Set(TOPIC_NAME.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 0));

export interface AskOptions extends PlanOptions {
  /** Which retrievers to use; the shipped default is `hybrid` (the evaluation compares all three). */
  retrieval?: RetrievalMode;
  /** Query expansion through word vectors (default on; the evaluation also measures it off). */
  expand?: boolean;
}

/** What answering needs besides the loaded index. */
export interface AskDeps {
  embedder: Embedder;
  /** Passages ranked (RETRIEVE_K) and quoted (ANSWER_PASSAGES). */
  retrieveK: number;
  answerPassages: number;
}

export interface SearchOutcome {
  hits: Hit[];
  embedMs: number;
  searchMs: number;
}

/** Embeds the text (unless lexical only) and retrieves from the loaded index, `depth` hits deep, timing both. */
export async function search(
  state: EngineState,
  embedder: Embedder,
  text: string,
  options: { depth: number; mode?: RetrievalMode; expand?: boolean; outlet?: string | null; extraTerms?: ReadonlyMap<string, number>; clauses?: readonly string[] },
): Promise<SearchOutcome> {
  const mode = options.mode ?? 'hybrid';
  const t0 = performance.now();
  // The text and its clauses in one batch.
  const vectors = mode === 'lexical' ? [] : await embedder.embed([text, ...(options.clauses ?? [])]);
  const vector = vectors[0] ?? null;
  const t1 = performance.now();
  const outlet = options.outlet ?? null;
  const hits = retrieve(state.search, text, vector, {
    k: options.depth,
    mode,
    ...(options.expand !== undefined ? { expand: options.expand } : {}),
    ...(outlet !== null ? { filter: (p: StoredPassage) => state.articles.get(p.articleId)?.outlet === outlet } : {}),
    ...(options.extraTerms ? { extraTerms: options.extraTerms } : {}),
    ...(vectors.length > 1 ? { clauseVectors: vectors.slice(1) } : {}),
  });
  return { hits, embedMs: t1 - t0, searchMs: performance.now() - t1 };
}

/** Headlines an overview ("what happened?") is searched by: one per outlet, its latest. */
const OVERVIEW_HEADLINES = 8;

/**
 * What the coverage as a whole is about, as text to search by: the latest headline of each outlet, the outlets with
 * the most articles first (then by name), at most OVERVIEW_HEADLINES of them, so that the search stays the size of a
 * question at any corpus size.
 */
function overviewText(articles: readonly { outlet: string; headline: string; published: string | null }[]): string {
  const byOutlet = new Map<string, { count: number; latest: { headline: string; published: string | null } }>();
  for (const a of articles) {
    const seen = byOutlet.get(a.outlet);
    if (!seen) byOutlet.set(a.outlet, { count: 1, latest: a });
    else {
      seen.count++;
      if ((a.published ?? '') > (seen.latest.published ?? '')) seen.latest = a;
    }
  }
  return [...byOutlet.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .slice(0, OVERVIEW_HEADLINES)
    .map(([, o]) => o.latest.headline)
    .join('. ');
}

export function planQuestion(state: EngineState, question: string, retrieveK: number, options: PlanOptions = {}): QuestionPlan {
  const lexicon = state.search.expansion?.lexicon;
  return understand(
    question,
    {
      coverage: state.news.question,
      outletCoverage: (outlet) => outletCoverage(state, outlet),
      retrieveK,
      topicWords: TOPIC_WORDS,
      isEnglishWord: (word) => englishWord(word, lexicon?.rows ?? null),
      speaks: (speakerId) => statementsBy(state.news, speakerId).length > 0,
      headlines: (outlet) => state.index.manifest.articles.filter((a) => a.outlet === outlet).map((a) => a.headline),
      overview: () => overviewText(state.index.manifest.articles),
    },
    options,
  );
}

/** Answers a plan: retrieves what it asks for (deep enough for re-ranking), then hands the hits to its answer kind. */
export async function answerFor(
  state: EngineState,
  deps: AskDeps,
  question: string,
  plan: QuestionPlan,
  options: AskOptions & { shownStatements?: number } = {},
): Promise<AnswerResult> {
  const request = searchOf(plan);
  const found = request
    ? await search(state, deps.embedder, request.text, {
        depth: Math.max(request.k, CANDIDATES),
        ...(options.retrieval ? { mode: options.retrieval } : {}),
        ...(options.expand !== undefined ? { expand: options.expand } : {}),
        outlet: request.outlet,
        extraTerms: request.extraTerms,
        clauses: request.clauses,
      })
    : { hits: [], embedMs: 0, searchMs: 0 };
  const t0 = performance.now();
  const body = answerPlan(plan, {
    question,
    hits: found.hits,
    articles: state.articles,
    passagesById: state.passagesById,
    allPassages: state.index.passages,
    news: state.news,
    listed: deps.retrieveK,
    quoted: deps.answerPassages,
    related: (word) => relatedWords(state.search, word),
    calibration: calibrationFor(deps.embedder.id),
    ...(options.shownStatements !== undefined ? { shownStatements: options.shownStatements } : {}),
  });
  return { ...body, question, timings: { embedMs: found.embedMs, searchMs: found.searchMs, composeMs: performance.now() - t0 } } as AnswerResult;
}

/** A validated question: understand -> retrieve -> answer. */
export function ask(state: EngineState, deps: AskDeps, question: string, options: AskOptions = {}): Promise<AnswerResult> {
  const plan = planQuestion(state, question, deps.retrieveK, options);
  return answerFor(state, deps, question, plan, options);
}
