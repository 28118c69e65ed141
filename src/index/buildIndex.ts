import { sentences } from '../text/sentences.js';
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
  /** One vector per passage (labelled by its position in `passages`), then one per sentence of `sentenceOwners`. */
  vectors: VectorStore;
  passages: StoredPassage[];
  /** The passage each sentence vector belongs to: label `passages.length + i` is a sentence of passage `sentenceOwners[i]`. */
  sentenceOwners: number[];
  /**
   * What the layers above derive from the passages, saved beside them so loading does not derive it again:
   * file name (`news.json`) -> content. Checksummed in the manifest with the rest; absent in format-2 builds.
   */
  derived?: Record<string, string>;
}

const EMBED_BATCH = 32;

/**
 * The sentences of the passages that have several, each with its passage's label. A passage's vector stands for
 * its whole text; a question that paraphrases one of its sentences is closer to that sentence alone (all-MiniLM-L6-v2
 * was trained on single sentences), so retrieval scores a passage by its best vector (see searchDense).
 */
export function sentenceUnits(passages: readonly Passage[]): { owner: number; text: string }[] {
  const units: { owner: number; text: string }[] = [];
  passages.forEach((p, owner) => {
    const split = sentences(p.text);
    if (split.length > 1) for (const text of split) units.push({ owner, text });
  });
  return units;
}

/**
 * Embeds every passage and puts the vectors in the vector store, each under its passage's position in `passages`,
 * then the sentences of the passages of several sentences, labelled after them.
 */
export async function buildIndex(
  articles: readonly Article[],
  passagesByArticle: ReadonlyMap<string, Passage[]>,
  embedder: Embedder,
  onProgress: (p: ReindexProgress) => void = () => {},
): Promise<IndexData> {
  const all: Passage[] = articles.flatMap((a) => passagesByArticle.get(a.id) ?? []);
  const groups = groupDuplicates(all);
  const passages: StoredPassage[] = all.map((p, i) => ({ ...p, group: groups[i]! }));

  const units = sentenceUnits(passages);
  const texts = [...passages.map((p) => p.text), ...units.map((u) => u.text)];
  const store = createHnswStore(embedder.dimensions, texts.length);
  for (let start = 0; start < texts.length; start += EMBED_BATCH) {
    const vectors = await embedder.embed(texts.slice(start, start + EMBED_BATCH));
    vectors.forEach((v, k) => store.add(start + k, v));
    const done = Math.min(start + EMBED_BATCH, texts.length);
    onProgress({
      stage: 'embedding',
      done,
      total: texts.length,
      message: done <= passages.length ? `Indexed ${done}/${passages.length} passages` : `Indexed ${passages.length} passages and ${done - passages.length}/${units.length} of their sentences`,
    });
  }

  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
  const manifest: Manifest = {
    format: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
    passages: passages.length,
    sentences: units.length,
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
  return { manifest, vectors: store, passages, sentenceOwners: units.map((u) => u.owner) };
}
