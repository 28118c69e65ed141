import type { ManifestArticle } from '../index/manifest.js';
import type { NewsIndex } from '../news/newsIndex.js';
import { TOPIC_NAME } from '../topic/profile.js';

/**
 * Questions the corpus can answer, built from what is in it: the most quoted people, and the outlets.
 * Shown when the bot abstains.
 */
export function suggestQuestions(news: NewsIndex, articles: readonly ManifestArticle[], max = 4): string[] {
  const institutions = new Set(news.directory.entries.filter((e) => e.kind === 'institution').map((e) => e.name));
  // Institutions read with "the": "What did the Elysee say?".
  const out = news.speakers.slice(0, 3).map((s) => `What did ${institutions.has(s.name) ? 'the ' : ''}${s.name} say?`);
  const outlet = articles[0]?.outlet;
  if (outlet) out.push(`What did ${outlet} report?`);
  if (out.length < max && articles.length > 1) out.push(`How did the outlets differ on ${TOPIC_NAME}?`);
  return out.slice(0, max);
}
