import { existsSync } from 'node:fs';
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { BotError } from '../errors.js';
import { log } from '../log.js';
import type { Embedder } from '../types.js';
import { embedderId, locateModel, missingModelFiles, pickDtype, REQUIRED_MODEL_FILES, MODEL_WEIGHT_FILES } from './modelFolder.js';
import { inBatches } from './batches.js';
import { toUnitVector } from './vectors.js';

// Nothing downloads model weights unless a caller asks for it explicitly (ALLOW_REMOTE_MODELS=true).
env.allowRemoteModels = false;

export interface TransformersEmbedderOptions {
  /** A Hugging Face model id (looked up under `modelDir`) or a path to a local model folder. */
  model: string;
  /** Where models are looked up by id, and downloaded to when `allowRemote` is set. */
  modelDir: string;
  /** Let transformers.js download a model id that is not under `modelDir`. */
  allowRemote: boolean;
  /** Texts per forward pass. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 16;
const PROBE_TEXT = 'dimension probe';

const FOLDER_FILES = `${REQUIRED_MODEL_FILES.join(', ')} and ${MODEL_WEIGHT_FILES.fp32} (or ${MODEL_WEIGHT_FILES.q8})`;

/**
 * Feature extraction with transformers.js (onnxruntime-node): mean pooling over the attention mask,
 * then L2 normalisation. A local folder loads `onnx/model_quantized.onnx` when present (dtype q8),
 * else `onnx/model.onnx` (fp32); a download fetches the fp32 weights. The id records the dtype when
 * it is not fp32, e.g. `transformers:Xenova/all-MiniLM-L6-v2:q8`, since the vectors differ.
 */
export async function createTransformersEmbedder(opts: TransformersEmbedderOptions): Promise<Embedder & { close(): Promise<void> }> {
  const location = locateModel(opts.model, opts.modelDir);
  const missing = missingModelFiles(location.dir);
  let source: string;
  let name: string;

  if (location.kind === 'folder') {
    if (missing.length > 0) {
      const problem = existsSync(location.dir) ? `is missing ${missing.join(', ')}` : 'does not exist';
      throw new BotError(
        'EMBEDDER_LOAD_FAILED',
        `The model folder ${location.dir} ${problem}. A model folder holds ${FOLDER_FILES}. ` +
          'Build the offline GloVe one with `npx tsx scripts/build-glove-model.ts`, or set EMBEDDING_MODEL to a Hugging Face model id.',
        { model: opts.model, dir: location.dir, missing },
      );
    }
    source = location.dir;
    name = location.name;
  } else if (missing.length === 0) {
    source = location.dir; // Already under MODEL_DIR (put there by hand or by an earlier download).
    name = location.id;
  } else if (!opts.allowRemote) {
    throw new BotError(
      'EMBEDDER_LOAD_FAILED',
      `The embedding model "${location.id}" is not in ${location.dir} (missing ${missing.join(', ')}). ` +
        `Put the model folder there (with ${FOLDER_FILES}), set EMBEDDING_MODEL to a local model folder, ` +
        'or set ALLOW_REMOTE_MODELS=true to download it from the Hugging Face hub once.',
      { model: opts.model, dir: location.dir, missing },
    );
  } else {
    source = location.id;
    name = location.id;
  }

  const dtype = pickDtype(location.dir) ?? 'fp32';
  env.allowLocalModels = true;
  env.allowRemoteModels = opts.allowRemote;
  env.localModelPath = path.resolve(opts.modelDir);
  env.cacheDir = path.resolve(opts.modelDir);

  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', source, {
      dtype,
      device: 'cpu',
      local_files_only: !opts.allowRemote,
    });
  } catch (error) {
    throw new BotError(
      'EMBEDDER_LOAD_FAILED',
      `The embedding model "${opts.model}" could not be loaded from ${source}: ${(error as Error).message}`,
      { model: opts.model, source, dtype },
      { cause: error },
    );
  } finally {
    env.allowRemoteModels = false; // a download, if any, is over
  }

  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dims] = output.dims as [number, number];
    const data = output.data as Float32Array;
    const vectors = Array.from({ length: rows }, (_, i) => toUnitVector(data.subarray(i * dims, (i + 1) * dims)));
    output.dispose();
    return vectors;
  };

  const probe = await extractor([PROBE_TEXT], { pooling: 'mean', normalize: true });
  const dimensions = probe.dims[1] as number;
  probe.dispose();
  const id = embedderId(name, dtype);
  log.debug({ id, source, dtype, dimensions }, 'transformers embedder loaded');

  return {
    id,
    dimensions,
    // Similar lengths share a batch, so little padding is computed; results keep the input order.
    embed: (texts) => inBatches(texts, batchSize, embedBatch, { byLength: true }),
    /** Releases the model's ONNX session (the embedder is not used after). */
    close: () => extractor.dispose(),
  };
}
