/**
 * Syndicated copies: a new article whose text largely repeats one already indexed (the same wire story under
 * another outlet's name). Texts are compared as sets of word 5-grams (shingles): the share of the new text's
 * shingles that an indexed article also has. One pass over the indexed shingles builds a map shingle -> articles,
 * then one pass over the new text counts, per article, the shingles it shares: linear in the texts' length.
 */
import { words } from '../text/tokens.js';

const SHINGLE_WORDS = 5;
/** From this share of its shingles found in one indexed article, a new text is "mostly the same text" as it. */
export const SYNDICATED_SHARE = 0.5;

export interface IndexedText {
  id: string;
  outlet: string;
  headline: string;
  published: string | null;
  /** The article's passages (or paragraphs). */
  texts: readonly string[];
}

export interface SyndicationMatch {
  id: string;
  outlet: string;
  headline: string;
  published: string | null;
  /** Share (0-1) of the new text's shingles found in that article. */
  share: number;
}

/** The word 5-grams of some texts (each text's words folded; a text shorter than five words is one shingle). */
export function shingles(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    const w = words(text);
    if (w.length === 0) continue;
    if (w.length < SHINGLE_WORDS) {
      out.add(w.join(' '));
      continue;
    }
    for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(w.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return out;
}

/** Every indexed article sharing at least `minShare` of the new text's shingles, most shared first. */
export function syndicatedMatches(texts: readonly string[], indexed: readonly IndexedText[], minShare = SYNDICATED_SHARE): SyndicationMatch[] {
  const mine = shingles(texts);
  if (mine.size === 0) return [];
  const owners = new Map<string, number[]>();
  indexed.forEach((article, i) => {
    for (const s of shingles(article.texts)) {
      if (!mine.has(s)) continue;
      const list = owners.get(s);
      if (list) list.push(i);
      else owners.set(s, [i]);
    }
  });
  const shared = new Array<number>(indexed.length).fill(0);
  for (const s of mine) for (const i of owners.get(s) ?? []) shared[i]! += 1;
  return indexed
    .map((a, i) => ({ id: a.id, outlet: a.outlet, headline: a.headline, published: a.published, share: shared[i]! / mine.size }))
    .filter((m) => m.share >= minShare)
    .sort((a, b) => b.share - a.share);
}

/** The indexed article the new text most repeats, when it repeats one largely; else null. */
export function findSyndicatedCopy(texts: readonly string[], indexed: readonly IndexedText[], minShare = SYNDICATED_SHARE): SyndicationMatch | null {
  return syndicatedMatches(texts, indexed, minShare)[0] ?? null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "mostly the same text as The Independent, 6 Jan (82% of its wording)". */
export function describeSyndication(match: SyndicationMatch): string {
  const m = match.published ? /^\d{4}-(\d{2})-(\d{2})$/.exec(match.published) : null;
  const date = m ? `, ${Number(m[2])} ${MONTHS[Number(m[1]) - 1]}` : '';
  return `mostly the same text as ${match.outlet}${date} (${Math.round(match.share * 100)}% of its wording)`;
}
