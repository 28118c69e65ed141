/**
 * Runs of capitalised words ("Prime Minister Sir Keir Starmer", "Mr Kushner", "Number 10"), the raw
 * material for finding people and institutions, and the words that are titles rather than names
 * (honorifics and titles from src/text/words/, places from places.ts).
 */
import { isPossessive, stripPossessive } from '../text/fold.js';
import { wordSpans, type Token } from '../text/tokens.js';
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
  for (const tok of wordSpans(text)) {
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
