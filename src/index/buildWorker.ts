/**
 * Worker thread entry of a reindex (see reindexInWorker.ts): loads the embedder, then runs the same build as
 * in-process (rebuildIndex, then saveIndex, which swaps CURRENT) and posts progress and the result back.
 * The thread that serves Discord never embeds or builds. The caller holds the reindex lock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { withEmbeddingCache } from '../embeddings/cache.js';
import { createEmbedder } from '../embeddings/createEmbedder.js';
import { isBotError } from '../errors.js';
import { rebuildIndex } from './rebuild.js';
import { saveIndex } from './saveIndex.js';
import type { BuildJob, WorkerMessage } from './reindexInWorker.js';

const port = parentPort;
if (!port) throw new Error('buildWorker.ts runs as a worker thread only');
const post = (message: WorkerMessage): void => port.postMessage(message);

async function run(job: BuildJob): Promise<void> {
  const embedder = await createEmbedder(job.config);
  const cached = withEmbeddingCache(embedder, job.config.EMBED_CACHE_DIR, {
    logger: { warn: (obj: unknown, msg?: string) => post({ type: 'log', level: 'warn', obj, msg: msg ?? '' }) } as never,
  });
  if (cached.id !== job.embedderId) {
    throw new Error(`the worker's embedder is ${cached.id}, the engine's ${job.embedderId}`);
  }
  const onProgress = (p: Parameters<Parameters<typeof rebuildIndex>[3] & object>[0]): void => post({ type: 'progress', progress: p });
  const { data, report } = await rebuildIndex(job.config.CORPUS_DIR, cached, job.previous, onProgress);
  onProgress({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
  const build = await saveIndex(job.config.INDEX_DIR, data, { lockedSince: job.lockedSince });
  post({ type: 'done', report, build });
}

run(workerData as BuildJob).catch((error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  post({
    type: 'error',
    error: {
      message: e.message,
      stack: e.stack,
      code: isBotError(e) ? e.code : undefined,
      context: isBotError(e) ? e.context : undefined,
    },
  });
});
