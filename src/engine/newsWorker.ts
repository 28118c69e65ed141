/**
 * The worker thread of newsThread.ts: reads the build before's news layer back when it comes (while the main thread
 * reads and cuts the corpus), then derives the new build's as deriveBuild does (buildNewsIndex from the build
 * before's, newsToJson) and sends back its news.json.
 */
import { parentPort } from 'node:worker_threads';
import { buildNewsIndex } from '../news/newsIndex.js';
import { newsFromJson, newsToJson } from '../news/newsStore.js';
import type { NewsWorkerReply, NewsWorkerRequest } from './newsThread.js';
import { previousNewsOf, type NewsBuiltBefore } from './previousNews.js';

const port = parentPort!;
let before: NewsBuiltBefore | null = null;

function serialise(error: unknown): NewsWorkerReply {
  const e = error instanceof Error ? error : new Error(String(error));
  return { type: 'error', message: e.message, stack: e.stack };
}

port.on('message', (message: NewsWorkerRequest) => {
  try {
    if (message.type === 'before') {
      const saved = message.before;
      const news = saved === null ? null : newsFromJson(saved.saved, saved.passages);
      before = saved === null || news === null ? null : { news, passages: saved.passages, articles: saved.articles };
      return;
    }
    const articles = [...message.articles];
    const passages = [...message.passages];
    const json = newsToJson(buildNewsIndex(articles, passages, before === null ? undefined : previousNewsOf(before, articles)));
    port.postMessage({ type: 'done', json } satisfies NewsWorkerReply);
  } catch (error) {
    port.postMessage(serialise(error));
  }
});
