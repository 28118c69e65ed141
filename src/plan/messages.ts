/**
 * Reading messages that are not questions about the coverage: small talk and requests for help, questions
 * about what the bot holds, follow-ups that need an earlier answer, and "who said …?". The phrases are data
 * (phrases.ts); these functions only match them.
 */
import { WELL_KNOWN_OUTLETS } from '../corpus/outlets.js';
import { editDistance } from '../text/editDistance.js';
import { placesIn } from '../text/places.js';
import { messageClauses } from '../text/sentences.js';
import { contentTerms, stem, STOPWORDS } from '../text/tokens.js';
import { SPEECH_VERBS } from '../text/words/speechVerbs.js';
import { CHAT_FILLERS } from '../text/words/chatShorthand.js';
import { ARTICLE_DETAIL_WORDS, ARTICLE_NOUNS, CHAT, COVERAGE_NOUNS, COVERAGE_QUESTIONS, COVERAGE_WORDS, FILLER, FOLLOW_UP, FOLLOW_UP_WORDS, HELP, HELP_LOOSE, PREAMBLES, TASKS, OUTLET_OVERVIEW_WORDS, OVERVIEW_REQUESTS, OVERVIEW_WORDS, PRAISE_WORDS, WHO_SAID, WHOSE_WORDS, type ChatIntent } from './phrases.js';

