/**
 * `npm run reindex` after a change, in the terminal's own process: no engine is created, so neither the model
 * (unless a text is not in the embedding cache) nor the build in use is loaded to answer questions, and the new
 * build is not loaded after it is saved (nothing in this process answers from it). The build is the one a
 * /reindex's worker runs (buildFromCorpus), under the same lock, with the same audit entry. Anything it cannot
 * decide alone (no valid build in use, one built by another embedder, a model only loading can identify, another
 * writer holding the lock) is left to the engine's full reindex (null).
 */
import type { Config } from '../config/config.js';
import { localEmbedderId } from '../embeddings/modelFolder.js';
import { auditError, auditLogPath, JsonLinesAuditLog, type Actor, type AuditEntry } from '../index/audit.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { readCheckedBuild } from '../index/checkBuild.js';
import { acquireReindexLock, type HeldLock } from '../index/lock.js';
import { reportChanges, type ReindexReport } from '../index/report.js';
import { buildFromCorpus } from './buildRun.js';
import type { CheckedSinceBuild } from './unchangedReindex.js';

type Hooks = { onProgress?: (p: ReindexProgress) => void; onWarn?: (obj: unknown, msg: string) => void };

export async function terminalReindex(config: Config, actor: Actor, hooks: Hooks = {}): Promise<ReindexReport | null> {
  const lock = await acquireReindexLock(config.INDEX_DIR);
  if (!lock) return null; // the full reindex says who holds it
  try {
    return await terminalReindexLocked(config, actor, lock, null, hooks);
  } finally {
    await lock.release();
  }
}

/**
 * terminalReindex for a caller that holds the lock: `read` is what its no-change check read under it (the build in
 * use, checked; the corpus files), built from as it is; null: read here.
 */
export async function terminalReindexLocked(
  config: Config,
  actor: Actor,
  lock: HeldLock,
  read: CheckedSinceBuild | null,
  { onProgress = () => {}, onWarn = () => {} }: Hooks = {},
): Promise<ReindexReport | null> {
  const embedderId = localEmbedderId(config.EMBEDDING_MODEL, config.MODEL_DIR);
  if (embedderId === null) return null;
  const audit = new JsonLinesAuditLog(auditLogPath(config.INDEX_DIR));
  // As the engine records it: a failure to write the audit log is never fatal.
  const record = (entry: AuditEntry): Promise<void> => audit.append(entry).catch(() => {});
  const current = read !== null ? read.current : await readCheckedBuild(config.INDEX_DIR);
  if (current === null || current.manifest.embedder.id !== embedderId) return null;
  const previousBuild = current.build;
  try {
    const { report, build, kept } = await buildFromCorpus(
      { config, embedderId, previous: current.manifest, lockedSince: lock.since },
      { onProgress, onWarn },
      { current, corpus: read?.corpus ?? null },
    );
    onProgress({ stage: 'done', done: 1, total: 1, message: kept ? 'Nothing changed: the index in use is kept' : 'Index swapped in' });
    await record({
      at: new Date().toISOString(),
      action: 'reindex',
      actor,
      ok: true,
      build,
      previousBuild,
      changes: reportChanges(report),
    });
    return report;
  } catch (error) {
    await record({
      at: new Date().toISOString(),
      action: 'reindex',
      actor,
      ok: false,
      previousBuild,
      error: auditError(error),
    });
    throw error;
  }
}
