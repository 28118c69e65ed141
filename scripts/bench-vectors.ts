/**
 * `npm run bench:vectors -- --vectors 100000 [--m 16] [--ef-construction 200] [--ef 32,64,128,256] [--queries 200] [--seed 1]`
 *
 * The vector layer alone (src/index/vectorStore.ts, cosine HNSW through hnswlib-node) at a given size, with
 * vectors of the default embedder's size (384). The vectors are synthetic but shaped like sentence embeddings:
 * unit vectors drawn around a few thousand topic centres (a uniform random cloud is much harder for HNSW than
 * real text and would understate recall). Prints build time, memory (RSS growth), and for each search ef the
 * query latency p50/p95 and recall@10 against exact (brute-force) search on the same queries.
 */
import { parseArgs } from 'node:util';
import { createHnswStore, HNSW_EF_CONSTRUCTION, HNSW_M, type VectorStore } from '../src/index/vectorStore.js';
import { seededRandom } from './lib/syntheticCorpus.js';

const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '100000' },
    dimensions: { type: 'string', default: '384' },
    m: { type: 'string', default: String(HNSW_M) },
    'ef-construction': { type: 'string', default: String(HNSW_EF_CONSTRUCTION) },
    ef: { type: 'string', default: '32,64,128,256' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
  },
});

const N = Number(values.vectors);
const D = Number(values.dimensions);
const Q = Number(values.queries);
const K = 10;
const rnd = seededRandom(Number(values.seed));

/** Standard normal (Box-Muller). */
function gauss(): number {
  const u = 1 - rnd();
  const v = rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}

const centres = Array.from({ length: Math.max(16, Math.round(Math.sqrt(N) * 4)) }, () => normalise(Float32Array.from({ length: D }, gauss)));
/** A point around a random centre: about as spread as passages on one topic are (cosine ~0.5-0.7 to the centre). */
function sample(): Float32Array {
  const c = centres[Math.floor(rnd() * centres.length)]!;
  const v = new Float32Array(D);
  for (let i = 0; i < D; i++) v[i] = c[i]! + gauss() * 0.06;
  return normalise(v);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main(): Promise<void> {
  console.log(`Vector layer: ${N} vectors of ${D} dimensions, HNSW M=${values.m}, efConstruction=${values['ef-construction']}, ${Q} queries, k=${K}`);
  // Vectors are kept in one flat array for the exact search (that copy is counted apart from the index's memory).
  const data = new Float32Array(N * D);
  for (let i = 0; i < N; i++) data.set(sample(), i * D);
  const queries = Array.from({ length: Q }, sample);
  if (global.gc) global.gc();
  const rss0 = process.memoryUsage().rss;

  const store: VectorStore = createHnswStore(D, N, { m: Number(values.m), efConstruction: Number(values['ef-construction']) });
  const t0 = performance.now();
  let last = t0;
  for (let i = 0; i < N; i++) {
    store.add(i, data.subarray(i * D, (i + 1) * D));
    if (performance.now() - last > 30_000) {
      last = performance.now();
      console.log(`  … ${i + 1}/${N} added (${((last - t0) / 1000).toFixed(0)} s)`);
    }
  }
  const buildMs = performance.now() - t0;
  const rss1 = process.memoryUsage().rss;
  console.log(`Build: ${(buildMs / 1000).toFixed(1)} s (${(N / (buildMs / 1000)).toFixed(0)} vectors/s); index memory (RSS growth) ${mb(rss1 - rss0)}, ` +
    `${((rss1 - rss0) / N).toFixed(0)} bytes/vector; RSS ${mb(rss1)}`);

  // Exact top-10 by brute force (cosine = dot product of unit vectors).
  const e0 = performance.now();
  const exact = queries.map((q) => {
    const best: { id: number; s: number }[] = [];
    for (let i = 0; i < N; i++) {
      let s = 0;
      const off = i * D;
      for (let d = 0; d < D; d++) s += q[d]! * data[off + d]!;
      if (best.length < K || s > best[best.length - 1]!.s) {
        best.push({ id: i, s });
        best.sort((a, b) => b.s - a.s);
        if (best.length > K) best.pop();
      }
    }
    return new Set(best.map((b) => b.id));
  });
  const exactMs = (performance.now() - e0) / Q;
  console.log(`Exact search (brute force in JS): ${exactMs.toFixed(1)} ms per query`);

  for (const ef of values.ef.split(',').map(Number)) {
    store.setEf?.(ef);
    const times: number[] = [];
    let found = 0;
    queries.forEach((q, i) => {
      const s0 = performance.now();
      const hits = store.search(q, K);
      times.push(performance.now() - s0);
      for (const h of hits) if (exact[i]!.has(h.id)) found++;
    });
    times.sort((a, b) => a - b);
    console.log(`  ef=${String(ef).padEnd(4)} recall@10 ${(found / (Q * K)).toFixed(3)}   query p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
