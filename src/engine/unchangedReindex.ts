/**
 * A reindex that finds nothing to do, without loading the embedding model or the index: the build CURRENT names
 * is checked (every file against its checksum), the corpus files hashed and compared with its manifest, and when
 * they are the same articles (same files, same content, same order, nothing else to read or report), the
 * configured embedder is the one it was built with and the build carries its derived files, the build in use
 * stays, exactly as a full reindex would decide (see rebuildIndex). Anything else (a change, a damaged or missing
 * index, a model only loading can identify, another writer holding the lock) is left to the full reindex. Kept
 * light on purpose: a new `npm run reindex` process with nothing to do loads only this, not the model runtime,
 * the news layer or the HNSW graph; the build worker of a /reindex asks it first too.
 */
import type { Config } from '../config/config.js';
import { corpusFingerprint } from '../corpus/loadCorpus.js';
import { localEmbedderId } from '../embeddings/modelFolder.js';
import { auditLogPath, JsonLinesAuditLog, type Actor } from '../index/audit.js';
import { checkCurrentBuild } from '../index/checkBuild.js';
import { INDEX_FORMAT_VERSION } from '../index/manifest.js';
import { acquireReindexLock } from '../index/lock.js';
import { unchangedReport, type ReindexReport } from '../index/report.js';
import { NEWS_FILE, SEARCH_FILE } from './derivedFiles.js';

/**
 * The build in use and the report of keeping it, when the corpus and the configured embedder are exactly what it
 * was built from; else null. Takes no lock: the caller holds it (see reindexIfUnchanged, and the build worker).
 */
export async function unchangedSinceBuild(config: Config): Promise<{ build: string; report: ReindexReport } | null> {
  const started = performance.now();
  const embedderId = localEmbedderId(config.EMBEDDING_MODEL, config.MODEL_DIR);
  if (embedderId === null) return null;
  // The build's checksums and the corpus files' hashes, read side by side.
  const [current, corpus] = await Promise.all([checkCurrentBuild(config.INDEX_DIR).catch(() => null), corpusFingerprint(config.CORPUS_DIR)]);
  if (current === null || corpus === null || current.manifest.embedder.id !== embedderId) return null;
  // A build of an earlier format (before the derived files, before sentence vectors) is written again, as the full reindex does.
  if (current.manifest.format !== INDEX_FORMAT_VERSION) return null;
  const derived = current.manifest.checksums.derived ?? {};
  if (derived[NEWS_FILE] === undefined || derived[SEARCH_FILE] === undefined) return null;
  const articles = current.manifest.articles;
  const same = articles.length > 0 && corpus.length === articles.length && corpus.every((c, i) => c.file === articles[i]!.file && c.hash === articles[i]!.hash);
  if (!same) return null;
  return { build: current.build, report: unchangedReport(articles.length, current.manifest.passages, current.manifest.sentences ?? 0, [], started) };
}

/** The report of a reindex that kept the build in use, or null when a full reindex has to decide. */
export async function reindexIfUnchanged(config: Config, actor: Actor): Promise<ReindexReport | null> {
  const lock = await acquireReindexLock(config.INDEX_DIR);
  if (!lock) return null; // the full reindex says who holds it
  try {
    const kept = await unchangedSinceBuild(config);
    if (kept === null) return null;
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
