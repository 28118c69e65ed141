/**
 * What a question asks, before any retrieval: whose statements it wants ("What did Kushner say?",
 * "what was said by Trump's son-in-law"), which outlet it is scoped to ("What did LBC report ...",
 * "according to The Independent"), whether it asks to compare the outlets, and which names in it the
 * coverage never mentions ("Boris Johnson", "Germany", "Bitcoin"): a question about those cannot be
 * answered from the corpus, however similar its wording is to a passage.
 *
 * Unknown names are found by shape, not from a dictionary (none is installed): capitalised words
 * that are not question words or sentence openers, grouped into runs ("Boris Johnson"), checked
 * against the corpus vocabulary (with possessives, plurals and place adjectives folded). A name
 * written in lower case ("bitcoin") is not caught.
 */
import { OUTLET_NICKNAMES } from '../corpus/outlets.js';
import { holdsOffice, INSTITUTIONS, type SpeakerDirectory, type SpeakerEntry } from '../news/directory.js';
import type { QuestionContext } from '../news/questionContext.js';
import { resolveSpeaker, shortenedFirstName, type SpeakerMatch } from '../news/speakers.js';
import { ASKED_PARTICIPLES, ASKED_VERBS, STATEMENT_CUE, STATEMENT_NOUN, STATEMENT_VERB_CUE } from '../news/speechVerbs.js';
import { isKnownWord, type Vocabulary } from '../news/vocabulary.js';
import { foldName, isPossessive, stripPossessive } from '../text/fold.js';
import { ISSUED_BY_NOUNS, STATEMENT_NOUNS } from '../text/words/speechVerbs.js';
import { ROLE_NOUNS, roleOf } from '../text/words/roles.js';
import { alternation, escapeRegExp } from '../text/patterns.js';
import { ABBREVIATIONS, COMMON_ACRONYMS } from '../text/words/abbreviations.js';

const ABBREVIATION_KEYS: ReadonlySet<string> = new Set(ABBREVIATIONS.map((a) => a.toLowerCase()));
import { HONORIFICS } from '../text/words/honorifics.js';
import { TITLE_WORDS } from '../text/words/roles.js';
import { COVERAGE_NOUNS, PLATFORMS } from './phrases.js';
import { askerContext, inAskerContext } from './askerContext.js';
import { editDistance, typoBudget } from '../text/editDistance.js';
import { isCalendarWord, isDictionaryWord } from '../text/english.js';
import { scanQuotes } from '../text/quotes.js';
import { REGION_ADJECTIVES } from '../text/words/places.js';
import { isForeignFunctionWord } from './language.js';
import { isSmallTalkWord } from './messages.js';
import { placesIn } from '../text/places.js';
import { placeForms, placeKey } from '../news/places.js';
import { stem, STOPWORDS } from '../text/tokens.js';
import { roleHead } from '../news/roles.js';

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);

export interface QuestionAnalysis {
  /** The speaker the question names: one in the directory, or a person the corpus never mentions. */
  speaker?: { known: true; match: SpeakerMatch; entry: SpeakerEntry } | { known: false; name: string };
  /** The question asks what someone said (say, said, comments, remarks, statement, quotes, according to ...). */
  asksForStatements: boolean;
  /** The outlet the question is scoped to, as named in the corpus. */
  outlet?: string;
  /** The question asks how the outlets' coverage differs. */
  compare: boolean;
  /** Names in the question that the coverage never mentions. */
  unknownEntities: string[];
}

/** Capitalised words that say nothing about the corpus: question words, sentence openers, pronouns. */
const QUESTION_WORDS = new Set(
  (
    'what whats what’s what\'s who whos who’s whom whose when where why how which did does do is are was were will would ' +
    'can could should shall may might has have had tell give show list summarise summarize explain describe compare ' +
    'quote find name please i i’m im i\'m any some the a an and or but in on at of for to from about according if ' +
    'according has was there this that these those it its he she they we you my our your their his her hey hi hello ok okay'
  ).split(' '),
);

const COMPARE_CUES =
  /\b(?:differ(?:ed|s|ence|ences|ent|ently)?|compar(?:e|ed|es|ing|ison)|contrast|side by side|which (?:outlets?|papers?|newspapers?|sites?|sources?|media|articles?|publications?|broadcasters?)|each outlet|every outlet|between (?:the )?outlets|how did (?:the )?(?:outlets|papers|newspapers|media|coverage|sources|reports)|only one outlet)\b|\b(?:outlets|papers|newspapers|sources|reports)\b[^?]*\b(?:agree|disagree)\b/i;

/** Words that name the coverage rather than what it covers. */
const COVERAGE_WORDS = /^(?:outlets?|papers?|newspapers?|media|coverage|sources?|reports?|articles?|news)$/i;

/** Generic words in outlet names: not a name of the outlet on their own. */
const GENERIC_OUTLET_WORDS = new Set(['the', 'a', 'an', 'daily', 'sunday', 'weekly', 'evening', 'morning', 'news', 'media', 'online', 'network', 'group', 'digital']);

interface OutletForm {
  outlet: string;
  /** The pattern's source and flags (compiled when first needed: a thousand outlets' patterns are not all needed). */
  source: string;
  flags: string;
  /** The name the pattern matches, as written. */
  name: string;
}

/**
 * The ways a question may name each outlet: the full name, the name without "The", and its
 * distinctive first or last word ("the Mail", "TDPel"). Forms must be capitalised as the outlet writes
 * them ("an independent inquiry" is not The Independent), except acronym-like ones ("lbc", "tdpel"),
 * and except in a question typed all in lower case.
 */
