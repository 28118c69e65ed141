import { outletName } from '../corpus/outlets.js';
import type { Citation, Uncited } from './types.js';
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

/**
 * Articles one quote, statement or passage is cited to (or listed under), at most. A syndicated paragraph
 * can be in hundreds of articles: the answer names a few, one per outlet first, and counts the rest.
 */
export const CARRIERS_SHOWN = 5;

/**
 * The carriers an answer names: all of them when there are at most `shown`; else one article per outlet in
 * their order until `shown` are taken (then the next ones in order), kept in their order; the rest counted.
 */
export function pickCarriers<T>(items: readonly T[], outletOf: (item: T, position: number) => string, shown = CARRIERS_SHOWN): { kept: T[]; uncited?: Uncited } {
  if (items.length <= shown) return { kept: [...items] };
  const taken = new Set<number>();
  const outlets = new Set<string>();
  // Each item's outlet found once (a syndicated paragraph has hundreds of copies).
  const outletAt = items.map((item, i) => outletOf(item, i));
  outletAt.forEach((outlet, i) => {
    if (taken.size < shown && !outlets.has(outlet)) {
      taken.add(i);
      outlets.add(outlet);
    }
  });
  for (let i = 0; i < items.length && taken.size < shown; i++) taken.add(i);
  const kept = items.filter((_, i) => taken.has(i));
  const others = new Set(outletAt.filter((o, i) => !taken.has(i) && !outlets.has(o)));
  return { kept, uncited: { articles: items.length - kept.length, outlets: others.size } };
}

/**
 * Citation numbers for the articles carrying one thing (each article once, in order), `shown` at most; the
 * articles left uncited counted (absent when all are cited).
 */
export function citeCarriers(
  articleIds: readonly string[],
  cites: CitationList,
  articles: ReadonlyMap<string, ManifestArticle>,
): { citations: number[]; uncited?: Uncited; cited: ReadonlySet<string> } {
  const { kept, uncited } = pickCarriers([...new Set(articleIds)], (id) => outletName(articles.get(id)));
  return { citations: kept.map((id) => cites.cite(id)), ...(uncited ? { uncited } : {}), cited: new Set(kept) };
}

/** " (also in 12 other outlets)" after the markers of a quote whose carriers are not all cited; "" when they are. */
export function uncitedText(uncited: Uncited | undefined): string {
  if (!uncited || uncited.articles === 0) return '';
  if (uncited.outlets > 0) return ` (also in ${uncited.outlets} other outlet${uncited.outlets === 1 ? '' : 's'})`;
  return ` (and ${uncited.articles} more article${uncited.articles === 1 ? '' : 's'})`;
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
