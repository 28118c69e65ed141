import type { Logger } from 'pino';
import { suggestQuestions } from '../answer/suggestions.js';
import type { AnswerResult } from '../answer/types.js';
import type { Config } from '../config/config.js';
import { withEmbeddingCache } from '../embeddings/cache.js';
import { createEmbedder } from '../embeddings/createEmbedder.js';
import { BotError, isBotError } from '../errors.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { loadIndex, readManifestIfAny, type LoadedIndex } from '../index/loadIndex.js';
import { acquireReindexLock, waitForLock } from '../index/lock.js';
import { rebuildIndex, type CachedEmbedder, type ReindexReport } from '../index/rebuild.js';
import { reindexInWorker } from '../index/reindexInWorker.js';
import { saveIndex } from '../index/saveIndex.js';
import { ensureLexicon, type Lexicon } from '../lexicon/lexicon.js';
import { log as defaultLog } from '../log.js';
import { resolveSpeaker, type Speaker } from '../news/speakers.js';
import type { QuestionPlan } from '../plan/plan.js';
import { validateQuestion } from '../plan/validate.js';
import type { RetrievalMode } from '../retrieval/retrieve.js';
import type { Embedder } from '../types.js';
import { answerFor, ask, search, type AskOptions, type SearchOutcome } from './ask.js';
import { deriveState, pointerMtime, type EngineState } from './engineState.js';
import type { Engine, SourcesInfo } from './types.js';

export interface EngineOptions {
  log?: Logger;
  /** Progress of a first build when no index exists yet. */
  onProgress?: (p: ReindexProgress) => void;
  /** Use this embedder instead of the configured one (benchmarks compare embedders this way). */
  embedder?: Embedder;
  /** Build a new index from the corpus instead of loading the saved one (used to replace a corrupt index). */
  rebuild?: boolean;
  /**
   * Where a reindex embeds and builds: 'worker' (a child process, so the caller's thread stays responsive; the
   * default with the configured embedder, see REINDEX_IN_WORKER) or 'inline' (this thread; the only choice with
   * a given `embedder`).
   */
  buildIn?: 'worker' | 'inline';
  /** Aborting stops a first build in progress (see AnswerEngine.interruptReindex). */
  signal?: AbortSignal;
}

export interface ReindexOptions {
  /** Aborting stops the reindex: the worker is stopped, its half build removed, REINDEX_INTERRUPTED thrown. */
  signal?: AbortSignal;
}

function interruptedError(): BotError {
  return new BotError('REINDEX_INTERRUPTED', 'The reindex was interrupted because the bot is stopping.');
}

export class AnswerEngine implements Engine {
  private state!: EngineState;
  private running: Promise<ReindexReport> | null = null;
  private runningAbort: AbortController | null = null;
  private lastReloadCheck = 0;
  /** The report of the last reindex this engine ran (including the first build when no index existed). */
  lastReport: ReindexReport | null = null;

  constructor(
    readonly config: Config,
    readonly embedder: Embedder,
    private readonly cachedEmbedder: CachedEmbedder,
    private readonly log: Logger,
    private readonly lexicon: Lexicon | null,
    private readonly buildIn: 'worker' | 'inline' = 'worker',
  ) {}

  get reindexing(): boolean {
    return this.running !== null;
  }

  get build(): string {
    return this.state.index.build;
  }

  /** Loads the saved index, building it first when there is none. */
  async open(onProgress?: (p: ReindexProgress) => void, rebuild = false, signal?: AbortSignal): Promise<void> {
    if (rebuild) {
      await this.reindex(onProgress, { signal });
      return;
    }
    let index: LoadedIndex;
    try {
      index = await loadIndex(this.config.INDEX_DIR);
    } catch (error) {
      if (!isBotError(error, 'INDEX_MISSING')) throw error;
      this.log.info({ indexDir: this.config.INDEX_DIR }, 'no index yet: building it from the corpus');
      try {
        await this.reindex(onProgress, { signal });
        return;
      } catch (buildError) {
        if (!isBotError(buildError, 'REINDEX_IN_PROGRESS')) throw buildError;
        // Another process (a shard, a terminal) is building it: wait for it, then load what it built.
        this.log.info('another process is building the index: waiting for it');
        await waitForLock(this.config.INDEX_DIR);
        index = await loadIndex(this.config.INDEX_DIR);
      }
    }
    this.checkEmbedder(index);
    this.state = deriveState(index, await pointerMtime(this.config.INDEX_DIR), this.lexicon);
  }

