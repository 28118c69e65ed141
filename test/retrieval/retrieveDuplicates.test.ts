/** retrieve (src/retrieval/retrieve.ts): a hit lists the other members of its near-duplicate group, one list per passage and index, the same for every question. */
import { describe, expect, it } from 'vitest';
import type { StoredPassage } from '../../src/index/passageStore.js';
import type { VectorStore } from '../../src/index/vectorStore.js';
import { retrieve } from '../../src/retrieval/retrieve.js';
import { createSearchIndex } from '../../src/retrieval/searchIndex.js';

const text = 'Troops would be stationed in Greenland under the security guarantees, the envoy said.';
const passages: StoredPassage[] = [
  { id: 'a#0', articleId: 'a', paragraph: 0, text, group: 0 },
  { id: 'b#0', articleId: 'b', paragraph: 0, text, group: 0 },
  { id: 'c#0', articleId: 'c', paragraph: 0, text: 'The ceasefire talks resume in Paris next week.', group: 2 },
  { id: 'd#0', articleId: 'd', paragraph: 0, text, group: 0 },
];
const index = createSearchIndex(passages, {} as VectorStore, []);
const ask = (question: string) => retrieve(index, question, null, { k: 5, mode: 'lexical', expand: false });

describe('retrieve', () => {
  it("lists a hit's near-duplicates (its group but itself), the same list for every question", () => {
    const first = ask('troops in Greenland');
    const top = first.find((h) => h.passage.group === 0)!;
    expect(top.duplicates.map((p) => p.id)).toEqual(passages.filter((p) => p.group === 0 && p !== top.passage).map((p) => p.id));
    const again = ask('the envoy and the security guarantees').find((h) => h.passage === top.passage)!;
    expect(again.duplicates).toBe(top.duplicates);
    expect(ask('ceasefire talks in Paris').find((h) => h.passage.group === 2)!.duplicates).toEqual([]);
  });
});
