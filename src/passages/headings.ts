/**
 * Section headings: short lines that are not sentences. A heading is recognised by its shape,
 * not its wording: at most MAX_HEADING_WORDS words, no sentence punctuation at the end, and either
 * title case ("Pressure on Russia to Continue"), a quoted-phrase headline ("Putin 'not showing
 * that he's ready for peace'"), or a short title-case question ("What's Next?").
 */

const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 100;
const MAX_QUESTION_HEADING_WORDS = 6;

/** Words left in lower case in title-case headings. */
const MINOR_WORDS = new Set(
  'a an and as at but by for from in into nor of off on onto or out over per than the to up via vs with'.split(' '),
);

/** Words a sentence commonly starts with: a title-case heading glued to a paragraph ends where one of these begins. */
const SENTENCE_OPENERS = new Set(
  (
    'The A An This That These Those It Its He She They We I You There His Her Their Our ' +
    'In On At After Before During As But And However Meanwhile According Speaking When While'
  ).split(' '),
);

const LIST_ITEM = /^(?:[–—•*·-]|\d{1,2}[.)])\s/;
const CLOSING_MARKS = /["'’”)\]]+$/;
const TERMINAL_PUNCTUATION = /[.!?:;,…]$/;
/** Ends in a quoted phrase that opens after a space: `... 'not showing that he's ready for peace'`. */
const QUOTED_PHRASE_ENDING = /(?:^|\s)["'‘“]\p{L}[^"“”]*["'’”]$/u;
const STARTS_CAPITALISED = /^["'‘“]?\p{Lu}/u;

/** True for a list item ("– To participate in ..."), which is never a heading. */
export function isListItem(text: string): boolean {
  return LIST_ITEM.test(text);
}

/** The letters-and-digits core of a word: `'Coalition` -> `Coalition`. */
function core(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** First word capitalised, and at least three quarters of the other non-minor words too. */
export function isTitleCaseish(text: string): boolean {
  const words = text.split(' ').map(core).filter((w) => w.length > 0);
  const [first, ...rest] = words;
  if (first === undefined || !/^[\p{Lu}\p{N}]/u.test(first)) return false;
  const content = rest.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  const capitalised = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return content.length === 0 || capitalised / content.length >= 0.75;
}

function isShort(text: string): boolean {
  return text.length <= MAX_HEADING_CHARS && text.split(' ').length <= MAX_HEADING_WORDS;
}

/** True for a line that is a section heading rather than a sentence. */
export function isHeading(text: string): boolean {
  if (!isShort(text) || isListItem(text) || !STARTS_CAPITALISED.test(text)) return false;
  const unquoted = text.replace(CLOSING_MARKS, '');
  if (unquoted.endsWith('?')) {
    return text.split(' ').length <= MAX_QUESTION_HEADING_WORDS && isTitleCaseish(text);
  }
  if (TERMINAL_PUNCTUATION.test(unquoted)) return false;
  return isTitleCaseish(text) || QUOTED_PHRASE_ENDING.test(text);
}

/** Could `prefix` be a heading glued in front of `rest`, the start of a sentence? */
function isGluedHeading(prefix: string, rest: string): boolean {
  if (!STARTS_CAPITALISED.test(rest) || !/[.!?]/.test(rest)) return false;
  if (/[.!?:;…]/.test(prefix) || !isHeading(prefix)) return false;
  if (QUOTED_PHRASE_ENDING.test(prefix)) return true;
  const words = prefix.split(' ');
  const last = core(words[words.length - 1] ?? '');
  const next = core(rest.split(' ', 1)[0] ?? '');
  return words.length >= 3 && !MINOR_WORDS.has(last.toLowerCase()) && isTitleCaseish(prefix) && SENTENCE_OPENERS.has(next);
}

/**
 * Removes a heading glued to the start of a paragraph by the scraper:
 * "Putin 'not showing that he's ready for peace' The UK will continue ..." -> "The UK will continue ...".
 * Returns the paragraph unchanged when it does not start with one.
 */
export function stripGluedHeading(paragraph: string): string {
  const words = paragraph.split(' ');
  const last = Math.min(MAX_HEADING_WORDS, words.length - 1);
  // Where each of the first words starts: the first k words and the rest are slices of the paragraph at starts[k].
  const starts = [0];
  for (let k = 1; k <= last; k++) starts.push(starts[k - 1]! + words[k - 1]!.length + 1);
  for (let k = last; k >= 1; k--) {
    const rest = paragraph.slice(starts[k]);
    if (isGluedHeading(paragraph.slice(0, starts[k]! - 1), rest)) return rest;
  }
  return paragraph;
}
