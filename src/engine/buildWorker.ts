/**
 * Child process entry of a reindex (see reindexInWorker.ts): when nothing changed, says so without loading
 * anything (unchangedSinceBuild); else loads the embedder, then runs the same build as
 * in-process (rebuildIndex, then saveIndex, which swaps CURRENT) and sends progress and the result back over IPC.
 * The process that serves Discord never embeds or builds. The parent holds the reindex lock and decides when this
 * process stops: signals sent to the whole process group (Ctrl-C, SIGTERM to the group) are left to it, and this
 * process ends when the parent goes away.
 */
import { withEmbeddingCache } from '../embeddings/cache.js';
import { createEmbedder } from '../embeddings/createEmbedder.js';
import { isBotError } from '../errors.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { readCurrentBuildIfValid } from '../index/indexFiles.js';
import { loadIndex } from '../index/loadIndex.js';
import { rebuildIndex } from '../index/rebuild.js';
import { saveIndex } from '../index/saveIndex.js';
import { ensureLexicon } from '../lexicon/lexicon.js';
import { deriveBuild, hasDerivedFiles } from './engineState.js';
import { unchangedSinceBuild } from './unchangedReindex.js';
import type { BuildJob, WorkerMessage } from './reindexInWorker.js';

if (!process.send) throw new Error('buildWorker runs as a child process with an IPC channel only');
const post = (message: WorkerMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

// The parent stops this build (SIGKILL) when it must; a signal to the whole group is the parent's to handle.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
// The parent died (kill -9): nothing would take the result, and the lock is the parent's.
process.on('disconnect', () => process.exit(1));

async function run(job: BuildJob): Promise<void> {
  // Nothing changed: the build in use stays, decided without loading the model or the index.
  const unchanged = await unchangedSinceBuild(job.config);
  if (unchanged !== null && unchanged.report.articles > 0) {
    await post({ type: 'done', report: unchanged.report, build: unchanged.build, kept: true });
    return;
  }
  const embedder = await createEmbedder(job.config);
  const cached = withEmbeddingCache(embedder, job.config.EMBED_CACHE_DIR, {
    logger: { warn: (obj: unknown, msg?: string) => void post({ type: 'log', level: 'warn', obj, msg: msg ?? '' }) } as never,
  });
  if (cached.id !== job.embedderId) throw new Error(`the build's embedder is ${cached.id}, the engine's ${job.embedderId}`);
  const onProgress = (progress: ReindexProgress): void => void post({ type: 'progress', progress });
  // The build in use, so unchanged articles are carried over (and, when nothing changed, the build itself).
  const inUse = await readCurrentBuildIfValid(job.config.INDEX_DIR);
  const current = inUse === null ? null : await loadIndex(job.config.INDEX_DIR).catch(() => null);
  const { data, report } = await rebuildIndex(job.config.CORPUS_DIR, cached, job.previous, onProgress, current);
  if (current !== null && data.vectors === current.vectors && hasDerivedFiles(data) && (await readCurrentBuildIfValid(job.config.INDEX_DIR)) === current.build) {
    await post({ type: 'done', report, build: current.build, kept: true });
    return;
  }
  // The news layer and search index are derived once here and saved with the build.
  const lexicon = await ensureLexicon(job.config.MODEL_DIR, (msg, err) => void post({ type: 'log', level: 'warn', obj: { err: String(err) }, msg }));
  deriveBuild(data, lexicon);
  onProgress({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
  const build = await saveIndex(job.config.INDEX_DIR, data, { lockedSince: job.lockedSince, keepBuilds: job.config.INDEX_BUILDS_KEPT, swap: job.swap !== false });
  await post({ type: 'done', report, build, kept: false });
}

process.once('message', (job: BuildJob) => {
  run(job).then(
    () => process.exit(0),
    async (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      await post({
        type: 'error',
        error: { message: e.message, stack: e.stack, code: isBotError(e) ? e.code : undefined, context: isBotError(e) ? e.context : undefined },
      });
      process.exit(1);
    },
  );
});
