/**
 * Turns a scraped body into the article's own paragraphs: page furniture, bylines, headings,
 * the headline and repeated lines (captions that repeat the text) removed, whitespace normalised.
 * The text of what is kept is not otherwise changed.
 */
import type { ArticleMeta } from '../types.js';
import { isByline, isShareButtons, removeInlineFurniture, stripScrapeDate } from './furniture.js';
import { isHeading, stripGluedHeading } from './headings.js';
import { splitParagraphs } from './split.js';

/** What two lines are compared by: a repeated caption may drop the sentence's final full stop. */
function repeatKey(text: string): string {
  return text.replace(/[.!?…]+$/, '').toLowerCase();
}

/** Removes the headline when the scraper glued it to the start of a paragraph. */
function stripHeadlinePrefix(paragraph: string, headline: string): string {
  const rest = paragraph.slice(headline.length + 1);
  return paragraph.startsWith(`${headline} `) && /^["'‘“]?\p{Lu}/u.test(rest) ? rest : paragraph;
}

/** The article's paragraphs, cleaned of page furniture, in order. */
export function cleanParagraphs(article: Pick<ArticleMeta, 'headline'> & { body: string }): string[] {
  const headline = article.headline.replace(/\s+/g, ' ').trim();
  const seen = new Set<string>([repeatKey(headline)]);
  const kept: string[] = [];
  for (const raw of splitParagraphs(stripScrapeDate(article.body))) {
    const paragraph = stripGluedHeading(stripHeadlinePrefix(removeInlineFurniture(raw), headline));
    if (paragraph === '' || isShareButtons(paragraph) || isByline(paragraph) || isHeading(paragraph)) continue;
    const key = repeatKey(paragraph);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(paragraph);
  }
  return kept;
}
