import { describe, expect, it } from 'vitest';
import { rebuildIndex } from '../../src/index/rebuild.js';
import type { ReindexProgress } from '../../src/index/buildIndex.js';
import { hashingEmbedder } from '../helpers/hashingEmbedder.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

describe('rebuildIndex progress', () => {
  it('regression: the public /reindex progress showed the server path ("Reading the corpus in /…"); no message names a path', async () => {
    const seen: ReindexProgress[] = [];
    const base = hashingEmbedder();
    const embedder = { ...base, stats: () => ({ hits: 0, misses: 0 }), flush: async () => {} };
    await rebuildIndex(CORPUS_DIR, embedder, null, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) expect(p.message).not.toContain(CORPUS_DIR);
  });
});
