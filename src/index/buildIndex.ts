import { inBatches } from '../embeddings/batches.js';
import { sentences } from '../text/sentences.js';
import type { Article, Embedder, Passage } from '../types.js';
import { DUPLICATES_FILE, groupNearDuplicates, type DuplicatesBefore } from './groupDuplicates.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.js';
import { createHnswStore, type VectorStore } from './vectorStore.js';
import { freshLabels, type Member, type VectorLabel } from './labels.js';
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
  /**
   * One vector per distinct text: passages' own texts, and the sentences of the passages of several sentences
   * (`manifest.sentences` of them, counted per passage). Format 5 and before: one vector per passage and per sentence.
   */
  vectors: VectorStore;
  passages: StoredPassage[];
  /** The passages each vector label stands for, and which of their vectors it is (null: deleted; see labels.ts). */
  labels: VectorLabel[];
  /**
   * What the layers above derive from the passages, saved beside them so loading does not derive it again:
   * file name (`news.json`) -> content. Checksummed in the manifest with the rest; absent in format-2 builds.
   */
  derived?: Record<string, string>;
}

const EMBED_BATCH = 32;
/**
 * Texts embedded in length order this many at a time (see embedInto): batches of texts of similar length pad little
 * (about 17% more texts/s than in corpus order with all-MiniLM-L6-v2), while the vectors waiting to be added in label
 * order stay a few megabytes however large the corpus.
 */
export const EMBED_WINDOW = 4096;

/**
 * The sentences of the passages that have several, each with its passage's label. A passage's vector stands for
 * its whole text; a question that paraphrases one of its sentences is closer to that sentence alone (all-MiniLM-L6-v2
 * was trained on single sentences), so retrieval scores a passage by its best vector (see searchDense).
 */
export function sentenceUnits(passages: readonly Passage[], split: (text: string) => string[] = sentenceCutter()): { owner: number; text: string }[] {
  const units: { owner: number; text: string }[] = [];
  passages.forEach((p, owner) => {
    const cut = split(p.text);
    if (cut.length > 1) for (const text of cut) units.push({ owner, text });
  });
  return units;
}

/** `sentences`, each distinct text cut once (syndicated copies share theirs). */
function sentenceCutter(): (text: string) => string[] {
  const cut = new Map<string, string[]>();
  return (text) => {
    let split = cut.get(text);
    if (split === undefined) cut.set(text, (split = sentences(text)));
    return split;
  };
}

/** The graph of the build in use, to extend instead of building one afresh (see reusePlan). */
export interface GraphToReuse {
  /** Changed in place: a store no one else searches (a copy, or one loaded for this build only). */
  vectors: VectorStore;
  labels: readonly VectorLabel[];
  /** Its passages: a label's text is its first member's (a passage's text, or one of its sentences). */
  passages: readonly Passage[];
}

/**
 * Deleted vectors past this share of the graph's labels: a new graph is built instead (deleted vectors are still
 * walked through by every search, and the graph around them was shaped by vectors no longer returned).
 */
export const MAX_DELETED_SHARE = 0.1;

/**
 * How the graph of the build in use becomes this build's, given this build's fresh labels and their texts (see
 * freshLabels): a vector whose text some passage still has keeps its label, now naming the passages that have the
 * text (the members of its fresh label); the vectors of texts no passage has any more are deleted (`removed`);
 * the new texts (`fresh`: their fresh labels, in order) get labels after the others. A text that gains a copy gets
 * no new vector. Vectors come from the embedder's cache by text, so a text's vector is the same in either graph.
 */
export function reusePlan(
  reuse: Pick<GraphToReuse, 'labels' | 'passages'>,
  fresh: { labels: readonly (readonly Member[])[]; texts: readonly string[] },
  /** `sentences`, memoised (a build's sentenceUnits cut its texts already). */
  split: (text: string) => string[] = sentenceCutter(),
): { labels: VectorLabel[]; removed: number[]; fresh: number[] } {
  const freshOf = new Map(fresh.texts.map((t, label) => [t, label]));
  const claimed = new Uint8Array(fresh.texts.length);
  const labels: VectorLabel[] = [];
  const removed: number[] = [];
  reuse.labels.forEach((entry, label) => {
    const first = entry?.[0];
    const passage = first === undefined ? undefined : reuse.passages[first[0]];
    const text = passage === undefined ? undefined : first![1] === 0 ? passage.text : split(passage.text)[first![1] - 1];
    const now = text === undefined ? undefined : freshOf.get(text);
    if (now === undefined || claimed[now]) {
      labels.push(null);
      if (entry !== null) removed.push(label);
      return;
    }
    claimed[now] = 1;
    labels.push(fresh.labels[now]!);
  });
  const added: number[] = [];
  for (let label = 0; label < fresh.texts.length; label++) if (!claimed[label]) added.push(label);
  return { labels, removed, fresh: added };
}

