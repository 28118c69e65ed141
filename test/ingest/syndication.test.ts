/** The syndicated-copy warning, on the real corpus: A News rewrote the PA copy The Independent ran. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { describeSyndication, findSyndicatedCopy, syndicatedMatches, type IndexedText } from '../../src/ingest/syndication.js';
import { page } from '../helpers/newsServer.js';
import { extractFromHtml } from '../../src/ingest/extract.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

async function indexed(): Promise<{ all: IndexedText[]; byId: Map<string, IndexedText> }> {
  const { articles } = await loadCorpus(CORPUS_DIR);
  const all = articles.map((a) => ({ id: a.id, outlet: a.outlet, headline: a.headline, published: a.published, texts: buildPassages(a).map((p) => p.text) }));
  return { all, byId: new Map(all.map((a) => [a.id, a])) };
}

describe('syndicated copies', () => {
  it('a copy of an indexed article is flagged with its outlet and date', async () => {
    const { all, byId } = await indexed();
    const independent = byId.get('2026-01-06-independent-british-troops-on-the-ground')!;
    const others = all.filter((a) => a.id !== independent.id);
    const match = findSyndicatedCopy(independent.texts, others);
    expect(match).not.toBeNull();
    expect(match!.outlet).toBe('A News');
    expect(describeSyndication(match!)).toMatch(/^mostly the same text as A News, 7 Jan \(\d+% of its wording\)$/);
    // The same text, given whole, matches itself completely.
    expect(findSyndicatedCopy(independent.texts, all)).toMatchObject({ id: independent.id, share: 1 });
  });

  it('an article with its own text is not flagged', async () => {
    const { all } = await indexed();
    expect(syndicatedMatches(extractFromHtml(page('news-article.html')).paragraphs, all)).toEqual([]);
  });
});
