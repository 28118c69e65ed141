/**
 * The worker thread of threadEmbedder.ts: creates the configured embedder (its ONNX session) and embeds the batches
 * the main thread sends, one message at a time and in order. A `close` message is handled after every batch sent
 * before it: the model's session is released and the thread ends by itself (it is never terminated mid-batch).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isBotError } from '../errors.js';
import type { Embedder } from '../types.js';
import { createEmbedder, type EmbedderSettings } from './createEmbedder.js';
import type { EmbedWorkerReply, EmbedWorkerRequest, WorkerError } from './threadEmbedder.js';

const port = parentPort!;

function serialise(error: unknown): WorkerError {
  if (isBotError(error)) return { message: error.message, stack: error.stack, code: error.code, context: error.context };
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

async function embed(embedder: Embedder, seq: number, texts: string[]): Promise<void> {
  try {
    const vectors = await embedder.embed(texts);
    const data = new Float32Array(vectors.length * embedder.dimensions);
    vectors.forEach((v, i) => data.set(v, i * embedder.dimensions));
    port.postMessage({ type: 'vectors', seq, data } satisfies EmbedWorkerReply, [data.buffer]);
  } catch (error) {
    port.postMessage({ type: 'error', seq, error: serialise(error) } satisfies EmbedWorkerReply);
  }
}

type Loaded = Embedder & { close?: () => Promise<void> };

// Batches sent while the model loads wait for it (the main thread sends none before 'ready', but close may come first).
const loaded: Promise<Loaded | null> = createEmbedder(workerData as EmbedderSettings).then(
  (embedder) => {
    port.postMessage({ type: 'ready', id: embedder.id, dimensions: embedder.dimensions } satisfies EmbedWorkerReply);
    return embedder;
  },
  (error: unknown) => {
    port.postMessage({ type: 'error', seq: null, error: serialise(error) } satisfies EmbedWorkerReply);
    return null;
  },
);
let queue: Promise<unknown> = loaded;

port.on('message', (message: EmbedWorkerRequest) => {
  queue = queue.then(async () => {
    const embedder = await loaded;
    if (message.type === 'embed') {
      if (embedder) await embed(embedder, message.seq, message.texts);
      else port.postMessage({ type: 'error', seq: message.seq, error: { message: 'The embedding model is not loaded.' } } satisfies EmbedWorkerReply);
      return;
    }
    await embedder?.close?.().catch(() => {});
    port.close();
  });
});