function outletForms(outlets: string[], lowerCaseQuestion: boolean): OutletForm[] {
  const forms: OutletForm[] = [];
  for (const outlet of outlets) {
    const ws = outlet.split(/\s+/);
    const names = new Set<string>([outlet]);
    if (/^the$/i.test(ws[0] ?? '') && ws.length > 1) names.add(ws.slice(1).join(' '));
    for (const w of [ws[0], ws[ws.length - 1]]) if (w && ws.length > 1 && !GENERIC_OUTLET_WORDS.has(w.toLowerCase()) && w.length >= 3) names.add(w);
    // Run together as people type them ("dailymail", "anews"), and the names readers call it by ("the indy").
    const bare = ws.filter((w) => !/^the$/i.test(w));
    const anyCaseForm = (name: string): OutletForm => ({ outlet, name, source: `(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, flags: 'iu' });
    if (bare.length > 1) forms.push(anyCaseForm(bare.join('')), anyCaseForm(bare.join('-')));
    for (const nickname of OUTLET_NICKNAMES[outlet] ?? []) forms.push(anyCaseForm(nickname));
    for (const name of names) {
      const anyCase = lowerCaseQuestion || name.split(/\s+/).some((w) => /\p{Lu}/u.test(w.slice(1)));
      const body = escapeRegExp(name).replace(/^The\\s|^The /, '[Tt]he ');
      forms.push({ outlet, name, source: `(?<![\\p{L}])${body}(?![\\p{L}])`, flags: anyCase ? 'iu' : 'u' });
    }
  }
  return forms;
}

/** Each outlet's forms with the literal text a match must contain (lower case), for both kinds of question. */
interface OutletFormTable {
  forms: { lower: boolean; form: OutletForm; text: string; re?: RegExp }[];
}

/** Built once per outlet list (a loaded index has one), not per question: a thousand outlets cost no more per question than a handful of substring tests. */
const formTables = new WeakMap<readonly string[], OutletFormTable>();

function formTable(outlets: string[]): OutletFormTable {
  let table = formTables.get(outlets);
  if (!table) {
    const forms: OutletFormTable['forms'] = [];
    for (const lower of [false, true]) {
      for (const form of outletForms(outlets, lower)) {
        // What every match contains: the name without its leading "The" (matched as "the" too), in lower case.
        forms.push({ lower, form, text: form.name.replace(/^The /, '').toLowerCase() });
      }
    }
    table = { forms };
    formTables.set(outlets, table);
  }
  return table;
}

/** Every form of an outlet the question uses, with the length of the text it matched. */
function outletMatches(question: string, outlets: string[]): { outlet: string; length: number }[] {
  const found: { outlet: string; length: number }[] = [];
  const lowerCase = !/\p{Lu}/u.test(question);
  const folded = question.toLowerCase();
  for (const entry of formTable(outlets).forms) {
    if (entry.lower !== lowerCase || !folded.includes(entry.text)) continue;
    const { outlet, source, flags } = entry.form;
    entry.re ??= new RegExp(source, flags);
    const m = entry.re.exec(question);
    if (m) found.push({ outlet, length: m[0].length });
  }
  return found;
}

/**
 * A question with its misspellings of outlets' distinctive words written as the outlets write them ("in the Independant"
 * -> "in the Independent"): a word of six letters or more that is no English word and within a typo of one.
 */
export function mendOutletNames(question: string, outlets: readonly string[]): string {
  const distinctive = [...new Set(outlets.flatMap((o) => o.split(/\s+/)).filter((w) => w.length >= 6 && !GENERIC_OUTLET_WORDS.has(w.toLowerCase())))];
  if (distinctive.length === 0) return question;
  return question.replace(/\p{L}{6,}/gu, (word) => {
    const lower = word.toLowerCase();
    if (isDictionaryWord(lower) || distinctive.some((d) => d.toLowerCase() === lower)) return word;
    const near = distinctive.find((d) => editDistance(lower, d.toLowerCase(), typoBudget(d.length)) <= typoBudget(d.length));
    if (near === undefined) return word;
    return /^\p{Lu}/u.test(word) ? near : near.toLowerCase();
  });
}

/** The outlet a question names, if any; the longest form wins. */
export function matchOutlet(question: string, outlets: string[]): string | undefined {
  let best: { outlet: string; length: number } | undefined;
  for (const m of outletMatches(question, outlets)) if (best === undefined || m.length > best.length) best = m;
  return best?.outlet;
}

/** Every outlet a question names ("how did the Mail and the Independent differ"), in the order of `outlets`. */
export function matchOutlets(question: string, outlets: string[]): string[] {
  const named = new Set(outletMatches(question, outlets).map((m) => m.outlet));
  return outlets.filter((o) => named.has(o));
}

/** Capitalised runs in the question ("Boris Johnson", "Germany"), without question words. */
/** Lower-case particles inside a name: "Ursula von der Leyen", "Charles de Gaulle". */
const NAME_PARTICLES = /^(?:von|van|der|den|de|du|da|di|del|della|le|la|bin|ibn|al)$/;

function capitalisedNames(question: string): { text: string; start: number; end: number; words: string[] }[] {
  const out: { text: string; start: number; end: number; words: string[] }[] = [];
  const tokens = [...question.matchAll(/[\p{L}\p{N}]+(?:[’'‘.-][\p{L}\p{N}]+)*/gu)];
  for (const [i, m] of tokens.entries()) {
    const word = m[0];
    const bare = stripPossessive(word);
    // A sentence's first word is capitalised for opening it ("Good evening.", "Sorry if …", "Didn't think so."): a name
    // only when it is no English word.
    const opens = /(?:^|[.!?…:;—–"“(]\s*)$/u.test(question.slice(0, m.index).trimEnd()) && isDictionaryWord(bare);
    const capital = /^\p{Lu}/u.test(bare) && !QUESTION_WORDS.has(bare.toLowerCase()) && !opens;
    const last = out[out.length - 1];
    // A particle joins the name it stands in when a capitalised word follows it.
    const particle = NAME_PARTICLES.test(word) && last !== undefined && last.end === (m.index ?? 0) - 1 && /^\p{Lu}/u.test(tokens.slice(i + 1).find((t) => !NAME_PARTICLES.test(t[0]))?.[0] ?? '');
    if (particle) {
      last.text += ` ${word}`;
      last.end = m.index + word.length;
      continue;
    }
    if (!capital) continue;
    if (last && question.slice(last.end, m.index) === ' ' && !/['’]s$/.test(last.text)) {
      last.text += ` ${word}`;
      last.end = m.index + word.length;
      last.words.push(bare);
    } else {
      out.push({ text: word, start: m.index, end: m.index + word.length, words: [bare] });
    }
  }
  return out;
}

/** Names in the question the coverage never mentions, as written (possessive dropped). */
export function unknownEntities(question: string, ctx: QuestionContext, outlet: string | undefined): string[] {
  const out: string[] = [];
  // Words quoted from the coverage ("the section headed 'Peace Through Strength, Not Just Promises'") name nothing.
  const quoted = scanQuotes(question).segments.filter((q) => q.close !== null);
  // What a message tells about its asker ("My cousin lives in Kharkiv and says …", "Watching from Toronto: …") is
  // context: the question asks about the rest.
  const context = askerContext(question);
  for (const name of capitalisedNames(question)) {
    if (quoted.some((q) => q.open < name.start && name.end <= q.close!)) continue;
    if (inAskerContext(context, name.start, name.end)) continue;
    // Where the asker saw something ("quoting it on Twitter"), not what they ask about.
    if (name.words.length === 1 && PLATFORM_SET.has(name.words[0]!.toLowerCase()) && /\b(?:on|via|from|over)\s+$/i.test(question.slice(0, name.start))) continue;
    if (name.words.every((w) => isCalendarWord(w) || REGION_ADJECTIVES.has(w.toLowerCase()))) continue;
    // "is it Number 10, the PM directly": a name with its number is one the coverage knows.
    const numbered = /^\s+\d+\b/.exec(question.slice(name.end));
    if (numbered && resolveSpeaker(`${name.text}${numbered[0]}`, ctx.directory) !== null) continue;
    // A word borrowed from another language or small talk ("Alors, I watched …", "Merci, you are very useful").
    if (name.words.length === 1 && (isForeignFunctionWord(name.words[0]!) || isSmallTalkWord(name.words[0]!))) continue;
    const text = stripPossessive(name.text);
    if (outlet !== undefined && matchOutlet(text, [outlet]) !== undefined) continue;
    if (matchOutlet(text, ctx.outlets) !== undefined) continue;
    if (name.words.every((w) => COVERAGE_WORDS.test(w))) continue;
    // Titles and abbreviations are no names ("Downing St" is Downing Street's).
    const words = text.split(' ').filter((w) => !HONORIFICS.has(w) && !TITLE_WORDS.has(w) && !COMMON_ACRONYMS.has(w) && !ABBREVIATIONS.includes(w.replace(/\.$/, '')));
    if (words.length === 0) continue;
    // English words beside a title or a place describe rather than name ("the Labour PM", "the Danish Arctic territory");
    // a name has a word English lacks ("Rutte", "Healey"), and an English word alone may name a body ("Parliament").
    // Not a run that ends in a body's name of two words or more after its place ("the French National Assembly have to
    // ratify"): beside a place, English words describe when one word follows the place ("the British Army"), a title ends
    // the run ("the Labour PM") or a noun follows it ("the Danish Arctic territory").
    const last = name.words[name.words.length - 1]!;
    const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(question.slice(name.end))?.[1];
    const afterPlace = name.words.length - 1 - name.words.findLastIndex((w) => placesIn(w).length > 0);
    const headed = afterPlace < 2 || TITLE_WORDS.has(last) || roleOf(last.toLowerCase()) !== undefined || (next !== undefined && !STOPWORDS.has(next));
    const titled = name.words.some((w) => TITLE_WORDS.has(w) || roleOf(w.toLowerCase()) !== undefined);
    // A place with other words: "Germany" alone is a name, "the British Army" and "American-headed" are described.
    const placed = headed && name.words.some((w) => placesIn(w).length > 0) && name.words.some((w) => !placesIn(w).some((p) => p.text.length === w.length));
    // A compound of a place and English words describes too ("an American-headed truce-watching setup").
    const english = (w: string) => isDictionaryWord(w) || (w.includes('-') && w.split('-').every((p) => p === '' || isDictionaryWord(p) || placesIn(p).length > 0));
    // Beside a place, the place's own words are plain too ("the British Army"); beside a title, only English ones ("the
    // Russian Foreign Ministry" is a body's name).
    if ((titled || placed) && words.every((w) => english(w) || (placed && placesIn(w).length > 0))) continue;
    // "Team Starmer", "the Starmer government": English words around a person the coverage quotes describe their side.
    if (words.length > 1) {
      const quoted = words.map((w) => resolveSpeaker(w, ctx.directory) !== null);
      if (quoted.some(Boolean) && words.every((w, i) => quoted[i] || isDictionaryWord(w.toLowerCase()))) continue;
    }
    // "Vlad" is Vladimir Putin's first name shortened.
    if (words.length === 1 && shortenedFirstName(words[0]!, ctx.directory)) continue;
    if (words.some((w) => !isKnownWord(w, ctx.vocabulary)) && !misspeltSpeaker(words, ctx.directory)) out.push(text);
  }
  return out;
}

/**
 * A known speaker's full name with a slip in the first name ("Kier Starmer", "Emanuel Macron"): the surname is
 * the speaker's, and the first name one edit (a swap counts as one) from theirs.
 */
function misspeltSpeaker(words: readonly string[], directory: SpeakerDirectory): boolean {
  if (words.length !== 2) return false;
  const [first, last] = words.map((w) => foldName(w)) as [string, string];
  return directory.entries.some((e) => e.first !== null && e.surname === last && first.length >= 3 && editDistance(first, e.first, 1) <= 1);
}

/** The coverage as what speaks: "what the articles say", "do the reports mention". */
const COVERAGE_SPEAKS = new RegExp(`\\b(?:the|these|those|your|ur|all the|any)\\s+${COVERAGE_NOUNS.source}\\s+(?:say|says|said|report|reported|write|wrote|mention|mentioned|claim|describe|call)\\b`, 'i');

/** "what's it actually called", "is it officially called": a name asked for, not words someone said. */
const NAMED_CALLED = /\b(?:is|s|was|are|were|be|been|being)\s+(?:(?:it|this|that|they)\s+)?(?:actually\s+|officially\s+|even\s+)?called\b/gi;

const ASKS_WHO = /^\s*who\b(?!\s+(?:is|was|are)\b|['’](?:s|re)\b)/i;

/** Reads a question: speaker, outlet scope, comparison, and names the corpus never mentions. */
export function analyseQuestion(question: string, ctx: QuestionContext): QuestionAnalysis {
  const outlet = matchOutlet(question, ctx.outlets);
  const unknown = unknownEntities(question, ctx, outlet);
  const scoped = withoutOutletName(question, outlet ?? null);
  // "according to The Independent" scopes the question to an outlet; it does not ask for a statement.
  // A speaker the coverage quotes, then a topic and nothing else ("Downing St on the hubs?"), asks for their words too.
  const terse = TERSE.exec(scoped)?.[1];
  const asksForStatements =
    STATEMENT_CUE.test(scoped.replace(/\baccording to\s+(?:the\s+)?(?=[\s,?.!]*(?:[,?.!]|$))/i, ' ').replace(NAMED_CALLED, ' ')) || (terse !== undefined && resolveSpeaker(slotHead(terse), ctx.directory) !== null);
  const analysis: QuestionAnalysis = {
    asksForStatements,
    compare: COMPARE_CUES.test(question),
    unknownEntities: unknown,
  };
  if (outlet !== undefined) analysis.outlet = outlet;
  // "Who said Trump stands behind it?" asks for the speaker: the person it names is the topic, not the speaker.
  if (ASKS_WHO.test(scoped)) return analysis;
  // "what did the mail say about witkoff" asks what the outlet reported: Witkoff is the topic.
  const slot = speakerSlot(question);
  if (outlet !== undefined && slot !== null && matchOutlet(slot, [outlet]) !== undefined) {
    analysis.asksForStatements = false;
    return analysis;
  }
  // "how do the different outlets describe kushner", "what did the articles say about witkoff", "putin residence claims -
  // what the articles say about them": the coverage itself.
  if ((slot !== null && COVERAGE_NOUNS.test(slot.toLowerCase())) || COVERAGE_SPEAKS.test(scoped)) {
    analysis.asksForStatements = false;
    return analysis;
  }
  const match = speakerInQuestion(scoped, ctx.directory);
  // Asked only by a noun, with the person elsewhere than before it ("the putin residence attack claims"): the person
  // is part of the topic, not whose words are wanted ("putin's claims", "claims by putin", "putin comments" are).
  if (match && asksForStatements && !asksWithVerb(scoped) && SPEAKER_SLOTS.every((s) => !s.test(scoped))) {
    const name = escapeRegExp(match.text);
    if (!new RegExp(`${name}(?:['’]s?)?\\s+(?:${STATEMENT_NOUN})\\b`, 'i').test(scoped)) analysis.asksForStatements = false;
  }
  const other = match ? otherOfSurname(slot, match.entry, ctx) : null;
  if (other) {
    // "what did melania trump say": someone else of a known surname.
    analysis.speaker = { known: false, name: other };
    analysis.unknownEntities = [...unknown.filter((u) => u.toLowerCase() !== other.toLowerCase()), other];
  } else if (match) analysis.speaker = { known: true, match, entry: match.entry };
  else if (asksForStatements && unknown.length > 0) analysis.speaker = { known: false, name: unknown[0] ?? '' };
  else if (asksForStatements) {
    // A speaker written in lower case ("what did merz say", "meloni's view"): unknown when no word of it is in the coverage.
    const named = unknownSpeakerSlot(scoped, ctx);
    if (named) {
      analysis.speaker = { known: false, name: named };
      analysis.unknownEntities = [...unknown, named];
    }
  }
  return analysis;
}

/** Words that make a message more than "<speaker> on <topic>". */
const TERSE_EXCLUDES = ['what', 'who', 'whom', 'how', 'why', 'when', 'where', 'which', 'that', 'did', 'does', 'do', 'is', 'are', 'was', 'were', "wasn't", 'wasnt', "wasn’t", "isn't", 'isnt', "isn’t", 'will', 'would', 'can', 'could', 'should', 'has', 'have', 'any', 'anything', 'say', 'says', 'said', 'talk', 'talks', 'talked'];

/**
 * Where a question names whose words it wants: "What did X say", "X's comments", "said by X",
 * "according to X". Tried in that order before the question as a whole, so "What did the PM say
 * about Putin?" means the Prime Minister, not Putin.
 */
const SPEAKER_SLOTS: RegExp[] = [
  new RegExp(String.raw`\b(?:did|does|do|has|have|had|will|would|was|is|were)\s+([^?!]+?)\s+(?:${ASKED_VERBS})\b`, 'i'),
  new RegExp(String.raw`((?:\S+\s+){0,3}?\S+['’]s?)\s+(?:${STATEMENT_NOUN})\b`, 'i'),
  new RegExp(String.raw`\b(?:${ASKED_PARTICIPLES}|${STATEMENT_NOUN})\s+(?:by|from|of)\s+(.+?)(?=\s+(?:about|on|regarding|concerning|in|at)\b|[?.!,]|$)`, 'i'),
  /\b(?:according to|per(?!\s+(?:cent|capita|annum|year|month|week|day|hour|person|head|unit|se)\b))\s+(.+?)(?=[?.!,]|$)/i,
  // "the US president's son in law said something about …, what exactly?": the subject of a message that opens with it.
  /^\W*((?:the\s+)?[^\s?!.,]+(?:\s+[^\s?!.,]+){0,5}?)\s+(?:said|says|mentioned|talked|spoke)(?:\s+(?:something|smth|sth|that|about|what)\b|\s*[?!.]*\s*$)/i,
  // "Downing St on the hubs?", "Trump's envoy on guarantee strength?": a speaker and a topic, nothing else (no question
  // word, auxiliary or verb of saying anywhere).
  new RegExp(String.raw`^(?![^?]*\b(?:${alternation(TERSE_EXCLUDES)})\b)\W*((?:the\s+)?[^\s?!.,]+(?:\s+[^\s?!.,]+){0,4}?)\s+(?:on|about|re)\s+[^?!.]+[?!.]*\s*$`, 'i'),
];

const TERSE = SPEAKER_SLOTS[5]!;

/** Plain nouns for a person: a speaker slot with one describes someone rather than naming them. */
const PERSON_NOUNS: ReadonlySet<string> = new Set(['guy', 'guys', 'man', 'men', 'woman', 'women', 'bloke', 'fella', 'fellow', 'lady', 'person', 'chap', 'dude', 'host', 'boss', 'folks', 'people']);

const PRONOUNS = /^(?:they|them|he|she|him|her|it|we|us|you|i|each|both|all|everyone|anyone|someone|somebody|anybody|people|others?)$/i;

/** The words in a speaker slot, when none of them is a word the coverage uses (nor a near-typo of one). */
function unknownSpeakerSlot(question: string, ctx: QuestionContext): string | null {
  for (const slot of SPEAKER_SLOTS.slice(0, 3)) {
    const found = slot.exec(question);
    const text = found?.[1];
    if (!text) continue;
    // "what was the full thought": after "was", ordinary lower-case words make a passive's subject, not a speaker.
    if (/^(?:was|is|were)\b/i.test(found![0]) && text.split(/\s+/).every((w) => /^\p{Ll}+$/u.test(w) && isDictionaryWord(w))) continue;
    // "the opposition parties in the UK": who, before where they are.
    const name = stripPossessive(text.trim())
      .replace(new RegExp(`^(?:the|a|an|${alternation(HONORIFICS)})\\s+`, 'i'), '')
      .replace(/\s+(?:in|across)\s+(?:the\s+)?\S+$/i, (where) => (placesIn(where).length > 0 ? '' : where));
    // Abbreviations in any case: "downing st" is Downing Street.
    const ws = name.split(/\s+/).filter((w) => w !== '' && !QUESTION_WORDS.has(w.toLowerCase()) && !ABBREVIATION_KEYS.has(w.replace(/\.$/, '').toLowerCase()));
    if (ws.length === 0 || ws.length > 4) continue;
    const raw = name.split(/\s+/);
    // Pronouns and quantifiers are no name: "who do they each say put out the statement", "what did he actually say".
    if (raw.some((w) => PRONOUNS.test(w))) continue;
    // A country's people are no one's name ("the americans at the summit"); a country's body may be ("the ukrainian
    // parliament"): the place word ends the phrase or a preposition follows it.
    if (raw.some((w, i) => placeKey(w) !== undefined && (i === raw.length - 1 || /^(?:at|in|on|from|during|of|who|that)$/i.test(raw[i + 1]!)))) continue;
    // "the ukrainian guy", "the host of the summit": a person described by a plain noun for one, not named.
    if (ws.some((w) => PERSON_NOUNS.has(stripPossessive(w).toLowerCase()))) continue;
    const unknown = (w: string) => !isKnownWord(w, ctx.vocabulary) && !nearKnownWord(w, ctx.vocabulary);
    // Roles alone are no name: "the president's in-law" describes someone.
    if (ws.every((w) => roleOf(stripPossessive(w).toLowerCase()) !== undefined)) continue;
    // A name the coverage lacks: every word of it, or the surname of a first name and surname ("mark rutte").
    if (ws.every(unknown) || (ws.length === 2 && unknown(ws[1]!))) return name;
  }
  return null;
}

/** "melania trump", "Hunter Starmer": a first name the coverage never uses before a known speaker's surname (not a slip of theirs). */
function otherOfSurname(slot: string | null, entry: SpeakerEntry, ctx: QuestionContext): string | null {
  if (slot === null) return null;
  const ws = stripPossessive(slot.trim()).replace(/^(?:the|a|an)\s+/i, '').split(/\s+/);
  if (ws.length !== 2 || entry.first === null || foldName(ws[1]!) !== entry.surname) return null;
  const first = ws[0]!;
  if (HONORIFICS.has(first) || HONORIFICS.has(first[0]!.toUpperCase() + first.slice(1).toLowerCase())) return null;
  if (isKnownWord(first, ctx.vocabulary) || misspeltSpeaker(ws, ctx.directory)) return null;
  return ws.join(' ');
}

/**
 * The question with its misspellings of the coverage's words mended ("ceasfire verificaton" -> "ceasefire
 * verification"), for searching: a word that is neither the coverage's nor English, with exactly one nearest
 * coverage word within the typo budget.
 */
export function mendSpelling(question: string, vocabulary: Vocabulary, isEnglish: (word: string) => boolean): string {
  return question.replace(/[\p{L}]{5,}/gu, (word) => {
    const key = word.toLowerCase();
    if (isKnownWord(key, vocabulary) || isEnglish(key)) return word;
    let best: string[] = [];
    let bestDistance = Infinity;
    for (const [known, d] of misspeltAs(key, vocabulary)) {
      if (d < bestDistance) [best, bestDistance] = [[known], d];
      else if (d === bestDistance) best.push(known);
    }
    return best.length === 1 ? best[0]! : word;
  });
}

/**
 * The question with a country or body called by a nickname the coverage never writes ("uncle sam", "blighty", "the
 * hexagon") written as the coverage names it ("the US", "Britain", "France"), for searching: the first of the place's
 * forms whose words the coverage uses.
 */
export function withCoveragePlaceNames(question: string, vocabulary: Vocabulary): string {
  let out = question;
  // As written in the coverage, not as any form of the place (which isKnownWord accepts).
  const written = (w: string) => vocabulary.has(foldName(w)) || vocabulary.has(stem(foldName(w)));
  for (const m of placesIn(question)) {
    // A nickname is made of ordinary words ("uncle sam", "the hexagon"); a name of the place ("america", "the usa") the
    // embedder reads as the coverage's.
    if (m.text.split(' ').some(written) || !m.text.split(' ').some((w) => isDictionaryWord(w.toLowerCase()))) continue;
    const forms = placeForms(m.text.toLowerCase());
    // A people ("the brits", "yanks") is not its country.
    if (/s$/i.test(m.text) && forms.includes(m.text.toLowerCase().slice(0, -1))) continue;
    const form = forms.find((f) => f.length >= 2 && /^[\p{L} ]+$/u.test(f) && f.split(' ').every(written));
    if (form === undefined) continue;
    // As a sentence names it ("the US", "Britain"), in the one spelling the place module gives.
    const shown = (placesIn(form)[0] ?? placesIn(`the ${form}`)[0])?.name ?? form;
    const name = /^[A-Z]{2,3}$/.test(shown) ? `the ${shown}` : shown;
    out = out.replace(new RegExp(`(?:\\bthe\\s+)?(?<![\\p{L}])${escapeRegExp(m.text)}(?![\\p{L}])`, 'iu'), name);
  }
  return out;
}

/** The coverage's words a lower-case word could be a misspelling of (within the typo budget), with the distance. */
function* misspeltAs(key: string, vocabulary: Vocabulary): Generator<[string, number]> {
  const budget = typoBudget(key.length);
  if (budget === 0) return;
  for (const known of vocabulary) {
    if (Math.abs(known.length - key.length) > budget) continue;
    const d = editDistance(key, known, budget);
    if (d <= budget) yield [known, d];
  }
}

/** A misspelling of a word the coverage uses ("witkof" for "witkoff"). */
export function nearKnownWord(word: string, vocabulary: Vocabulary): boolean {
  return !misspeltAs(word.toLowerCase(), vocabulary).next().done;
}

/**
 * The speaker the question's slots name; a name elsewhere in the question only when no slot names anyone:
 * in "what did the labour leader say about putin" Putin is the topic, not the speaker.
 */
function speakerInQuestion(question: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const office = counterpartInQuestion(question, directory) ?? officeInQuestion(question, directory) ?? holderInQuestion(question, directory);
  if (office) return office;
  const slotWords = new Set<string>();
  for (const slot of SPEAKER_SLOTS) {
    const text = slotHead(slot.exec(question)?.[1]?.trim() ?? '');
    if (!text) continue;
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)) if (w.length > 2) slotWords.add(w);
    const match = resolveSpeaker(text, directory);
    if (match && namesTheSpeaker(text, match)) return match;
  }
  const found = resolveSpeaker(question, directory);
  const whole = found && namesTheSpeaker(question, found) ? found : null;
  // A slot that names no one leaves the speaker to the question as a whole only where the two overlap
  // ("the Ukrainian head of [state]"); a name outside every slot is the topic ("… say about putin").
  if (!whole || slotWords.size === 0) return whole;
  return whole.text.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).some((w) => slotWords.has(w)) ? whole : null;
}

/**
 * A speaker slot without its relative clause: "the american envoy who married into the trump family" is an envoy,
 * described by whom he married; Trump is not the speaker.
 */
function slotHead(slot: string): string {
  // "the french presidential palace's summary": whoever issued it.
  return slot.split(/\s+(?:who|whose|which|that)\s+/i)[0]!.trim().replace(ISSUED_BY, '');
}

const ISSUED_BY = new RegExp(`['’]s?\\s+(?:${alternation(ISSUED_BY_NOUNS)})s?$`, 'i');

/**
 * "the Prime Minister's office", "Starmer's office", "the office of the French president": the institution that
 * is the office of the person named (Downing Street, the Elysee), when the coverage quotes it.
 */
function officeInQuestion(question: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const found =
    /(?<owner>[\p{L}\p{N}\s.'’-]{2,60}?)['’]s?\s+(?<place>office|residence|palace|home)\b/iu.exec(question) ??
    /\b(?<place>office|residence|palace) of\s+(?<owner>[\p{L}\s.'’-]{2,40}?)(?=[,?.!]|\s+(?:say|said|about|on)\b|$)/iu.exec(question);
  const owner = found?.groups?.owner;
  const place = found?.groups?.place ?? '';
  if (!owner) return null;
  const named = resolveSpeaker(owner, directory);
  const person = named?.entry;
  if (!named || !person || person.kind !== 'person') return null;
  // "the prime minister's residence" is where the office sits; "putin's residence" is his house, not a speaker.
  if (!/^office$/i.test(place) && named.via === 'name') return null;
  const def = INSTITUTIONS.find((d) => holdsOffice(person, d.officeOf));
  const institution = def ? resolveSpeaker(def.name, directory) : null;
  return institution && institution.entry.kind === 'institution' ? { ...institution, text: `${named.text}'s office` } : null;
}

const VERB_CUES = new RegExp(STATEMENT_VERB_CUE.source, 'gi');

/**
 * Whether a question asks for someone's words with a verb ("what did putin claim"), not only a noun: "claims" after a
 * determiner ("the putin residence attack claims") is the noun.
 */
function asksWithVerb(question: string): boolean {
  return [...question.matchAll(VERB_CUES)].some(
    (m) => !(STATEMENT_NOUN_WORDS.has(m[0].toLowerCase()) && /\b(?:the|a|an|these|those|this|that|his|her|their|its)\s+(?:[\p{L}'’-]+\s+){0,4}$/iu.test(question.slice(0, m.index))),
  );
}

/** "the fella in number 10", "the man at the elysee": someone by the office they sit in. */
const IN_OFFICE = /\b(?:man|fella|fellow|guy|bloke|chap|woman|lady|person|one|occupant|boss|resident)\s+(?:in|at|of|from|running|heading|leading|who runs|who leads)\s+(?:the\s+)?([\p{L}\p{N}\s.'’-]{2,30}?)(?=\s+(?:say|said|says|think|thinks|thought|about|on|make|made)\b|[,?.!]|$)/iu;

const NATIONAL_PERSON = /\b(?:the\s+)?([\p{L}]+)\s+(?:man|fella|fellow|guy|bloke|chap|woman|lady|dude)\b(?!\s+(?:in|at|of|from|running|heading|leading|who)\b)/iu;

/**
 * "the french fella and the ukrainian fella, what did they say": among several people asked about together, a country's
 * person is its one leader the coverage names. (Alone, "the russian guy saying his house got targeted" may be about
 * someone the coverage never quotes: left to the passages.)
 */
function nationalLeader(part: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const national = NATIONAL_PERSON.exec(part);
  const country = national ? placeKey(national[1]!) : undefined;
  return country !== undefined ? leaderOf(country, directory, national![0]) : null;
}

const COUNTERPART = /(?<owner>[\p{L}\s.'’-]{2,40}?)['’]s?\s+(?:(?<before>[\p{L}-]+)\s+)?(?:counterpart|opposite number|equivalent)(?:\s+(?:from|in|of)\s+(?:the\s+)?(?<after>[\p{L}-]+))?/iu;

/**
 * "Zelensky's British counterpart", "the Ukrainian leader's counterpart from Britain": the leader of the other country,
 * when the owner is a leader the coverage names and that country has one.
 */
function counterpartInQuestion(question: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const m = COUNTERPART.exec(question);
  if (!m?.groups) return null;
  const owner = resolveSpeaker(m.groups.owner!.trim(), directory);
  const country = [m.groups.before, m.groups.after].map((w) => (w ? placeKey(w) : undefined)).find((k) => k !== undefined);
  if (!owner || country === undefined) return null;
  return leaderOf(country, directory, m[0]);
}

/**
 * Whether a person speaks for a country: by a role of the country's ("French President"; only a president's or a prime
 * minister's with `leaders`), or as the holder of an office one of its institutions is the office of (the Prime
 * Minister: Downing Street is the office of Britain's).
 */
export function speaksForCountry(person: SpeakerEntry, country: string, leaders: boolean): boolean {
  return (
    person.roles.some((r) => {
      const h = roleHead(r);
      return h !== null && h.place === country && (!leaders || h.head === 'president' || h.head === 'prime minister');
    }) || INSTITUTIONS.some((d) => d.officeOf.place === country && holdsOffice(person, d.officeOf))
  );
}

/** The one president or prime minister of a country the coverage names, or null when it names none or several. */
function leaderOf(country: string, directory: SpeakerDirectory, text: string): SpeakerMatch | null {
  const leaders = directory.entries.filter((e) => e.kind === 'person' && speaksForCountry(e, country, true));
  return leaders.length === 1 ? { entry: leaders[0]!, via: 'role', text } : null;
}

/** The one person the coverage names who holds the office an institution is the office of ("the fella in number 10": the Prime Minister). */
function holderInQuestion(question: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const m = IN_OFFICE.exec(question);
  if (!m) return null;
  // "the man from kyiv": the one leader of the country the place stands for that the coverage names.
  const where = slotHead(m[1]!).split(/\s+/);
  const country = placeKey(where[0]!);
  if (country !== undefined && where.length === 1) return leaderOf(country, directory, m[0]);
  const place = resolveSpeaker(m[1]!, directory);
  if (!place || place.entry.kind !== 'institution') return null;
  const def = INSTITUTIONS.find((d) => resolveSpeaker(d.name, directory)?.entry.id === place.entry.id);
  const holders = def ? directory.entries.filter((e) => e.kind === 'person' && holdsOffice(e, def.officeOf)) : [];
  return holders.length === 1 ? { entry: holders[0]!, via: 'role', text: m[0] } : null;
}

const STATEMENT_NOUN_WORDS = new Set(STATEMENT_NOUNS.flatMap((n) => [n, `${n}s`]));
const PERSON_ROLE_WORDS = new Set([...ROLE_NOUNS, 'adviser', 'advisor', 'aide', 'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'guy', 'guys', 'man', 'woman', 'people', 'envoy']);

/**
 * Whether the words that matched a speaker name the speaker, not something of theirs: "trump's middle east
 * guy" is not Trump and a "White House adviser" is not the White House; "Trump's comments" and "the White
 * House statement" are theirs.
 */
function namesTheSpeaker(text: string, match: SpeakerMatch): boolean {
  const at = text.toLowerCase().indexOf(match.text.toLowerCase());
  if (at < 0) return true;
  const next = text.slice(at + match.text.length).toLowerCase().match(/[\p{L}-]+/u)?.[0];
  if (next === undefined || STATEMENT_NOUN_WORDS.has(next)) return true;
  const last = match.text.split(/\s+/).at(-1) ?? '';
  const possessive = isPossessive(last) || (/s$/i.test(last) && match.entry.aliases.some((a) => a.toLowerCase().split(/\s+/).includes(last.slice(0, -1).toLowerCase())));
  if (possessive && match.via === 'name') return false;
  return !(match.via === 'institution' && PERSON_ROLE_WORDS.has(next));
}

/** The words of the first speaker slot ("what did <the ukrainian foreign minister> say"), if the question has one. */
export function speakerSlot(question: string): string | null {
  const slot = speakerPhrase(question);
  return slot ? slotHead(slot) : null;
}

/** The whole phrase in the first speaker slot, its relative clause included ("the trump envoy who isn't kushner"). */
export function speakerPhrase(question: string): string | null {
  // "what did X say", else "according to X, …", else "the reaction from X", "X's reaction", else "X said something".
  const slot = (SPEAKER_SLOTS[0]!.exec(question) ?? SPEAKER_SLOTS[3]!.exec(question) ?? SPEAKER_SLOTS[2]!.exec(question) ?? SPEAKER_SLOTS[1]!.exec(question) ?? SPEAKER_SLOTS[4]!.exec(question) ?? SPEAKER_SLOTS[5]!.exec(question))?.[1]?.trim();
  return slot || null;
}

/** The question without the names of an outlet it names ("indy coalition number?" -> " coalition number?"). */
function withoutOutletName(question: string, outlet: string | null): string {
  return outlet === null ? question : question.replace(outletFormsPattern(outlet), ' ');
}

/** Every form of one outlet's name, to take it out of the question before looking for a speaker. */
function outletFormsPattern(outlet: string): RegExp {
  const sources = outletForms([outlet], true).map((f) => f.source);
  return new RegExp(sources.join('|'), 'giu');
}

/** Words after which a question names its topic, not its speakers: "what did starmer say about putin and trump". */
const TOPIC_START = /\b(?:about|regarding|concerning|over|re|on|towards?|against|with)\b|:/i;
/** Plural offices held by several people the question names by place: "the British and French leaders". */
const PLURAL_OFFICE = /\b((?:[\p{L}’'-]+)(?:\s*(?:,|&|\band\b)\s*[\p{L}’'-]+)+)\s+(leaders|presidents|prime ministers|pms|envoys)\b/iu;

/**
 * People a question asks about together: "What did Starmer and Macron say?", "starmer and kushner on deterrence",
 * "kushner & witkoff: what did they say", "what did starmer say, and what did macron say", "the British and
 * French leaders". Names after the topic starts ("… about putin and trump") are the topic, not speakers.
 */
export function peopleAskedAbout(question: string, directory: SpeakerDirectory): SpeakerEntry[] {
  const entries: SpeakerEntry[] = [];
  const add = (entry: SpeakerEntry | null | undefined) => {
    if (entry && !entries.includes(entry)) entries.push(entry);
  };
  const plural = PLURAL_OFFICE.exec(question);
  if (plural) {
    // Each plural above is its singular with an s.
    const office = plural[2]!.toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '');
    for (const part of plural[1]!.split(/\s*(?:,|&|\band\b)\s*/i)) if (part.trim() !== '') add(resolveSpeaker(`the ${part.trim()} ${office}`, directory)?.entry);
    if (entries.length > 1) return entries;
    entries.length = 0;
  }
  // Each clause ("what did starmer say, and what did macron say") up to where its topic starts.
  for (const clause of question.split(/[,;]|\band what\b|\bwhile\b/i)) {
    const names = clause.split(TOPIC_START)[0] ?? '';
    for (const part of names.split(/\s*(?:&|\+|\/|\band\b|\bvs\.?|\bversus\b|\bplus\b|\bn\b)\s*/i)) {
      if (contentWords(part) === 0) continue;
      add((resolveSpeaker(part, directory) ?? nationalLeader(part, directory))?.entry);
    }
  }
  return entries;
}

/** Words in a part of a question other than pronouns and question words. */
function contentWords(part: string): number {
  return part.split(/[^\p{L}]+/u).filter((w) => w.length > 1 && !QUESTION_WORDS.has(w.toLowerCase())).length;
}

/**
 * A person the question describes rather than names ("Kyiv's head of state", "Trump's son-in-law"):
 * the capitalised words of their names, to join the lexical query so passages naming them are found.
 */
export function describedSpeakerNames(analysis: QuestionAnalysis): string[] {
  const speaker = analysis.speaker;
  if (!speaker?.known || speaker.match.via === 'name') return [];
  return speaker.entry.aliases.flatMap((a) => a.split(/\s+/)).filter((w) => /^\p{Lu}/u.test(w) && !HONORIFICS.has(w));
}
