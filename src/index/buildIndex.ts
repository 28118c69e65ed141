import type { Article, Embedder, Passage } from '../types.js';
import { groupDuplicates } from './groupDuplicates.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.js';
import { createHnswStore, type VectorStore } from './vectorStore.js';
import type { StoredPassage } from './passageStore.js';


export interface ReindexProgress {
  stage: 'reading' | 'passages' | 'embedding' | 'indexing' | 'saving' | 'done';
  done: number;
  total: number;
  message: string;
}

/** An index in memory: the vectors, the passages they stand for, and what built them. */
export interface IndexData {
  manifest: Manifest;
  vectors: VectorStore;
  passages: StoredPassage[];
  /**
   * What the layers above derive from the passages, saved beside them so loading does not derive it again:
   * file name (`news.json`) -> content. Checksummed in the manifest with the rest; absent in format-2 builds.
   */
  derived?: Record<string, string>;
}

const EMBED_BATCH = 32;

/** Embeds every passage and puts the vectors in the vector store, each under its passage's position in `passages`. */
export async function buildIndex(
  articles: readonly Article[],
  passagesByArticle: ReadonlyMap<string, Passage[]>,
  embedder: Embedder,
  onProgress: (p: ReindexProgress) => void = () => {},
): Promise<IndexData> {
  const all: Passage[] = articles.flatMap((a) => passagesByArticle.get(a.id) ?? []);
  const groups = groupDuplicates(all);
  const passages: StoredPassage[] = all.map((p, i) => ({ ...p, group: groups[i]! }));

  const store = createHnswStore(embedder.dimensions, passages.length);
  for (let start = 0; start < passages.length; start += EMBED_BATCH) {
    const batch = passages.slice(start, start + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((p) => p.text));
    vectors.forEach((v, k) => store.add(start + k, v));
    onProgress({
      stage: 'embedding',
      done: Math.min(start + EMBED_BATCH, passages.length),
      total: passages.length,
      message: `Indexed ${Math.min(start + EMBED_BATCH, passages.length)}/${passages.length} passages`,
    });
  }

  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
  const manifest: Manifest = {
    format: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
    passages: passages.length,
    checksums: { hnsw: '', passages: '', manifest: '' },
    articles: articles.map((a) => ({
      id: a.id,
      file: a.file,
      hash: a.hash,
      outlet: a.outlet,
      headline: a.headline,
      published: a.published,
      url: a.url,
      author: a.author,
      passages: counts.get(a.id) ?? 0,
    })),
  };
  return { manifest, vectors: store, passages };
}
