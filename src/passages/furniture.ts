/**
 * Page furniture that scrapers leave inside article text, removed from one paragraph at a time.
 * Outlet-specific boilerplate (donation appeals, audio players) is matched by its wording;
 * the rest (captions, links, share buttons, bylines) by its shape.
 */
import { normaliseWhitespace } from './split.js';

/** The scraper writes " date YYYY-MM-DD " in front of some bodies. */
const SCRAPE_DATE = /^\s*date \d{4}-\d{2}-\d{2}\b[ \t]*/;

/** The Independent's donation appeal, from its first sentence to its sign-off. */
const DONATION_APPEAL = /Your support helps us to tell the story\b[\s\S]*?Your support makes all the difference\.?(?:\s*Read more\b)?/g;

const AUDIO_PLAYER = /Listen to this article(?:\s*Loading audio(?:\.{3}|…)?)?/g;

/** "Read more: <headline>" links run, one after another, to the end of their paragraph. */
const READ_MORE_LINKS = /(?:^|\s+)Read more:\s.*$/;

/**
 * A picture caption: the sentence (or fragment) before "Picture: <credit>", and the credit.
 * It may stand alone or sit at either end of a paragraph.
 */
const CAPTION = /(^|[.!?]["'’”]?\s+)[^.!?]*[.!?]?\s*(?:Picture|Photo|Image):\s*\p{Lu}[\p{L}&-]*(?:\s+Images)?(?=\s|$)/gu;

/** A paragraph made only of share buttons: "Share on Facebook «||» Share on Twitter ..." */
const SHARE_BUTTONS = /^(?:\s*(?:«\|\|»|[|•·/])?\s*Share (?:on|via) [\p{L}+]+)+\s*(?:«\|\|»|[|•·/])?$/u;

/** "By Ella Bennett", alone on its line. */
const BYLINE = /^By (?:\p{Lu}[\p{L}'’.-]*)(?: (?:\p{Lu}[\p{L}'’.-]*|and|&|de|van|von|der|la|le)){0,5}$/u;

/** Removes the scraper's date prefix from the start of a body. */
export function stripScrapeDate(body: string): string {
  return body.replace(SCRAPE_DATE, '');
}

/** Removes donation appeals, audio players, "Read more:" links and picture captions from a paragraph. */
export function removeInlineFurniture(paragraph: string): string {
  const text = paragraph
    .replace(DONATION_APPEAL, ' ')
    .replace(AUDIO_PLAYER, ' ')
    .replace(READ_MORE_LINKS, '')
    .replace(CAPTION, '$1');
  return normaliseWhitespace(text);
}

/** True for a paragraph that is nothing but share buttons. */
export function isShareButtons(paragraph: string): boolean {
  return SHARE_BUTTONS.test(paragraph);
}

/** True for a byline paragraph ("By Ella Bennett"). */
export function isByline(paragraph: string): boolean {
  return BYLINE.test(paragraph);
}
