/** What a reindex reports: counts first, then the first few article names under each heading. */

/** How many article names a reindex report lists under each heading before "…and N more": counts come first. */
export const REPORT_NAMES_SHOWN = 5;

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  articles: number;
  passages: number;
  /** Sentences of the passages of several sentences, indexed with them (see sentenceUnits). */
  sentences: number;
  /** Texts (passages and those sentences) embedded now; the rest came from the embedding cache. */
  embedded: number;
  cached: number;
  ms: number;
  /** Corpus files skipped, with the reason (bad front matter, ...); `detail` is for the terminal only (it may name server paths). */
  problems: { file: string; message: string; detail?: string }[];
}

/** The articles a reindex added, changed and removed: what the audit log records of it. */
export function reportChanges({ added, changed, removed }: ReindexReport): { added: string[]; changed: string[]; removed: string[] } {
  return { added, changed, removed };
}

/** The report of a reindex that found the corpus exactly as the build in use was made from. */
export function unchangedReport(
  articles: number,
  passages: number,
  sentences: number,
  problems: readonly { file: string; error: { message: string } }[],
  started: number,
): ReindexReport {
  return {
    added: [],
    changed: [],
    removed: [],
    unchanged: articles,
    articles,
    passages,
    sentences,
    embedded: 0,
    cached: passages + sentences,
    ms: Math.round(performance.now() - started),
    problems: problems.map((p) => ({ file: p.file, message: p.error.message })),
  };
}
