/**
 * Speed of the article pipeline's pure steps: extracting a news page (linkedom + Readability + metadata +
 * furniture), making the draft (passages), and the syndicated-copy check against the corpus.
 *   npx tsx scripts/bench-articles.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { makeDraft } from '../src/ingest/draft.js';
import { extractFromHtml } from '../src/ingest/extract.js';
import { findSyndicatedCopy } from '../src/ingest/syndication.js';
import { buildPassages } from '../src/passages/buildPassages.js';

const root = path.resolve(import.meta.dirname, '..');
const html = readFileSync(path.join(root, 'test/fixtures/pages/news-article.html'), 'utf8');
const { articles } = await loadCorpus(path.join(root, 'corpus'));
const indexed = articles.map((a) => ({ id: a.id, outlet: a.outlet, headline: a.headline, published: a.published, texts: buildPassages(a).map((p) => p.text) }));

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 5; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(2);
  console.log(`${label.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   (${runs} runs)`);
}

console.log(`Page: ${(html.length / 1000).toFixed(1)} kB; corpus: ${articles.length} articles, ${indexed.reduce((n, a) => n + a.texts.length, 0)} passages`);
const extracted = extractFromHtml(html);
time('extract (linkedom + Readability + metadata)', 100, () => extractFromHtml(html));
time('draft (passages, syndication check)', 100, () => makeDraft(extracted, { kind: 'file', name: 'a.html' }, {}, { existingIds: new Set(), indexed }));
const independent = indexed.find((a) => a.id.includes('independent'))!;
time('syndication check alone (a copy)', 200, () => findSyndicatedCopy(independent.texts, indexed));
