import { stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import { decideAbstention } from '../answer/abstain.js';
import { abstainedAnswer } from '../answer/abstainedAnswer.js';
import { answerTypeOf, passageAnswersType } from '../answer/answerType.js';
import { composeAnswer } from '../answer/composeAnswer.js';
import { compareAnswer } from '../answer/compareAnswer.js';
import { markers } from '../answer/citations.js';
import { speakerAnswer, statementText } from '../answer/speakerAnswer.js';
import { suggestQuestions } from '../answer/suggestions.js';
import { unknownNamesReason } from '../answer/unknownNames.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { SpeakerEntry } from '../news/directory.js';
import { buildNewsIndex, inOutlet, statementsAbout, statementsBy, type NewsIndex } from '../news/newsIndex.js';
import {
  analyseQuestion,
  buildQuestionContext,
  matchOutlet,
  unknownEntities,
  type QuestionAnalysis,
  type QuestionContext,
} from '../news/questionAnalysis.js';
import { resolveSpeaker } from '../news/speakers.js';
import { validateQuestion } from '../answer/validateQuestion.js';
import type { Config } from '../config/config.js';
import { withEmbeddingCache } from '../embeddings/cache.js';
import { createEmbedder } from '../embeddings/createEmbedder.js';
import { BotError, isBotError } from '../errors.js';
import { currentPointerPath } from '../index/indexFiles.js';
import { loadIndex, type LoadedIndex } from '../index/loadIndex.js';
import type { ManifestArticle } from '../index/manifest.js';
import { saveIndex } from '../index/saveIndex.js';
import { ensureLexicon, type Lexicon } from '../lexicon/lexicon.js';
import { log as defaultLog } from '../log.js';
import { relatedWords, retrieve, type Hit, type RetrievalMode } from '../retrieval/retrieve.js';
import { createSearchIndex, type SearchIndex } from '../retrieval/searchIndex.js';
import type { Embedder } from '../types.js';
import { rebuildIndex, type CachedEmbedder } from './rebuildIndex.js';
import type {
  AnswerResult,
  AskOptions,
  Engine,
  ReindexProgress,
  ReindexReport,
  SourcesInfo,
  Speaker,
} from './types.js';

/**
 * A person the question describes rather than names ("Kyiv's head of state", "Trump's son-in-law"):
 * their names join the lexical query, so passages that name them are found.
 */
function entityTerms(analysis: QuestionAnalysis | null): Map<string, number> | undefined {
  const speaker = analysis?.speaker;
  if (!speaker?.known || speaker.match.via === 'name') return undefined;
  return new Map(speaker.entry.aliases.flatMap((a) => a.split(/\s+/)).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Sir|Mr|Mrs|Ms|Dame)$/.test(w)).map((w) => [w, 1]));
}

/** How deep the ranking goes when it orders a person's statements by relevance. */
const SPEAKER_RANK_DEPTH = 50;

export interface EngineOptions {
  log?: Logger;
  /** Progress of a first build when no index exists yet. */
  onProgress?: (p: ReindexProgress) => void;
  /** Use this embedder instead of the configured one (benchmarks compare embedders this way). */
  embedder?: Embedder;
  /** Build a new index from the corpus instead of loading the saved one (used to replace a corrupt index). */
  rebuild?: boolean;
}

/** The loaded index and what is derived from it; replaced as a whole when a reindex is swapped in. */
interface EngineState {
  index: LoadedIndex;
  search: SearchIndex;
  articles: Map<string, ManifestArticle>;
  /** mtime of CURRENT when loaded, to notice a reindex done by another process (another shard). */
  pointerMtime: number;
  /** Quotations, speakers and question context, derived from the passages when the index loads. */
  news: NewsIndex;
  /** Per-outlet question context, built on first use. */
  outletContexts: Map<string, QuestionContext>;
}

