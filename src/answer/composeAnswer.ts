import { outletName } from '../corpus/outlets.js';
import type { AlsoIn, Citation, RankedPassage } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { Hit } from '../retrieval/retrieve.js';
import type { Passage } from '../types.js';
import { CitationList, markers } from './citations.js';
import { pickQuote } from './pickQuote.js';

export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  passages: RankedPassage[];
}

/** Where a passage stands, as `also` lists it. */
export function alsoIn(passage: Passage, articles: ReadonlyMap<string, ManifestArticle>): AlsoIn {
  const a = articles.get(passage.articleId);
  return {
    article: passage.articleId,
    paragraph: passage.paragraph,
    outlet: outletName(a),
    headline: a?.headline ?? passage.articleId,
    published: a?.published ?? null,
    url: a?.url ?? null,
  };
}

/** Every article that carries a hit's text: the hit's own first, then its syndicated duplicates. */
function carriers(hit: Hit): string[] {
  return [hit.passage.articleId, ...hit.duplicates.map((d) => d.articleId)];
}

/** Ranked passages as the JSON output and the bot show them, with the citation number each is quoted under. */
export function rankPassages(hits: readonly Hit[], articles: ReadonlyMap<string, ManifestArticle>, cites: CitationList): RankedPassage[] {
  return hits.map((hit, i) => {
    const article = articles.get(hit.passage.articleId);
    return {
      rank: i + 1,
      text: hit.passage.text,
      article: hit.passage.articleId,
      paragraph: hit.passage.paragraph,
      outlet: outletName(article),
      headline: article?.headline ?? hit.passage.articleId,
      published: article?.published ?? null,
      url: article?.url ?? null,
      score: Number(hit.score.toFixed(6)),
      also: hit.duplicates.map((d) => alsoIn(d, articles)),
      citation: cites.numberOf(hit.passage.articleId),
    };
  });
}

/**
 * The extractive answer: the best part of each of the top passages, quoted, each followed by the
 * citation markers of every outlet that carries it.
 */
export function composeAnswer(
  question: string,
  hits: readonly Hit[],
  articles: ReadonlyMap<string, ManifestArticle>,
  quoted: number,
  /** A question scoped to one outlet cites that outlet only (its syndicated copies elsewhere stay in `also`). */
  outlet?: string,
): ComposedAnswer {
  const cites = new CitationList(articles);
  const lines: string[] = [];
  for (const hit of hits.slice(0, quoted)) {
    const ids = carriers(hit).filter((id) => outlet === undefined || articles.get(id)?.outlet === outlet);
    const numbers = ids.map((id) => cites.cite(id));
    lines.push(`“${pickQuote(hit.passage.text, question)}” ${markers(numbers)}`);
  }
  return { answer: lines.join('\n'), citations: cites.list(), passages: rankPassages(hits, articles, cites) };
}