  private checkEmbedder(index: LoadedIndex): void {
    const built = index.manifest.embedder;
    if (built.id !== this.embedder.id || built.dimensions !== this.embedder.dimensions) {
      throw new BotError(
        'INDEX_EMBEDDER_MISMATCH',
        `The index was built with the embedder "${built.id}" (${built.dimensions} dimensions), but the configured embedder is ` +
          `"${this.embedder.id}" (${this.embedder.dimensions} dimensions). Run \`npm run reindex\` to rebuild it with the configured one.`,
        { built, configured: { id: this.embedder.id, dimensions: this.embedder.dimensions } },
      );
    }
  }

  /** Picks up a reindex saved by another process (e.g. another shard), checking at most once a second. */
  private async reloadIfChanged(): Promise<void> {
    const now = Date.now();
    if (this.running || now - this.lastReloadCheck < 1000) return;
    this.lastReloadCheck = now;
    const mtime = await pointerMtime(this.config.INDEX_DIR);
    if (mtime === this.state.pointerMtime) return;
    try {
      const index = await loadIndex(this.config.INDEX_DIR);
      if (index.build === this.state.index.build) {
        this.state = { ...this.state, pointerMtime: mtime };
        return;
      }
      this.checkEmbedder(index);
      this.state = deriveState(index, mtime, this.lexicon);
      this.log.info({ build: index.build }, 'loaded a newer index saved by another process');
    } catch (error) {
      this.log.error({ err: error }, 'a newer index could not be loaded; still answering from the current one');
      this.state = { ...this.state, pointerMtime: mtime };
    }
  }

  /** Retrieval only, in any mode: what the evaluation and the benchmark measure. */
  search(question: string, mode: RetrievalMode = 'hybrid', k = this.config.RETRIEVE_K): Promise<SearchOutcome> {
    return search(this.state, this.embedder, question, { mode, depth: Math.max(k, 1) });
  }

  /** Texts of a passage by article and paragraph (for evaluation of grouped hits). */
  textOf(articleId: string, paragraph: number): string | null {
    return this.state.passagesById.get(`${articleId}#${paragraph}`)?.text ?? null;
  }

  async ask(rawQuestion: string, options: AskOptions = {}): Promise<AnswerResult> {
    const question = validateQuestion(rawQuestion, this.config.MAX_QUESTION_CHARS);
    await this.reloadIfChanged();
    return ask(this.state, this.answerDeps(), question, options);
  }

  private answerDeps() {
    return { embedder: this.embedder, retrieveK: this.config.RETRIEVE_K, answerPassages: this.config.ANSWER_PASSAGES };
  }

  /** Questions the coverage can answer, offered when it cannot answer the one asked. */
  suggestions(): string[] {
    return suggestQuestions(this.state.news, this.state.index.manifest.articles);
  }

  /** Everything one person said, grouped across outlets and cited. */
  async quote(speaker: string): Promise<AnswerResult> {
    const name = validateQuestion(speaker, this.config.MAX_QUESTION_CHARS);
    await this.reloadIfChanged();
    const match = resolveSpeaker(name, this.state.news.directory);
    const question = `What did ${match ? match.entry.name : name} say?`;
    // Every statement, the most widely reported first: there is no topic to rank by, so nothing is searched.
    const plan: QuestionPlan = match
      ? { kind: 'statements', speakers: [match.entry], outlet: null, search: null }
      : { kind: 'refuse', refusal: { code: 'UNKNOWN_NAMES', names: [name], outlet: null }, search: null };
    return answerFor(this.state, this.answerDeps(), question, plan, { shownStatements: Number.POSITIVE_INFINITY });
  }

  speakers(): Speaker[] {
    return this.state.news.speakers;
  }

  sources(): SourcesInfo {
    // Notice a reindex saved by another process; this call answers from what is loaded now.
    void this.reloadIfChanged();
    const { manifest } = this.state.index;
    return {
      builtAt: manifest.builtAt,
      embedder: manifest.embedder.id,
      dimensions: manifest.embedder.dimensions,
      passages: manifest.passages,
      articles: manifest.articles.map((a) => ({
        id: a.id,
        outlet: a.outlet,
        headline: a.headline,
        published: a.published,
        url: a.url,
        author: a.author,
        passages: a.passages,
      })),
    };
  }

