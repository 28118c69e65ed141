/**
 * Places and their forms, each under one key: the general country and body names
 * (src/text/words/places.ts) joined with the places this topic's coverage uses for them
 * (src/topic/profile.ts). Used to read "Ukraine's President" and "Ukrainian President" as the same
 * role, and to know that a question's "Ukrainian" is covered by a corpus that says "Ukraine".
 */
import { stripPossessive } from '../text/fold.js';
import { BODY_FORMS, COUNTRY_FORMS } from '../text/words/places.js';
import { PLACE_FORMS } from '../topic/profile.js';

const FORMS = new Map<string, string[]>();
for (const table of [COUNTRY_FORMS, BODY_FORMS, PLACE_FORMS]) {
  for (const [key, forms] of Object.entries(table)) FORMS.set(key, [...(FORMS.get(key) ?? []), ...forms]);
}

const KEY = new Map<string, string>();
for (const [key, forms] of FORMS) for (const form of forms) KEY.set(form, key);

/** `Ukrainian` / `Ukraine's` / `Kyiv` -> `ukraine`; undefined for a word that is not a known place form. */
export function placeKey(word: string): string | undefined {
  return KEY.get(stripPossessive(word).toLowerCase());
}

/** Every form of the place a word names (`French` -> france, french, paris), or just the word. */
export function placeForms(word: string): string[] {
  const key = placeKey(word);
  return key === undefined ? [stripPossessive(word).toLowerCase()] : (FORMS.get(key) ?? []);
}
