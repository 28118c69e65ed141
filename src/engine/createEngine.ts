import type { Logger } from 'pino';
import { suggestQuestions } from '../answer/suggestions.js';
import type { AnswerResult } from '../answer/types.js';
import type { Config } from '../config/config.js';
import { withEmbeddingCache } from '../embeddings/cache.js';
import { sharedThreadEmbedder, type ClosableEmbedder } from '../embeddings/threadEmbedder.js';
import { BotError, isBotError } from '../errors.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { actorLabel, auditError, auditLogPath, JsonLinesAuditLog, type Actor, type AuditEntry, type AuditLog } from '../index/audit.js';
import { articleChanges, keptBuilds, type KeptBuild } from '../index/history.js';
import { reindexInWorker } from './reindexInWorker.js';
import { abandonBuild, listBuildNames, readCurrentBuildIfValid, switchCurrentBuild } from '../index/indexFiles.js';
import { loadIndex, readManifestIfAny, type LoadedIndex } from '../index/loadIndex.js';
import type { IndexedText } from '../ingest/syndication.js';
import { acquireReindexLock, waitForLock } from '../index/lock.js';
import type { CachedEmbedder } from '../index/rebuild.js';
import { reportChanges, type ReindexReport } from '../index/report.js';
import { saveIndex, swapInBuild } from '../index/saveIndex.js';
import { ensureLexicon, type Lexicon } from '../lexicon/lexicon.js';
import { log as defaultLog } from '../log.js';
import { resolveSpeaker, type Speaker } from '../news/speakers.js';
import { resolveFollowUp, type ResolvedQuestion, type Turn } from '../plan/followUp.js';
import type { QuestionPlan } from '../plan/plan.js';
import { validateQuestion } from '../plan/validate.js';
import type { RetrievalMode } from '../retrieval/retrieve.js';
import type { Embedder } from '../types.js';
import { answerFor, ask, search, type AskOptions, type SearchOutcome } from './ask.js';
import { deriveBuild, deriveState, hasDerivedFiles, pointerMtime, type EngineState } from './engineState.js';
import type { Engine, ReindexOptions, RollbackReport, SourcesInfo } from './types.js';

/** The saved index as read at start, and the state derived from it (null: derive it once the embedder is checked). */
interface PreparedIndex {
  index: LoadedIndex;
  state: EngineState | null;
}

const SYSTEM: Actor = { via: 'system', name: 'the bot (first build)' };

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


function interruptedError(): BotError {
  return new BotError('REINDEX_INTERRUPTED', 'The reindex was interrupted because the bot is stopping.');
}

