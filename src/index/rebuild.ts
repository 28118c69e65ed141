import { loadCorpus } from '../corpus/loadCorpus.js';
import { BotError } from '../errors.js';
import { buildPassages } from '../passages/buildPassages.js';
import type { Article, Embedder, Passage } from '../types.js';
import { buildIndex, type GraphToReuse, type IndexData, type ReindexProgress } from './buildIndex.js';
import { DUPLICATES_FILE } from './groupDuplicates.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.js';
import { unchangedReport, type ReindexReport } from './report.js';
import { vectorCount } from './labels.js';

export interface CachedEmbedder extends Embedder {
  stats(): { hits: number; misses: number };
  flush(): Promise<void>;
}

/** The corpus holds exactly the articles (same files, same content, same order) the manifest was built from. */
function sameArticles(articles: readonly Article[], manifest: Manifest): boolean {
  return (
    articles.length === manifest.articles.length &&
    articles.every((a, i) => {
      const m = manifest.articles[i]!;
      return m.id === a.id && m.hash === a.hash && m.file === a.file;
    })
  );
}

/** Reads the corpus, cuts passages, embeds (unchanged passages come from the cache) and builds a new index in memory. */
export async function rebuildIndex(
  corpusDir: string,
  embedder: CachedEmbedder,
  previous: Manifest | null,
  onProgress: (p: ReindexProgress) => void = () => {},
  /**
   * The build in use: when the corpus is exactly the one it was built from, it is carried over as it is; else its
   * unchanged articles' passages are kept, and its graph extended (see reusePlan).
   */
  current: IndexData | null = null,
  /**
   * ownsGraph: whether `current`'s graph is this build's to change (loaded for it alone): else it is copied first.
   * corpus: the article files' texts as the caller read them under the reindex lock (see loadCorpus's `read`).
   */
  { ownsGraph = false, corpus }: { ownsGraph?: boolean; corpus?: ReadonlyMap<string, string> } = {},
): Promise<{ data: IndexData; report: ReindexReport }> {
  const started = performance.now();
  // Progress is shown publicly in Discord: no server paths in it.
  onProgress({ stage: 'reading', done: 0, total: 0, message: 'Reading the corpus' });
  // A file unchanged since the build in use (same name, same hash) is the article that build parsed (parsing, like
  // cutting, is deterministic): not parsed again. Only from a build of this format.
  const known =
    current && current.manifest.format === INDEX_FORMAT_VERSION ? new Map(current.manifest.articles.map(({ passages: _passages, ...a }) => [a.file, a])) : undefined;
  const { articles, problems } = await loadCorpus(corpusDir, { ...(corpus ? { read: corpus } : {}), ...(known ? { known } : {}) });
  if (articles.length === 0) {
    const why = problems.length > 0 ? ` (${problems.length} file(s) could not be read: ${problems.map((p) => p.error.message).join('; ')})` : '';
    throw new BotError('CORPUS_EMPTY', `The corpus in ${corpusDir} holds no usable articles${why}.`, { corpusDir });
  }

  // A build of an earlier format is written again (its cached vectors make that quick): it lacks what this one holds.
  if (current && current.manifest.format === INDEX_FORMAT_VERSION && embedder.id === current.manifest.embedder.id && sameArticles(articles, current.manifest)) {
    // Nothing changed: no passage to cut or embed, and nothing derived from them changes either.
    const manifest: Manifest = { ...current.manifest, builtAt: new Date().toISOString(), checksums: { hnsw: '', passages: '', manifest: '' } };
    const data: IndexData = {
      manifest,
      vectors: current.vectors,
      passages: current.passages,
      labels: current.labels,
      ...(current.derived ? { derived: current.derived } : {}),
    };
    return { data, report: unchangedReport(articles.length, current.passages.length, current.manifest.sentences ?? 0, problems, started, vectorCount(current.labels)) };
  }

  onProgress({ stage: 'passages', done: 0, total: articles.length, message: `Cutting ${articles.length} articles into passages` });
  // An article whose file is unchanged since the current build has the same passages (cutting is deterministic): taken from it.
  const kept = new Map<string, Passage[]>();
  if (current) {
    const hashOf = new Map(current.manifest.articles.map((a) => [a.id, a.hash]));
    const fresh = new Map(articles.map((a) => [a.id, a.hash]));
    for (const { group: _group, ...p } of current.passages) {
      if (hashOf.get(p.articleId) !== fresh.get(p.articleId)) continue;
      const list = kept.get(p.articleId);
      if (list) list.push(p);
      else kept.set(p.articleId, [p]);
    }
  }
  const passagesByArticle = new Map<string, Passage[]>();
  for (const article of articles) passagesByArticle.set(article.id, kept.get(article.id) ?? buildPassages(article));

  // The graph of a build of one vector per distinct text (format 6 on) by the same embedder is extended rather than
  // built again (a format-5 graph holds a vector per copy: most of it would go, so it is built afresh).
  let reuse: GraphToReuse | null = null;
  if (current && current.manifest.format >= 6 && current.manifest.embedder.id === embedder.id && current.vectors.copy !== undefined) {
    const vectors = ownsGraph ? current.vectors : await current.vectors.copy();
    reuse = { vectors, labels: current.labels, passages: current.passages };
  }
  const before = embedder.stats();
  const duplicatesBefore = current ? { passages: current.passages, saved: current.derived?.[DUPLICATES_FILE] } : null;
  const data = await buildIndex(articles, passagesByArticle, embedder, onProgress, reuse, duplicatesBefore);
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
    sentences: data.manifest.sentences ?? 0,
    embedded: after.misses - before.misses,
    // One vector per distinct text; every other text's came from the cache or the graph of the build in use.
    texts: vectorCount(data.labels),
    ms: Math.round(performance.now() - started),
    problems: problems.map((p) => {
      // What only the terminal shows (a symbolic link's target is a server path): never in public messages.
      const target = p.error.context.target;
      return { file: p.file, message: p.error.message, ...(typeof target === 'string' ? { detail: `it points at ${target}` } : {}) };
    }),
  };
  return { data, report };
}
