/** The engine's API: what the CLI and the Discord bot call. */
import type { AnswerResult } from '../answer/types.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import type { Actor, AuditAction, AuditEntry, AuditLog } from '../index/audit.js';
import type { KeptBuild } from '../index/history.js';
import type { ReindexReport } from '../index/report.js';
import type { IndexedText } from '../ingest/syndication.js';
import type { Speaker } from '../news/speakers.js';
import type { ResolvedQuestion, Turn } from '../plan/followUp.js';
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

/** A change to the corpus made under the reindex lock, just before the corpus is read, and undone if the reindex fails. */
export interface CorpusChange {
  apply(): Promise<void>;
  revert(): Promise<void>;
  /** Checks the rebuilt index took the change; throwing reverts it (nothing is swapped in). */
  verify?(report: ReindexReport): void;
}

export interface ReindexOptions {
  /** Who asked: recorded in the audit log (default: the system). */
  actor?: Actor;
  /** What the audit log calls it (default `reindex`). */
  action?: AuditAction;
  /** The article an add or remove is about, for the audit log. */
  article?: AuditEntry['article'];
  change?: CorpusChange;
  /** Aborting stops the reindex: the worker is stopped, its half build removed, REINDEX_INTERRUPTED thrown. */
  signal?: AbortSignal;
}

export interface RollbackReport {
  build: string;
  previous: string | null;
  builtAt: string;
  articles: number;
  /** Corpus files that differ from the build now in use, each with how ("not in this build", ...). */
  differs: string[];
}

export interface Engine {
  ask(question: string, options?: AskOptions): Promise<AnswerResult>;
  /** A message of a conversation read against its earlier turns ("and Macron?"): the question to ask, and how. */
  resolve(message: string, turns: readonly Turn[]): ResolvedQuestion;
  /** Statements by one person, grouped across outlets and cited, every one of them listed. */
  quote(speaker: string): Promise<AnswerResult>;
  speakers(): Speaker[];
  sources(): SourcesInfo;
  /** Rebuilds from the corpus and swaps the new index in; questions keep using the old index until then. */
  reindex(onProgress?: (p: ReindexProgress) => void, options?: ReindexOptions): Promise<ReindexReport>;
  /** Swaps a kept build back in (under the reindex lock); the corpus is left as it is. */
  rollback(build: string, actor: Actor): Promise<RollbackReport>;
  /** The builds kept on disk, newest first. */
  builds(): Promise<KeptBuild[]>;
  /** The indexed articles' passages, for the syndicated-copy warning. */
  indexedTexts(): IndexedText[];
  /** Every audit entry this engine writes is also handed to the listeners (the bot posts them to MOD_LOG_CHANNEL_ID). */
  onAudit(listener: (entry: AuditEntry) => void): void;
  readonly audit: AuditLog;
  readonly build: string;
  /** Stops a reindex in progress (its caller gets REINDEX_INTERRUPTED); resolves once it has stopped and cleaned up. */
  interruptReindex(): Promise<void>;
  readonly reindexing: boolean;
}