function deriveState(index: LoadedIndex, pointerMtime: number, lexicon: Lexicon | null): EngineState {
  return {
    index,
    search: createSearchIndex(index.passages, index.hnsw, lexicon),
    articles: new Map(index.manifest.articles.map((a) => [a.id, a])),
    pointerMtime,
    news: buildNewsIndex(index.manifest.articles, index.passages),
    outletContexts: new Map(),
  };
}

async function pointerMtime(indexDir: string): Promise<number> {
  try {
    return (await stat(currentPointerPath(indexDir))).mtimeMs;
  } catch {
    return 0;
  }
}

export class AnswerEngine implements Engine {
  private state!: EngineState;
  private running: Promise<ReindexReport> | null = null;
  private lastReloadCheck = 0;
  /** The report of the last reindex this engine ran (including the first build when no index existed). */
  lastReport: ReindexReport | null = null;

  constructor(
    readonly config: Config,
    readonly embedder: Embedder,
    private readonly cachedEmbedder: CachedEmbedder,
    private readonly log: Logger,
    private readonly lexicon: Lexicon | null,
  ) {}

  get reindexing(): boolean {
    return this.running !== null;
  }

  get build(): string {
    return this.state.index.build;
  }

  /** Loads the saved index, building it first when there is none. */
  async open(onProgress?: (p: ReindexProgress) => void, rebuild = false): Promise<void> {
    if (rebuild) {
      await this.reindex(onProgress);
      return;
    }
    let index: LoadedIndex;
    try {
      index = await loadIndex(this.config.INDEX_DIR);
    } catch (error) {
      if (!isBotError(error, 'INDEX_MISSING')) throw error;
      this.log.info({ indexDir: this.config.INDEX_DIR }, 'no index yet: building it from the corpus');
      await this.reindex(onProgress);
      return;
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

  /** Retrieval only, in any mode: what the evaluation compares. */
  async search(
    question: string,
    mode: RetrievalMode = 'hybrid',
    {
      k = this.config.RETRIEVE_K,
      expand = true,
      filter,
      answersType,
      extraTerms,
    }: {
      k?: number;
      expand?: boolean;
      filter?: (p: StoredPassage) => boolean;
      answersType?: (p: StoredPassage) => boolean;
      extraTerms?: ReadonlyMap<string, number>;
    } = {},
  ): Promise<{ hits: Hit[]; embedMs: number; searchMs: number }> {
    const t0 = performance.now();
    const vector = mode === 'lexical' ? null : (await this.embedder.embed([question]))[0]!;
    const t1 = performance.now();
    const hits = retrieve(this.state.search, question, vector, {
      k,
      mode,
      expand,
      ...(filter ? { filter } : {}),
      ...(answersType ? { answersType } : {}),
      ...(extraTerms ? { extraTerms } : {}),
    });
    return { hits, embedMs: t1 - t0, searchMs: performance.now() - t1 };
  }

  /** Texts of a passage by article and paragraph (for evaluation of grouped hits). */
  textOf(articleId: string, paragraph: number): string | null {
    return this.state.index.passages.find((p) => p.articleId === articleId && p.paragraph === paragraph)?.text ?? null;
  }

  async ask(rawQuestion: string, options: AskOptions = {}): Promise<AnswerResult> {
    const question = validateQuestion(rawQuestion, this.config.MAX_QUESTION_CHARS);
    await this.reloadIfChanged();
    const state = this.state;
    const mode = options.retrieval ?? 'hybrid';
    const newsAware = options.news ?? true;
    const analysis = newsAware ? analyseQuestion(question, state.news.question) : null;
    const outlet = this.outletFor(options.outlet, analysis?.outlet);
    const filter = outlet ? (p: StoredPassage) => state.articles.get(p.articleId)?.outlet === outlet : undefined;

    const type = newsAware ? answerTypeOf(question) : { kind: 'open' as const };
    const typed = type.kind === 'count' || type.kind === 'amount' || type.kind === 'duration' || type.kind === 'time';
    const related = (word: string) => relatedWords(state.search, word);
    const { hits, embedMs, searchMs } = await this.search(question, mode, {
      expand: options.expand ?? true,
      filter,
      extraTerms: entityTerms(analysis),
      // Speaker answers order all of a person's statements by this ranking, so it reaches further.
      k: analysis?.speaker?.known ? SPEAKER_RANK_DEPTH : this.config.RETRIEVE_K,
      ...(typed ? { answersType: (p: StoredPassage) => passageAnswersType(type, p.text, related) } : {}),
    });
    const t2 = performance.now();
    const timed = (result: Omit<AnswerResult, 'timings'>): AnswerResult => ({
      ...result,
      timings: { embedMs, searchMs, composeMs: performance.now() - t2 },
    });
    const abstain = (reason: string, extra: Partial<AnswerResult> = {}) =>
      timed({ ...abstainedAnswer(question, reason, this.suggestions(), hits, state.articles), ...extra });

    if (analysis) {
      const reason = unknownNamesReason(analysis.unknownEntities, null);
      if (reason) return abstain(reason);
      if (outlet) {
        const missing = unknownEntities(question, this.outletContext(outlet), outlet);
        const own = unknownNamesReason(missing, outlet);
        if (own) return abstain(own);
      }
      const speaker = analysis.speaker?.known ? analysis.speaker.entry : null;
      if (speaker && analysis.asksForStatements && !(options.compare || analysis.compare)) {
        return timed(this.answerSpeaker(question, speaker, hits, outlet));
      }
      if (options.compare || analysis.compare) {
        return timed(compareAnswer({ question, hits, articles: state.articles, allPassages: state.index.passages, news: state.news }));
      }
    }
    if (outlet && hits.length === 0) return abstain(`${outlet} has nothing on that.`);
    const abstention = decideAbstention({ question, hits, unknownNames: [], related });
    if (abstention) return abstain(outlet ? `${abstention.reason} (Searched ${outlet} only.)` : abstention.reason);
    return timed({
      question,
      ...composeAnswer(question, hits, state.articles, this.config.ANSWER_PASSAGES, outlet),
      abstained: false,
      abstainReason: null,
      suggestions: [],
    });
  }

  /** The outlet a question is scoped to: the explicit option (validated) or the one the question names. */
  private outletFor(option: string | undefined, named: string | undefined): string | undefined {
    if (option === undefined) return named;
    const outlets = this.state.news.question.outlets;
    const match = outlets.find((o) => o.toLowerCase() === option.trim().toLowerCase()) ?? matchOutlet(option, outlets);
    if (!match) {
      throw new BotError('OUTLET_UNKNOWN', `No outlet called "${option}" is indexed. Outlets: ${outlets.join(', ')}.`, { outlet: option });
    }
    return match;
  }

  /** What one outlet's articles mention, to tell "this outlet has nothing on Greenland". */
  private outletContext(outlet: string): QuestionContext {
    const state = this.state;
    let ctx = state.outletContexts.get(outlet);
    if (!ctx) {
      const articles = state.index.manifest.articles.filter((a) => a.outlet === outlet);
      const ids = new Set(articles.map((a) => a.id));
      ctx = buildQuestionContext(articles, state.index.passages.filter((p) => ids.has(p.articleId)), state.news.directory);
      state.outletContexts.set(outlet, ctx);
    }
    return ctx;
  }

  private answerSpeaker(question: string, entry: SpeakerEntry, hits: Hit[], outlet: string | undefined): Omit<AnswerResult, 'timings'> {
    const state = this.state;
    const all = statementsBy(state.news, entry.id);
    const groups = outlet ? inOutlet(all, state.index.manifest.articles, outlet) : all;
    const passageRank = new Map<string, number>();
    hits.forEach((h, i) => {
      for (const p of [h.passage, ...h.duplicates]) if (!passageRank.has(p.id)) passageRank.set(p.id, i);
    });
    const passages = new Map(state.index.passages.map((p) => [p.id, p]));
    if (groups.length > 0) {
      return speakerAnswer({ question, entry, groups, passageRank, passages, articles: state.articles });
    }
    const name = entry.name;
    if (outlet && all.length > 0) {
      return abstainedAnswer(question, `${outlet} carries no statement by ${name}; other outlets do.`, [`What did ${name} say?`], hits, state.articles);
    }
    // No statement by this person: say so, and show what others said about them.
    const about = statementsAbout(state.news, entry.id);
    const reason = `The coverage has no statement by ${name}.`;
    if (about.length === 0) return abstainedAnswer(question, reason, this.suggestions(), hits, state.articles);
    const directory = state.news.directory;
    const nameOf = (id: string) => directory.entries.find((e) => e.id === id)?.name ?? id;
    const others = speakerAnswer({ question, entry, groups: about, passageRank, passages, articles: state.articles, nameOf });
    return { ...others, abstained: true, abstainReason: reason, answer: `The coverage I have doesn't answer that. ${reason} What others said about ${name}:\n${others.answer}` };
  }

  /** Questions the coverage can answer, offered when it cannot answer the one asked. */
  suggestions(): string[] {
    return suggestQuestions(this.speakers(), this.state.index.manifest.articles);
  }

  /** Everything one person said, grouped across outlets and cited. */
  async quote(speaker: string): Promise<AnswerResult> {
    const name = validateQuestion(speaker, this.config.MAX_QUESTION_CHARS);
    await this.reloadIfChanged();
    const t0 = performance.now();
    const match = resolveSpeaker(name, this.state.news.directory);
    const question = `What did ${match ? match.entry.name : name} say?`;
    const result = match
      ? this.answerSpeaker(question, match.entry, [], undefined)
      : abstainedAnswer(question, `The coverage never mentions ${name}.`, this.suggestions(), [], this.state.articles);
    const full = result.statements && !result.abstained ? { ...result, ...this.fullStatementList(result) } : result;
    return { ...full, timings: { embedMs: 0, searchMs: 0, composeMs: performance.now() - t0 } };
  }

  /** /quote lists every statement, not only the first few. */
  private fullStatementList(result: Omit<AnswerResult, 'timings'>): Pick<AnswerResult, 'answer'> {
    const [header] = result.answer.split('\n');
    const lines = (result.statements ?? []).map((s) => `${statementText(s)} ${markers(s.citations)}`);
    return { answer: [header, ...lines].join('\n') };
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

  /** Rebuilds from the corpus; a second call while one runs is refused. Answers use the old index until the swap. */
  reindex(onProgress?: (p: ReindexProgress) => void): Promise<ReindexReport> {
    if (this.running) {
      return Promise.reject(new BotError('REINDEX_IN_PROGRESS', 'A reindex is already running; its result will be reported when it ends.'));
    }
    const run = this.runReindex(onProgress).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async runReindex(onProgress: (p: ReindexProgress) => void = () => {}): Promise<ReindexReport> {
    const previous = this.state?.index.manifest ?? null;
    const { data, report } = await rebuildIndex(this.config.CORPUS_DIR, this.cachedEmbedder, previous, onProgress);
    onProgress({ stage: 'saving', done: 0, total: 1, message: 'Saving the index' });
    const build = await saveIndex(this.config.INDEX_DIR, data);
    this.state = deriveState({ ...data, build }, await pointerMtime(this.config.INDEX_DIR), this.lexicon);
    onProgress({ stage: 'done', done: 1, total: 1, message: 'Index swapped in' });
    this.log.info({ ...report, build }, 'reindex finished');
    this.lastReport = report;
    return report;
  }
}

export async function createEngine(config: Config, options: EngineOptions = {}): Promise<AnswerEngine> {
  const log = options.log ?? defaultLog;
  const embedder = options.embedder ?? (await createEmbedder(config));
  const cached = withEmbeddingCache(embedder, config.EMBED_CACHE_DIR);
  const lexicon = await ensureLexicon(config.MODEL_DIR, (message, error) => log.warn({ err: error }, message));
  const engine = new AnswerEngine(config, embedder, cached, log, lexicon);
  await engine.open(options.onProgress, options.rebuild);
  return engine;
}