/** Lower-case words of a message, apostrophes dropped inside words ("what's" -> "whats"), emoji and punctuation out. */
function plainWords(message: string): string[] {
  return message
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const FILLER_SET = new Set(FILLER);
const PRAISE: ReadonlySet<string> = new Set(PRAISE_WORDS);
const WELL_KNOWN: ReadonlySet<string> = new Set(WELL_KNOWN_OUTLETS);
/** Words a message addresses the bot with. */
const TO_THE_BOT: ReadonlySet<string> = new Set(['you', 'youre', 'u', 'ur', 'bot', 'yourself']);

/** A message's sentences and the clauses commas, colons and dashes set apart in them, each as plain words. */
function clausesOf(message: string): string[][] {
  return messageClauses(message)
    .map((c) => plainWords(c.text))
    .filter((c) => c.length > 0);
}
/** What one asks a bot to do, which asks nothing of the coverage: "what can you help me with". */
const BOT_VERBS = new Set(['help', 'do', 'ask', 'answer', 'tell', 'know', 'use', 'work', 'works', 'bot', 'smart', 'clever', 'useful', 'helpful', 'good', 'great', 'question', 'questions', 'new', 'type', 'explain', 'server']);
const CHAT_PHRASES = new Map<string, ChatIntent>(
  (Object.entries(CHAT) as [Exclude<ChatIntent, 'help'>, string[]][]).flatMap(([intent, phrases]) => phrases.map((p) => [p, intent] as const)),
);

/** A word of small talk on its own ("bonjour", "thanks"): no name, wherever it stands. */
export function isSmallTalkWord(word: string): boolean {
  return CHAT_PHRASES.has(word.toLowerCase());
}

/** The kind of small talk a message is ("thx bot 🙏" -> thanks), or null when it asks something. */
export function chatIntent(message: string, asksAboutCoverage: (word: string) => boolean = () => true): ChatIntent | null {
  const words = plainWords(message);
  const text = words.join(' ');
  // Nothing in it the coverage could answer: "what can you actually help me with?", "thanks, that was really helpful!".
  const aboutNothing = contentTerms(message).length === 0 || words.every((w) => BOT_VERBS.has(w) || /^\d+$/.test(w) || !asksAboutCoverage(w));
  if (words.length <= 8 && HELP.some((re) => re.test(text))) return 'help';
  const clauses = clausesOf(message);
  if (clauses.some((c) => TASKS.some((re) => re.test(c.join(' '))))) return 'help';
  // A longer message asking how to use the bot, with nothing the coverage could answer around it ("Hello, I am new on
  // this server, please can you explain me how this works?", "What can you do? What kind of questions can I ask you?").
  if (aboutNothing && clauses.some((c) => c.length <= 8 && HELP.some((re) => re.test(c.join(' '))))) return 'help';
  if (words.length <= 10 && aboutNothing && HELP_LOOSE.some((re) => re.test(text))) return 'help';
  // "hey, before I start — can you help me with something for my essay?": a clause asking for help with nothing the
  // coverage could answer in it, and no question elsewhere.
  const clauseAboutNothing = (c: string[]) => c.every((w) => BOT_VERBS.has(w) || STOPWORDS.has(w) || !asksAboutCoverage(w));
  const asking = (c: string[]) => /\b(?:why|what|whats|when|who|how|where|which)\b/.test(c.join(' '));
  if (clauses.some((c) => c.length <= 10 && clauseAboutNothing(c) && HELP_LOOSE.some((re) => re.test(c.join(' ')))) && clauses.filter(asking).length <= 1 && !/\b(?:about|on)\b/.test(text)) return 'help';
  // "Good evening. Thank you for the very clear answers earlier; most helpful.": thanks for whatever, asking nothing.
  if (/^(?:(?:hi|hey|hello|good (?:morning|afternoon|evening))\s+)?(?:thanks|thank you|cheers|many thanks)\s+(?:so much\s+|a lot\s+)?for\b/.test(text) && !/[?]/.test(message) && !asking(words)) return 'thanks';
  const kept = words.filter((w) => !FILLER_SET.has(w));
  if (kept.length === 0) return null;
  // As written first, then without the filler around it, then without any: "good bot" and "well done bot" are thanks,
  // though "bot" and "well" are filler.
  let to = words.length;
  while (to > 0 && FILLER_SET.has(words[to - 1]!)) to--;
  let from = 0;
  while (from < to && FILLER_SET.has(words[from]!)) from++;
  // Chat fillers around it too ("you're pretty useful ngl", "haha that's wild").
  const plain = kept.filter((w) => !CHAT_FILLERS.has(w)).join(' ');
  const whole = [text, words.slice(0, to).join(' '), words.slice(from, to).join(' '), kept.join(' '), plain].map((t) => CHAT_PHRASES.get(t)).find((i) => i !== undefined);
  if (whole) return whole;
  // Several bits of small talk in a row ("nice one, cheers", "ok thanks bye"): the last one says what it is.
  const each = kept.map((w) => CHAT_PHRASES.get(w));
  if (each.every((intent) => intent !== undefined)) return each.at(-1) ?? null;
  // Small talk first, and nothing after it the coverage could answer ("lol ur pretty smart for a bot ngl").
  const opening = CHAT_PHRASES.get(kept.slice(0, 2).join(' ')) ?? CHAT_PHRASES.get(kept[0]!);
  // A question after it is still a question ("ok but why did they do that").
  const asks = /\b(?:why|what|whats|when|who|how|where|which)\b/.test(text);
  if (opening && words.length <= 12 && aboutNothing && !asks) return opening;
  // Praise that asks nothing of the coverage ("ngl ur kinda goated bot"), or of the bot ("you're the best bot ever").
  const praise = words.some((w) => PRAISE.has(w)) && !asks;
  if (praise && words.length <= 10 && aboutNothing) return 'thanks';
  return praise && words.length <= 8 && !message.includes('?') && words.some((w) => TO_THE_BOT.has(w)) ? 'thanks' : null;
}

const PREAMBLE_SET = new Set(PREAMBLES);

/**
 * The message without what it opens with that asks nothing: small talk and preambles set off by a comma, colon or dash
 * ("hey quick question, who leads the force?" -> "who leads the force?"). Their words would otherwise be searched for
 * ("question" finds "on the question of Greenland"). A message that is nothing else is left as it is.
 */
export function withoutPreamble(message: string, asksAboutCoverage: (word: string) => boolean = () => true): string {
  // Small talk through and through ("thanks, that was really helpful!") stays as it is, to be answered as such.
  if (chatIntent(message, asksAboutCoverage) !== null) return message;
  let rest = message;
  for (;;) {
    const m = /^\s*([^,:;–—]+?)\s*(?:[,:;–—]+|\s-\s|\.{3})\s*(.*)$/su.exec(rest);
    if (!m || m[2]!.trim() === '') return rest;
    const head = plainWords(m[1]!);
    // A greeting before a preamble ("hey quick question") is part of it.
    let from = 0;
    while (from < head.length - 1 && (FILLER_SET.has(head[from]!) || CHAT_PHRASES.get(head[from]!) === 'greeting')) from++;
    const kept = head.filter((w) => !FILLER_SET.has(w)).join(' ');
    const intent = kept === '' ? null : chatIntent(m[1]!);
    const idle = head.length > 0 && (PREAMBLE_SET.has(head.join(' ')) || PREAMBLE_SET.has(head.slice(from).join(' ')) || PREAMBLE_SET.has(kept) || (intent !== null && intent !== 'help'));
    if (!idle) return rest;
    rest = m[2]!;
  }
}

/**
 * A question about what the bot holds ("which outlets covered this?", "list ur sources pls"): it names
 * outlets, sources or articles and nothing else but the topic's own name.
 */
export function asksForCoverage(message: string, topicWords: ReadonlySet<string>, asksAboutCoverage: (word: string) => boolean = () => true): boolean {
  const words = plainWords(message);
  const text = words.join(' ');
  if (COVERAGE_QUESTIONS.some((re) => re.test(text))) return true;
  if (outletAskedAfter(message) !== null) return true;
  if (!COVERAGE_NOUNS.test(text)) return false;
  // "which outlets mention mar-a-lago": what follows the verb is a topic, whatever its words.
  const after = MENTIONS.exec(text)?.[1];
  if (after !== undefined && !after.split(' ').every((w) => COVERAGE_WORDS.includes(w) || topicWords.has(w))) return false;
  // "is it just british papers or do you have foreign outlets too": a country's outlets are outlets, not a topic.
  const outletCountries = new Set(words.filter((w, i) => COVERAGE_NOUNS.test(words[i + 1] ?? '') && placesIn(w).length > 0));
  // A country or body in common words is a topic: "how did each outlet cover the us".
  if (outletCountries.size > 0 ? placesIn(words.filter((w) => !outletCountries.has(w)).join(' ')).length > 0 : placesIn(message).length > 0) return false;
  const allowed = new Set(COVERAGE_WORDS);
  // Words the coverage never uses ("answers", "bbc") ask nothing of it: "which news sources are you drawing your answers from".
  return words.every((w) => allowed.has(w) || outletCountries.has(w) || topicWords.has(w) || !asksAboutCoverage(w));
}

/** "is the guardian in there", "is bbc included": the outlet asked after among the bot's sources, as written; else null. */
export function outletAskedAfter(message: string): string | null {
  const text = plainWords(message).join(' ');
  const among = /^(?:is|are|r)\s+(.+?)\s+(?:in there|in here|included|in (?:your|ur|the) (?:list|mix|sources|set|coverage)|on (?:your|ur|the) list|one of them)$/.exec(text)?.[1];
  return among !== undefined && WELL_KNOWN.has(among) ? among : null;
}

/** A verb of mentioning and the words after it: "which outlets mention mar a lago". */
const MENTIONS = /\b(?:mentions?|mentioned|mentioning|bring(?:s|ing)? up|brought up|talks? about|talked about|says? about|said about)\s+(.+)$/;

const DETAIL_STEMS = new Set(ARTICLE_DETAIL_WORDS.map(stem));
const ARTICLE_STEMS = new Set(ARTICLE_NOUNS.map(stem));
const DETAIL_ALLOWED = new Set([...DETAIL_STEMS, ...ARTICLE_STEMS, ...['have', 'give', 'show', 'send', 'find', 'get', 'list', 'original', 'full'].map(stem)]);

/**
 * A question about the articles themselves ("who wrote the independent article", "when was the lbc piece published",
 * "what's the a news headline"): a detail of theirs, an article or an outlet named, nothing else but the topic's name.
 * Not "who wrote the declaration": that asks about the topic.
 */
export function asksForArticleDetails(message: string, outlets: readonly string[], topicWords: ReadonlySet<string>, namesOutlet: boolean): boolean {
  const terms = contentTerms(message);
  if (!terms.some((t) => DETAIL_STEMS.has(t))) return false;
  if (!namesOutlet && !terms.some((t) => ARTICLE_STEMS.has(t))) return false;
  return namesNothingBut(message, DETAIL_ALLOWED, [...outlets, ...topicWords]);
}

/** Whether every content word of the message is one of these (stems) or a word of `names` (the topic's, an outlet's). */
function namesNothingBut(message: string, allowed: ReadonlySet<string>, names: Iterable<string>): boolean {
  const own = new Set([...names].flatMap((n) => contentTerms(n)));
  return contentTerms(message).every((t) => allowed.has(t) || own.has(t));
}

const OVERVIEW_STEMS = new Set(OVERVIEW_WORDS.map(stem));

/**
 * A request for the coverage as a whole ("what happened?", "tl;dr", "catch me up", "give me the gist of the paris
 * declaration"): an overview phrase, and no word but overview words and the topic's own name.
 */
export function asksForOverview(message: string, topicWords: ReadonlySet<string>): boolean {
  const text = plainWords(message).join(' ');
  if (!OVERVIEW_REQUESTS.some((re) => re.test(text))) return false;
  if (placesIn(message).length > 0) return false;
  return namesNothingBut(message, OVERVIEW_STEMS, topicWords);
}

const OUTLET_OVERVIEW_STEMS = new Set(OUTLET_OVERVIEW_WORDS.map(stem));

/** The question names the outlet and nothing its coverage is about ("what did lbc report", "tdpel?"). */
export function asksForOutletOnly(question: string, outlet: string): boolean {
  return namesNothingBut(question, OUTLET_OVERVIEW_STEMS, [outlet]);
}

const FOLLOW_UP_STEMS = new Set(FOLLOW_UP_WORDS.map(stem));

/** A follow-up that refers to an earlier answer and names nothing itself ("what else did he say?", "can you expand on that"). */
export function isBareFollowUp(message: string): boolean {
  const text = plainWords(message).join(' ');
  if (!FOLLOW_UP.some((re) => re.test(text))) return false;
  // A country or body is something named, even in words that are otherwise common ("what does the us do in all this").
  if (placesIn(message).length > 0) return false;
  return contentTerms(message).every((t) => FOLLOW_UP_STEMS.has(t) || CHAT_FILLERS.has(t));
}

/** Copy's reporting verbs in the past and third person, one word each: what a slip after "who" is mended to. */
const REPORTING_FORMS = SPEECH_VERBS.filter((v) => v.reports !== undefined).flatMap((v) => [v.past, v.third]).filter((f) => !f.includes(' '));

/** "who acused putin of …": a slip in the verb after "who" (one edit, verbs of five letters or more) mended to the verb. */
function mendVerb(message: string): string {
  const m = /^(\s*who\s+)([\p{L}]{5,})\b/iu.exec(message);
  if (!m) return message;
  const word = m[2]!.toLowerCase();
  const form = REPORTING_FORMS.find((f) => Math.abs(f.length - word.length) <= 1 && editDistance(word, f, 1) <= 1);
  return form ? m[1] + form + message.slice(m[0].length) : message;
}

/** The words a "who said …?" question asks about ("who said peace through strength" -> "peace through strength"), or null. */
export function whoSaidQuote(message: string): string | null {
  // "was it macron who said …?", "it wasn't zelensky who talked about …, was it?": who said it, whoever is guessed.
  const guessed = /^\s*(?:(?:was|wasn['’]t|is|isn['’]t)\s+it|it\s+(?:was|wasn['’]t|is|isn['’]t)(?:\s+not)?)\s+[^?,]{1,40}?\s+(who\s+.+)$/i.exec(message.trim())?.[1];
  // "I read that someone said most … were resolved at Mar-a-Lago. Was that Zelensky talking?": the words, then a guess.
  const someone = /\b(?:someone|somebody|some(?:one)?\s+(?:guy|person|official))\s+(?:said|says|claimed|stated|told)\s+(?:that\s+)?([^?!.]+)[.!?]\s+(?:was|wasn['’]t|is|isn['’]t)\s+(?:that|it|this)\b/i.exec(message);
  if (someone) return contentTerms(someone[1]!).length > 0 ? someone[1]!.trim() : null;
  const text = guessed?.replace(/,\s*(?:was|wasn['’]t|is|isn['’]t|did|didn['’]t)\s+(?:it|he|she|they)\s*\?*\s*$/i, '') ?? message.trim();
  const m = WHO_SAID.exec(text) ?? WHO_SAID.exec(mendVerb(text)) ?? WHOSE_WORDS.map((r) => r.exec(text)).find((x) => x !== null);
  if (!m) return null;
  // The words end with the question: "Who said it only 'strengthens our resolve'? Sounds like a press release."
  const quote = (m[1] ?? '').split(/[?!]+\s+(?=\S)/)[0]!.replace(/^(?:it|that|this)\s+(?:was\s+)?/i, '').replace(/[?!.]+\s*$/, '').trim();
  return contentTerms(quote).length > 0 ? quote : null;
}
