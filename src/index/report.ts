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
  /** Distinct texts (passages and those sentences) embedded now: not in the embedding cache, nor in the build before. */
  embedded: number;
  /**
   * Distinct texts the build has a vector for (syndicated copies share one: fewer than passages + sentences); the
   * others than `embedded` were reused from the build before or the embedding cache. Null when the reindex found
   * nothing changed and read no more than the manifest.
   */
  texts: number | null;
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
  texts: number | null = null,
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
    texts,
    ms: Math.round(performance.now() - started),
    problems: problems.map((p) => ({ file: p.file, message: p.error.message })),
  };
}

/** What a reindex embedded, for a report line: "27 texts embedded now, 8419 reused, of 8446 distinct texts". */
export function embeddingSummary(r: Pick<ReindexReport, 'embedded' | 'texts'>): string {
  if (r.texts === null) return `${r.embedded} texts embedded now`;
  return `${r.embedded} texts embedded now, ${r.texts - r.embedded} reused, of ${r.texts} distinct texts`;
}
