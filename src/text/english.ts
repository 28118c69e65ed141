/**
 * English words, as a dictionary without proper names (`an-array-of-english-words`, 275,000 lower-case words
 * from SCOWL): a lower-case word missing from it and from the coverage is most likely a name ("rubio",
 * "meloni", "peskov") or a misspelling. The word-vector lexicon cannot tell: it knows every frequent name.
 * The package's file is a sorted JSON array: it is read once as text (3 MB) and searched by bisection
 * (about 10 µs a word), which costs nothing at start-up, where parsing it into a set would cost a second.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHAT_FILLERS } from './words/chatShorthand.js';

let dictionary: string | null = null;

/** Whether the sorted JSON array of words holds `word`, by bisection over its text. */
function inSortedList(text: string, word: string): boolean {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const comma = text.indexOf(',"', mid);
    if (comma === -1) {
      hi = mid;
      continue;
    }
    const start = comma + 2;
    const end = text.indexOf('"', start);
    const entry = text.slice(start, end);
    if (entry === word) return true;
    if (entry < word) lo = end + 1;
    else hi = mid;
  }
  return text.startsWith(`["${word}"`);
}

function has(word: string): boolean {
  dictionary ??= readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words/index.json'), 'utf8');
  return CALENDAR.has(word) || (/^[a-z]+$/.test(word) && inSortedList(dictionary, word));
}

/** Proper nouns every English text uses, which the dictionary leaves out with the other names. */
const CALENDAR: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'easter',
]);

/** A month, a weekday or a feast ("January", "Tuesday", "Christmas"): never a name a question asks about. */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.has(word.toLowerCase());
}

/**
 * Whether a lower-case word is English: in the dictionary, as a possessive or a contraction of one ("nation's",
 * "didn't"), a compound of English words ("post-conference", "army-to-army"), or chat filler ("lol", "pls").
 */
export function isDictionaryWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[’‘]/g, "'");
  if (has(w) || CHAT_FILLERS.has(w)) return true;
  if (/'/.test(w)) {
    const base = w.replace(/'(?:s|d|ll|re|ve|m|t)$/, '').replace(/n$/, '');
    return base === '' || has(base) || has(w.replace(/'/g, '')) || /^(?:i|you|he|she|it|we|they|what|how|who|where|when|that|there|can|won|don|didn|isn|aren|wasn|weren|doesn|haven|hasn|shouldn|wouldn|couldn)$/.test(base);
  }
  if (w.includes('-')) return w.split('-').every((part) => part === '' || /^\d+s?$/.test(part) || has(part) || /^(?:ish|mid|ex|co|non|pre|post|anti|pro|multi|uk|us|eu)$/.test(part));
  return false;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Whether a word is one edit (a swap of neighbours counts as one) from a word `known` accepts: "actualy", "wnats". */
export function oneEditFrom(word: string, known: (candidate: string) => boolean): boolean {
  const w = word.toLowerCase();
  if (w.length < 4) return false;
  for (let i = 0; i <= w.length; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    if (tail.length > 0 && known(head + tail.slice(1))) return true;
    if (tail.length > 1 && known(head + tail[1] + tail[0] + tail.slice(2))) return true;
    for (const c of LETTERS) {
      if (tail.length > 0 && c !== tail[0] && known(head + c + tail.slice(1))) return true;
      if (known(head + c + tail)) return true;
    }
  }
  return false;
}

/** How frequent (rank in the word lexicon) a word must be for a one-letter slip of it to read as that word. */
const TYPO_OF_RANK = 30_000;

/**
 * English, or a slip of a frequent English word ("actualy", "wnats", "goin"); a word as frequent as those
 * ("vance", "healey") is no slip, but most likely a name.
 */
export function englishWord(word: string, /** Word ranks by frequency (the word lexicon), to tell slips from names; null: the dictionary alone. */
  ranks: ReadonlyMap<string, number> | null): boolean {
  if (isDictionaryWord(word)) return true;
  if (ranks === null || (ranks.get(word) ?? Infinity) < TYPO_OF_RANK) return false;
  return oneEditFrom(word, (candidate) => (ranks.get(candidate) ?? Infinity) < TYPO_OF_RANK && isDictionaryWord(candidate));
}

