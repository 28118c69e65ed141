/**
 * The label -> passages map of a build (index format 6: one vector per distinct text) and how a reindex reuses the
 * graph of the build before: fresh labels, the checks a stored map must pass, the rank order search sorts equal
 * hits by, and the plan that keeps the vectors of texts still in the corpus, deletes the others and adds the new
 * texts (or builds afresh past 10% deleted).
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIndex, EMBED_WINDOW, MAX_DELETED_SHARE, reusePlan, sentenceUnits } from '../../src/index/buildIndex.js';
import { freshLabels, labelIndex, labelProblem, oneVectorEachLabels, singleMemberLabels, vectorCount, type VectorLabel } from '../../src/index/labels.js';
import { embeddingSummary } from '../../src/index/report.js';
import { createHnswStore } from '../../src/index/vectorStore.js';
import type { Article, Embedder, Passage } from '../../src/types.js';

const passage = (articleId: string, paragraph: number, text: string): Passage => ({ id: `${articleId}#${paragraph}`, articleId, paragraph, text }) as Passage;

/** The fresh labels of these passages (their texts, then their sentences'). */
const freshOf = (passages: readonly Passage[]) => freshLabels(passages.map((p) => p.text), sentenceUnits(passages));

describe('labels', () => {
  it('vectorCount: the vectors labels stand for, deleted ones not counted; a report words them against what was embedded', () => {
    expect(vectorCount([[[0, 0]], null, [[1, 0], [2, 0]], [[1, 1]]])).toBe(3);
    expect(vectorCount([])).toBe(0);
    expect(embeddingSummary({ embedded: 27, texts: 8446 })).toBe('27 texts embedded now, 8419 reused, of 8446 distinct texts');
    expect(embeddingSummary({ embedded: 0, texts: null })).toBe('0 texts embedded now');
  });

  it('freshLabels: one label per distinct text, passages\' own texts first, then sentences numbered from 1; copies share a label', () => {
    const units = [
      { owner: 1, text: 'One.' },
      { owner: 1, text: 'Two.' },
      { owner: 3, text: 'One.' },
      { owner: 3, text: 'Two.' },
    ];
    const { labels, texts } = freshLabels(['A.', 'One. Two.', 'Two.', 'One. Two.'], units);
    expect(texts).toEqual(['A.', 'One. Two.', 'Two.', 'One.']);
    expect(labels).toEqual([
      [[0, 0]],
      [
        [1, 0],
        [3, 0],
      ],
      // A passage whose whole text is another's sentence shares that sentence's vector.
      [
        [2, 0],
        [1, 2],
        [3, 2],
      ],
      [
        [1, 1],
        [3, 1],
      ],
    ]);
  });

  it('format 5 and 4 label lists read as single-member labels', () => {
    expect(singleMemberLabels([[0, 0], null, [0, 1]])).toEqual([[[0, 0]], null, [[0, 1]]]);
    expect(oneVectorEachLabels(3, [1, 1, 2])).toEqual([[[0, 0]], [[1, 0]], [[2, 0]], [[1, 1]], [[1, 2]], [[2, 1]]]);
  });

  it('labelProblem: accepts a fresh, reused or format-5 map, names what is wrong with a damaged one', () => {
    const fresh = oneVectorEachLabels(3, [1, 1]);
    expect(labelProblem(fresh, 3, 2)).toBeNull();
    expect(labelProblem([null, [[1, 1]], [[0, 0], [2, 0]], null, [[1, 0]], [[1, 2]]], 3, 2)).toBeNull();
    expect(labelProblem({}, 3, 2)).toBe('no label list');
    expect(labelProblem([...fresh, 'x'], 3, 2)).toMatch(/neither null nor/);
    expect(labelProblem([...fresh, []], 3, 2)).toMatch(/neither null nor/);
    expect(labelProblem([...fresh, ['x']], 3, 2)).toMatch(/member that is not/);
    expect(labelProblem([...fresh.slice(0, 4), [[3, 2]]], 3, 2)).toBe('a label naming passage 3 of 3');
    expect(labelProblem([...fresh.slice(0, 4), [[1, 2], [0, 0]]], 3, 2)).toBe('passage 0 has two vectors of its own');
    expect(labelProblem(fresh.slice(1), 3, 2)).toBe('passage 0 has no vector');
    expect(labelProblem([...fresh.slice(0, 4), [[1, 3]]], 3, 2)).toMatch(/passage 1's sentence vectors are not numbered 1\.\.2/);
    expect(labelProblem(fresh, 3, 3)).toBe('2 sentence vectors, not 3');
  });

  it('labelIndex: each label\'s passages with their rank (a format-5 fresh build\'s label), by rank', () => {
    const fresh = labelIndex(oneVectorEachLabels(2, [1, 1]), 2);
    expect([...fresh.start]).toEqual([0, 1, 2, 3, 4]);
    expect([...fresh.owner]).toEqual([0, 1, 1, 1]);
    expect([...fresh.rank]).toEqual([0, 1, 2, 3]);
    const reused = labelIndex([[[1, 2]], null, [[1, 1], [0, 0]], [[1, 0]]], 2);
    expect([...reused.start]).toEqual([0, 1, 1, 3, 4]);
    expect([...reused.owner]).toEqual([1, 0, 1, 1]);
    expect([...reused.rank]).toEqual([3, 0, 2, 1]);
    expect(reused.extra).toBe(2);
  });
});

describe('reusing the graph of the build before', () => {
  const oldPassages = [passage('a', 0, 'A0.'), passage('b', 0, 'B0.'), passage('b', 1, 'B1. Two.'), passage('c', 0, 'C0.')];
  // Labels: A0., B0., B1. Two., C0., then the sentences B1. (4) and Two. (5).
  const before = { passages: oldPassages, labels: freshOf(oldPassages).labels };

  it('keeps the vectors of texts still in the corpus, now naming the passages that have them, deletes the others, adds new texts after', () => {
    // b changed (its first paragraph reworded, one more paragraph: a copy of c's), a removed, d added before c with a copy of B1.
    const passages = [passage('b', 0, 'B0 reworded.'), passage('b', 1, 'B1. Two.'), passage('b', 2, 'C0.'), passage('d', 0, 'B1.'), passage('c', 0, 'C0.')];
    const plan = reusePlan(before, freshOf(passages));
    expect(plan.labels).toEqual([
      null,
      null,
      [[1, 0]],
      [
        [2, 0],
        [4, 0],
      ],
      [
        [3, 0],
        [1, 1],
      ],
      [[1, 2]],
    ] satisfies VectorLabel[]);
    expect(plan.removed).toEqual([0, 1]);
    // Only the reworded paragraph is a new text (fresh label 0).
    expect(plan.fresh).toEqual([0]);
  });

  it('a label already deleted stays deleted; a text two old labels had (a format-5 graph) keeps the first', () => {
    const oneEach = singleMemberLabels([[0, 0], null, [1, 0], [2, 0]]);
    const passages = [passage('a', 0, 'Same.'), passage('b', 0, 'Other.'), passage('c', 0, 'Same.')];
    const plan = reusePlan({ passages, labels: oneEach }, freshOf(passages));
    expect(plan.labels).toEqual([
      [
        [0, 0],
        [2, 0],
      ],
      null,
      [[1, 0]],
      null,
    ]);
    expect(plan.removed).toEqual([3]);
    expect(plan.fresh).toEqual([]);
  });

  /** An embedder of fixed vectors that counts what it embeds. */
  function embedder(): Embedder & { texts: string[] } {
    const texts: string[] = [];
    return {
      id: 'fixed',
      dimensions: 4,
      texts,
      async embed(batch: string[]) {
        texts.push(...batch);
        return batch.map((t) => {
          const v = Float32Array.from([1 + (t.length % 3), t.charCodeAt(0) % 5, 1, t.length % 2]);
          const n = Math.hypot(...v);
          return v.map((x) => x / n);
        });
      },
    };
  }

  const article = (id: string, hash: string): Article => ({ id, hash, file: `${id}.md`, outlet: 'O', headline: id, published: null, url: null, author: null }) as Article;

  async function built(articles: Article[], passages: Map<string, Passage[]>) {
    const e = embedder();
    return { e, data: await buildIndex(articles, passages, e) };
  }

  it('buildIndex extends the graph when few vectors go, and embeds only the new texts', async () => {
    const many = Array.from({ length: 30 }, (_, i) => article(`a${String(i).padStart(2, '0')}`, `h${i}`));
    const passages = new Map(many.map((a) => [a.id, [passage(a.id, 0, `Text of ${a.id}.`)]]));
    const { data } = await built(many, passages);
    const changed = many.map((a, i) => (i === 10 ? article(a.id, 'changed') : i === 20 ? article(a.id, 'copied') : a));
    const next = new Map(passages);
    next.set('a10', [passage('a10', 0, 'Text of a10. And one more sentence.')]);
    // a20 gains a copy of a05's text: no new vector, a05's names both.
    next.set('a20', [passage('a20', 0, 'Text of a20.'), passage('a20', 1, 'Text of a05.')]);
    const e = embedder();
    const reused = await buildIndex(changed, next, e, () => {}, { vectors: data.vectors, labels: data.labels, passages: data.passages });
    // a10's old text is now its first sentence: its vector stays, naming that sentence.
    expect(e.texts).toEqual(['Text of a10. And one more sentence.', 'And one more sentence.']);
    expect(reused.vectors).toBe(data.vectors);
    expect(reused.labels[10]).toEqual([[10, 1]]);
    expect(reused.labels[5]).toEqual([
      [5, 0],
      [21, 0],
    ]);
    expect(reused.labels.slice(30)).toEqual([[[10, 0]], [[10, 2]]]);
    expect(labelProblem(reused.labels, 31, 2)).toBeNull();
    expect(reused.vectors.size).toBe(32);
  });

  it('a text whose last passage goes is deleted; one that keeps a copy keeps its vector', async () => {
    const many = Array.from({ length: 30 }, (_, i) => article(`a${String(i).padStart(2, '0')}`, `h${i}`));
    const passages = new Map(many.map((a, i) => [a.id, [passage(a.id, 0, i === 29 ? 'Text of a00.' : `Text of ${a.id}.`)]]));
    const { data } = await built(many, passages);
    expect(data.labels[0]).toEqual([
      [0, 0],
      [29, 0],
    ]);
    // a00 goes: its text is still a29's. a28 goes: its text is gone.
    const fewer = many.filter((a) => a.id !== 'a00' && a.id !== 'a28');
    const e = embedder();
    const reused = await buildIndex(fewer, passages, e, () => {}, { vectors: data.vectors, labels: data.labels, passages: data.passages });
    expect(e.texts).toEqual([]);
    expect(reused.vectors).toBe(data.vectors);
    expect(reused.labels[0]).toEqual([[27, 0]]);
    expect(reused.labels[28]).toBeNull();
    const live = reused.vectors.search(Float32Array.from([1, 0, 0, 0]), 29).map((h) => h.id);
    expect(live).toHaveLength(28);
    expect(live).not.toContain(28);
    expect(labelProblem(reused.labels, 28, 0)).toBeNull();
  });

  it(`buildIndex builds a new graph when more than ${MAX_DELETED_SHARE * 100}% of the labels would be deleted ones`, async () => {
    const few = Array.from({ length: 5 }, (_, i) => article(`a${i}`, `h${i}`));
    const passages = new Map(few.map((a) => [a.id, [passage(a.id, 0, `Text of ${a.id}.`)]]));
    const { data } = await built(few, passages);
    const changed = few.map((a, i) => (i === 0 ? article(a.id, 'changed') : a));
    const next = new Map(passages);
    next.set('a0', [passage('a0', 0, 'Text of a0, reworded.')]);
    const e = embedder();
    const rebuilt = await buildIndex(changed, next, e, () => {}, { vectors: data.vectors, labels: data.labels, passages: data.passages });
    expect(rebuilt.vectors).not.toBe(data.vectors);
    expect(rebuilt.labels).toEqual(freshOf([...next.values()].flat()).labels);
    expect(e.texts).toHaveLength(5);
  });

  it(`buildIndex embeds ${EMBED_WINDOW} texts at a time longest first, and adds each vector under its own label in label order`, async () => {
    // Lengths that vary along the corpus, more texts than one window holds.
    const n = EMBED_WINDOW + 700;
    const many = Array.from({ length: n }, (_, i) => article(`a${String(i).padStart(5, '0')}`, `h${i}`));
    const passages = new Map(many.map((a, i) => [a.id, [passage(a.id, 0, `Text ${i}${'.'.repeat((i * 7919) % 97)}`)]]));
    const e = embedder();
    const seen: number[] = [];
    const data = await buildIndex(many, passages, e, (p) => seen.push(p.done));
    const texts = many.map((a) => passages.get(a.id)![0]!.text);
    // Each window's texts, longest first (ties in label order), window after window.
    const expected = [0, EMBED_WINDOW].flatMap((start) => {
      const window = texts.slice(start, start + EMBED_WINDOW);
      return window.map((_, k) => k).sort((a, b) => window[b]!.length - window[a]!.length).map((k) => window[k]!);
    });
    expect(e.texts).toEqual(expected);
    expect(seen).toEqual(Array.from({ length: Math.ceil(EMBED_WINDOW / 32) + Math.ceil(700 / 32) }, (_, b) => (b < EMBED_WINDOW / 32 ? (b + 1) * 32 : Math.min(EMBED_WINDOW + (b + 1 - EMBED_WINDOW / 32) * 32, n))));
    // The graph is byte for byte the one built by adding the texts' vectors one by one in label order.
    const inOrder = createHnswStore(4, n);
    const vectors = await embedder().embed(texts);
    vectors.forEach((v, label) => inOrder.add(label, v));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'labels-test-'));
    try {
      await data.vectors.save(path.join(dir, 'built.hnsw'));
      await inOrder.save(path.join(dir, 'in-order.hnsw'));
      expect(Buffer.compare(await readFile(path.join(dir, 'built.hnsw')), await readFile(path.join(dir, 'in-order.hnsw')))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a store without delete and resize (another vector store) is built afresh', async () => {
    const one = [article('a', 'h')];
    const passages = new Map([['a', [passage('a', 0, 'Only.')]]]);
    const store = createHnswStore(4, 1);
    const plain = { dimensions: 4, size: 1, add: store.add, search: store.search, save: store.save };
    const rebuilt = await buildIndex(one, passages, embedder(), () => {}, { vectors: plain, labels: [[[0, 0]]], passages: passages.get('a')! });
    expect(rebuilt.vectors).not.toBe(plain);
  });
});
