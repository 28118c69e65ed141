import type { Speaker } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';

/**
 * Questions the corpus can answer, built from what is in it: the most quoted people, and the outlets.
 * Shown when the bot abstains.
 */
export function suggestQuestions(
  speakers: readonly Speaker[],
  articles: readonly ManifestArticle[],
  /** Institutions read with "the": "What did the Elysee say?". */
  isInstitution: (name: string) => boolean = () => false,
  max = 4,
): string[] {
  const out = speakers.slice(0, 3).map((s) => `What did ${isInstitution(s.name) ? 'the ' : ''}${s.name} say?`);
  const outlet = articles[0]?.outlet;
  if (outlet) out.push(`What did ${outlet} report?`);
  if (out.length < max && articles.length > 1) out.push('How did the outlets differ on the declaration?');
  return out.slice(0, max);
}
