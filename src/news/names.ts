/**
 * Runs of capitalised words ("Prime Minister Sir Keir Starmer", "Mr Kushner", "Number 10"), the raw
 * material for finding people and institutions, and the words that are titles rather than names
 * (honorifics and titles from src/text/words/, places from places.ts).
 */
import { isPossessive, stripPossessive } from '../text/fold.js';
import { WORD, type Token } from '../text/tokens.js';
import { HONORIFICS } from '../text/words/honorifics.js';
import { TITLE_WORDS } from '../text/words/roles.js';
import { placeKey } from './places.js';

export type { Token } from '../text/tokens.js';

export interface NameRun {
  tokens: Token[];
  start: number;
  end: number;
  /** The run's last word is possessive: "Mr Trump’s". */
  possessive: boolean;
}

/** A word's first letter is a capital (\p{Lu}): ASCII told by its code, anything else by the pattern. */
function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^\p{Lu}/u.test(word);
}

/** A word's first character is a number (\p{N}): ASCII told by its code, anything else by the pattern. */
function startsWithNumber(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return /^\p{N}/u.test(word);
}

/** The words of a text (tokens.ts's WORD), scanned one match at a time: only the words of a run become tokens. */
const WORD_SCAN = new RegExp(WORD.source, WORD.flags);

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
  // The word follows the run's last word after one space, and that word is not possessive.
  const adjacent = (start: number): boolean => {
    const prev = current[current.length - 1];
    return prev !== undefined && start === prev.end + 1 && text.charCodeAt(prev.end) === 0x20 && !isPossessive(prev.text);
  };
  const scan = WORD_SCAN;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const word = m[0];
    const start = m.index;
    const capital = isCapitalised(word);
    if (!capital && !(startsWithNumber(word) && adjacent(start))) {
      if (current.length > 0) flush();
      continue;
    }
    if (!adjacent(start)) flush();
    current.push({ text: word, start, end: start + word.length });
  }
  flush();
  return runs;
}

/** A word that is a title, an honorific or a place adjective: the part of a run before the name. */
export function isTitleOrPlace(word: string): boolean {
  const bare = stripPossessive(word);
  return HONORIFICS.has(bare) || TITLE_WORDS.has(bare) || placeKey(bare) !== undefined;
}
