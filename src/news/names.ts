/**
 * Runs of capitalised words ("Prime Minister Sir Keir Starmer", "Mr Kushner", "Number 10"), the raw
 * material for finding people and institutions, and the words that are titles rather than names.
 */
import { stripPossessive } from '../text/fold.js';
import { placeKey } from './places.js';

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface NameRun {
  tokens: Token[];
  start: number;
  end: number;
  /** The run's last word is possessive: "Mr Trump’s". */
  possessive: boolean;
}

/** Honorifics: they precede a name and are not part of it. "Sir"/"Dame" go with the first name. */
export const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Dame', 'Lord', 'Lady']);

/** Words of office written before a name ("President", "Prime Minister", "Foreign Secretary"). */
export const TITLE_WORDS = new Set([
  'President',
  'Prime',
  'Minister',
  'PM',
  'Chancellor',
  'Secretary',
  'Foreign',
  'Defence',
  'Defense',
  'Home',
  'Vice',
  'Deputy',
  'Senator',
  'Governor',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Pope',
  'General',
  'Admiral',
  'Ambassador',
  'Envoy',
  'Special',
  'Chief',
  'Leader',
  'Premier',
  'Mayor',
  'Speaker',
  'Commissioner',
  'Chairman',
]);

/**
 * Nouns that name a role, used to read appositives and descriptions ("Mr Trump's son-in-law",
 * "his special envoy to the Middle East", "the official residence of the French president").
 */
export const ROLE_NOUNS = new Set([
  'president',
  'minister',
  'pm',
  'chancellor',
  'secretary',
  'envoy',
  'adviser',
  'advisor',
  'aide',
  'son-in-law',
  'daughter-in-law',
  'father-in-law',
  'son',
  'daughter',
  'wife',
  'husband',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'leader',
  'ambassador',
  'negotiator',
  'diplomat',
  'official',
  'chief',
  'head',
  'commander',
  'general',
  'senator',
  'governor',
  'mayor',
  'king',
  'queen',
  'premier',
  'residence',
  'office',
  'palace',
]);

/** A word: letters and digits, with inner apostrophes and hyphens (Mar-a-Lago, Trump’s, son-in-law). */
const TOKEN = /[\p{L}\p{N}]+(?:[’'‘-][\p{L}\p{N}]+)*/gu;

export function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

export function isPossessive(word: string): boolean {
  return stripPossessive(word) !== word;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Runs of capitalised words separated by single spaces; a number may follow a capitalised word ("Number 10"). */
export function capitalisedRuns(text: string): NameRun[] {
  const runs: NameRun[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) runs.push({ tokens: current, start: first.start, end: last.end, possessive: isPossessive(last.text) });
    current = [];
  };
  for (const tok of tokens(text)) {
    const prev = current[current.length - 1];
    const adjacent = prev !== undefined && text.slice(prev.end, tok.start) === ' ' && !isPossessive(prev.text);
    const capital = isCapitalised(tok.text) || (/^\p{N}/u.test(tok.text) && adjacent);
    if (!capital) {
      flush();
      continue;
    }
    if (!adjacent) flush();
    current.push(tok);
  }
  flush();
  return runs;
}

/** A word that is a title, an honorific or a place adjective: the part of a run before the name. */
export function isTitleOrPlace(word: string): boolean {
  const bare = stripPossessive(word);
  return HONORIFICS.has(bare) || TITLE_WORDS.has(bare) || placeKey(bare) !== undefined;
}
