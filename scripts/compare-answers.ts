/**
 * `npx tsx scripts/compare-answers.ts --corpus DIR --index DIR --cache DIR --out FILE [--questions N]`: what a
 * change to the index or to search must leave as it is, written out to compare (`cmp`) between two builds of the
 * same corpus (e.g. before and after a change of index format):
 *   - the answers (JSON without timings) to N questions of each kind, made as `npm run bench` makes them (same seed),
 *   - the dense candidates (CANDIDATES passages and similarities) of each question, unfiltered and filtered to one
 *     outlet,
 * and it prints the dense candidates' recall against exact search (every passage scored by its best vector, from
 * the embedding cache), so a difference can be told from what approximate search misses.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { createEngine } from '../src/engine/createEngine.js';
import { loadIndex } from '../src/index/loadIndex.js';
import { sentenceUnits } from '../src/index/buildIndex.js';
import { createLogger } from '../src/log.js';
import { searchDense } from '../src/retrieval/dense.js';
import { CANDIDATES } from '../src/retrieval/retrieve.js';
import { loadOrCreateSearchIndex } from '../src/retrieval/searchIndex.js';
import { benchQuestions } from './lib/benchQuestions.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    index: { type: 'string' },
    cache: { type: 'string' },
    out: { type: 'string' },
    questions: { type: 'string', default: '100' },
    /** HNSW's search width for the dense candidates (default: the store's own); a large one makes search all but exact. */
    ef: { type: 'string' },
    /** Leave out the answers (only the dense candidates). */
    'dense-only': { type: 'boolean', default: false },
  },
});

/** The value without its `timings` (they differ run to run). */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'timings').map(([k, v]) => [k, strip(v)]));
  return value;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const config = { ...base, CORPUS_DIR: path.resolve(values.corpus!), INDEX_DIR: path.resolve(values.index!), EMBED_CACHE_DIR: path.resolve(values.cache!), LOG_LEVEL: 'warn' as const };
  const engine = await createEngine(config, { log: createLogger('warn') });
  const perKind = Number(values.questions);

  // The questions scripts/bench.ts asks (same seed, same picks).
  const kinds = await benchQuestions(engine);
  const outlets = [...new Set(engine.sources().articles.map((a) => a.outlet))];
  const questions: string[] = [];
  for (const make of Object.values(kinds)) for (let i = 0; i < perKind; i++) questions.push(make());
  const lines: string[] = [];
  if (!values['dense-only']) for (const q of questions) lines.push(JSON.stringify({ q, answer: strip(await engine.ask(q)) }));

  // Dense candidates, unfiltered and for one outlet, and their recall against exact search.
  const index = await loadIndex(config.INDEX_DIR);
  const search = loadOrCreateSearchIndex(null, index.passages, index.vectors, index.labels);
  if (values.ef !== undefined) search.vectors.setEf?.(Number(values.ef));
  const outletOf = new Map(index.manifest.articles.map((a) => [a.id, a.outlet]));
  const units = sentenceUnits(index.passages);
  const texts = [...index.passages.map((p) => p.text), ...units.map((u) => u.text)];
  const owners = [...index.passages.map((_, p) => p), ...units.map((u) => u.owner)];
  const distinct = [...new Set(texts)];
  const vectorOf = new Map<string, Float32Array>();
  for (let i = 0; i < distinct.length; i += 256) {
    const batch = distinct.slice(i, i + 256);
    (await engine.embedder.embed(batch)).forEach((v, k) => vectorOf.set(batch[k]!, v));
  }
  // Per kind of search: unfiltered, one outlet.
  const found = [0, 0];
  const wanted = [0, 0];
  const same = [0, 0];
  const searches = [0, 0];
  for (const [n, q] of questions.entries()) {
    const vector = (await engine.embedder.embed([q]))[0]!;
    const outlet = outlets[n % outlets.length]!;
    const inOutlet = (p: number) => outletOf.get(index.passages[p]!.articleId) === outlet;
    for (const [kind, filter] of [undefined, inOutlet].entries()) {
      const hits = searchDense(search.vectors, vector, CANDIDATES, filter, search.labels);
      lines.push(JSON.stringify({ q, outlet: filter ? outlet : null, dense: hits.map((h) => [h.label, h.similarity]) }));
      // Exact: each passage's best similarity over its vectors.
      const best = new Float64Array(index.passages.length).fill(-Infinity);
      texts.forEach((t, i) => {
        const p = owners[i]!;
        if (filter && !filter(p)) return;
        const v = vectorOf.get(t)!;
        let dot = 0;
        for (let d = 0; d < v.length; d++) dot += v[d]! * vector[d]!;
        if (dot > best[p]!) best[p] = dot;
      });
      const exact = [...best.keys()].filter((p) => best[p]! > -Infinity).sort((a, b) => best[b]! - best[a]! || a - b);
      // Passages as similar as the k-th count as found (which of a group of equal copies comes first is the tie order's).
      const k = Math.min(CANDIDATES, exact.length);
      const cut = k > 0 ? best[exact[k - 1]!]! - 1e-6 : Infinity;
      const top = new Set(exact.filter((p) => best[p]! >= cut));
      found[kind]! += hits.filter((h) => top.has(h.label)).length;
      wanted[kind]! += k;
      searches[kind]!++;
      if (hits.length === k && hits.every((h) => top.has(h.label))) same[kind]!++;
    }
  }
  await writeFile(values.out!, `${lines.join('\n')}\n`);
  console.log(`${questions.length} questions: answers and dense candidates written to ${values.out}`);
  ['unfiltered', 'one outlet'].forEach((kind, i) => {
    console.log(`dense recall@${CANDIDATES} vs exact, ${kind}: ${(found[i]! / wanted[i]!).toFixed(4)} (${found[i]}/${wanted[i]}); searches with every candidate in the exact top: ${same[i]}/${searches[i]}`);
  });
  await engine.close();
}

await main();
