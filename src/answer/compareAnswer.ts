import { outletList, outletName } from '../corpus/outlets.js';
import type { AnswerResult, RankedPassage } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import { compareCoverage } from '../news/compare.js';
import type { NewsIndex } from '../news/newsIndex.js';
import type { Hit } from '../retrieval/retrieve.js';
import { CitationList, markers } from './citations.js';
import { rankPassages } from './composeAnswer.js';
import { pickQuote } from './pickQuote.js';

/** Words that ask for a comparison rather than name its topic. */
const COMPARE_WORDS = /\b(?:how|did|do|does|the|outlets?|differ(?:ed|ent|ence|ences)?|compare[ds]?|comparison|cover(?:ed|age)?|report(?:ed|s|ing)?|each|which|between|on|about|according|to|say|said)\b/gi;

/** How many top hits (with their syndicated copies) count as "on the topic" for a comparison. */
export const COMPARE_DEPTH = 12;

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
  const outletOf = (articleId: string) => outletName(articles.get(articleId));
  const top = hits.slice(0, COMPARE_DEPTH);
  // Each outlet's passage is the one sharing the question's rarest topic words ("milestone" over "Kushner"),
  // then the best ranked; every carrier of a hit counts for its outlet, so a syndicated passage shows under each.
  const topic = news.tokens(question.replace(COMPARE_WORDS, ' '));
  const topicScore = (text: string) => {
    const have = news.tokens(text);
    let sum = 0;
    for (const t of topic) if (have.has(t)) sum += news.weights(t);
    return sum;
  };
  const ranked = top.flatMap((h) =>
    [h.passage, ...h.duplicates].map((p) => ({
      article: p.articleId,
      paragraph: p.paragraph,
      outlet: outletOf(p.articleId),
      text: p.text,
      score: topicScore(p.text) + h.score,
    })),
  );
  const outlets = outletList(articles.values());
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
  const wording = result.wording.map((w) => ({
    outlet: w.outlet,
    sentence: w.sentence,
    phrases: w.phrases,
    citation: cites.cite(w.article),
    versus: { outlet: w.versus.outlet, sentence: w.versus.sentence, phrases: w.versus.phrases, citation: cites.cite(w.versus.article) },
  }));

  const lines = ['How each outlet covered it:'];
  for (const r of rows) lines.push(r.quote ? `${r.outlet}: “${r.quote}” ${markers([r.citation!])}` : `${r.outlet}: nothing on this.`);
  if (onlyIn.length > 0) {
    lines.push('', 'Reported by one outlet only:');
    for (const o of onlyIn.slice(0, 5)) lines.push(`${o.outlet}: “${o.sentence}”${o.citation ? ` ${markers([o.citation])}` : ''}`);
  }
  if (wording.length > 0) {
    lines.push('', 'Worded differently:');
    const said = (phrases: string[]) => (phrases.length === 0 ? 'no words of its own' : phrases.map((p) => `“${p}”`).join(', '));
    for (const w of wording.slice(0, 4)) {
      lines.push(`${w.outlet} ${markers([w.citation])}: ${said(w.phrases)} · ${w.versus.outlet} ${markers([w.versus.citation])}: ${said(w.versus.phrases)}`);
    }
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
    comparison: { outlets: rows, onlyIn, wording },
  };
}
