/** The engine's API: what the CLI and the Discord bot call. */
import type { AnswerResult } from '../answer/types.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import type { ReindexReport } from '../index/rebuild.js';
import type { Speaker } from '../news/speakers.js';
import type { ArticleMeta } from '../types.js';
import type { AskOptions } from './ask.js';

export interface SourceArticle extends ArticleMeta {
  passages: number;
}

export interface SourcesInfo {
  /** ISO timestamp of the index build. */
  builtAt: string;
  embedder: string;
  dimensions: number;
  passages: number;
  articles: SourceArticle[];
}

export interface Engine {
  ask(question: string, options?: AskOptions): Promise<AnswerResult>;
  /** Statements by one person, grouped across outlets and cited, every one of them listed. */
  quote(speaker: string): Promise<AnswerResult>;
  speakers(): Speaker[];
  sources(): SourcesInfo;
  /** Rebuilds from the corpus and swaps the new index in; questions keep using the old index until then. */
  reindex(onProgress?: (p: ReindexProgress) => void): Promise<ReindexReport>;
  /** Stops a reindex in progress (its caller gets REINDEX_INTERRUPTED); resolves once it has stopped and cleaned up. */
  interruptReindex(): Promise<void>;
  readonly reindexing: boolean;
}
