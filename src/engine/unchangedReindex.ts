/**
 * A reindex that finds nothing to do, without loading the embedding model or the index: the build CURRENT names
 * is checked (every file against its checksum), the corpus files hashed and compared with its manifest, and when
 * they are the same articles (same files, same content, same order, nothing else to read or report), the
 * configured embedder is the one it was built with and the build carries its derived files, the build in use
 * stays, exactly as a full reindex would decide (see rebuildIndex). Anything else (a change, a damaged or missing
 * index, a model only loading can identify, another writer holding the lock) is left to the full reindex, which
 * goes on from what this check read (the build, checked; the corpus files) instead of reading it again. Kept
 * light on purpose: a new `npm run reindex` process with nothing to do loads only this, not the model runtime,
 * the news layer or the HNSW graph; the build worker of a /reindex asks it first too.
 */
import type { Config } from '../config/config.js';
import { corpusFingerprint } from '../corpus/loadCorpus.js';
import { localEmbedderId } from '../embeddings/modelFolder.js';
import { auditLogPath, JsonLinesAuditLog, type Actor } from '../index/audit.js';
import { readCheckedBuild, type ReadBuild } from '../index/checkBuild.js';
import { INDEX_FORMAT_VERSION } from '../index/manifest.js';
import { acquireReindexLock, type HeldLock } from '../index/lock.js';
import { unchangedReport, type ReindexReport } from '../index/report.js';
import { NEWS_FILE, SEARCH_FILE } from './derivedFiles.js';

/** What the no-change check read, for the full reindex to go on from under the same lock. */
export interface CheckedSinceBuild {
  /** The build CURRENT names, every file checked against its checksum; null: none, or one that failed the check. */
  current: ReadBuild | null;
  /** The corpus's article files' texts by file name; null: not read (the folder holds something loadCorpus reports). */
  corpus: ReadonlyMap<string, string> | null;
}

/**
 * The build in use and the report of keeping it (`kept`), when the corpus and the configured embedder are exactly
 * what it was built from; else null, with what was read. Takes no lock: the caller holds it (see reindexIfUnchanged,
 * and the build worker).
 */
export async function sinceBuild(config: Config): Promise<{ kept: { build: string; report: ReindexReport } | null; read: CheckedSinceBuild }> {
  const started = performance.now();
  const embedderId = localEmbedderId(config.EMBEDDING_MODEL, config.MODEL_DIR);
  if (embedderId === null) return { kept: null, read: { current: null, corpus: null } };
  // The build's checksums and the corpus files' hashes, read side by side.
  const [current, corpus] = await Promise.all([readCheckedBuild(config.INDEX_DIR), corpusFingerprint(config.CORPUS_DIR)]);
  const read: CheckedSinceBuild = { current, corpus: corpus === null ? null : new Map(corpus.map((c) => [c.file, c.text])) };
  const none = { kept: null, read };
  if (current === null || corpus === null || current.manifest.embedder.id !== embedderId) return none;
  // A build of an earlier format (before the derived files, before sentence vectors) is written again, as the full reindex does.
  if (current.manifest.format !== INDEX_FORMAT_VERSION) return none;
  const derived = current.manifest.checksums.derived ?? {};
  if (derived[NEWS_FILE] === undefined || derived[SEARCH_FILE] === undefined) return none;
  const articles = current.manifest.articles;
  const same = articles.length > 0 && corpus.length === articles.length && corpus.every((c, i) => c.file === articles[i]!.file && c.hash === articles[i]!.hash);
  if (!same) return none;
  return { kept: { build: current.build, report: unchangedReport(articles.length, current.manifest.passages, current.manifest.sentences ?? 0, [], started) }, read };
}

/**
 * The report of a reindex that kept the build in use, or null when a full reindex has to decide. `onChange`: what to
 * do, still under the lock, when something changed, given what the check read (its report, or null to leave it to
 * the full reindex).
 */
export async function reindexIfUnchanged(
  config: Config,
  actor: Actor,
  onChange?: (lock: HeldLock, read: CheckedSinceBuild) => Promise<ReindexReport | null>,
): Promise<ReindexReport | null> {
  const lock = await acquireReindexLock(config.INDEX_DIR);
  if (!lock) return null; // the full reindex says who holds it
  try {
    const { kept, read } = await sinceBuild(config);
    if (kept === null) return onChange ? await onChange(lock, read) : null;
    const entry = {
      at: new Date().toISOString(),
      action: 'reindex' as const,
      actor,
      ok: true,
      build: kept.build,
      previousBuild: kept.build,
      changes: { added: [], changed: [], removed: [] },
    };
    // As the engine records it; a failure to write the audit log is never fatal there either.
    await new JsonLinesAuditLog(auditLogPath(config.INDEX_DIR)).append(entry).catch(() => {});
    return kept.report;
  } finally {
    await lock.release();
  }
}
