/**
 * The build of a reindex, as the worker of a /reindex (buildWorker.ts) and the terminal's `npm run reindex`
 * (terminalReindex.ts) both run it: the build in use is loaded so unchanged articles (their passages, their
 * vectors in its graph) are carried over, the corpus rebuilt (rebuildIndex), the news layer and the search index
 * derived and the build saved (CURRENT swapped). The embedding model is loaded only when some text is not in the
 * embedding cache: a changed sentence needs it, a removed article does not.
 */
import { withEmbeddingCache } from '../embeddings/cache.js';
import { createEmbedder } from '../embeddings/createEmbedder.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { readCurrentBuildIfValid } from '../index/indexFiles.js';
import { loadIndex } from '../index/loadIndex.js';
import { rebuildIndex } from '../index/rebuild.js';
import type { ReindexReport } from '../index/report.js';
import { saveIndex } from '../index/saveIndex.js';
import { ensureLexicon } from '../lexicon/lexicon.js';
import type { Embedder } from '../types.js';
import { deriveBuild, hasDerivedFiles } from './engineState.js';
import type { BuildJob } from './reindexInWorker.js';
import type { CheckedSinceBuild } from './unchangedReindex.js';

export interface BuildHooks {
  onProgress: (progress: ReindexProgress) => void;
  onWarn: (obj: unknown, msg: string) => void;
}

/**
 * An embedder known by its id and dimensions that loads the model on its first `embed` call, and checks the
 * loaded model is the one it stood for.
 */
export function lazyEmbedder(id: string, dimensions: number, load: () => Promise<Embedder>): Embedder & { loaded(): boolean } {
  let loading: Promise<Embedder> | null = null;
  return {
    id,
    dimensions,
    loaded: () => loading !== null,
    async embed(texts) {
      loading ??= load().then((embedder) => {
        if (embedder.id !== id || embedder.dimensions !== dimensions) {
          throw new Error(`the model loaded is ${embedder.id} (${embedder.dimensions} dimensions), not ${id} (${dimensions})`);
        }
        return embedder;
      });
      return (await loading).embed(texts);
    },
  };
}

/**
 * Builds and saves a new build from the corpus (or keeps the build in use when it is exactly what the corpus gives).
 * `read`: what the no-change check read under the lock held since (the build in use, checked; the corpus files'
 * texts), taken instead of reading and checksumming them again.
 */
export async function buildFromCorpus(
  job: BuildJob,
  { onProgress, onWarn }: BuildHooks,
  read: CheckedSinceBuild | null = null,
): Promise<{ report: ReindexReport; build: string; kept: boolean }> {
  // The build in use, so unchanged articles are carried over (and, when nothing changed, the build itself).
  const checked = read?.current ?? null;
  const inUse = checked !== null ? checked.build : await readCurrentBuildIfValid(job.config.INDEX_DIR);
  const current = inUse === null ? null : await loadIndex(job.config.INDEX_DIR, undefined, checked ?? undefined).catch(() => null);
  // Built with the configured embedder: its dimensions are known without loading the model.
  const built = current?.manifest.embedder;
  const embedder =
    built !== undefined && built.id === job.embedderId ? lazyEmbedder(built.id, built.dimensions, () => createEmbedder(job.config)) : await createEmbedder(job.config);
  const cached = withEmbeddingCache(embedder, job.config.EMBED_CACHE_DIR, { logger: { warn: (obj: unknown, msg?: string) => onWarn(obj, msg ?? '') } as never });
  if (cached.id !== job.embedderId) throw new Error(`the build's embedder is ${cached.id}, the engine's ${job.embedderId}`);
  const { data, report } = await rebuildIndex(job.config.CORPUS_DIR, cached, job.previous, onProgress, current, { ownsGraph: true, ...(read?.corpus ? { corpus: read.corpus } : {}) });
  if (current !== null && data.vectors === current.vectors && hasDerivedFiles(data) && (await readCurrentBuildIfValid(job.config.INDEX_DIR)) === current.build) {
    return { report, build: current.build, kept: true };
  }
  // The news layer and search index are derived once here and saved with the build.
  const lexicon = await ensureLexicon(job.config.MODEL_DIR, (msg, err) => onWarn({ err: String(err) }, msg));
  deriveBuild(data, lexicon, current);
  onProgress({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
  const build = await saveIndex(job.config.INDEX_DIR, data, { lockedSince: job.lockedSince, keepBuilds: job.config.INDEX_BUILDS_KEPT, swap: job.swap !== false });
  return { report, build, kept: false };
}
