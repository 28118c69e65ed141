import { placesIn } from '../text/places.js';
import { messageSentences } from '../text/sentences.js';
import { stem, STOPWORDS, words } from '../text/tokens.js';
import { AFTER_MUCH, CATEGORY_NOUNS, MONEY_WORDS, OPEN_NOUNS, type CategoryClass } from '../text/words/answerTypes.js';
import { TOPIC_NAME } from '../topic/profile.js';
import { SPEECH_VERBS, STATEMENT_NOUNS } from '../text/words/speechVerbs.js';

const TOPIC_WORDS: ReadonlySet<string> = new Set(words(TOPIC_NAME.toLowerCase()));

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
  /**
   * `calendar`: "what date", "which day", "what year" ask for that, not any time ("last month" is no date);
   * "what weekday", "what day of the week" for a weekday ("signed today" dates a report, names no weekday).
   */
  | { kind: 'time'; future: boolean; subject: string[]; calendar?: 'date' | 'weekday' | 'year' }
  /** A time of day ("what time did the press conference start"). */
  | { kind: 'clock' }
  /** An instance of a category a passage shows by its form: a country, a city, a person (by name), a number. */
  /** `named`: the countries the question itself names ("which countries besides the UK"), which do not answer it. */
  | { kind: 'category'; focus: string; entity: CategoryClass; named?: string[] }
  | { kind: 'open' };

/** Question words and auxiliaries that carry no subject. */
const FUNCTION = new Set([
  'when', 'will', 'would', 'did', 'does', 'do', 'is', 'was', 'are', 'were', 'the', 'a', 'an', 'be', 'been', 'going', 'to', 'get', 'gets', 'getting', 'got',
  // Verbs that only say that something happens: "when did the meeting happen" asks when the meeting was.
  'happen', 'happened', 'happens', 'take', 'took', 'place', 'occur', 'occurred', 'held',
  // Or that it starts: "when did the coalition start meeting" is answered by "has been meeting since March".
  'start', 'started', 'starts', 'begin', 'began', 'begun', 'begins', 'first',
]);

/** What the question's words are: a word the coverage uses, an English word. Without them, every word is both. */
export interface WordKnowledge {
  inCoverage: (word: string) => boolean;
  isEnglish: (word: string) => boolean;
}
const EVERY_WORD: WordKnowledge = { inCoverage: () => true, isEnglish: () => true };