  /**
   * Rebuilds from the corpus; a second call while one runs is refused. Answers use the old index until the swap.
   * The embedding and building run in a worker process (unless built inline), so this thread stays responsive.
   */
  reindex(onProgress?: (p: ReindexProgress) => void, options: ReindexOptions = {}): Promise<ReindexReport> {
    if (this.running) {
      return Promise.reject(new BotError('REINDEX_IN_PROGRESS', 'A reindex is already running; its result will be reported when it ends.'));
    }
    const abort = new AbortController();
    const onAbort = (): void => abort.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) abort.abort();
    const run = this.runReindex(onProgress, abort.signal).finally(() => {
      options.signal?.removeEventListener('abort', onAbort);
      this.running = null;
      this.runningAbort = null;
    });
    this.running = run;
    this.runningAbort = abort;
    return run;
  }

  /**
   * Stops a reindex in progress (shutdown): the build is abandoned and cleaned up, the lock released, and the
   * reindex's caller gets REINDEX_INTERRUPTED. Resolves once it has stopped; at once when none runs.
   */
  async interruptReindex(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.runningAbort?.abort();
    await running.catch(() => {});
  }

  private async runReindex(onProgress: (p: ReindexProgress) => void = () => {}, signal?: AbortSignal): Promise<ReindexReport> {
    if (signal?.aborted) throw interruptedError();
    // One lock for every writer (the terminal, the bot, another shard): two builds never race to swap CURRENT.
    const lock = await acquireReindexLock(this.config.INDEX_DIR);
    if (!lock) {
      throw new BotError('REINDEX_IN_PROGRESS', 'A reindex is already running in another process; its result will be reported there.', {
        indexDir: this.config.INDEX_DIR,
      });
    }
    try {
      // After a corrupt index, the manifest may still say what was indexed before, for the report.
      const previous = this.state?.index.manifest ?? (await readManifestIfAny(this.config.INDEX_DIR));
      let report: ReindexReport;
      let build: string;
      if (this.buildIn === 'worker') {
        ({ report, build } = await reindexInWorker(
          { config: this.config, embedderId: this.embedder.id, previous, lockedSince: lock.since },
          { onProgress, signal, onLog: (obj, msg) => this.log.warn(obj as object, msg) },
        ));
        // The worker saved and swapped the build; load it here (checksums checked) and derive what answers need.
        const loadStarted = performance.now();
        const index = await loadIndex(this.config.INDEX_DIR);
        this.checkEmbedder(index);
        const loadedMs = performance.now() - loadStarted;
        this.state = deriveState(index, await pointerMtime(this.config.INDEX_DIR), this.lexicon);
        this.log.debug({ loadMs: Math.round(loadedMs), deriveMs: Math.round(performance.now() - loadStarted - loadedMs) }, 'new build loaded in this thread');
      } else {
        // In this thread (a given embedder cannot be sent to a worker): an abort stops it at the next progress step.
        const checked = (p: ReindexProgress): void => {
          if (signal?.aborted) throw interruptedError();
          onProgress(p);
        };
        const built = await rebuildIndex(this.config.CORPUS_DIR, this.cachedEmbedder, previous, checked);
        checked({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
        report = built.report;
        build = await saveIndex(this.config.INDEX_DIR, built.data, { lockedSince: lock.since });
        this.state = deriveState({ ...built.data, build }, await pointerMtime(this.config.INDEX_DIR), this.lexicon);
      }
      onProgress({ stage: 'done', done: 1, total: 1, message: 'Index swapped in' });
      this.log.info({ ...report, build }, 'reindex finished');
      this.lastReport = report;
      return report;
    } finally {
      await lock.release();
    }
  }
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<AnswerEngine> {
  const log = options.log ?? defaultLog;
  const embedder = options.embedder ?? (await createEmbedder(config));
  const cached = withEmbeddingCache(embedder, config.EMBED_CACHE_DIR);
  const lexicon = await ensureLexicon(config.MODEL_DIR, (message, error) => log.warn({ err: error }, message));
  const buildIn = options.embedder ? 'inline' : (options.buildIn ?? (config.REINDEX_IN_WORKER ? 'worker' : 'inline'));
  const engine = new AnswerEngine(config, embedder, cached, log, lexicon, buildIn);
  await engine.open(options.onProgress, options.rebuild, options.signal);
  return engine;
}
