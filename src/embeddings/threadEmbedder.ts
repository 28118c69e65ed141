/**
 * The configured embedder in a worker thread (embedWorker.ts). Started first thing at start-up, so the model's ONNX
 * session is created on another core while the main thread reads and checks the index; questions then send their
 * texts to it. Load failures and embedding errors come back as the same BotErrors (code, message, context) the
 * in-process embedder throws. `close()` lets the batches already sent finish, releases the session and ends the
 * thread (never terminated mid-batch: onnxruntime is native). An idle thread does not keep the process alive.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BotError, type ErrorCode } from '../errors.js';
import type { Embedder } from '../types.js';
import type { EmbedderSettings } from './createEmbedder.js';

export interface WorkerError {
  message: string;
  stack?: string;
  code?: ErrorCode;
  context?: Record<string, unknown>;
}

export type EmbedWorkerRequest = { type: 'embed'; seq: number; texts: string[] } | { type: 'close' };

export type EmbedWorkerReply =
  | { type: 'ready'; id: string; dimensions: number }
  /** The batch's vectors, one after the other (`dimensions` numbers each). */
  | { type: 'vectors'; seq: number; data: Float32Array }
  /** `seq` null: the model could not be loaded. */
  | { type: 'error'; seq: number | null; error: WorkerError };

/** An embedder that holds a resource (a thread) until closed. */
export interface ClosableEmbedder extends Embedder {
  close(): Promise<void>;
}

function revive(error: WorkerError, fallback: ErrorCode | null): Error {
  const revived = error.code
    ? new BotError(error.code, error.message, error.context ?? {})
    : fallback
      ? new BotError(fallback, error.message)
      : new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

/**
 * The worker file beside this one: embedWorker.js once compiled; from the TypeScript sources (tsx, Vitest)
 * embedWorker.ts, with tsx's loader registered in the thread first (a dev dependency, needed only there).
 */
function startWorker(settings: EmbedderSettings): Worker {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const file = new URL(`./embedWorker${ext}`, import.meta.url);
  const workerData = { EMBEDDING_MODEL: settings.EMBEDDING_MODEL, MODEL_DIR: settings.MODEL_DIR, ALLOW_REMOTE_MODELS: settings.ALLOW_REMOTE_MODELS };
  if (ext !== '.ts') return new Worker(file, { workerData });
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(fileURLToPath(file)).href)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Starts the worker at once and resolves when its model is loaded (rejects with the loader's BotError, e.g.
 * EMBEDDER_LOAD_FAILED for a missing model folder).
 */
export function startThreadEmbedder(settings: EmbedderSettings): Promise<ClosableEmbedder> {
  const worker = startWorker(settings);
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void; rows: number }>();
  let seq = 0;
  let exited: Promise<void> | null = null;
  let stopped: Error | null = null;
  const exit = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Kept alive while the model loads (the caller awaits it) and while a batch is out: an idle thread never holds
  // the process open. (Set again once the listeners are on: adding a 'message' listener refs the worker's port.)
  let loading = true;
  const hold = (): void => {
    if (loading || pending.size > 0) worker.ref();
    else worker.unref();
  };

  return new Promise<ClosableEmbedder>((resolveReady, rejectReady) => {
    let embedder: ClosableEmbedder | null = null;
    const failAll = (error: Error): void => {
      stopped ??= error;
      loading = false;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      hold();
      if (!embedder) rejectReady(error);
    };

    worker.on('message', (message: EmbedWorkerReply) => {
      if (message.type === 'ready') {
        const { id, dimensions } = message;
        embedder = {
          id,
          dimensions,
          embed(texts: string[]): Promise<Float32Array[]> {
            if (stopped) return Promise.reject(stopped);
            if (texts.length === 0) return Promise.resolve([]);
            const n = ++seq;
            try {
              worker.postMessage({ type: 'embed', seq: n, texts: [...texts] } satisfies EmbedWorkerRequest);
            } catch (error) {
              return Promise.reject(error as Error); // texts that cannot be sent (not strings)
            }
            const result = new Promise<Float32Array[]>((resolve, reject) => pending.set(n, { resolve, reject, rows: texts.length }));
            hold();
            return result;
          },
          close(): Promise<void> {
            if (!exited) {
              stopped ??= new Error('The embedder is closed.');
              worker.postMessage({ type: 'close' } satisfies EmbedWorkerRequest);
              worker.ref(); // until the batches in flight are answered and the thread has ended
              exited = exit;
            }
            return exited;
          },
        };
        loading = false;
        hold();
        resolveReady(embedder);
        return;
      }
      if (message.type === 'error' && message.seq === null) {
        failAll(revive(message.error, 'EMBEDDER_LOAD_FAILED'));
        void worker.terminate(); // nothing was loaded: nothing native to tear down
        return;
      }
      const request = pending.get(message.seq!);
      if (!request) return;
      pending.delete(message.seq!);
      hold();
      if (message.type === 'error') {
        request.reject(revive(message.error, null));
        return;
      }
      const dims = embedder!.dimensions;
      const vectors = Array.from({ length: request.rows }, (_, i) => message.data.slice(i * dims, (i + 1) * dims));
      request.resolve(vectors);
    });
    worker.on('error', (error) => {
      failAll(embedder ? new Error(`The embedding thread failed: ${error.message}`, { cause: error }) : new BotError('EMBEDDER_LOAD_FAILED', `The embedding model could not be loaded: ${error.message}`, {}, { cause: error }));
    });
    worker.on('exit', (code) => {
      failAll(
        embedder
          ? new Error(`The embedding thread stopped (exit code ${code}).`)
          : new BotError('EMBEDDER_LOAD_FAILED', `The embedding thread stopped (exit code ${code}) before the model was loaded.`),
      );
    });
    hold();
  });
}

const shared = new Map<string, { ready: Promise<ClosableEmbedder>; users: number }>();

/**
 * One embedding thread per model settings in this process, shared by the engines that ask for it (tests and
 * benchmarks open many engines; each would otherwise hold a thread and a model session until the process ends).
 * Each caller gets its own handle: its close() lets go of the thread, which ends when the last handle is closed.
 */
export function sharedThreadEmbedder(settings: EmbedderSettings): Promise<ClosableEmbedder> {
  const key = JSON.stringify([settings.EMBEDDING_MODEL, settings.MODEL_DIR, settings.ALLOW_REMOTE_MODELS]);
  let entry = shared.get(key);
  if (!entry) {
    const ready = startThreadEmbedder(settings);
    const created = { ready, users: 0 };
    entry = created;
    shared.set(key, created);
    ready.catch(() => {
      if (shared.get(key) === created) shared.delete(key); // the next caller tries again
    });
  }
  const current = entry;
  current.users++;
  return current.ready.then(
    (thread) => {
      let closed = false;
      return {
        id: thread.id,
        dimensions: thread.dimensions,
        embed: (texts: string[]) => (closed ? Promise.reject(new Error('The embedder is closed.')) : thread.embed(texts)),
        close(): Promise<void> {
          if (closed) return Promise.resolve();
          closed = true;
          if (--current.users > 0) return Promise.resolve();
          if (shared.get(key) === current) shared.delete(key);
          return thread.close();
        },
      };
    },
    (error: unknown) => {
      current.users--;
      throw error;
    },
  );
}
