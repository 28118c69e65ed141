/**
 * Small text helpers shared by the news modules: folding names to comparison keys, content tokens,
 * and place names and their adjectives (Ukraine/Ukrainian, Britain/British/UK, ...): the general
 * country and body names (src/text/words/places.ts) joined with this topic's places (src/topic/profile.ts).
 */
import { BODY_FORMS, COUNTRY_FORMS } from '../text/words/places.js';
import { PLACE_FORMS } from '../topic/profile.js';

/** Letters of a word without diacritics: `Élysée` -> `Elysee`. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** A word without its possessive ending: `Starmer’s` -> `Starmer`, `allies'` -> `allies`. */
export function stripPossessive(word: string): string {
  return word.replace(/(?:['’‘]s|(?<=s)['’])$/u, '');
}

/**
 * The key two spellings of one name share. Lower case, no diacritics or possessive, and every run
 * of one repeated letter written once, so transliteration variants meet: Zelenskyy and Zelensky,
 * Zelenskiy (a final "iy" reads as "y"), Witkoff and Witkof.
 */
export function foldName(name: string): string {
  return stripDiacritics(name)
    .split(/\s+/)
    .map((w) => stripPossessive(w).toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/(\p{L})\1+/gu, '$1').replace(/iy$/, 'y'))
    .join(' ');
}

/**
 * Places, their adjectives and short forms, each mapped to one key. Used to read "Ukraine's President"
 * and "Ukrainian President" as the same role, and to know that a question's "Ukrainian" is covered by
 * a corpus that says "Ukraine".
 */
const FORMS = new Map<string, string[]>();
for (const table of [COUNTRY_FORMS, BODY_FORMS, PLACE_FORMS]) {
  for (const [key, forms] of Object.entries(table)) FORMS.set(key, [...(FORMS.get(key) ?? []), ...forms]);
}

const PLACE_KEY = new Map<string, string>();
for (const [key, forms] of FORMS) for (const form of forms) PLACE_KEY.set(form, key);

/** `Ukrainian` / `Ukraine's` -> `ukraine`; undefined for a word that is not a known place form. */
export function placeKey(word: string): string | undefined {
  return PLACE_KEY.get(stripPossessive(word).toLowerCase());
}

/** Every form of the place a word names (`French` -> france, french), or just the word. */
export function placeForms(word: string): string[] {
  const key = placeKey(word);
  return key === undefined ? [stripPossessive(word).toLowerCase()] : (FORMS.get(key) ?? []);
}

/** Function words and reporting filler, dropped before comparing what two passages say. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for from with without into onto over under about after before ' +
    'as than then that this these those there here it its it’s it\'s is are was were be been being am do does did ' +
    'has have had having will would shall should can could may might must i me my we us our you your he him his she ' +
    'her they them their what which who whom whose when where why how not no if also just very really any all some ' +
    'such only more most other both each own same too again further once up down out off while because until though ' +
    'although said says say told added adding according mr mrs ms sir know think one'
  ).split(' '),
);

/** Lower-case words of a text, letters and digits only (hyphenated words kept whole). */
export function words(text: string): string[] {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/['’‘]s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0);
}

/** A crude singular: `guarantees` -> `guarantee`, `talks` -> `talk`; short words and `-ss` kept. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/**
 * What a text says, as a set of content words: stopwords dropped, plurals folded, and a word
 * repeated for emphasis counted once ("very, very big" and "big, big" both give `big`).
 */
export function contentTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || w.length < 2) continue;
    out.add(singular(w));
  }
  return out;
}
