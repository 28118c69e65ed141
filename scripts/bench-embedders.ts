/**
 * Prints, for each embedder available offline here, its load time, single-query latency (p50/p95)
 * and passages per second over the corpus, plus the same passages again through the embedding cache.
 *
 *   npx tsx scripts/bench-embedders.ts
 *
 * Benchmarked: use-lite; the GloVe folder (MODEL_DIR/glove-sg-100d, built by
 * scripts/build-glove-model.ts) when present; EMBEDDING_MODEL when it is on disk.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { withEmbeddingCache } from '../src/embeddings/cache.js';
import { locateModel, missingModelFiles } from '../src/embeddings/modelFolder.js';
import { createTransformersEmbedder } from '../src/embeddings/transformersEmbedder.js';
import { createUseLiteEmbedder } from '../src/embeddings/useLite.js';
import type { Embedder } from '../src/types.js';

const QUERIES = [
  'What did Starmer say about British troops in Ukraine?',
  'Is Putin ready for peace?',
  'Which countries signed the Paris Declaration?',
  'How many soldiers could be deployed?',
  'What security guarantees does the declaration give Ukraine?',
  'Did the United States back the coalition of the willing?',
  'When would troops be sent?',
  'What did Macron say after the summit?',
];
const QUERY_RUNS = 60;

/** Paragraphs of the corpus bodies, a stand-in for the passages the index embeds. */
function corpusPassages(corpusDir: string): string[] {
  const passages: string[] = [];
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort()) {
    const body = readFileSync(path.join(corpusDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    passages.push(...body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 40));
  }
  return passages;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function bench(name: string, load: () => Promise<Embedder>, passages: string[]): Promise<void> {
  const [embedder, loadMs] = await timed(load);
  for (const q of QUERIES.slice(0, 3)) await embedder.embed([q]); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    latencies.push((await timed(() => embedder.embed([QUERIES[i % QUERIES.length] as string])))[1]);
  }
  latencies.sort((a, b) => a - b);
  const [, passagesMs] = await timed(() => embedder.embed(passages));

  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bench-embed-cache-'));
  try {
    const cold = withEmbeddingCache(embedder, cacheDir);
    const [, coldMs] = await timed(async () => (await cold.embed(passages), await cold.flush()));
    const warm = withEmbeddingCache(embedder, cacheDir);
    const [, warmMs] = await timed(() => warm.embed(passages));
    const perSecond = (ms: number) => (passages.length / (ms / 1000)).toFixed(1);
    console.log(
      [
        name.padEnd(34),
        `${embedder.dimensions}`.padStart(4),
        `${loadMs.toFixed(0)} ms`.padStart(9),
        `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} ms`.padStart(18),
        `${perSecond(passagesMs)}/s`.padStart(10),
        `${perSecond(coldMs)}/s`.padStart(10),
        `${perSecond(warmMs)}/s`.padStart(12),
      ].join('  '),
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const passages = corpusPassages(config.CORPUS_DIR);
  const chars = passages.reduce((n, p) => n + p.length, 0);
  console.log(`${passages.length} corpus paragraphs (mean ${Math.round(chars / passages.length)} chars), ${QUERY_RUNS} single queries`);
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})\n`);
  console.log(
    ['embedder'.padEnd(34), 'dims', 'load'.padStart(9), 'query p50 / p95'.padStart(18), 'passages'.padStart(10),
      'cache cold'.padStart(10), 'cache warm'.padStart(12)].join('  '),
  );

  await bench('use-lite', () => createUseLiteEmbedder(), passages);

  const folders = new Set<string>();
  const glove = path.join(config.MODEL_DIR, 'glove-sg-100d');
  if (missingModelFiles(glove).length === 0) folders.add(glove);
  const configured = locateModel(config.EMBEDDING_MODEL, config.MODEL_DIR);
  if (missingModelFiles(configured.dir).length === 0) folders.add(configured.dir);
  for (const dir of folders) {
    const name = path.relative(config.MODEL_DIR, dir) || dir;
    await bench(`transformers:${name}`, () => createTransformersEmbedder({ model: dir, modelDir: config.MODEL_DIR, allowRemote: false }), passages);
  }
  if (!folders.has(glove)) console.log(`\n(no ${glove}: build it with npx tsx scripts/build-glove-model.ts)`);
  console.log(`\nRSS at the end: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
