import { outletName } from '../corpus/outlets.js';
import type { Citation } from './types.js';
import type { ManifestArticle } from '../index/manifest.js';

/** Numbers sources in order of first use: one number per article, reused when the article is cited again. */
export class CitationList {
  private readonly byArticle = new Map<string, Citation>();

  constructor(private readonly articles: ReadonlyMap<string, ManifestArticle>) {}

  cite(articleId: string): number {
    const existing = this.byArticle.get(articleId);
    if (existing) return existing.n;
    const article = this.articles.get(articleId);
    const citation: Citation = {
      n: this.byArticle.size + 1,
      articleId,
      outlet: outletName(article),
      headline: article?.headline ?? articleId,
      published: article?.published ?? null,
      url: article?.url ?? null,
    };
    this.byArticle.set(articleId, citation);
    return citation.n;
  }

  numberOf(articleId: string): number | null {
    return this.byArticle.get(articleId)?.n ?? null;
  }

  list(): Citation[] {
    return [...this.byArticle.values()];
  }
}

/** `[1][3]` */
export function markers(numbers: readonly number[]): string {
  return [...new Set(numbers)].map((n) => `[${n}]`).join('');
}

/** "6 Jan 2026", or "date not known". */
export function formatDate(published: string | null): string {
  if (!published) return 'date not known';
  const date = new Date(`${published}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return published;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** One line of a sources list: `[1] LBC, "Headline", 6 Jan 2026, https://...` */
export function formatCitation(c: Citation): string {
  return `[${c.n}] ${c.outlet}, "${c.headline}", ${formatDate(c.published)}, ${c.url ?? 'no link known'}`;
}
