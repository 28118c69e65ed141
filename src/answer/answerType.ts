import { stem, words } from '../text/tokens.js';

/**
 * What kind of answer a question asks for, when the wording says so: a count ("how many troops"),
 * an amount of money ("how much will it cost"), a duration ("how long"), a time ("when"), or an
 * instance of a named category ("what's the weather", "which cities"). A passage that lacks that kind
 * of answer does not answer the question, however close its topic.
 */
export type AnswerType =
  | { kind: 'count'; focus: string[] }
  | { kind: 'amount' }
  | { kind: 'duration'; future: boolean; subject: string[] }
  | { kind: 'time'; future: boolean; subject: string[] }
  | { kind: 'category'; focus: string }
  | { kind: 'open' };

// "one" is left out: "one of Britain's strongest allies" is not a count.
const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|several';
const QUANTITY = new RegExp(`^(?:\\d[\\d,.]*|${NUMBER_WORDS})$`);
const AMOUNT = /[£$€]\s?\d|\b\d[\d,.]*\s?(?:bn|m|k)\b|\b(?:billion|million|trillion|pounds|dollars|euros|cost|costs|price|budget|funding of)\b\s*(?:of\s*)?[£$€\d]/i;
/** Time elapsed up to now ("has been meeting since March"): answers "how long has ...". */
const ELAPSED = /\bsince\s+(?:\w+\s+){0,2}?(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|last|the)\b/i;
/** A stretch of time ("for five years", "until 2030", "a 10-year deployment"): answers "how long will ...". */
const SPAN =
  /\bfor\s+(?:\d+|a|an|one|two|three|four|five|several|many|the\s+(?:past|last|next))\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|decades?)\b|\b\d+[\s-](?:years?|months?|weeks?|days?)\b|\buntil\b/i;
/** A time still to come: answers "when will ...". */
const FUTURE_TIME =
  /\b(?:tomorrow|next\s+(?:week|month|year|spring|summer|autumn|winter)|(?:in|by|from)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|the\s+(?:spring|summer|autumn|winter))|within\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?))\b/i;
const TIME =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tonight|tomorrow|yesterday|(?:last|next|this)\s+(?:week|month|year|spring|summer|autumn|winter)|(?:19|20)\d\d)\b/i;

/** Question words and auxiliaries that carry no subject. */
const FUNCTION = new Set(['when', 'will', 'would', 'did', 'does', 'do', 'is', 'was', 'are', 'were', 'the', 'a', 'an', 'be', 'been', 'going', 'to', 'get']);

export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  const many = /\bhow many\s+(.*)$/.exec(q);
  if (many) {
    const focus = countedNoun(words(many[1]!));
    if (focus) return { kind: 'count', focus: [focus] };
  }
  if (/\bhow much\b/.test(q) || /\bwhat (?:will|would|does|did) (?:it|this|that|the \w+) cost\b/.test(q)) return { kind: 'amount' };
  const subject = words(q).filter((w) => !FUNCTION.has(w) && !/^(?:how|long|when)$/.test(w));
  const future = /\b(?:will|would|is going to|are going to|shall)\b/.test(q);
  if (/\bhow long\b/.test(q)) return { kind: 'duration', future, subject };
  if (/^\s*when\b/.test(q) || /\bwhen (?:will|would|did|does|is|was|are|do)\b/.test(q)) {
    return { kind: 'time', future, subject };
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

/** What "how many" counts: the plural in the phrase ("governments belong to ..." -> "governments"), else its head. */
function countedNoun(tokens: string[]): string | null {
  const phrase = nounPhrase(tokens);
  return [...phrase].reverse().find((t) => /[^s]s$/.test(t)) ?? phrase.at(-1) ?? null;
}

/** The last word of the noun phrase a question opens with: "earlier agreements failed ..." -> "agreements". */
function headNoun(tokens: string[]): string | null {
  return nounPhrase(tokens).at(-1) ?? null;
}

function nounPhrase(tokens: string[]): string[] {
  const phrase: string[] = [];
  for (const t of tokens) {
    if (PHRASE_END.has(t) || (phrase.length > 0 && /ed$/.test(t) && t.length > 4) || phrase.length === 3) break;
    phrase.push(t);
  }
  return phrase;
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
      // "How long will they stay?" is not answered by "has been meeting since March".
      return type.future ? SPAN.test(passage) : ELAPSED.test(passage) || SPAN.test(passage);
    case 'time': {
      if (!(type.future ? FUTURE_TIME : TIME).test(passage)) return false;
      // The time must be about the question's subject: every word of it, as written.
      const have = new Set(stems(passage));
      return type.subject.every((w) => have.has(stem(w)));
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
        // The counted noun follows the number: "some 35 countries", "30 allies of Ukraine".
        for (let j = i + 1; j <= Math.min(i + 2, tokens.length - 1); j++) if (wanted.has(stem(tokens[j]!))) return true;
        return false;
      });
    }
  }
}
