import { stem, words } from '../text/terms.js';

/**
 * What kind of answer a question asks for, when the wording says so: a count ("how many troops"),
 * an amount of money ("how much will it cost"), a duration ("how long"), a time ("when"), or an
 * instance of a named category ("what's the weather", "which cities"). A passage that lacks that kind
 * of answer does not answer the question, however close its topic.
 */
export type AnswerType =
  | { kind: 'count'; focus: string[] }
  | { kind: 'amount' }
  | { kind: 'duration' }
  | { kind: 'time'; subject: string[] }
  | { kind: 'category'; focus: string }
  | { kind: 'open' };

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|several';
const QUANTITY = new RegExp(`^(?:\\d[\\d,.]*|${NUMBER_WORDS})$`);
const AMOUNT = /[£$€]\s?\d|\b\d[\d,.]*\s?(?:bn|m|k)\b|\b(?:billion|million|trillion|pounds|dollars|euros|cost|costs|price|budget|funding of)\b\s*(?:of\s*)?[£$€\d]/i;
const DURATION =
  /\bsince\s+(?:\w+\s+){0,2}?(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|last|the)\b|\bfor\s+(?:\d+|a|an|one|two|three|four|five|several|many|the\s+(?:past|last|next))\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|decades?)\b|\b\d+\s+(?:years?|months?|weeks?|days?)\b|\buntil\b/i;
const TIME =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|tomorrow|yesterday|(?:last|next|this)\s+(?:week|month|year|spring|summer|autumn|winter)|(?:19|20)\d\d)\b/i;

/** Question words and auxiliaries that carry no subject. */
const FUNCTION = new Set(['when', 'will', 'would', 'did', 'does', 'do', 'is', 'was', 'are', 'were', 'the', 'a', 'an', 'be', 'been', 'going', 'to', 'get']);

export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  const many = /\bhow many\s+([a-z'-]+)(?:\s+([a-z'-]+))?/.exec(q);
  if (many) return { kind: 'count', focus: [many[1]!, ...(many[2] ? [many[2]] : [])] };
  if (/\bhow much\b/.test(q) || /\bwhat (?:will|would|does|did) (?:it|this|that|the \w+) cost\b/.test(q)) return { kind: 'amount' };
  if (/\bhow long\b/.test(q)) return { kind: 'duration' };
  if (/^\s*when\b/.test(q) || /\bwhen (?:will|would|did|does|is|was|are|do)\b/.test(q)) {
    return { kind: 'time', subject: words(q).filter((w) => !FUNCTION.has(w)) };
  }
  const category = /^\s*(?:which|what(?:'s| is| was| are| were)\s+the)\s+(.*)$/.exec(q);
  if (category) {
    const focus = headNoun(words(category[1]!));
    if (focus) return { kind: 'category', focus };
  }
  return { kind: 'open' };
}

const PHRASE_END = new Set([
  ...FUNCTION,
  'has', 'have', 'had', 'can', 'could', 'should', 'may', 'might', 'must', 'of', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'about', 'like', 'that', 'who', 'which',
]);

/** The last word of the noun phrase a question opens with: "earlier agreements failed ..." -> "agreements". */
function headNoun(tokens: string[]): string | null {
  const phrase: string[] = [];
  for (const t of tokens) {
    if (PHRASE_END.has(t) || (phrase.length > 0 && /ed$/.test(t) && t.length > 4) || phrase.length === 3) break;
    phrase.push(t);
  }
  return phrase.at(-1) ?? null;
}

/** Stems of a passage's words, for focus matching. */
function stems(text: string): string[] {
  return words(text).map(stem);
}

/**
 * Whether a passage holds the kind of answer asked for. `related(word)` gives corpus words close to a
 * question word (query expansion), so "how many governments" accepts "35 countries".
 */
export function passageAnswersType(type: AnswerType, passage: string, related: (word: string) => string[]): boolean {
  switch (type.kind) {
    case 'open':
      return true;
    case 'amount':
      return AMOUNT.test(passage);
    case 'duration':
      return DURATION.test(passage);
    case 'time': {
      if (!TIME.test(passage)) return false;
      const have = new Set(stems(passage));
      return type.subject.every((w) => have.has(stem(w)) || related(w).some((r) => have.has(stem(r))));
    }
    case 'category': {
      const have = new Set(stems(passage));
      return have.has(stem(type.focus));
    }
    case 'count': {
      const tokens = words(passage);
      const wanted = new Set(type.focus.flatMap((f) => [stem(f), ...related(f).map(stem)]));
      return tokens.some((t, i) => {
        if (!QUANTITY.test(t)) return false;
        for (let j = i + 1; j <= Math.min(i + 3, tokens.length - 1); j++) if (wanted.has(stem(tokens[j]!))) return true;
        return false;
      });
    }
  }
}
