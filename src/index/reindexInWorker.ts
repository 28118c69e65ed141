/**
 * Runs a reindex's heavy work (embedding, building, saving) in a worker thread (buildWorker.ts), so the thread
 * that serves Discord keeps acknowledging interactions and sending progress edits while it runs. The caller
 * holds the reindex lock; the worker swaps CURRENT atomically as an in-process build would. An abort stops the
 * worker and removes its half-written build.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import { BotError, type ErrorCode } from '../errors.js';
import type { ReindexProgress } from './buildIndex.js';
import { pruneBuilds } from './indexFiles.js';
import type { Manifest } from './manifest.js';
import type { ReindexReport } from './rebuild.js';

/** What the worker is given (structured-cloned). */
export interface BuildJob {
  config: Config;
  /** The engine's embedder id: the worker builds the same one and checks. */
  embedderId: string;
  previous: Manifest | null;
  lockedSince: number;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ReindexProgress }
  | { type: 'log'; level: 'warn'; obj: unknown; msg: string }
  | { type: 'done'; report: ReindexReport; build: string }
  | { type: 'error'; error: { message: string; stack?: string; code?: ErrorCode; context?: Record<string, unknown> } };

export interface WorkerBuildOptions {
  onProgress?: (p: ReindexProgress) => void;
  onLog?: (obj: unknown, msg: string) => void;
  /** Aborting stops the worker, cleans up its half build and rejects with REINDEX_INTERRUPTED. */
  signal?: AbortSignal;
}

/**
 * Starts the worker file beside this one: buildWorker.js once compiled. From the TypeScript sources (tsx, Vitest)
 * the worker loads buildWorker.ts through tsx's API, since Node 20 does not pass loader hooks on to workers.
 */
function startWorker(job: BuildJob): Worker {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const url = new URL(`./buildWorker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url, { workerData: job });
  // tsx's ESM API (its CommonJS build cannot load its ESM half from a worker): a dev dependency, here only from sources.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(code, { eval: true, workerData: job, execArgv: [] });
}

/** Removes what an interrupted build left: its half-written folder (its writer is gone) and CURRENT temp files. */
async function cleanUpAfter(indexDir: string): Promise<void> {
  // Every CURRENT.*.tmp now is garbage: the only writer (ours, under the lock) has stopped.
  await pruneBuilds(indexDir, { lockedSince: Date.now() + 60_000 });
}

export function reindexInWorker(job: BuildJob, { onProgress = () => {}, onLog = () => {}, signal }: WorkerBuildOptions = {}): Promise<{ report: ReindexReport; build: string }> {
  if (signal?.aborted) return Promise.reject(interrupted());
  // Shown while the worker loads the embedding model (a few seconds), before it reads the corpus.
  onProgress({ stage: 'reading', done: 0, total: 0, message: 'Starting the build' });
  const worker = startWorker(job);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    let failing = false;
    const fail = (error: Error): void => {
      if (failing || settled) return;
      failing = true;
      // The worker may have stopped part way: clean up before reporting.
      void worker
        .terminate()
        .then(() => cleanUpAfter(job.config.INDEX_DIR))
        .catch(() => {})
        .finally(() => finish(() => reject(error)));
    };
    const onAbort = (): void => {
      fail(interrupted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: WorkerMessage) => {
      if (settled || failing) return;
      switch (message.type) {
        case 'progress':
          onProgress(message.progress);
          break;
        case 'log':
          onLog(message.obj, message.msg);
          break;
        case 'done':
          finish(() => resolve({ report: message.report, build: message.build }));
          void worker.terminate();
          break;
        case 'error': {
          const { code, context, stack } = message.error;
          const error = code ? new BotError(code, message.error.message, context ?? {}) : new BotError('REINDEX_FAILED', message.error.message);
          if (stack) error.stack = stack;
          fail(error);
          break;
        }
      }
    });
    worker.on('error', (error) => fail(new BotError('REINDEX_FAILED', `The reindex worker failed: ${error.message}`, {}, { cause: error })));
    worker.on('exit', (code) => {
      fail(new BotError('REINDEX_FAILED', `The reindex worker stopped (exit code ${code}) before it finished.`));
    });
  });
}

function interrupted(): BotError {
  return new BotError('REINDEX_INTERRUPTED', 'The reindex was interrupted because the bot is stopping.');
}
