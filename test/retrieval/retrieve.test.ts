/**
 * retrieve (src/retrieval/retrieve.ts): a question's clauses searched by their own vectors beside the whole
 * question's. Vectors are made by hand (one axis per passage) so that what each list ranks first is known.
 */
import { describe, expect, it } from 'vitest';
import type { StoredPassage } from '../../src/index/passageStore.js';
import { createHnswStore } from '../../src/index/vectorStore.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import { heldShare } from '../../src/retrieval/lexical.js';
import { createSearchIndex } from '../../src/retrieval/searchIndex.js';

const TEXTS = ['Alpha text about talks.', 'Beta text about troops.', 'Gamma text about hubs.', 'Delta text about the end of the fighting.'];
const passages: StoredPassage[] = TEXTS.map((text, i) => ({ id: `a#${i}`, articleId: 'a', paragraph: i, text, group: i }));

/** A unit vector leaning on the given axes, by weight. */
function vector(weights: Record<number, number>): Float32Array {
  const v = new Float32Array(TEXTS.length);
  for (const [axis, w] of Object.entries(weights)) v[Number(axis)] = w;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const store = createHnswStore(TEXTS.length, TEXTS.length);
TEXTS.forEach((_, i) => store.add(i, vector({ [i]: 1 })));
const index = createSearchIndex(passages, store, TEXTS.map((_, i) => [[i, 0]]));

describe('retrieve: clause vectors', () => {
  // The whole question leans on passage 0, then 1, then 3; its clauses point at passage 3.
  const question = vector({ 0: 1, 1: 0.8, 3: 0.5 });
  const clause = vector({ 3: 1 });
  const order = (hits: ReturnType<typeof retrieve>) => hits.map((h) => h.label);

  it('without clauses, the whole question\'s vector ranks', () => {
    expect(order(retrieve(index, 'zzz', question, { k: 4, mode: 'dense' }))[0]).toBe(0);
  });

  it('a clause\'s own list lifts the passage it is closest to', () => {
    const plain = order(retrieve(index, 'zzz', question, { k: 4, mode: 'dense' }));
    const withClause = order(retrieve(index, 'zzz', question, { k: 4, mode: 'dense', clauseVectors: [clause, clause] }));
    expect(plain).toEqual([0, 1, 3, 2]);
    expect(withClause).toEqual([0, 3, 1, 2]);
    // A similarity is still the whole question's (abstention reads it), never a clause's.
    const hit = retrieve(index, 'zzz', question, { k: 4, mode: 'dense', clauseVectors: [clause] }).find((h) => h.label === 3)!;
    expect(hit.similarity).toBeCloseTo(question[3]!, 4);
  });

  it('lexical retrieval alone ignores them', () => {
    const a = order(retrieve(index, 'troops', null, { k: 4, mode: 'lexical' }));
    const b = order(retrieve(index, 'troops', null, { k: 4, mode: 'lexical', clauseVectors: [clause] }));
    expect(b).toEqual(a);
    expect(a[0]).toBe(1);
  });
});

describe('retrieve: the lexical list trusted by the share of the question\'s words the passages hold', () => {
  it('heldShare counts the question\'s own terms some passage holds', () => {
    expect(heldShare(index.lexical, 'troops hubs')).toBe(1);
    expect(heldShare(index.lexical, 'troops zebras')).toBe(0.5);
    expect(heldShare(index.lexical, 'zebras giraffes')).toBe(0);
  });
  // Lexical ranks passage 1 first ("troops") either way; only the share of the question's words the passages hold differs.
  const dense = vector({ 2: 1 });
  const scoreOf = (question: string) => retrieve(index, question, dense, { k: 4, lexicalWeight: 1.5, denseWeight: 1.5 }).find((h) => h.label === 1)!;
  it('the lexical list counts less for a question most of whose words no passage holds', () => {
    const all = scoreOf('troops');
    const quarter = scoreOf('troops zebras giraffes okapis');
    expect(all.lexicalRank).toBe(1);
    expect(quarter.lexicalRank).toBe(1);
    expect(quarter.score).toBeLessThan(all.score);
  });
});
