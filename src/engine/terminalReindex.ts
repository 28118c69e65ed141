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
import { checkCurrentBuild } from '../index/checkBuild.js';
import { acquireReindexLock } from '../index/lock.js';
import { reportChanges, type ReindexReport } from '../index/report.js';
import { buildFromCorpus } from './buildRun.js';

export async function terminalReindex(
  config: Config,
  actor: Actor,
  { onProgress = () => {}, onWarn = () => {} }: { onProgress?: (p: ReindexProgress) => void; onWarn?: (obj: unknown, msg: string) => void } = {},
): Promise<ReindexReport | null> {
  const embedderId = localEmbedderId(config.EMBEDDING_MODEL, config.MODEL_DIR);
  if (embedderId === null) return null;
  const lock = await acquireReindexLock(config.INDEX_DIR);
  if (!lock) return null; // the full reindex says who holds it
  const audit = new JsonLinesAuditLog(auditLogPath(config.INDEX_DIR));
  // As the engine records it: a failure to write the audit log is never fatal.
  const record = (entry: AuditEntry): Promise<void> => audit.append(entry).catch(() => {});
  try {
    const current = await checkCurrentBuild(config.INDEX_DIR).catch(() => null);
    if (current === null || current.manifest.embedder.id !== embedderId) return null;
    const previousBuild = current.build;
    try {
      const { report, build, kept } = await buildFromCorpus(
        { config, embedderId, previous: current.manifest, lockedSince: lock.since },
        { onProgress, onWarn },
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
  } finally {
    await lock.release();
  }
}
