/**
 * Whether a message is written in a language other than English, from its function words: the bot reads
 * English, and a question in French or German should be told so, not searched for "unknown names". The
 * stop-word lists are data from `stopwords-iso`; which languages are named is the table below.
 */
import { createRequire } from 'node:module';
import { isDictionaryWord } from '../text/english.js';

const require = createRequire(import.meta.url);
const ISO = require('stopwords-iso') as Record<string, string[]>;

/** Languages told apart, by ISO code, with the name a reply uses. */
export const LANGUAGES: Record<string, string> = {
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
  pl: 'Polish',
  sv: 'Swedish',
  da: 'Danish',
  tr: 'Turkish',
  ro: 'Romanian',
};

const ENGLISH = new Set(ISO.en ?? []);
/** Words of the English list that are also another language's ("la", "de", "et", "es"): evidence for neither. */
const SHARED = new Set(Object.keys(LANGUAGES).flatMap((code) => (ISO[code] ?? []).filter((w) => ENGLISH.has(w))));
const FOREIGN = new Map(Object.keys(LANGUAGES).map((code) => [code, new Set((ISO[code] ?? []).filter((w) => !ENGLISH.has(w) && w.length > 2))]));
/** Every word of the other languages' lists. */
const FOREIGN_WORDS: ReadonlySet<string> = new Set([...FOREIGN.values()].flatMap((set) => [...set]));

/** A function word of another language the bot names ("alors", "merci"), not of English: a word a message borrows, no name. */
export function isForeignFunctionWord(word: string): boolean {
  const w = word.toLowerCase();
  return [...FOREIGN.values()].some((words) => words.has(w));
}

/** Scripts in which no English question is written. */
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}]/gu;

/** Letters with accents that English words do not carry. */
const MARKED = /[àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœßąćęłńśźżčřšžğış]/u;

/**
 * The language a message is written in when it is not English, else null. `inCoverage` tells words the
 * coverage itself uses (names, places), which never count as another language's.
 */
export function foreignLanguage(message: string, inCoverage: (word: string) => boolean): string | null {
  const letters = message.match(/\p{L}/gu)?.length ?? 0;
  if (letters > 0 && (message.match(OTHER_SCRIPT)?.length ?? 0) > letters / 2) return 'another language';
  const tokens = message
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((t) => t.length > 0);
  // One-letter words ("a", "i") are English and French and more: they tell nothing.
  // English words that no other language listed uses count too ("uncle sam on board?": "uncle", "board").
  const english = tokens.filter((t) => t.length > 1 && ((ENGLISH.has(t) && !SHARED.has(t)) || (t.length > 2 && !ENGLISH.has(t) && !FOREIGN_WORDS.has(t) && isDictionaryWord(t)))).length;
  let best: { code: string; hits: number } | null = null;
  for (const [code, words] of FOREIGN) {
    const hits = tokens.filter((t) => words.has(t) && !inCoverage(t)).length;
    if (hits > (best?.hits ?? 0)) best = { code, hits };
  }
  // Words with accents English does not write ("países", "coalición"), and Spanish opening marks, count too.
  // A name the coverage uses ("Élysée", capitalised) is no evidence; a word in lower case is, even when the coverage has
  // it without its accents ("signé", "déclaration").
  const marked =
    message
      .split(/[^\p{L}]+/u)
      .filter((t) => MARKED.test(t.toLowerCase()) && !(/^\p{Lu}/u.test(t) && inCoverage(t.toLowerCase()))).length + (/[¿¡]/u.test(message) ? 1 : 0);
  // French elisions ("qu'est-ce", "c'est", "l'accord") are no English.
  const elided = message.match(/(?<![\p{L}])(?:qu|c|l|d|j|n|s)['’]\p{L}/giu)?.length ?? 0;
  if (elided > 0 && (best === null || best.code === 'fr')) best = { code: 'fr', hits: (best?.hits ?? 0) + elided };
  const evidence = (best?.hits ?? 0) + marked;
  if (evidence <= english) return null;
  // One foreign word among no English ones is enough in a short message ("¿Qué dijo Zelensky?"); otherwise two.
  if (evidence < 2 && !(english === 0 && tokens.length <= 4)) return null;
  return best ? (LANGUAGES[best.code] ?? null) : 'another language';
}
