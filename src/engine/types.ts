import type { ArticleMeta } from '../types.js';

/** A numbered source in an answer: `[n]` in the answer text points here. */
export interface Citation {
  n: number;
  articleId: string;
  outlet: string;
  headline: string;
  published: string | null;
  url: string | null;
}

/** Where a passage stands: its article and paragraph, and the article's outlet, headline, date and link. */
export interface PassagePlace {
  article: string;
  paragraph: number;
  outlet: string;
  headline: string;
  published: string | null;
  url: string | null;
}

/** Where else a near-duplicate (syndicated) passage appears. */
export type AlsoIn = PassagePlace;

/** One retrieved passage, in rank order. */
export interface RankedPassage extends PassagePlace {
  rank: number;
  /** Full passage text. */
  text: string;
  /** Fused score (higher is better). */
  score: number;
  /** The same passage carried by other outlets (grouped near-duplicates). */
  also: AlsoIn[];
  /** The citation number of this passage's article when the answer cites that article (quoted here or in another passage), else null. */
  citation: number | null;
}

export interface Timings {
  embedMs: number;
  searchMs: number;
  composeMs: number;
}

/** One distinct statement of a person, as a speaker answer lists it. */
export interface StatementLine {
  speaker: string;
  /** The quoted words, or the reported clause. */
  text: string;
  /** `reported`: the coverage gives it without quotation marks. */
  kind: 'direct' | 'reported';
  /** Citation numbers of every outlet carrying it. */
  citations: number[];
  /** Each outlet's wording of it ("very, very big milestone" / "big, big milestone"), and the sentences it stands in. */
  wordings: string[];
  sentences: string[];
}

/** One outlet's coverage of a topic, for "how did the outlets differ". */
export interface OutletComparison {
  outlet: string;
  /** The outlet's passage on the topic, quoted, or null when it has nothing on it. */
  quote: string | null;
  citation: number | null;
}

export interface AnswerResult {
  question: string;
  /** The text a user sees: quoted passages with [n] markers, or a plain statement that the corpus does not answer. */
  answer: string;
  abstained: boolean;
  /** Why it abstained, for people (e.g. "The coverage never mentions Germany."). */
  abstainReason: string | null;
  /** Questions the corpus can answer, offered when abstaining. */
  suggestions: string[];
  citations: Citation[];
  passages: RankedPassage[];
  /** Speaker questions: every distinct statement of the person, each once, most relevant first. */
  statements?: StatementLine[];
  /** Comparison questions: each outlet's passage side by side, and what only one outlet reports. */
  comparison?: {
    outlets: OutletComparison[];
    onlyIn: { outlet: string; sentence: string; citation: number | null }[];
    /** The same sentence in two outlets' words: what each has that the other lacks. */
    wording: { outlet: string; sentence: string; phrases: string[]; citation: number | null; versus: { outlet: string; sentence: string; phrases: string[]; citation: number | null } }[];
  };
  timings: Timings;
}

export interface AskOptions {
  /** Restrict to one outlet (name as in the corpus, case-insensitive). */
  outlet?: string;
  /** Show each outlet's passage on the topic side by side. */
  compare?: boolean;
  /** Which retrievers to use; the shipped default is `hybrid` (the evaluation compares all three). */
  retrieval?: 'hybrid' | 'lexical' | 'dense';
  /** Query expansion through word vectors (default on; the evaluation also measures it off). */
  expand?: boolean;
  /** News-aware routing: speaker questions, outlet scope, comparisons, unknown names (default on). */
  news?: boolean;
}

export interface Speaker {
  id: string;
  name: string;
  role: string | null;
  statements: number;
  outlets: string[];
}

export interface SourceArticle extends ArticleMeta {
  passages: number;
}

export interface SourcesInfo {
  /** ISO timestamp of the index build. */
  builtAt: string;
  embedder: string;
  dimensions: number;
  passages: number;
  articles: SourceArticle[];
}

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  articles: number;
  passages: number;
  /** Passages embedded now; the rest came from the embedding cache. */
  embedded: number;
  cached: number;
  ms: number;
  /** Corpus files skipped, with the reason (bad front matter, ...). */
  problems: { file: string; message: string }[];
}

export interface ReindexProgress {
  stage: 'reading' | 'passages' | 'embedding' | 'indexing' | 'saving' | 'done';
  done: number;
  total: number;
  message: string;
}

/** What the CLI and the Discord bot call. */
export interface Engine {
  ask(question: string, options?: AskOptions): Promise<AnswerResult>;
  /** Statements by one person, grouped across outlets and cited. */
  quote(speaker: string): Promise<AnswerResult>;
  speakers(): Speaker[];
  sources(): SourcesInfo;
  /** Rebuilds from the corpus and swaps the new index in; questions keep using the old index until then. */
  reindex(onProgress?: (p: ReindexProgress) => void): Promise<ReindexReport>;
  readonly reindexing: boolean;
}
