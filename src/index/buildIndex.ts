import { sentences } from '../text/sentences.js';
import type { Article, Embedder, Passage } from '../types.js';
import { DUPLICATES_FILE, groupNearDuplicates, type DuplicatesBefore } from './groupDuplicates.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.js';
import { createHnswStore, type VectorStore } from './vectorStore.js';
import { freshLabels, type VectorLabel } from './labels.js';
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
  /** One vector per passage, and one per sentence of the passages of several sentences (`manifest.sentences` of them). */
  vectors: VectorStore;
  passages: StoredPassage[];
  /** The passage each vector label belongs to, and which of its vectors it is (null: deleted; see labels.ts). */
  labels: VectorLabel[];
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
  // Each distinct text is cut once (syndicated copies share theirs).
  const cut = new Map<string, string[]>();
  passages.forEach((p, owner) => {
    let split = cut.get(p.text);
    if (split === undefined) cut.set(p.text, (split = sentences(p.text)));
    if (split.length > 1) for (const text of split) units.push({ owner, text });
  });
  return units;
}

/** The graph of the build in use, to extend instead of building one afresh (see reuseGraph). */
export interface GraphToReuse {
  /** Changed in place: a store no one else searches (a copy, or one loaded for this build only). */
  vectors: VectorStore;
  labels: readonly VectorLabel[];
  /** Its passages, and its articles with their hashes: an article with the same hash has the same passages. */
  passages: readonly Passage[];
  articles: readonly { id: string; hash: string }[];
}

/**
 * Deleted vectors past this share of the graph's labels: a new graph is built instead (deleted vectors are still
 * walked through by every search, and the graph around them was shaped by vectors no longer returned).
 */
export const MAX_DELETED_SHARE = 0.1;

/**
 * How the graph of the build in use becomes this build's: each vector of an article unchanged since (same hash,
 * same number of passages: cutting is deterministic) keeps its label, now naming the passage's new position; the
 * vectors of changed and removed articles are deleted (`removed`); the passages of changed and added articles
 * (`fresh` positions, in order) get new labels after the others.
 */
export function reusePlan(
  reuse: Pick<GraphToReuse, 'labels' | 'passages' | 'articles'>,
  articles: readonly { id: string; hash: string }[],
  passages: readonly Passage[],
): { labels: VectorLabel[]; removed: number[]; fresh: number[] } {
  const oldHash = new Map(reuse.articles.map((a) => [a.id, a.hash]));
  const span = (list: readonly Passage[]): Map<string, { start: number; count: number }> => {
    const out = new Map<string, { start: number; count: number }>();
    list.forEach((p, i) => {
      const s = out.get(p.articleId);
      if (s) s.count++;
      else out.set(p.articleId, { start: i, count: 1 });
    });
    return out;
  };
  const oldSpan = span(reuse.passages);
  const newSpan = span(passages);
  const kept = new Set<string>();
  for (const a of articles) {
    const before = oldSpan.get(a.id);
    if (oldHash.get(a.id) === a.hash && before !== undefined && before.count === newSpan.get(a.id)?.count) kept.add(a.id);
  }
  const labels: VectorLabel[] = [];
  const removed: number[] = [];
  reuse.labels.forEach((entry, label) => {
    const articleId = entry === null ? undefined : reuse.passages[entry[0]]?.articleId;
    if (entry === null || articleId === undefined || !kept.has(articleId)) {
      labels.push(null);
      if (entry !== null) removed.push(label);
      return;
    }
    labels.push([newSpan.get(articleId)!.start + entry[0] - oldSpan.get(articleId)!.start, entry[1]]);
  });
  const fresh: number[] = [];
  passages.forEach((p, i) => {
    if (!kept.has(p.articleId)) fresh.push(i);
  });
  return { labels, removed, fresh };
}

/**
 * Embeds every passage and puts the vectors in the vector store, each under its passage's position in `passages`,
 * then the sentences of the passages of several sentences, labelled after them. Given the graph of the build in use,
 * extends it instead when few of its vectors go (see reusePlan): only the changed articles' texts are embedded.
 */
