import type { Config } from '../config/config.js';
import type { Embedder } from '../types.js';
import { createTransformersEmbedder } from './transformersEmbedder.js';
import { createUseLiteEmbedder } from './useLite.js';

/** The embedder the configuration names. No cache here: wrap with `withEmbeddingCache` where passages are embedded. */
export async function createEmbedder(
  config: Pick<Config, 'EMBEDDER' | 'EMBEDDING_MODEL' | 'MODEL_DIR' | 'ALLOW_REMOTE_MODELS'>,
): Promise<Embedder> {
  switch (config.EMBEDDER) {
    case 'use-lite':
      return createUseLiteEmbedder();
    case 'transformers':
      return createTransformersEmbedder({
        model: config.EMBEDDING_MODEL,
        modelDir: config.MODEL_DIR,
        allowRemote: config.ALLOW_REMOTE_MODELS,
      });
  }
}