/**
 * Embeds each distinct text once (a passage's own or one of its sentences': syndicated copies share theirs) and
 * puts its vector in the vector store, labelled with the passages that have it (see labels.ts). Given the graph of
 * the build in use, extends it instead when few of its vectors go (see reusePlan): only the new texts are embedded.
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

  // Each distinct text cut into sentences once, for this build's units and the build before's labels alike.
  const split = sentenceCutter();
  const units = sentenceUnits(passages, split);
  const fresh = freshLabels(
    passages.map((p) => p.text),
    units,
  );
  const reusable = reuse !== null && reuse.vectors.remove !== undefined && reuse.vectors.reserve !== undefined && reuse.vectors.dimensions === embedder.dimensions;
  const plan = reusable ? reuseGraphPlan(reuse, fresh, split) : null;
  let store: VectorStore;
  let labels: VectorLabel[];
  if (plan) {
    store = reuse!.vectors;
    for (const label of plan.removed) store.remove!(label);
    labels = plan.labels;
    const texts = plan.fresh.map((l) => fresh.texts[l]!);
    store.reserve!(labels.length + texts.length);
    await embedInto(store, texts, labels.length, embedder, (done) =>
      onProgress({ stage: 'embedding', done, total: texts.length, message: `Indexed ${done}/${texts.length} new texts (the other vectors kept from the build in use)` }),
    );
    labels.push(...plan.fresh.map((l) => fresh.labels[l]!));
  } else {
    store = createHnswStore(embedder.dimensions, fresh.texts.length);
    const passageTexts = fresh.labels.findIndex((members) => members[0]![1] > 0);
    const ownTexts = passageTexts < 0 ? fresh.texts.length : passageTexts;
    await embedInto(store, fresh.texts, 0, embedder, (done) =>
      onProgress({
        stage: 'embedding',
        done,
        total: fresh.texts.length,
        message:
          done <= ownTexts
            ? `Indexed ${done}/${ownTexts} passage texts (${passages.length} passages)`
            : `Indexed ${ownTexts} passage texts and ${done - ownTexts}/${fresh.texts.length - ownTexts} of their sentences`,
      }),
    );
    labels = fresh.labels;
  }

  const manifest: Manifest = {
    format: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    embedder: { id: embedder.id, dimensions: embedder.dimensions },
    passages: passages.length,
    sentences: units.length,
    checksums: { hnsw: '', passages: '', manifest: '' },
    articles: manifestArticles(articles, passages),
  };
  return { manifest, vectors: store, passages, labels, derived: { [DUPLICATES_FILE]: duplicates } };
}

/** The articles as a build's manifest lists them, with their passage counts. */
function manifestArticles(articles: readonly Article[], passages: readonly Passage[]): Manifest['articles'] {
  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
  return articles.map((a) => ({
    id: a.id,
    file: a.file,
    hash: a.hash,
    outlet: a.outlet,
    headline: a.headline,
    published: a.published,
    url: a.url,
    author: a.author,
    passages: counts.get(a.id) ?? 0,
  }));
}

/** reusePlan, or null when more than MAX_DELETED_SHARE of the labels would then be deleted ones. */
function reuseGraphPlan(
  reuse: GraphToReuse,
  fresh: { labels: readonly (readonly Member[])[]; texts: readonly string[] },
  split: (text: string) => string[],
): ReturnType<typeof reusePlan> | null {
  const plan = reusePlan(reuse, fresh, split);
  const deleted = plan.labels.reduce((n, l) => n + (l === null ? 1 : 0), 0);
  if (deleted > MAX_DELETED_SHARE * (plan.labels.length + plan.fresh.length)) return null;
  return plan;
}

/**
 * Embeds the texts and adds them to the store under labels `first`, `first + 1`, ... A window of EMBED_WINDOW texts
 * at a time is embedded in batches cut in length order, then added in label order: the graph is the one adding them
 * one by one in order builds (the vectors do not depend on their batch), so a fresh build equals a reindex.
 */
async function embedInto(store: VectorStore, texts: readonly string[], first: number, embedder: Embedder, progress: (done: number) => void): Promise<void> {
  let done = 0;
  for (let start = 0; start < texts.length; start += EMBED_WINDOW) {
    const window = texts.slice(start, start + EMBED_WINDOW);
    const vectors = await inBatches(
      window,
      EMBED_BATCH,
      async (batch) => {
        const out = await embedder.embed(batch);
        progress((done += batch.length));
        return out;
      },
      { byLength: true },
    );
    vectors.forEach((v, k) => store.add(first + start + k, v));
  }
}
