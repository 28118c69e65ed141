import type { ManifestArticle } from '../index/manifest.js';
import type { NewsIndex, PreviousNews } from '../news/newsIndex.js';
import type { Passage } from '../types.js';

/** The build before's news layer (read back from its news.json), with the passages and articles it was derived from. */
export interface NewsBuiltBefore {
  news: NewsIndex;
  passages: readonly Passage[];
  articles: readonly ManifestArticle[];
}

/** What buildNewsIndex takes from the build before: its layer, and which of these articles are unchanged since (same file hash). */
export function previousNewsOf(before: NewsBuiltBefore, articles: readonly ManifestArticle[]): PreviousNews {
  const hashes = new Map(before.articles.map((a) => [a.id, a.hash]));
  const unchanged = new Set(articles.filter((a) => hashes.get(a.id) === a.hash).map((a) => a.id));
  return { news: before.news, passages: before.passages, articles: before.articles, unchanged };
}
