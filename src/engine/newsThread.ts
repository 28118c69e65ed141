/**
 * The news layer of a reindex's build (news.json), derived in a worker thread (newsWorker.ts) while the main thread
 * groups near-duplicates, embeds the new texts, extends the graph and builds the search index: on two cores the
 * build's longest stage no longer waits for the others. The thread runs the very functions deriveBuild runs
 * (buildNewsIndex from the build before's layer, then newsToJson) on the same passages, so news.json is the same
 * file, byte for byte. The build before's layer and passages are sent as soon as the build starts (the thread parses
 * them while the corpus is read and cut); the new articles and passages as soon as they are cut. No native addon
 * runs in the thread: terminating it (a build that fails, or keeps the build in use) is safe.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ManifestArticle } from '../index/manifest.js';
import type { Passage } from '../types.js';

/** The build before's news layer (news.json), passages and articles. */
export interface NewsBefore {
  saved: string;
  passages: readonly Passage[];
  articles: readonly ManifestArticle[];
}

export type NewsWorkerRequest =
  | { type: 'before'; before: NewsBefore | null }
  | { type: 'derive'; articles: readonly ManifestArticle[]; passages: readonly Passage[] };

export type NewsWorkerReply = { type: 'done'; json: string } | { type: 'error'; message: string; stack?: string };

export interface NewsThread {
  /** Derives the news layer of these articles' passages (once); resolves with its news.json. */
  derive(articles: readonly ManifestArticle[], passages: readonly Passage[]): Promise<string>;
  /** Ends the thread (at once: a result not asked for yet is dropped). */
  close(): Promise<void>;
}

/** The worker file beside this one: newsWorker.js once compiled; from the TypeScript sources (tsx, Vitest) through tsx's loader. */
function startWorker(): Worker {
  const ext = path.extname(fileURLToPath(import.meta.url));
  const file = new URL(`./newsWorker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(file);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(fileURLToPath(file)).href)}); });`;
  return new Worker(code, { eval: true });
}

/** Starts the thread and sends it the build before's news layer (null: none, the layer is derived afresh). */
export function startNewsThread(before: NewsBefore | null): NewsThread {
  const worker = startWorker();
  worker.postMessage({ type: 'before', before } satisfies NewsWorkerRequest);
  let settle: { resolve: (json: string) => void; reject: (error: Error) => void } | null = null;
  let failed: Error | null = null;
  const fail = (error: Error): void => {
    failed ??= error;
    settle?.reject(failed);
    settle = null;
  };
  worker.on('message', (message: NewsWorkerReply) => {
    if (message.type === 'done') {
      settle?.resolve(message.json);
      settle = null;
      return;
    }
    const error = new Error(`Deriving the news layer failed: ${message.message}`);
    if (message.stack) error.stack = message.stack;
    fail(error);
  });
  worker.on('error', (error) => fail(new Error(`The news layer's thread failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => fail(new Error(`The news layer's thread stopped (exit code ${code}) before it finished.`)));
  let asked = false;
  return {
    derive(articles, passages) {
      if (asked) return Promise.reject(new Error('The news layer of this build is derived once.'));
      asked = true;
      if (failed) return Promise.reject(failed);
      const result = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
      worker.postMessage({ type: 'derive', articles, passages } satisfies NewsWorkerRequest);
      return result;
    },
    async close() {
      failed ??= new Error('The news layer thread is closed.');
      await worker.terminate();
    },
  };
}
