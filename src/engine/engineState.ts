import { stat } from 'node:fs/promises';
import { currentPointerPath } from '../index/indexFiles.js';
import type { LoadedIndex } from '../index/loadIndex.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { NewsIndex } from '../news/newsIndex.js';
import { buildNewsIndex, previousLayer, type PreviousNews } from '../news/newsIndex.js';
import { loadOrBuildNews, newsPartsFromJson, newsToJson } from '../news/newsStore.js';
import { buildQuestionContext, type QuestionContext } from '../news/questionContext.js';
import { createSearchIndex, loadOrCreateSearchIndex, searchIndexToJson, type SearchIndex } from '../retrieval/searchIndex.js';
import type { IndexData } from '../index/buildIndex.js';

/** The loaded index and what is derived from it; replaced as a whole when a reindex is swapped in. */
export interface EngineState {
  index: LoadedIndex;
  search: SearchIndex;
  articles: Map<string, ManifestArticle>;
  passagesById: Map<string, StoredPassage>;
  /** Each article's passages, in order. */
  passagesByArticle: Map<string, StoredPassage[]>;
  /** mtime of CURRENT when loaded, to notice a reindex done by another process (another shard). */
  pointerMtime: number;
  /** Quotations, speakers and question context, derived from the passages when the index loads. */
  news: NewsIndex;
  /** Per-outlet question context, built on first use. */
  outletContexts: Map<string, QuestionContext>;
}

import { NEWS_FILE, SEARCH_FILE } from './derivedFiles.js';

export { NEWS_FILE, SEARCH_FILE };

export interface Derived {
  news: NewsIndex;
  search: SearchIndex;
}

/** Whether a build carries every file the engine saves with it. */
export function hasDerivedFiles(data: IndexData): boolean {
  return data.derived?.[NEWS_FILE] !== undefined && data.derived[SEARCH_FILE] !== undefined;
}

/** Derives the news layer and the search index of a new build from its passages, and puts them in its files to save. */
export function deriveBuild(data: IndexData, lexicon: Lexicon | null, previous: IndexData | null = null): Derived {
  const search = createSearchIndex(data.passages, data.vectors, data.labels, lexicon);
  const news = buildNewsIndex(data.manifest.articles, data.passages, previousNews(previous, data));
  data.derived = { ...data.derived, [NEWS_FILE]: newsToJson(news), [SEARCH_FILE]: searchIndexToJson(search) };
  return { news, search };
}

/** The news layer of the build before this one (when it saved one), with the articles unchanged since. */
function previousNews(previous: IndexData | null, data: IndexData): PreviousNews | undefined {
  const saved = previous?.derived?.[NEWS_FILE];
  // Its parts only: the look-ups a news index answers from (groups, each speaker's) are not read here.
  const parts = saved === undefined || previous === null ? null : newsPartsFromJson(saved, previous.passages);
  if (previous === null || parts === null) return undefined;
  const news = previousLayer(parts, previous.passages);
  const before = new Map(previous.manifest.articles.map((a) => [a.id, a.hash]));
  const unchanged = new Set(data.manifest.articles.filter((a) => before.get(a.id) === a.hash).map((a) => a.id));
  return { news, passages: previous.passages, articles: previous.manifest.articles, unchanged };
}

/**
 * The state of a loaded build: what it saved is read back (derived again only for a build that lacks it, such
 * as a format-2 build), or what the caller just derived.
 */
export function deriveState(index: LoadedIndex, pointerMtime: number, lexicon: Lexicon | null, derived?: Derived): EngineState {
  const saved = index.derived ?? {};
  return {
    index,
    search: derived?.search ?? loadOrCreateSearchIndex(saved[SEARCH_FILE] ?? null, index.passages, index.vectors, index.labels, lexicon),
    articles: new Map(index.manifest.articles.map((a) => [a.id, a])),
    passagesById: new Map(index.passages.map((p) => [p.id, p])),
    passagesByArticle: byArticle(index.passages),
    pointerMtime,
    news: derived?.news ?? loadOrBuildNews(saved[NEWS_FILE] ?? null, index.manifest.articles, index.passages),
    outletContexts: new Map(),
  };
}

function byArticle(passages: StoredPassage[]): Map<string, StoredPassage[]> {
  const out = new Map<string, StoredPassage[]>();
  for (const p of passages) {
    const list = out.get(p.articleId);
    if (list) list.push(p);
    else out.set(p.articleId, [p]);
  }
  return out;
}

/** When CURRENT last changed (0 when there is none). */
export async function pointerMtime(indexDir: string): Promise<number> {
  try {
    return (await stat(currentPointerPath(indexDir))).mtimeMs;
  } catch {
    return 0;
  }
}

/** What one outlet's articles mention, to tell "this outlet has nothing on Greenland". Built once per outlet. */
export function outletCoverage(state: EngineState, outlet: string): QuestionContext {
  let ctx = state.outletContexts.get(outlet);
  if (!ctx) {
    const articles = state.index.manifest.articles.filter((a) => a.outlet === outlet);
    const passages = articles.flatMap((a) => state.passagesByArticle.get(a.id) ?? []);
    ctx = buildQuestionContext(articles, passages, state.news.directory);
    state.outletContexts.set(outlet, ctx);
  }
  return ctx;
}
