/**
 * Types at the seams of the pipeline:
 * corpus -> passages -> embeddings -> index -> retrieval -> answer -> bot/cli.
 */

/** What a corpus file's front matter says about an article. */
export interface ArticleMeta {
  /** Stable id: the corpus file name without extension. */
  id: string;
  outlet: string;
  headline: string;
  /** ISO date (YYYY-MM-DD), or null when the publication date is not known. */
  published: string | null;
  /** Link to the original, or null when not known. */
  url: string | null;
  author: string | null;
}

/** An article read from `corpus/`, body still as scraped. */
export interface Article extends ArticleMeta {
  /** Path of the corpus file, relative to the corpus folder. */
  file: string;
  body: string;
  /** sha256 of the whole file (front matter and body): changes when anything in it changes. */
  hash: string;
}

/** A quotable passage: one cleaned paragraph, or one sentence-bounded piece of a long block. */
export interface Passage {
  /** `${articleId}#${paragraph}` */
  id: string;
  articleId: string;
  /** 0-based position of the passage within its article, after cleaning and splitting. */
  paragraph: number;
  text: string;
}

/** Turns texts into unit-length vectors. */
export interface Embedder {
  /** Identifies model and settings, e.g. `transformers:Xenova/all-MiniLM-L6-v2`. Recorded in the index. */
  readonly id: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}
