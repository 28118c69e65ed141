/** Keeps a list with its lead-in, so a quoted list says what it lists. */
import { isListItem } from './headings.js';

/**
 * Joins a lead-in paragraph ending in ":" and the list items that follow it ("– To participate ...")
 * into one paragraph. Items without a lead-in stay as they are.
 */
export function joinLists(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as string;
    const parts = [paragraph];
    if (paragraph.endsWith(':')) {
      while (i + 1 < paragraphs.length && isListItem(paragraphs[i + 1] as string)) parts.push(paragraphs[++i] as string);
    }
    out.push(parts.join(' '));
  }
  return out;
}
