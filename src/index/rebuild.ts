import { loadCorpus } from '../corpus/loadCorpus.js';
import { BotError } from '../errors.js';
import { buildPassages } from '../passages/buildPassages.js';
import type { Embedder, Passage } from '../types.js';
import { buildIndex, type IndexData, type ReindexProgress } from './buildIndex.js';
import type { Manifest } from './manifest.js';

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  articles: number;
  passages: number;
  /** Passages embedded now; the rest came from the embedding cache. */
  embedded: number;
  cached: number;
  ms: number;
  /** Corpus files skipped, with the reason (bad front matter, ...); `detail` is for the terminal only (it may name server paths). */
  problems: { file: string; message: string; detail?: string }[];
}

export interface CachedEmbedder extends Embedder {
  stats(): { hits: number; misses: number };
  flush(): Promise<void>;
}

/** Reads the corpus, cuts passages, embeds (unchanged passages come from the cache) and builds a new index in memory. */
export async function rebuildIndex(
  corpusDir: string,
  embedder: CachedEmbedder,
  previous: Manifest | null,
  onProgress: (p: ReindexProgress) => void = () => {},
): Promise<{ data: IndexData; report: ReindexReport }> {
  const started = performance.now();
  // Progress is shown publicly in Discord: no server paths in it.
  onProgress({ stage: 'reading', done: 0, total: 0, message: 'Reading the corpus' });
  const { articles, problems } = await loadCorpus(corpusDir);
  if (articles.length === 0) {
    const why = problems.length > 0 ? ` (${problems.length} file(s) could not be read: ${problems.map((p) => p.error.message).join('; ')})` : '';
    throw new BotError('CORPUS_EMPTY', `The corpus in ${corpusDir} holds no usable articles${why}.`, { corpusDir });
  }

  onProgress({ stage: 'passages', done: 0, total: articles.length, message: `Cutting ${articles.length} articles into passages` });
  const passagesByArticle = new Map<string, Passage[]>();
  for (const article of articles) passagesByArticle.set(article.id, buildPassages(article));

  const before = embedder.stats();
  const data = await buildIndex(articles, passagesByArticle, embedder, onProgress);
  await embedder.flush();
  const after = embedder.stats();

  const old = new Map((previous?.articles ?? []).map((a) => [a.id, a.hash]));
  const now = new Map(articles.map((a) => [a.id, a.hash]));
  const report: ReindexReport = {
    added: articles.filter((a) => !old.has(a.id)).map((a) => a.id),
    changed: articles.filter((a) => old.has(a.id) && old.get(a.id) !== a.hash).map((a) => a.id),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    unchanged: articles.filter((a) => old.get(a.id) === a.hash).length,
    articles: articles.length,
    passages: data.passages.length,
    embedded: after.misses - before.misses,
    cached: after.hits - before.hits,
    ms: Math.round(performance.now() - started),
    problems: problems.map((p) => {
      // What only the terminal shows (a symbolic link's target is a server path): never in public messages.
      const target = p.error.context.target;
      return { file: p.file, message: p.error.message, ...(typeof target === 'string' ? { detail: `it points at ${target}` } : {}) };
    }),
  };
  return { data, report };
}
