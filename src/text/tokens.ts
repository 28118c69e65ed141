/**
 * The one tokenizer and the one stemmer, shared by lexical search, query expansion, duplicate
 * grouping, answer sentence picking, abstention, statement grouping and coverage comparison, so every
 * stage agrees on what a word is. Words are folded (fold.ts): curly quotes, case, diacritics
 * ("Élysée" and "Elysee" are both `elysee`) and the possessive ("Starmer's" is `starmer`).
 */
import { foldText, stripDiacritics } from './fold.js';
import { CHAT_FILLERS, CHAT_SHORTHAND, SPELT_APART } from './words/chatShorthand.js';
import { STOPWORDS } from './words/stopwords.js';
import { IDIOMS } from './words/idioms.js';
import { alternation } from './patterns.js';

export { STOPWORDS };

/** A word as written and where it is. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A word: letters and digits, with inner apostrophes and hyphens (Mar-a-Lago, Trump’s, son-in-law). */
export const WORD = /[\p{L}\p{N}]+(?:[’'‘-][\p{L}\p{N}]+)*/gu;

/** The words of a text as written (case, diacritics and possessives kept), with their offsets. */
export function wordSpans(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

export interface WordOptions {
  /** Drop stopwords: `true` for STOPWORDS, or a set of folded, lower-case words. Default: keep every word. */
  stopwords?: boolean | ReadonlySet<string>;
  /** Stem each word (see `stem`). Default false. */
  stem?: boolean;
  /** Keep hyphenated words whole ("son-in-law", "long-term"); false splits them into their parts. Default true. */
  keepHyphens?: boolean;
}

/**
 * Folded words of a text: lower case, no diacritics, the possessive 's dropped, inner apostrophes
 * ("don't") and hyphens kept. Options drop stopwords, stem, or split hyphenated words.
 */
export function words(text: string, options: WordOptions = {}): string[] {
  const { stopwords = false, stem: stemming = false, keepHyphens = true } = options;
  const stop = stopwords === true ? STOPWORDS : stopwords === false ? null : stopwords;
  const out: string[] = [];
  const add = (part: string): void => {
    if (stop?.has(part)) return;
    out.push(stemming ? stem(part) : part);
  };
  // The matched words alone (`match` with the global pattern): no match object per word.
  for (const found of stripDiacritics(foldText(text)).toLowerCase().match(WORD) ?? []) {
    // The possessive 's dropped (told by the last letter before a pattern is run); hyphenated words whole unless split.
    const word = found.endsWith('s') ? found.replace(/'s$/, '') : found;
    if (keepHyphens) add(word);
    else for (const part of word.split('-')) add(part);
  }
  return out;
}

/**
 * A light English stemmer: folds plurals and the commonest verb endings so "troops"/"troop",
 * "deployed"/"deploy", "guarantees"/"guarantee" meet. Deliberately conservative.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * What a text is about, as terms: its words without stopwords or single letters ("b" of "a) ... b)"),
 * stemmed. A word repeated for emphasis counts once in a set: "very, very big" and "big, big" both give `big`.
 */
export function contentTerms(text: string): string[] {
  return contentTermsOf(words(text));
}

/** contentTerms of a text from its words (`words(text)`, read already): the same terms in the same order. */
export function contentTermsOf(textWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of textWords) {
    if (STOPWORDS.has(w)) continue;
    const term = stem(w);
    if (term.length > 1 || /\p{N}/u.test(term)) out.push(term);
  }
  return out;
}

/** The content terms of a text as a set: what two texts share is compared on these. */
export function contentTermSet(text: string): Set<string> {
  return new Set(contentTerms(text));
}

/** Jaccard overlap of two term sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of the smaller set found in the larger one (1 when one contains the other). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

const APART = new RegExp(`\\b(?:${Object.keys(SPELT_APART).map((k) => k.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');

/** Compounds written apart joined as copy writes them: "son in law" -> "son-in-law". */
function joinCompounds(text: string): string {
  return text.replace(APART, (m) => SPELT_APART[m.toLowerCase().replace(/\s+/g, ' ')] ?? m);
}

/**
 * Chat shorthand written out ("how many ppl attended" -> "how many people attended"), word by word, the
 * rest of the text untouched. Words in `keep` (the coverage's own, e.g. a name) stay as they are.
 */
export function expandShorthand(text: string, keep: (word: string) => boolean = () => false): string {
  // Lower case only ("W" in a name stays), and not an initial ("u.s."); capitalised only where a sentence opens with it
  // ("Wat date is …").
  // "why'd she say that", "how'd they agree": "did" after a question word.
  return joinCompounds(text).replace(/(?<![\p{L}])(why|how|where|what|when)['’]d(?![\p{L}])/giu, '$1 did').replace(/(?<![\p{L}\p{N}'’.])(?:\p{Ll}+|(?<=(?:^|[.!?]\s+))\p{Lu}\p{Ll}+)\/?(?![\p{L}\p{N}'’]|\.\p{L})/gu, (w) => {
    const lower = w[0]!.toLowerCase() + w.slice(1);
    const full = CHAT_SHORTHAND[lower];
    if (full === undefined || keep(lower)) return w;
    return w === lower ? full : full[0]!.toUpperCase() + full.slice(1);
  });
}

/** Chat words that end a message without changing it; not those that answer or judge ("is the deal ok?", "did they agree, yeah?"). */
const ENDING_FILLERS = [...CHAT_FILLERS].filter((w) => !/^(?:ok|okay|k|kk|yeah|yep|yea|ya|yup|nah|yo|gm)$/.test(w));
const TRAILING_FILLERS = new RegExp(`(?:[\\s,]+(?:${ENDING_FILLERS.join('|')}))+(?=[\\s?!.]*$)`, 'giu');

/** The text without the chat words that end it ("… according to the brit pm lol?" -> "… according to the brit pm?"), when words remain before them. */
export function withoutTrailingFillers(text: string): string {
  const trimmed = text.replace(TRAILING_FILLERS, '');
  return /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : text;
}

const IDIOM_PATTERN = new RegExp(`(?<![\\p{L}])(?:${alternation(Object.keys(IDIOMS))})(?![\\p{L}])`, 'giu');

/** The text with the plain words of the idioms it uses beside them ("once the guns fall silent (ceasefire)"). */
export function withIdiomsExplained(text: string): string {
  return text.replace(IDIOM_PATTERN, (m) => {
    const plain = IDIOMS[m.toLowerCase()];
    return plain === undefined ? m : `${m} (${plain})`;
  });
}
