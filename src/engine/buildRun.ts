/**
 * The build of a reindex, as the worker of a /reindex (buildWorker.ts) and the terminal's `npm run reindex`
 * (terminalReindex.ts) both run it: the build in use is loaded so unchanged articles (their passages, their
 * vectors in its graph) are carried over, the corpus rebuilt (rebuildIndex), the news layer and the search index
 * derived and the build saved (CURRENT swapped). The embedding model is loaded only when some text is not in the
 * embedding cache: a changed sentence needs it, a removed article does not.
 */
import { withEmbeddingCache } from '../embeddings/cache.js';
import { createEmbedder } from '../embeddings/createEmbedder.js';
import { startThreadEmbedder } from '../embeddings/threadEmbedder.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { readCurrentBuildIfValid } from '../index/indexFiles.js';
import { loadIndex } from '../index/loadIndex.js';
import { rebuildIndex } from '../index/rebuild.js';
import type { ReindexReport } from '../index/report.js';
import { saveIndex } from '../index/saveIndex.js';
import { ensureLexicon } from '../lexicon/lexicon.js';
import type { Embedder } from '../types.js';
import { deriveBuild, deriveBuildFiles, hasDerivedFiles, NEWS_FILE } from './engineState.js';
import { startNewsThread } from './newsThread.js';
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
  // A new or changed article file will most likely bring a text to embed: the model is loaded at once, in a thread of
  // its own, while the build is read and the corpus cut (see threadEmbedder.ts: the same vectors, bit for bit).
  const early = read?.newFiles === true && checked?.manifest.embedder.id === job.embedderId ? startThreadEmbedder(job.config) : null;
  early?.catch(() => {}); // a load failure is reported when the model is asked for
  try {
    return await buildWith(job, { onProgress, onWarn }, read, early);
  } finally {
    // Once the model is loaded (an unused one too: onnxruntime is never stopped mid-way).
    await early?.then((thread) => thread.close(), () => {});
  }
}

async function buildWith(
  job: BuildJob,
  { onProgress, onWarn }: BuildHooks,
  read: CheckedSinceBuild | null,
  early: Promise<Embedder> | null,
): Promise<{ report: ReindexReport; build: string; kept: boolean }> {
  const checked = read?.current ?? null;
  const inUse = checked !== null ? checked.build : await readCurrentBuildIfValid(job.config.INDEX_DIR);
  const current = inUse === null ? null : await loadIndex(job.config.INDEX_DIR, undefined, checked ?? undefined).catch(() => null);
  // Built with the configured embedder: its dimensions are known without loading the model.
  const built = current?.manifest.embedder;
  const embedder =
    built !== undefined && built.id === job.embedderId
      ? lazyEmbedder(built.id, built.dimensions, () => early ?? createEmbedder(job.config))
      : await createEmbedder(job.config);
  const cached = withEmbeddingCache(embedder, job.config.EMBED_CACHE_DIR, { logger: { warn: (obj: unknown, msg?: string) => onWarn(obj, msg ?? '') } as never });
  if (cached.id !== job.embedderId) throw new Error(`the build's embedder is ${cached.id}, the engine's ${job.embedderId}`);
  // The news layer is derived in a thread of its own, from the moment the passages are cut (see newsThread.ts).
  const saved = current?.derived?.[NEWS_FILE];
  const newsThread = startNewsThread(current !== null && saved !== undefined ? { saved, passages: current.passages, articles: current.manifest.articles } : null);
  let news: Promise<string> | null = null;
  try {
    const { data, report } = await rebuildIndex(job.config.CORPUS_DIR, cached, job.previous, onProgress, current, {
      ownsGraph: true,
      ...(read?.corpus ? { corpus: read.corpus } : {}),
      onPassages: (articles, passages) => {
        news = newsThread.derive(articles, passages);
        news.catch(() => {}); // awaited below; a build that fails before that reports its own error
      },
    });
    if (current !== null && data.vectors === current.vectors && hasDerivedFiles(data) && (await readCurrentBuildIfValid(job.config.INDEX_DIR)) === current.build) {
      return { report, build: current.build, kept: true };
    }
    // The news layer and search index are derived once here and saved with the build.
    const lexicon = await ensureLexicon(job.config.MODEL_DIR, (msg, err) => onWarn({ err: String(err) }, msg));
    if (news === null) deriveBuild(data, lexicon, current);
    else deriveBuildFiles(data, lexicon, await news);
    onProgress({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
    const build = await saveIndex(job.config.INDEX_DIR, data, { lockedSince: job.lockedSince, keepBuilds: job.config.INDEX_BUILDS_KEPT, swap: job.swap !== false });
    return { report, build, kept: false };
  } finally {
    await newsThread.close();
  }
}