export async function buildIndex(
  articles: readonly Article[],
  passagesByArticle: ReadonlyMap<string, Passage[]>,
  embedder: Embedder,
  onProgress: (p: ReindexProgress) => void = () => {},
  reuse: GraphToReuse | null = null,
  /** The build before's passages and near-duplicate pairs: only new classes of passages are compared (see groupNearDuplicates). */
  duplicatesBefore: DuplicatesBefore | null = null,
): Promise<IndexData> {
  const all: Passage[] = articles.flatMap((a) => passagesByArticle.get(a.id) ?? []);
  const { groups, saved: duplicates } = groupNearDuplicates(all, duplicatesBefore);
  const passages: StoredPassage[] = all.map((p, i) => ({ ...p, group: groups[i]! }));

  const units = sentenceUnits(passages);
  const reusable = reuse !== null && reuse.vectors.remove !== undefined && reuse.vectors.reserve !== undefined && reuse.vectors.dimensions === embedder.dimensions;
  const plan = reusable ? reuseGraphPlan(reuse, articles, passages, units) : null;
  let store: VectorStore;
  let labels: VectorLabel[];
  if (plan) {
    store = reuse!.vectors;
    for (const label of plan.removed) store.remove!(label);
    labels = plan.labels;
    store.reserve!(labels.length + plan.texts.length);
    await embedInto(store, plan.texts, labels.length, embedder, (done) =>
      onProgress({ stage: 'embedding', done, total: plan.texts.length, message: `Indexed ${done}/${plan.texts.length} new texts (the other vectors kept from the build in use)` }),
    );
    labels.push(...plan.newLabels);
  } else {
    const texts = [...passages.map((p) => p.text), ...units.map((u) => u.text)];
    store = createHnswStore(embedder.dimensions, texts.length);
    await embedInto(store, texts, 0, embedder, (done) =>
      onProgress({
        stage: 'embedding',
        done,
        total: texts.length,
        message: done <= passages.length ? `Indexed ${done}/${passages.length} passages` : `Indexed ${passages.length} passages and ${done - passages.length}/${units.length} of their sentences`,
      }),
    );
    labels = freshLabels(passages.length, units.map((u) => u.owner));
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
  return { manifest, vectors: store, passages, labels, derived: { [DUPLICATES_FILE]: duplicates } };
}

/**
 * reusePlan with the texts to embed for the new labels (each fresh passage's own text, then its sentences'), or null
 * when more than MAX_DELETED_SHARE of the labels would then be deleted ones.
 */
function reuseGraphPlan(
  reuse: GraphToReuse,
  articles: readonly Article[],
  passages: readonly Passage[],
  units: readonly { owner: number; text: string }[],
): { removed: number[]; labels: VectorLabel[]; texts: string[]; newLabels: VectorLabel[] } | null {
  const plan = reusePlan(reuse, articles, passages);
  const sentencesOf = new Map<number, string[]>();
  for (const u of units) {
    const list = sentencesOf.get(u.owner);
    if (list) list.push(u.text);
    else sentencesOf.set(u.owner, [u.text]);
  }
  const texts: string[] = [];
  const newLabels: VectorLabel[] = [];
  for (const p of plan.fresh) {
    texts.push(passages[p]!.text);
    newLabels.push([p, 0]);
    (sentencesOf.get(p) ?? []).forEach((text, k) => {
      texts.push(text);
      newLabels.push([p, k + 1]);
    });
  }
  const deleted = plan.labels.reduce((n, l) => n + (l === null ? 1 : 0), 0);
  if (deleted > MAX_DELETED_SHARE * (plan.labels.length + texts.length)) return null;
  return { removed: plan.removed, labels: plan.labels, texts, newLabels };
}

/** Embeds the texts in batches and adds them to the store under labels `first`, `first + 1`, ... */
async function embedInto(store: VectorStore, texts: readonly string[], first: number, embedder: Embedder, progress: (done: number) => void): Promise<void> {
  for (let start = 0; start < texts.length; start += EMBED_BATCH) {
    const vectors = await embedder.embed(texts.slice(start, start + EMBED_BATCH));
    vectors.forEach((v, k) => store.add(first + start + k, v));
    progress(Math.min(start + EMBED_BATCH, texts.length));
  }
}
