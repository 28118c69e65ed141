import { stat } from 'node:fs/promises';
import { currentPointerPath } from '../index/indexFiles.js';
import type { LoadedIndex } from '../index/loadIndex.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { buildNewsIndex, type NewsIndex } from '../news/newsIndex.js';
import { buildQuestionContext, type QuestionContext } from '../news/questionContext.js';
import { createSearchIndex, type SearchIndex } from '../retrieval/searchIndex.js';

/** The loaded index and what is derived from it; replaced as a whole when a reindex is swapped in. */
export interface EngineState {
  index: LoadedIndex;
  search: SearchIndex;
  articles: Map<string, ManifestArticle>;
  passagesById: Map<string, StoredPassage>;
  /** mtime of CURRENT when loaded, to notice a reindex done by another process (another shard). */
  pointerMtime: number;
  /** Quotations, speakers and question context, derived from the passages when the index loads. */
  news: NewsIndex;
  /** Per-outlet question context, built on first use. */
  outletContexts: Map<string, QuestionContext>;
}

export function deriveState(index: LoadedIndex, pointerMtime: number, lexicon: Lexicon | null): EngineState {
  return {
    index,
    search: createSearchIndex(index.passages, index.vectors, lexicon),
    articles: new Map(index.manifest.articles.map((a) => [a.id, a])),
    passagesById: new Map(index.passages.map((p) => [p.id, p])),
    pointerMtime,
    news: buildNewsIndex(index.manifest.articles, index.passages),
    outletContexts: new Map(),
  };
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
    const ids = new Set(articles.map((a) => a.id));
    ctx = buildQuestionContext(articles, state.index.passages.filter((p) => ids.has(p.articleId)), state.news.directory);
    state.outletContexts.set(outlet, ctx);
  }
  return ctx;
}
