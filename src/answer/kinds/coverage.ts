/** "Which outlets covered this?": every outlet and its articles, newest first. */
import type { AnswerKind } from '../context.js';

export const coverage: AnswerKind<'coverage'> = {
  kind: 'coverage',
  answer(_plan, ctx) {
    const articles = [...ctx.articles.values()];
    const outlets = [...new Set(articles.map((a) => a.outlet))].sort((a, b) => a.localeCompare(b));
    const dates = articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
    return {
      kind: 'coverage',
      outlets: outlets.map((outlet) => ({
        outlet,
        articles: articles
          .filter((a) => a.outlet === outlet)
          .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
          .map((a) => ({ id: a.id, headline: a.headline, published: a.published, url: a.url, passages: a.passages })),
      })),
      latest: dates.at(-1) ?? null,
      citations: [],
      passages: [],
    };
  },
};
