/**
 * Runs a reindex's heavy work (embedding, building, saving) in a child process (buildWorker.ts), so the process
 * that serves Discord keeps acknowledging interactions and sending progress edits while it runs. The caller
 * holds the reindex lock; the worker swaps CURRENT atomically as an in-process build would. An abort stops the
 * worker and removes its half-written build. (A child process rather than a worker thread: the native addons,
 * onnxruntime and hnswlib, can abort the whole process when a worker thread holding them is torn down.)
 */
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { Config } from '../config/config.js';
import { BotError, type ErrorCode } from '../errors.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { pruneBuilds } from '../index/indexFiles.js';
import type { Manifest } from '../index/manifest.js';
import type { ReindexReport } from '../index/report.js';

/** What the worker is given (structured-cloned). */
export interface BuildJob {
  config: Config;
  /** The engine's embedder id: the worker builds the same one and checks. */
  embedderId: string;
  previous: Manifest | null;
  lockedSince: number;
  /**
   * false: the build is saved but not swapped in (CURRENT untouched): the parent checks a moderator's change against
   * the report first, then swaps it in or removes it. Default true.
   */
  swap?: boolean;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ReindexProgress }
  | { type: 'log'; level: 'warn'; obj: unknown; msg: string }
  /** `kept`: nothing changed, the build in use stays (nothing was written). */
  | { type: 'done'; report: ReindexReport; build: string; kept: boolean }
  | { type: 'error'; error: { message: string; stack?: string; code?: ErrorCode; context?: Record<string, unknown> } };

export interface WorkerBuildOptions {
  onProgress?: (p: ReindexProgress) => void;
  onLog?: (obj: unknown, msg: string) => void;
  /** Aborting stops the worker, cleans up its half build and rejects with REINDEX_INTERRUPTED. */
  signal?: AbortSignal;
}

/**
 * Starts the worker file beside this one: buildWorker.js once compiled; from the TypeScript sources (tsx, Vitest)
 * buildWorker.ts through tsx's loader (a dev dependency, needed only there).
 */
function startWorker(): ChildProcess {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const file = fileURLToPath(new URL(`./buildWorker${ext}`, import.meta.url));
  let execArgv = process.execArgv;
  if (ext === '.ts') {
    const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    execArgv = ['--import', pathToFileURL(path.join(tsxDir, 'dist', 'loader.mjs')).href];
  }
  return fork(file, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
}

/** Removes what an interrupted build left: its half-written folder (its writer is gone) and CURRENT temp files. */
async function cleanUpAfter(indexDir: string): Promise<void> {
  // Every CURRENT.*.tmp now is garbage: the only writer (ours, under the lock) has stopped.
  await pruneBuilds(indexDir, { lockedSince: Date.now() + 60_000 });
}

export function reindexInWorker(job: BuildJob, { onProgress = () => {}, onLog = () => {}, signal }: WorkerBuildOptions = {}): Promise<{ report: ReindexReport; build: string; kept: boolean }> {
  if (signal?.aborted) return Promise.reject(interrupted());
  // Shown while the worker loads the embedding model (a few seconds), before it reads the corpus.
  onProgress({ stage: 'reading', done: 0, total: 0, message: 'Starting the build' });
  const worker = startWorker();
  worker.send(job);
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
      void stop(worker)
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
          finish(() => resolve({ report: message.report, build: message.build, kept: message.kept }));
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
    worker.on('exit', (code, signal) => {
      fail(new BotError('REINDEX_FAILED', `The reindex worker stopped (${signal ?? `exit code ${code}`}) before it finished.`));
    });
  });
}

/** Kills the worker (its build is abandoned) and waits until it is gone. */
async function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, 'exit');
  worker.kill('SIGKILL');
  await exited;
}

function interrupted(): BotError {
  return new BotError('REINDEX_INTERRUPTED', 'The reindex was interrupted because the bot is stopping.');
}