export function answerTypeOf(question: string, knowledge: WordKnowledge = EVERY_WORD): AnswerType {
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  const future = /\b(?:will|would|is going to|are going to|shall|the next|upcoming|(?:is|are|was|were)(?:\s+\w+){0,2}\s+(?:expected|set|due|planned|likely|supposed|meant|scheduled) to)\b/.test(q);
  // The subject a time or duration must be about: the question's words, less the topic's own name, which the
  // whole coverage is about ("when was the Paris Declaration signed" asks when it was signed).
  // Only words the coverage uses can be required of a passage ("sumit" cannot).
  // "according to the coverage", "according to lbc": whose account, not what it is about.
  const subjectOf = (text: string) =>
    words(text.replace(/\baccording to (?:the |a )?[\w'-]+(?: [\w'-]+)?(?=[,?.!]|$)/g, ' ')).filter((w) => !FUNCTION.has(w) && !STOPWORDS.has(w) && !TOPIC_WORDS.has(w) && !/^(?:how|long|when|many|much)$/.test(w) && knowledge.inCoverage(w));
  const subject = subjectOf(q);
  // "for how many years", "how many months": a duration, not a count.
  if (/\bhow many (?:years|months|weeks|days|decades)\b/.test(q)) return { kind: 'duration', future, subject };
  if (/\bwhat time\b|\bat what time\b/.test(q)) return { kind: 'clock' };
  // "how old is starmer": an age ("61-year-old", "aged 61").
  if (/\bhow old\b/.test(q) || /\bwhat(?:'s| is| was)? (?:his|her|their|the) age\b/.test(q)) return { kind: 'category', focus: 'age', entity: 'age' };
  // "the exact number of troops", "troop numbers", "how many soldiers".
  const numberOf = /\b(?:numbers?|figures?|count)\s+of\s+(\w+)/.exec(q) ?? /(?<![\w-])(\w+)\s+(?:numbers|figures|count)\b/.exec(q);
  // Not "which American figures attended": people of a place ("senior figures", "US figures") are no number.
  const people = numberOf !== null && /figures/.test(numberOf[0]) && (placesIn(numberOf[1]!).length > 0 || /^(?:senior|key|top|leading|political|public|prominent|other|influential)$/.test(numberOf[1]!));
  if (numberOf && !people && !/\b(?:the|a|an|what|how|exact|precise|any)$/.test(numberOf[1]!)) return { kind: 'count', focus: [numberOf[1]!] };
  const many = /\bhow many\s+(.*)$/.exec(q);
  if (many) {
    const focus = countedNoun(words(many[1]!));
    if (focus) return { kind: 'count', focus: [focus] };
  }
  // "how much will it cost", "how much money": an amount; "how much graft is left", "how much support": not money.
  const much = /\bhow much\s+(\w+)/.exec(q);
  // "how much soldiers France is sending": a plural after "much" is counted, as after "many".
  if (much && /^[a-z]{3,}[^s]s$/.test(much[1]!) && !MONEY_WORDS.has(much[1]!) && !AFTER_MUCH.has(much[1]!) && !/(?:ness|news)$/.test(much[1]!)) {
    const focus = countedNoun(words(q.slice(much.index + 'how much '.length)));
    if (focus) return { kind: 'count', focus: [focus] };
  }
  if (much && (MONEY_WORDS.has(much[1]!) || !/^[a-z]+$/.test(much[1]!) || AFTER_MUCH.has(much[1]!))) return { kind: 'amount' };
  // "how much military aid in pounds": asked in a currency.
  if (much && /\b(?:in|of) (?:pounds|dollars|euros|quid|bucks|sterling)\b|[£$€]/.test(q)) return { kind: 'amount' };
  if (/\bhow much\s*[?!.]*$/.test(q) || /\bwhat (?:will|would|does|did) (?:it|this|that|the \w+) cost\b/.test(q)) return { kind: 'amount' };
  if (much && /^(?:time|longer)$/.test(much[1]!)) return { kind: 'duration', future, subject };
  // "since when has the coalition been meeting": how long, up to now.
  if (/\bhow long\b/.test(q) || /\bsince when\b/.test(q)) return { kind: 'duration', future, subject: subject.filter((w) => w !== 'since') };
  // "when would the hubs be set up, before or after a ceasefire?": a choice between the two, not a date.
  if (/\b(?:before or after|after or before)\b/.test(q)) return { kind: 'open' };
  if (/^\s*when\b/.test(q) || /\bwhen (?:will|would|did|does|is|was|are|do)\b/.test(q) || /\b(?:set|give|name|fix|agree)s? (?:a|any) (?:date|timetable|timeline|deadline)\b/.test(q)) {
    // "How big is the CoW these days and when did it start meeting?": the time is of the clause that asks when.
    const asked = /\band when\b[^?!.]*/.exec(q)?.[0];
    return { kind: 'time', future, subject: asked ? subjectOf(asked) : subject };
  }
  // "what date was the meeting", "which year": a date or a year.
  // "in which year", "on what date": a preposition before the question word asks the same.
  const calendar = /^\s*(?:(?:in|on|at|from|by|for|to)\s+)?(?:which|what)\s+(?:(?:exact|precise|specific|actual)\s+)?(date|day|weekday|year)\b/.exec(q)?.[1];
  // "what percentage of brits support it": a share given as a percentage.
  if (/^\s*(?:what|which)\s+(?:(?:exact|precise)\s+)?(?:percentage|percent|per cent|proportion)\b/.test(q)) return { kind: 'category', focus: 'percentage', entity: 'percent' };
  if (calendar) {
    // "what day of the week was it": the week is the calendar's, not the subject's.
    const rest = q.replace(/\b(?:day|date)\s+of\s+the\s+(?:week|month|year)\b/, calendar);
    const own = new Set(words(rest));
    const asked = /\bday\s+of\s+the\s+week\b/.test(q) ? 'weekday' : (calendarOf(calendar) ?? 'date');
    return { kind: 'time', future, subject: subject.filter((w) => w !== calendar && own.has(w)), calendar: asked };
  }
  // Only the first sentence's words ("what's the elysee? lbc mentions it"); "what's the minsk reference about" asks what
  // it is about, not for an instance of a category.
  const first = (messageSentences(q)[0]?.text ?? '').replace(/[?!.]+$/, '');
  // Nor "what is the pact called", "what's the cell for": its name or purpose, not an instance of a category.
  const explain = /^\s*what(?:'s|s| is| was)\s+(?:the|this|that)\s+[\w'-]+(?:\s+[\w'-]+){0,3}\s+(?:about|called|named|for)\s*$/.test(first);
  const category = explain ? null : /^\s*(?:(?:in|on|at|from|by|for|to|with)\s+which|which|whats(?:\s+the)?|what(?:'s| is| was| are| were)\s+the)\s+(.*)$/.exec(first);
  if (category) {
    // The category noun of the phrase the question opens with ("which other countries besides …", "the estimated cost").
    // Its head: the last English word of the phrase ("the militray hubs actualy" -> hubs).
    const phrase = nounPhrase(words(category[1]!));
    // "which ones mention minsk", "which one of them": one of things named before, not a category.
    if (/^(?:one|ones)$/.test(phrase[0] ?? '')) return { kind: 'open' };
    const typed = typedCategory(phrase, question, subject, future);
    if (typed) return typed;
    const head = [...phrase].reverse().find((w) => knowledge.isEnglish(w));
    // "what's the weather like": a thing the coverage has no word for at all is a thing it does not name.
    if (head !== undefined && !knowledge.inCoverage(head) && !STOPWORDS.has(head) && !OPEN_NOUNS.has(head)) return { kind: 'category', focus: head, entity: 'word' };
  }
  // A question of a few words with no question word ("year of the invasion?", "presser start time?", "coalition size?"):
  // the noun it opens with, or ends with, says the kind of answer as "what is the …" would. Only the kinds a passage
  // shows by its form: the words of a terse question are too few to say that the coverage has no word for its thing.
  if (!category && !explain && TERSE_LENGTH.test(first) && !TERSE_OPENERS.test(first)) {
    const ws = words(first);
    return typedCategory(nounPhrase(ws), question, subject, future) ?? typedCategory(ws.slice(-2), question, subject, future) ?? { kind: 'open' };
  }
  return { kind: 'open' };
}

/** Five words at most. */
const TERSE_LENGTH = /^\s*\S+(?:\s+\S+){0,4}\s*$/;
/** Words that open a question or a clause: a question of its own, not a terse noun phrase. */
const TERSE_OPENERS = /^\s*(?:what|whats|when|where|who|whos|why|how|which|whose|is|are|was|were|do|does|did|will|would|can|could|should|has|have|had|any|anyone|anything|tell|give|show|list|explain)\b/;

/** The kind of answer the nouns of a phrase name, last noun first: a date, a time of day, a count, an amount, a place, a person. */
function typedCategory(phrase: readonly string[], question: string, subject: readonly string[], future: boolean): AnswerType | null {
  for (const focus of [...phrase].reverse()) {
    const kind = categoryOf(focus);
    if (kind === 'money') return { kind: 'amount' };
    if (kind === 'date') {
      const calendar = calendarOf(focus);
      return { kind: 'time', future, subject: subject.filter((w) => w !== focus), ...(calendar ? { calendar } : {}) };
    }
    // "the start time", "kick-off time": a time of day.
    if (focus === 'time' && phrase.indexOf(focus) > 0) return { kind: 'clock' };
    // "what's the death toll": a number of the thing the noun before it says, if any. Not "the coalition size": a
    // size is of the thing itself, counted in anything ("35 countries").
    if (kind === 'quantity') {
      const before = focus === 'size' ? undefined : phrase[phrase.indexOf(focus) - 1];
      return before ? { kind: 'count', focus: [before] } : { kind: 'category', focus, entity: kind };
    }
    if (kind === 'country') return { kind: 'category', focus, entity: kind, named: [...new Set(placesIn(question).map((p) => p.key))] };
    if (kind) return { kind: 'category', focus, entity: kind };
  }
  return null;
}


/** What a date noun asks for: a calendar date ("date", "day"), a weekday, a year, or any time ("deadline", "month"). */
function calendarOf(noun: string): 'date' | 'weekday' | 'year' | undefined {
  return /^(?:date|dates|day)$/.test(noun) ? 'date' : noun === 'weekday' ? 'weekday' : noun === 'year' ? 'year' : undefined;
}

/** Category nouns by stem, so that a plural however written ("citys") is the noun's. */
const CATEGORY_OF: ReadonlyMap<string, keyof typeof CATEGORY_NOUNS> = new Map(
  (Object.entries(CATEGORY_NOUNS) as [keyof typeof CATEGORY_NOUNS, readonly string[]][]).flatMap(([kind, nouns]) => nouns.map((n) => [stem(n), kind] as const)),
);

/** The class of a category noun ("cities" -> city), if it is one a passage shows by form; other nouns ask open questions. */
function categoryOf(noun: string): keyof typeof CATEGORY_NOUNS | undefined {
  return CATEGORY_OF.get(stem(noun));
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

/** A reporting verb ends the phrase counted: "how many allies lbc says were in paris" counts allies, not "says". */
const SAYS = new Set(
  SPEECH_VERBS.filter((v) => v.reports !== undefined)
    .flatMap((v) => [v.third, v.past])
    .filter((f) => !f.includes(' ') && !STATEMENT_NOUNS.some((n) => `${n}s` === f)),
);

function nounPhrase(tokens: string[]): string[] {
  const phrase: string[] = [];
  for (const t of tokens) {
    if (SAYS.has(t)) break;
    if (PHRASE_END.has(t) || (phrase.length > 0 && /ed$/.test(t) && t.length > 4) || phrase.length === 3) break;
    phrase.push(t);
  }
  return phrase;
}
