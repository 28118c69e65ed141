/**
 * The label -> passage map of a build (index format 5) and how a reindex reuses the graph of the build before:
 * fresh labels, the checks a stored map must pass, the fresh order search sorts equal hits by, and the plan that
 * keeps unchanged articles' vectors, deletes the others and adds the new ones (or builds afresh past 10% deleted).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, MAX_DELETED_SHARE, reusePlan } from '../../src/index/buildIndex.js';
import { freshLabels, labelIndex, labelProblem, type VectorLabel } from '../../src/index/labels.js';
import { createHnswStore } from '../../src/index/vectorStore.js';
import type { Article, Embedder, Passage } from '../../src/types.js';

const passage = (articleId: string, paragraph: number, text: string): Passage => ({ id: `${articleId}#${paragraph}`, articleId, paragraph, text }) as Passage;

describe('labels', () => {
  it('freshLabels: the passages\' own vectors in order, then each passage\'s sentences numbered from 1', () => {
    expect(freshLabels(3, [1, 1, 2, 2, 2])).toEqual([[0, 0], [1, 0], [2, 0], [1, 1], [1, 2], [2, 1], [2, 2], [2, 3]]);
  });

  it('labelProblem: accepts a fresh or reused map, names what is wrong with a damaged one', () => {
    const fresh = freshLabels(3, [1, 1]);
    expect(labelProblem(fresh, 3, 2)).toBeNull();
    expect(labelProblem([null, [1, 1], [0, 0], [2, 0], null, [1, 0], [1, 2]], 3, 2)).toBeNull();
    expect(labelProblem({}, 3, 2)).toBe('no label list');
    expect(labelProblem([...fresh, 'x'], 3, 2)).toMatch(/neither null nor/);
    expect(labelProblem([...fresh.slice(0, 4), [3, 2]], 3, 2)).toBe('a label naming passage 3 of 3');
    expect(labelProblem([...fresh, [0, 0]], 3, 2)).toBe('passage 0 has two vectors of its own');
    expect(labelProblem(fresh.slice(1), 3, 2)).toBe('passage 0 has no vector');
    expect(labelProblem([...fresh.slice(0, 4), [1, 3]], 3, 2)).toMatch(/passage 1's sentence vectors are not numbered 1\.\.2/);
    expect(labelProblem(fresh, 3, 3)).toBe('2 sentence vectors, not 3');
  });

  it('labelIndex: each label\'s passage and its label in a fresh build', () => {
    const fresh = labelIndex(freshLabels(2, [1, 1]), 2);
    expect([...fresh.owner]).toEqual([0, 1, 1, 1]);
    expect([...fresh.rank]).toEqual([0, 1, 2, 3]);
    const reused = labelIndex([[1, 2], null, [0, 0], [1, 0], [1, 1]], 2);
    expect([...reused.owner]).toEqual([1, -1, 0, 1, 1]);
    expect([...reused.rank]).toEqual([3, -1, 0, 1, 2]);
    expect(reused.extra).toBe(3);
  });
});

describe('reusing the graph of the build before', () => {
  const before = {
    articles: [
      { id: 'a', hash: 'ha' },
      { id: 'b', hash: 'hb' },
      { id: 'c', hash: 'hc' },
    ],
    passages: [passage('a', 0, 'A0.'), passage('b', 0, 'B0.'), passage('b', 1, 'B1. Two.'), passage('c', 0, 'C0.')],
    // b#1 has two sentences (labels 4, 5).
    labels: freshLabels(4, [2, 2]),
  };

  it('keeps unchanged articles\' vectors under their new positions, deletes changed and removed ones, adds the new passages after', () => {
    // b changed (one more paragraph), a removed, d added before c.
    const articles = [
      { id: 'b', hash: 'hb2' },
      { id: 'd', hash: 'hd' },
      { id: 'c', hash: 'hc' },
    ];
    const passages = [passage('b', 0, 'B0.'), passage('b', 1, 'B1. Two.'), passage('b', 2, 'B2.'), passage('d', 0, 'D0.'), passage('c', 0, 'C0.')];
    const plan = reusePlan(before, articles, passages);
    expect(plan.labels).toEqual([null, null, null, [4, 0], null, null] satisfies VectorLabel[]);
    expect(plan.removed).toEqual([0, 1, 2, 4, 5]);
    expect(plan.fresh).toEqual([0, 1, 2, 3]);
  });

  it('an article whose file is unchanged but whose passages are not as many is not taken as unchanged', () => {
    const plan = reusePlan(before, before.articles, [passage('a', 0, 'A0.'), passage('b', 0, 'B0.'), passage('c', 0, 'C0.')]);
    expect(plan.fresh).toEqual([1]);
    expect(plan.labels).toEqual([[0, 0], null, null, [2, 0], null, null]);
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
    const changed = many.map((a, i) => (i === 10 ? article(a.id, 'changed') : a));
    const next = new Map(passages);
    next.set('a10', [passage('a10', 0, 'Text of a10. And one more sentence.')]);
    const e = embedder();
    const reused = await buildIndex(changed, next, e, () => {}, { vectors: data.vectors, labels: data.labels, passages: data.passages, articles: many });
    expect(e.texts).toEqual(['Text of a10. And one more sentence.', 'Text of a10.', 'And one more sentence.']);
    expect(reused.vectors).toBe(data.vectors);
    expect(reused.labels[10]).toBeNull();
    expect(reused.labels.slice(30)).toEqual([[10, 0], [10, 1], [10, 2]]);
    expect(labelProblem(reused.labels, 30, 2)).toBeNull();
    expect(reused.vectors.size).toBe(33);
  });

  it(`buildIndex builds a new graph when more than ${MAX_DELETED_SHARE * 100}% of the labels would be deleted ones`, async () => {
    const few = Array.from({ length: 5 }, (_, i) => article(`a${i}`, `h${i}`));
    const passages = new Map(few.map((a) => [a.id, [passage(a.id, 0, `Text of ${a.id}.`)]]));
    const { data } = await built(few, passages);
    const changed = few.map((a, i) => (i === 0 ? article(a.id, 'changed') : a));
    const e = embedder();
    const rebuilt = await buildIndex(changed, passages, e, () => {}, { vectors: data.vectors, labels: data.labels, passages: data.passages, articles: few });
    expect(rebuilt.vectors).not.toBe(data.vectors);
    expect(rebuilt.labels).toEqual(freshLabels(5, []));
    expect(e.texts).toHaveLength(5);
  });

  it('a store without delete and resize (another vector store) is built afresh', async () => {
    const one = [article('a', 'h')];
    const passages = new Map([['a', [passage('a', 0, 'Only.')]]]);
    const store = createHnswStore(4, 1);
    const plain = { dimensions: 4, size: 1, add: store.add, search: store.search, save: store.save };
    const rebuilt = await buildIndex(one, passages, embedder(), () => {}, { vectors: plain, labels: [[0, 0]], passages: passages.get('a')!, articles: one });
    expect(rebuilt.vectors).not.toBe(plain);
  });
});
