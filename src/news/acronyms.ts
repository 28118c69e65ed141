/**
 * Acronyms of the names the coverage writes out: "Coalition of the Willing" is what a reader means by "CoW" or
 * "COTW", "Multinational Force Ukraine" by "MNFU". Built from the coverage's own capitalised phrases (two or more
 * capitalised words, joined by at most a few lower-case function words), so a question's acronym is read as the
 * name it stands for instead of an unknown name; nothing here is specific to one topic.
 */
import { stripPossessive } from '../text/fold.js';
import { STOPWORDS } from '../text/tokens.js';
import type { ArticleMeta, Passage } from '../types.js';
import { isKnownWord, type Vocabulary } from './vocabulary.js';

/**
 * Lower-case words a name can hold between its capitalised ones ("Coalition of the Willing", "Ministry for Europe").
 * Not "and", "in" or "on": they join two names ("Britain and France") or a name and a place or day ("Talks in Paris").
 */
const JOINERS = new Set(['of', 'the', 'for', 'de', 'du', 'des', 'la', 'le']);
/** Joiners an acronym may leave out ("CoW" for "Coalition of the Willing"). */
const ARTICLES = new Set(['the', 'a', 'an']);

const WORD = /[\p{L}][\p{L}'’-]*/gu;
const CAPITALISED = /^\p{Lu}/u;

/** Acronym (lower case) -> the phrase it stands for, as the coverage writes it. */
export type Acronyms = ReadonlyMap<string, string>;

/**
 * Runs of capitalised words joined by lower-case function words, at least two capitalised; a leading function word
 * ("The", "If": capitalised for starting the sentence) dropped, a final possessive taken off.
 */
function phrasesIn(text: string): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  const close = (): void => {
    if (run.length === 0) return;
    while (run.length > 0 && !capitalised(run.at(-1)!)) run.pop();
    while (run.length > 0 && STOPWORDS.has(run[0]!.toLowerCase())) run.shift();
    if (run.length > 0) run[run.length - 1] = stripPossessive(run.at(-1)!);
    let capitals = 0;
    for (let i = 0; i < run.length && capitals < 2; i++) if (capitalised(run[i]!)) capitals++;
    if (capitals >= 2) out.push(run);
    run = [];
  };
  let last = -1;
  // exec over the global pattern (phrasesIn alone uses it, from its start): no iterator result per word.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    // Words only run on across spaces: a comma, a full stop or a quotation mark ends a name.
    if (last >= 0 && !onlySpaces(text, last, m.index)) close();
    last = m.index + word.length;
    if (capitalised(word)) run.push(word);
    else if (run.length > 0 && JOINERS.has(word)) run.push(word);
    else close();
  }
  close();
  return out;
}

/** CAPITALISED.test(word): ASCII letters told by their code, anything else by the pattern. */
function capitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return CAPITALISED.test(word);
}

/** /^\s+$/.test(text.slice(from, to)): at least one character, all white space (a plain space told by its code). */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 0x20 && !/\s/.test(text[i]!)) return false;
  return true;
}

/** The acronyms readers write for a phrase: every word's initial, without the articles, the capitalised words' only. */
function acronymsOf(phrase: readonly string[]): Set<string> {
  // The three sets of initials in one pass over the words (each word's initial and tests worked out once).
  let all = '';
  let noArticles = '';
  let capitalsOnly = '';
  for (const w of phrase) {
    const initial = w[0]!.toLowerCase();
    all += initial;
    if (!ARTICLES.has(w.toLowerCase())) noArticles += initial;
    if (CAPITALISED.test(w)) capitalsOnly += initial;
  }
  return new Set([all, noArticles, capitalsOnly]);
}

/** The coverage's acronyms: for each, the phrase written most often (the first such on a tie). */
export function buildAcronyms(articles: readonly ArticleMeta[], passages: readonly Passage[]): Acronyms {
  const counts = new Map<string, Map<string, number>>();
  // Each distinct text is read once, in the order texts first carry it; its phrases still count once per text that
  // carries them (the same sums, and each phrase first counted at the same text, so ties fall the same way).
  const carried = new Map<string, number>();
  for (const p of passages) carried.set(p.text, (carried.get(p.text) ?? 0) + 1);
  for (const a of articles) carried.set(a.headline, (carried.get(a.headline) ?? 0) + 1);
  for (const [text, times] of carried) {
    for (const phrase of phrasesIn(text)) {
      const written = phrase.join(' ');
      for (const acronym of acronymsOf(phrase)) {
        if (acronym.length < 2) continue;
        let byPhrase = counts.get(acronym);
        if (byPhrase === undefined) counts.set(acronym, (byPhrase = new Map<string, number>()));
        byPhrase.set(written, (byPhrase.get(written) ?? 0) + times);
      }
    }
  }
  const out = new Map<string, string>();
  for (const acronym of [...counts.keys()].sort()) {
    let best: [string, number] | null = null;
    for (const [phrase, n] of counts.get(acronym)!) if (best === null || n > best[1]) best = [phrase, n];
    out.set(acronym, best![0]);
  }
  return out;
}

/** A word written as an acronym: two to six letters, at least two of them capitals ("PM", "CoW", "COTW", "MNF-U"). */
const ACRONYM = /(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}-]{1,6})(?![\p{L}\p{N}'’-])/gu;

/**
 * The question with each acronym the coverage never writes, but whose name it does, written out ("did the CoW
 * promise" -> "did the Coalition of the Willing promise"). An acronym the coverage itself uses stays as written.
 */
export function expandAcronyms(question: string, acronyms: Acronyms, vocabulary: Vocabulary): string {
  return question.replace(ACRONYM, (word: string) => {
    const letters = word.replace(/-/g, '');
    if (letters.length < 2 || letters.length > 6 || (letters.match(/\p{Lu}/gu)?.length ?? 0) < 2) return word;
    if (isKnownWord(word, vocabulary)) return word;
    return acronyms.get(letters.toLowerCase()) ?? word;
  });
}
