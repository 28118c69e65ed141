/**
 * "Which outlets covered this?": every outlet and its articles, newest first, with their details. "Who wrote the lbc
 * article?", "when was it published?": one outlet's.
 */
import type { AnswerKind } from '../context.js';

export const coverage: AnswerKind<'coverage'> = {
  kind: 'coverage',
  answer(plan, ctx) {
    const articles = [...ctx.articles.values()].filter((a) => plan.outlet === null || a.outlet === plan.outlet);
    const outlets = [...new Set(articles.map((a) => a.outlet))].sort((a, b) => a.localeCompare(b));
    const dates = articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
    return {
      kind: 'coverage',
      outlets: outlets.map((outlet) => ({
        outlet,
        articles: articles
          .filter((a) => a.outlet === outlet)
          .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
          .map((a) => ({ id: a.id, headline: a.headline, published: a.published, url: a.url, author: a.author, passages: a.passages })),
      })),
      outlet: plan.outlet,
      notHeld: plan.notHeld ?? [],
      latest: dates.at(-1) ?? null,
      citations: [],
      passages: [],
    };
  },
};