export class AnswerEngine implements Engine {
  private state!: EngineState;
  private running: Promise<unknown> | null = null;
  private runningAbort: AbortController | null = null;
  private readonly auditListeners: ((entry: AuditEntry) => void)[] = [];
  readonly audit: AuditLog;
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
    /** Whether the engine made its embedder (and closes it), rather than being given one. */
    private readonly ownsEmbedder = false,
  ) {
    this.audit = new JsonLinesAuditLog(auditLogPath(config.INDEX_DIR));
  }

  /**
   * Releases what the engine holds: the embedding thread it started (after the batches in flight). Answers are not
   * asked of a closed engine.
   */
  async close(): Promise<void> {
    if (this.ownsEmbedder) await (this.embedder as Partial<ClosableEmbedder>).close?.();
  }

  onAudit(listener: (entry: AuditEntry) => void): void {
    this.auditListeners.push(listener);
  }

  /** Appends to the audit log and tells the listeners; a failure to write it is logged, never fatal. */
  private async record(entry: AuditEntry): Promise<void> {
    try {
      await this.audit.append(entry);
    } catch (error) {
      this.log.warn({ err: error, entry }, 'could not write the audit log');
    }
    for (const listener of this.auditListeners) {
      try {
        listener(entry);
      } catch (error) {
        this.log.warn({ err: error }, 'an audit listener failed');
      }
    }
  }

  get reindexing(): boolean {
    return this.running !== null;
  }

  get build(): string {
    return this.state.index.build;
  }

  /**
   * Loads the saved index, building it first when there is none. `loading` is the index already being read (and
   * its state derived) while the model loaded.
   */
  async open(onProgress?: (p: ReindexProgress) => void, rebuild = false, signal?: AbortSignal, loading?: Promise<PreparedIndex>): Promise<void> {
    if (rebuild) {
      await this.reindex(onProgress, { signal });
      return;
    }
    let index: LoadedIndex;
    try {
      const prepared = await (loading ?? loadIndex(this.config.INDEX_DIR).then((loaded) => ({ index: loaded, state: null })));
      if (prepared.state) {
        this.checkEmbedder(prepared.index);
        this.state = prepared.state;
        return;
      }
      index = prepared.index;
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

  resolve(message: string, turns: readonly Turn[]): ResolvedQuestion {
    return resolveFollowUp(message, turns, this.state.news.question);
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
   * With `options.change`, the corpus change is made under the lock first and undone if anything fails. The
   * embedding and building run in a worker process (unless built inline, or for a moderator's change, which is
   * checked before its build is swapped in), so this thread stays responsive.
   */
  reindex(onProgress?: (p: ReindexProgress) => void, options: ReindexOptions = {}): Promise<ReindexReport> {
    const abort = new AbortController();
    const onAbort = (): void => abort.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) abort.abort();
    return this.exclusive(
      () => this.runReindex(onProgress, options, abort.signal).finally(() => options.signal?.removeEventListener('abort', onAbort)),
      abort,
    );
  }

  /** One writer at a time in this engine: a reindex, an add, a remove or a rollback. */
  private exclusive<T>(work: () => Promise<T>, abort: AbortController | null = null): Promise<T> {
    if (this.running) {
      return Promise.reject(new BotError('REINDEX_IN_PROGRESS', 'A reindex is already running; its result will be reported when it ends.'));
    }
    const run = work().finally(() => {
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

  private async runReindex(onProgress: (p: ReindexProgress) => void = () => {}, options: ReindexOptions = {}, signal?: AbortSignal): Promise<ReindexReport> {
    if (signal?.aborted) throw interruptedError();
    // One lock for every writer (the terminal, the bot, another shard): two builds never race to swap CURRENT.
    const lock = await acquireReindexLock(this.config.INDEX_DIR);
    if (!lock) {
      throw new BotError('REINDEX_IN_PROGRESS', 'A reindex is already running in another process; its result will be reported there.', {
        indexDir: this.config.INDEX_DIR,
      });
    }
    const { actor = SYSTEM, action = 'reindex', article, change } = options;
    const previousBuild = await readCurrentBuildIfValid(this.config.INDEX_DIR);
    let applied = false;
    try {
      // After a corrupt index, the manifest may still say what was indexed before, for the report.
      const previous = this.state?.index.manifest ?? (await readManifestIfAny(this.config.INDEX_DIR));
      if (change) {
        applied = true;
        await change.apply();
      }
      let report: ReindexReport;
      let build: string;
      if (this.buildIn === 'worker') {
        let kept: boolean;
        // A moderator's change is checked against the report before its build is swapped in: the worker leaves
        // CURRENT alone, and the build is swapped in here, or removed when the check fails.
        ({ report, build, kept } = await reindexInWorker(
          { config: this.config, embedderId: this.embedder.id, previous, lockedSince: lock.since, swap: !change },
          { onProgress, signal, onLog: (obj, msg) => this.log.warn(obj as object, msg) },
        ));
        if (change) {
          try {
            change.verify?.(report);
            if (signal?.aborted) throw interruptedError();
            if (!kept) await swapInBuild(this.config.INDEX_DIR, build, { lockedSince: lock.since, keepBuilds: this.config.INDEX_BUILDS_KEPT });
          } catch (error) {
            if (!kept && (await readCurrentBuildIfValid(this.config.INDEX_DIR)) !== build) await abandonBuild(this.config.INDEX_DIR, build);
            throw error;
          }
          applied = false; // swapped in: the change stays
        }
        if (kept) {
          onProgress({ stage: 'done', done: 1, total: 1, message: 'Nothing changed: the index in use is kept' });
        } else {
          // The build with its derived files, swapped in by the worker or above: loaded here (checksums checked).
          const loadStarted = performance.now();
          const index = await loadIndex(this.config.INDEX_DIR);
          this.checkEmbedder(index);
          this.state = deriveState(index, await pointerMtime(this.config.INDEX_DIR), this.lexicon);
          this.log.debug({ loadMs: Math.round(performance.now() - loadStarted) }, 'new build loaded in this thread');
          onProgress({ stage: 'done', done: 1, total: 1, message: 'Index swapped in' });
        }
      } else {
        // In this thread: with a given embedder (tests and benchmarks pass one; it cannot be sent to a worker), or with
        // REINDEX_IN_WORKER off. An abort stops it at the next progress step.
        const checked = (p: ReindexProgress): void => {
          if (signal?.aborted) throw interruptedError();
          onProgress(p);
        };
        const current = this.state?.index ?? null;
        // Loaded when a build runs: answering from a saved index never loads the corpus reader (YAML and all).
        const { rebuildIndex } = await import('../index/rebuild.js');
        const built = await rebuildIndex(this.config.CORPUS_DIR, this.cachedEmbedder, previous, checked, current);
        report = built.report;
        change?.verify?.(report);
        const data = built.data;
        // Nothing changed: the current build's derived files are carried over; else derived once here and saved.
        const carried = current !== null && data.vectors === current.vectors && hasDerivedFiles(data);
        if (carried && (await readCurrentBuildIfValid(this.config.INDEX_DIR)) === current.build) {
          // The build in use is exactly what this corpus gives, and still the one CURRENT names: it stays.
          build = current.build;
          applied = false;
          onProgress({ stage: 'done', done: 1, total: 1, message: 'Nothing changed: the index in use is kept' });
        } else {
          const derived = carried && this.state ? { news: this.state.news, search: this.state.search } : deriveBuild(data, this.lexicon, current);
          checked({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
          build = await saveIndex(this.config.INDEX_DIR, data, { lockedSince: lock.since, keepBuilds: this.config.INDEX_BUILDS_KEPT });
          applied = false; // swapped in: the change stays
          this.state = deriveState({ ...data, build }, await pointerMtime(this.config.INDEX_DIR), this.lexicon, derived);
          onProgress({ stage: 'done', done: 1, total: 1, message: 'Index swapped in' });
        }
      }
      this.log.info({ ...report, build, by: actorLabel(actor) }, 'reindex finished');
      this.lastReport = report;
      await this.record({
        at: new Date().toISOString(),
        action,
        actor,
        ok: true,
        build,
        previousBuild,
        changes: reportChanges(report),
        ...(article ? { article } : {}),
      });
      return report;
    } catch (error) {
      if (applied && change) {
        try {
          await change.revert();
        } catch (revertError) {
          this.log.error({ err: revertError }, 'could not undo the corpus change after a failed reindex');
        }
      }
      await this.record({
        at: new Date().toISOString(),
        action,
        actor,
        ok: false,
        previousBuild,
        ...(article ? { article } : {}),
        error: auditError(error),
      });
      throw error;
    } finally {
      await lock.release();
    }
  }

  builds(): Promise<KeptBuild[]> {
    return keptBuilds(this.config.INDEX_DIR);
  }

  indexedTexts(): IndexedText[] {
    const texts = new Map<string, string[]>();
    for (const p of this.state.index.passages) {
      const list = texts.get(p.articleId);
      if (list) list.push(p.text);
      else texts.set(p.articleId, [p.text]);
    }
    return this.state.index.manifest.articles.map((a) => ({ id: a.id, outlet: a.outlet, headline: a.headline, published: a.published, texts: texts.get(a.id) ?? [] }));
  }

  /** Swaps a kept build back in, atomically, under the reindex lock; says which corpus files differ from it. */
  rollback(build: string, actor: Actor): Promise<RollbackReport> {
    return this.exclusive(() => this.runRollback(build, actor));
  }

  private async runRollback(build: string, actor: Actor): Promise<RollbackReport> {
    const lock = await acquireReindexLock(this.config.INDEX_DIR);
    if (!lock) {
      throw new BotError('REINDEX_IN_PROGRESS', 'A reindex is running in another process; roll back once it has finished.', { indexDir: this.config.INDEX_DIR });
    }
    const previous = await readCurrentBuildIfValid(this.config.INDEX_DIR);
    try {
      const kept = await listBuildNames(this.config.INDEX_DIR);
      if (!kept.includes(build)) {
        throw new BotError('BUILD_UNKNOWN', `No kept index build is named "${build.slice(0, 80)}"; the history lists the builds kept.`, { build });
      }
      if (build === previous) throw new BotError('BUILD_UNKNOWN', `Build ${build} is already the one in use.`, { build });
      const index = await loadIndex(this.config.INDEX_DIR, build);
      this.checkEmbedder(index);
      const before = this.state?.index.manifest.articles ?? [];
      await switchCurrentBuild(this.config.INDEX_DIR, build);
      this.state = deriveState(index, await pointerMtime(this.config.INDEX_DIR), this.lexicon);
      const { loadCorpus } = await import('../corpus/loadCorpus.js');
      const { articles } = await loadCorpus(this.config.CORPUS_DIR, { maxArticleBytes: this.config.MAX_ARTICLE_BYTES }).catch(() => ({ articles: [] }));
      const diff = articleChanges(index.manifest.articles, articles);
      const fileOf = new Map([...index.manifest.articles, ...articles].map((a) => [a.id, a.file]));
      const differs = [
        ...diff.added.map((id) => `${fileOf.get(id)}: in the corpus, not in this build`),
        ...diff.changed.map((id) => `${fileOf.get(id)}: changed in the corpus since this build`),
        ...diff.removed.map((id) => `${fileOf.get(id)}: in this build, no longer in the corpus`),
      ];
      this.log.info({ build, previous, by: actorLabel(actor), differs }, 'rolled back');
      await this.record({ at: new Date().toISOString(), action: 'rollback', actor, ok: true, build, previousBuild: previous, changes: articleChanges(before, index.manifest.articles), differs });
      return { build, previous, builtAt: index.manifest.builtAt, articles: index.manifest.articles.length, differs };
    } catch (error) {
      await this.record({
        at: new Date().toISOString(),
        action: 'rollback',
        actor,
        ok: false,
        previousBuild: previous,
        error: auditError(error),
      });
      throw error;
    } finally {
      await lock.release();
    }
  }
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<AnswerEngine> {
  const log = options.log ?? defaultLog;
  // The model loads in a worker thread (its ONNX session is created on another core) while this thread reads and
  // checks the saved index, reads the word lexicon and derives the engine's state from them.
  const embedding = options.embedder ? Promise.resolve(options.embedder) : sharedThreadEmbedder(config);
  const lexiconLoading = ensureLexicon(config.MODEL_DIR, (message, error) => log.warn({ err: error }, message));
  const loading = options.rebuild ? undefined : prepareIndex(config.INDEX_DIR, lexiconLoading);
  loading?.catch(() => {}); // its failure (no index yet) is handled by open()
  embedding.catch(() => {}); // reported below, once the index is loaded or has failed
  let embedder: Embedder;
  let lexicon: Lexicon | null;
  try {
    [embedder, lexicon] = await Promise.all([embedding, lexiconLoading]);
  } catch (error) {
    await loading?.catch(() => {});
    throw error;
  }
  const cached = withEmbeddingCache(embedder, config.EMBED_CACHE_DIR);
  const buildIn = options.embedder ? 'inline' : (options.buildIn ?? (config.REINDEX_IN_WORKER ? 'worker' : 'inline'));
  const engine = new AnswerEngine(config, embedder, cached, log, lexicon, buildIn, !options.embedder);
  try {
    await engine.open(options.onProgress, options.rebuild, options.signal, loading);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}

/** The saved index, and the engine state derived from it as soon as it and the lexicon are read. */
async function prepareIndex(indexDir: string, lexiconLoading: Promise<Lexicon | null>): Promise<PreparedIndex> {
  const index = await loadIndex(indexDir);
  const [mtime, lexicon] = await Promise.all([pointerMtime(indexDir), lexiconLoading.catch(() => null)]);
  return { index, state: deriveState(index, mtime, lexicon) };
}
