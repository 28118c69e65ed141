import type { AnswerResult, RankedPassage } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import { compareCoverage } from '../news/compare.js';
import type { NewsIndex } from '../news/newsIndex.js';
import type { Hit } from '../retrieval/retrieve.js';
import { CitationList, markers } from './citations.js';
import { rankPassages } from './composeAnswer.js';
import { pickQuote } from './pickQuote.js';

/** How many top hits (with their syndicated copies) count as "on the topic" for a comparison. */
export const COMPARE_DEPTH = 8;

export interface CompareInput {
  question: string;
  hits: readonly Hit[];
  articles: ReadonlyMap<string, ManifestArticle>;
  allPassages: readonly StoredPassage[];
  news: NewsIndex;
}

/**
 * "How did the outlets differ on ...?": each outlet's best passage on the topic side by side, the
 * outlets with nothing on it, and the sentences only one outlet carries.
 */
export function compareAnswer({ question, hits, articles, allPassages, news }: CompareInput): Omit<AnswerResult, 'timings'> {
  const outletOf = (articleId: string) => articles.get(articleId)?.outlet ?? 'Unknown outlet';
  const top = hits.slice(0, COMPARE_DEPTH);
  // Every carrier of a hit counts for its outlet, so a syndicated passage shows under each outlet.
  const ranked = top.flatMap((h) =>
    [h.passage, ...h.duplicates].map((p) => ({ article: p.articleId, paragraph: p.paragraph, outlet: outletOf(p.articleId), text: p.text, score: h.score })),
  );
  const outlets = [...new Set([...articles.values()].map((a) => a.outlet))].sort();
  const result = compareCoverage(ranked, {
    outlets,
    weight: news.weights,
    tokens: news.tokens,
    coverage: allPassages.map((p) => ({ article: p.articleId, paragraph: p.paragraph, outlet: outletOf(p.articleId), text: p.text })),
  });

  const cites = new CitationList(articles);
  const rows = result.outlets.map(({ outlet, passage }) => {
    if (!passage) return { outlet, quote: null, citation: null };
    return { outlet, quote: pickQuote(passage.text, question), citation: cites.cite(passage.article) };
  });
  const onlyIn = result.onlyIn.map((o) => ({ outlet: o.outlet, sentence: o.sentence, citation: cites.numberOf(o.article) }));

  const lines = ['How each outlet covered it:'];
  for (const r of rows) lines.push(r.quote ? `${r.outlet}: “${r.quote}” ${markers([r.citation!])}` : `${r.outlet}: nothing on this.`);
  if (onlyIn.length > 0) {
    lines.push('', 'Reported by one outlet only:');
    for (const o of onlyIn.slice(0, 5)) lines.push(`${o.outlet}: “${o.sentence}”${o.citation ? ` ${markers([o.citation])}` : ''}`);
  }
  const passages: RankedPassage[] = rankPassages(hits, articles, cites);
  return {
    question,
    answer: lines.join('\n'),
    abstained: false,
    abstainReason: null,
    suggestions: [],
    citations: cites.list(),
    passages,
    comparison: { outlets: rows, onlyIn },
  };
}
