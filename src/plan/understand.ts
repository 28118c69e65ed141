/**
 * understand: a validated question in, one `QuestionPlan` out, before anything is embedded or searched.
 * The order of the checks is the routing: nothing to look up -> refuse; names the coverage never
 * mentions -> refuse; several people's or one person's statements -> statements; "how did the outlets
 * differ" -> compare; otherwise a fact, typed by the kind of answer it asks for.
 */
import { BotError } from '../errors.js';
import { INSTITUTIONS, type SpeakerEntry } from '../news/directory.js';
import { roleHead } from '../news/roles.js';
import type { QuestionContext } from '../news/questionContext.js';
import { placesIn } from '../text/places.js';
import { questionClauses } from '../text/clauses.js';
import { contentTerms, expandShorthand, STOPWORDS, withIdiomsExplained, withoutTrailingFillers, words } from '../text/tokens.js';
import { isKnownWord } from '../news/vocabulary.js';
import { expandAcronyms } from '../news/acronyms.js';
import { placeKey } from '../news/places.js';
import { answerTypeOf } from './answerType.js';
import { coveredPlaceName, unmentionedPlaces, wordEvidence } from './evidence.js';
import { foreignLanguage } from './language.js';
import { asksForArticleDetails, asksForCoverage, outletAskedAfter, asksForOutletOnly, asksForOverview, chatIntent, isBareFollowUp, whoSaidQuote, withoutPreamble } from './messages.js';
import { COVERAGE_NOUNS, GENERAL_ROLES, MENTIONS_TOPIC } from './phrases.js';
import type { QuestionPlan, SearchRequest } from './plan.js';
import { QUALIFIER_FORMS, ROLE_NOUNS, roleOf } from '../text/words/roles.js';
import { isDictionaryWord } from '../text/english.js';
import { withKnownNames } from './knownAs.js';
import { foldName, unshouted } from '../text/fold.js';
import { escapeRegExp } from '../text/patterns.js';
import { withoutAskerContext } from './askerContext.js';
import { analyseQuestion, describedSpeakerNames, mendOutletNames, matchOutlets, mendSpelling, nearKnownWord, peopleAskedAbout, matchOutlet, speakerSlot, speaksForCountry, unknownEntities, withCoveragePlaceNames } from './questionAnalysis.js';

export interface PlanContext {
  /** What the whole coverage holds. */
  coverage: QuestionContext;
  /** What one outlet's articles hold, to tell "this outlet never mentions Greenland". */
  outletCoverage: (outlet: string) => QuestionContext;
  /** Ranked passages a fact or comparison needs (RETRIEVE_K). */
  retrieveK: number;
  /** Whether a lower-case word is an English word (the word lexicon); always false without one. */
  isEnglishWord: (word: string) => boolean;
  /** Lower-case words of the topic's own name ("paris", "declaration"): "which outlets covered the Paris Declaration?" names nothing else. */
  topicWords: ReadonlySet<string>;
  /** Whether the coverage quotes this speaker (directory id) at all. */
  speaks: (speakerId: string) => boolean;
  /** The headlines of an outlet's articles: what its coverage as a whole is about. */
  headlines: (outlet: string) => string[];
  /** What the whole coverage is about, as text to search by: a few headlines, one per outlet. */
  overview: () => string;
}

export interface PlanOptions {
  /** Restrict to one outlet (name as in the corpus, case-insensitive, or a form of it). */
  outlet?: string;
  /** Compare the outlets' coverage of the topic. */
  compare?: boolean;
  /** News-aware reading: speakers, outlets named in the question, comparisons, unknown names (default on). */
  news?: boolean;
}

/** Ways of asking for several people's views without a speech verb: "X and Y on Z", "X vs Y", "reactions", "how did X and Y describe". */
const ASKS_VIEWS = /\b(?:on|vs\.?|versus|reactions?|react(?:ed)?|respond(?:ed)?|describe[ds]?|views?|takes?|agree[ds]?|think|thoughts?|opinions?|positions?|stances?|verdicts?|reckon(?:ed)?|call(?:ed)?|each|upbeat|optimistic|positive|hopeful|cautious|confident|pessimistic|gloomy)\b/i;

/** Content words a question needs of its own to be searched without what its message tells about the asker. */
const SEARCHED_ALONE = 3;

/** How deep the ranking goes when it orders a person's statements by relevance. */
export const SPEAKER_RANK_DEPTH = 50;

/** The outlet an explicit option names; an unknown one is an error the user can act on. */
function outletOption(option: string, outlets: readonly string[]): string {
  const match = outlets.find((o) => o.toLowerCase() === option.trim().toLowerCase()) ?? matchOutlet(option, [...outlets]);
  if (!match) throw new BotError('OUTLET_UNKNOWN', `No outlet called "${option}" is indexed. Outlets: ${outlets.join(', ')}.`, { outlet: option });
  return match;
}

export function understand(asked: string, ctx: PlanContext, options: PlanOptions = {}): QuestionPlan {
  // Chat shorthand written out first ("how many ppl attended"), unless the coverage itself uses the word.
  // Then acronyms of names the coverage writes out ("the CoW" is the Coalition of the Willing).
  // A word that asks something of the coverage: a content word it uses, other than the topic's own name.
  const asksAboutCoverage = (w: string) => !STOPWORDS.has(w) && !ctx.topicWords.has(w) && contentTerms(w).length > 0 && isKnownWord(w, ctx.coverage.vocabulary);
  // Small talk and preambles it opens with are taken off ("hey quick question, who leads the force?"), and chat words it
  // ends with ("… lol"); a message in capitals is read in lower case.
  const question = expandAcronyms(
    withKnownNames(expandShorthand(withoutPreamble(mendOutletNames(withoutTrailingFillers(unshouted(asked)), ctx.coverage.outlets), asksAboutCoverage), (w) => isKnownWord(w, ctx.coverage.vocabulary)), ctx.coverage.directory),
    ctx.coverage.acronyms,
    ctx.coverage.vocabulary,
  );
  // "ok and did they agree with that?", "which outlet was that from again": about an earlier answer, whose words these
  // pronouns stand for; with nothing before them, who or what is meant is asked (before chat or the list of sources).
  const intent = chatIntent(question, asksAboutCoverage);
  // Not "hiya bot, how's it going": a greeting, thanks or goodbye with a pronoun in it is still one.
  if (isBareFollowUp(question) && REFERS_BACK.test(question) && (intent === null || intent === 'acknowledgement' || intent === 'help')) return { kind: 'clarify' };
  // "Same question but for LBC.": the same as what? (A conversation resolves it before it gets here.)
  if (SAME_AGAIN.test(question)) return { kind: 'clarify' };
  if (intent) return { kind: 'chat', intent };
  // "what did A News report about the declaration" names an outlet: a question about its report.
  const namedOutlet = matchOutlet(question, ctx.coverage.outlets) ?? null;
  if (asksForCoverage(question, ctx.topicWords, asksAboutCoverage) && namedOutlet === null) {
    // "is the BBC one of your sources?": the list, saying it has nothing from the BBC.
    // An outlet asked after in lower case ("is the guardian in there") is named as readers know it.
    const asked = outletAskedAfter(question);
    const notHeld = [...unknownEntities(question, ctx.coverage, undefined), ...(asked !== null && matchOutlet(asked, ctx.coverage.outlets) === undefined ? [titleCase(asked)] : [])];
    return notHeld.length > 0 ? { kind: 'coverage', outlet: null, notHeld } : { kind: 'coverage', outlet: null };
  }
  // "who wrote the independent article", "when was the lbc piece published": the articles' own details.
  if (asksForArticleDetails(question, ctx.coverage.outlets, ctx.topicWords, namedOutlet !== null)) return { kind: 'coverage', outlet: namedOutlet };
  const language = foreignLanguage(question, (w) => isKnownWord(w, ctx.coverage.vocabulary));
  if (language) return { kind: 'refuse', refusal: { code: 'NOT_ENGLISH', language }, search: null };
  // "what happened?", "tl;dr": the coverage as a whole, searched by its headlines. Not "what happened to it": that
  // needs an earlier answer.
  if (asksForOverview(question, ctx.topicWords) && (!isBareFollowUp(question) || /\bwhat(?:'|’)?s (?:this|it|all this)\b/i.test(question))) {
    const request: SearchRequest = { text: ctx.overview(), k: ctx.retrieveK, outlet: null, extraTerms: new Map(), clauses: [] };
    return { kind: 'fact', answerType: { kind: 'open' }, outlet: null, unfamiliar: [], unknownShare: 0, search: request };
  }
  if (isBareFollowUp(question)) return { kind: 'clarify' };
  // A country or body written in common words ("the us") is something to look up; sums ("what's 2+2") are not. A number
  // alone may be a name ("what did no 10 say").
  const terms = contentTerms(question);
  const sum = /\d\s*[-+*/×x^]\s*\d/.test(question) && !terms.some((t) => /\p{L}/u.test(t));
  if ((terms.length === 0 || sum) && placesIn(question).length === 0 && whoSaidQuote(question) === null) return { kind: 'refuse', refusal: { code: 'NO_CONTENT_WORDS' }, search: null };
  const newsAware = options.news ?? true;
  const optionOutlet = options.outlet === undefined ? null : outletOption(options.outlet, ctx.coverage.outlets);
  // Searched with its misspellings of the coverage's words mended; read (names, speakers, types) as written.
  // What the message tells about its asker is not searched, when the question has words enough of its own ("Quick one
  // before I head out. Keir Starmer on weapons …").
  const told = withoutAskerContext(question);
  const questionOnly = told.replace(/\s+/g, ' ').trim();
  const searched = contentTerms(questionOnly).length >= SEARCHED_ALONE ? questionOnly : question;
  const mended = withIdiomsExplained(withCoveragePlaceNames(mendSpelling(searched, ctx.coverage.vocabulary, isDictionaryWord), ctx.coverage.vocabulary));
  const search = (k: number, outlet: string | null, extra: readonly string[] = [], text = mended): SearchRequest => ({
    text,
    k,
    outlet,
    extraTerms: new Map(extra.map((w) => [w, 1])),
    // The question's own clauses: not those of a text searched in its place (an outlet's headlines, a quotation).
    clauses: text === mended ? questionClauses(text) : [],
  });
  // Read only for a fact plan: a typo search over the whole vocabulary per word.
  const fact = (outlet: string | null, request: SearchRequest): QuestionPlan => {
    const read = wordEvidence(question, ctx.coverage, ctx.isEnglishWord);
    // An outlet's name as readers call it ("the indy") is no unknown name.
    const evidence = outlet === null ? read : { ...read, unfamiliar: read.unfamiliar.filter((run) => matchOutlet(run, [outlet]) === undefined) };
    // "what was marco rubio's role": two words the coverage never uses before a possessive are a name it never mentions;
    // so is a surname neither the coverage's nor English after a first name it happens to use ("mark rutte's take").
    const unused = (w: string) => !isKnownWord(w, ctx.coverage.vocabulary) && !nearKnownWord(w, ctx.coverage.vocabulary);
    // Not two English words ("the whole family's asking me"), nor in what the asker tells of themselves.
    const english = (w: string) => isDictionaryWord(w.toLowerCase());
    const names = [...told.matchAll(/(?<![\p{L}])([\p{L}-]{2,})\s+([\p{L}-]{2,})['’]s\b/gu)]
      .filter((m) => !STOPWORDS.has(m[1]!.toLowerCase()) && (!isKnownWord(m[1]!, ctx.coverage.vocabulary) || !isDictionaryWord(m[2]!)) && unused(m[2]!) && !(english(m[1]!) && english(m[2]!)) && !coveredPlaceName(`${m[1]} ${m[2]}`, ctx.coverage))
      .map((m) => `${m[1]} ${m[2]}`);
    // "did marco rubio attend the talks", "is the raf sending jets": the subject is a name the coverage never mentions.
    names.push(...evidence.unfamiliar.flatMap((run) => subjectName(question, run) ?? []));
    if (names.length > 0) return { kind: 'refuse', refusal: { code: 'UNKNOWN_NAMES', names, outlet }, search: request };
    // A category's head is a word as the dictionary spells it ("actualy" is no noun of the question's).
    const knowledge = { inCoverage: (w: string) => isKnownWord(w, ctx.coverage.vocabulary), isEnglish: isDictionaryWord };
    // Typed as mended: "what weekday did the sumit happen" is about the summit.
    return { kind: 'fact', answerType: answerTypeOf(mended, knowledge), outlet, ...evidence, search: request };
  };
  if (!newsAware) return fact(optionOutlet, search(ctx.retrieveK, optionOutlet));

  const outletOf = (text: string) => matchOutlet(text, ctx.coverage.outlets);
  const quote = whoSaidQuote(question);
  if (quote && !options.compare) return { kind: 'whoSaid', quote, search: search(SPEAKER_RANK_DEPTH, optionOutlet, [], quote) };
  const analysis = analyseQuestion(question, ctx.coverage);
  const named = optionOutlet === null ? matchOutlets(question, ctx.coverage.outlets) : [];
  const twoOutlets = named.length >= 2;
  const outlet = optionOutlet ?? (twoOutlets ? null : (analysis.outlet ?? null));
  const described = describedSpeakerNames(analysis);
  const known = analysis.speaker?.known ? analysis.speaker : null;
  // "the trump family member", "the american president's envoy": the person named is not the one asked about.
  // When that person is quoted nowhere, the question is answered from the passages, not refused.
  const speaker = known && (ctx.speaks(known.entry.id) || namedOutright(question, known.match.text)) ? known.entry : null;
  if (known && !speaker && analysis.asksForStatements) {
    // "what did putin's spokesman say": an office no one the coverage names holds.
    const described = speakerSlot(question);
    const offices = described ? officesIn(described, true) : [];
    const holders = described ? [...new Set(offices.flatMap((w) => officeHolders(w, described, ctx.coverage)))] : [];
    if (described && offices.length > 0 && holders.length === 0) {
      return { kind: 'refuse', refusal: { code: 'NO_STATEMENT', speakers: [described.replace(/^(?:the|a|an)\s+/i, 'the ')], outlet: null }, search: null };
    }
    // "the former white house senior adviser": one person the coverage quotes holds that office.
    if (holders.length === 1 && ctx.speaks(holders[0]!.id)) {
      return { kind: 'statements', speakers: [holders[0]!], outlet, search: search(SPEAKER_RANK_DEPTH, outlet, holders[0]!.name.split(' ')) };
    }
  }
  const depth = speaker ? SPEAKER_RANK_DEPTH : ctx.retrieveK;

  const unknown = unknownNames(analysis.unknownEntities, told, ctx.coverage);
  if (unknown.length > 0) {
    return { kind: 'refuse', refusal: { code: 'UNKNOWN_NAMES', names: unknown, outlet: null }, search: search(depth, outlet, described) };
  }
  if (outlet !== null) {
    const own = ctx.outletCoverage(outlet);
    const names = unknownNames(unknownEntities(question, own, outlet), told, own);
    // "did a news mention the minsk agreements": words the coverage has but this outlet's articles never use.
    const topic = MENTIONS_TOPIC.exec(question)?.[1];
    if (topic) {
      const missing = words(topic).filter((w) => contentTerms(w).length > 0 && isKnownWord(w, ctx.coverage.vocabulary) && !isKnownWord(w, own.vocabulary));
      if (missing.length > 0 && names.length === 0) names.push(topic.replace(/^(?:the|a|an)\s+/i, ''));
    }
    if (names.length > 0) return { kind: 'refuse', refusal: { code: 'UNKNOWN_NAMES', names, outlet }, search: search(depth, outlet, described) };
  }
  // "what did lbc report", "anything from a news?": the outlet's coverage as a whole, searched by its headlines.
  if (outlet !== null && asksForOutletOnly(question, outlet)) {
    return fact(outlet, search(depth, outlet, [], ctx.headlines(outlet).join('. ')));
  }
  // A question naming two outlets ("How do the Daily Mail and A News attribute …") compares them.
  const compare = (options.compare ?? false) || analysis.compare || twoOutlets;
  // "what did the ukrainian foreign minister say": a holder of an office the coverage quotes no one in.
  const slot = analysis.asksForStatements && !analysis.speaker && !compare ? speakerSlot(question) : null;
  const offices = slot ? officesIn(slot, false) : [];
  // Refused only when no one the coverage names holds that office ("potus's envoy" is answered from the passages).
  // "what did russia say", "has moscow said anything": a country speaks through its leaders and their offices.
  // When none of them is quoted, the answer says so (and what others said about them), as for a person.
  // Not "what did russia claim": a claim is reported in others' words ("claims from Moscow"), so it is searched.
  const country = slot !== null && offices.length === 0 && !/\b(?:claim|allege|accuse)(?:s|ed)?\b/i.test(question) ? countrySpoken(slot, ctx.coverage) : [];
  if (country.length > 0 && !country.some((e) => ctx.speaks(e.id))) {
    return { kind: 'statements', speakers: country, outlet, search: search(SPEAKER_RANK_DEPTH, outlet, described) };
  }
  // "the two americans at the talks", "trumps two guys in paris": as many people as the number says, when exactly that
  // many quoted people are of that country, or are someone's (their roles name him).
  const counted = slot !== null && !compare ? countedPeople(slot, ctx.coverage, ctx.speaks) : [];
  if (counted.length > 0) return { kind: 'statements', speakers: counted, outlet, search: search(SPEAKER_RANK_DEPTH, outlet, described) };
  // Holders are looked for under the general offices too ("the former white house adviser" is Kushner), but only a
  // specific office no one holds is refused ("what did the adviser say" is searched).
  const anyOffices = slot !== null && country.length === 0 ? officesIn(slot, true) : [];
  const holders = slot === null ? [] : [...new Set(anyOffices.flatMap((w) => officeHolders(w, slot, ctx.coverage)))];
  const held = holders.length > 0;
  // An office in the plural: everyone quoted who holds it ("what did the envoys say", "the presidents"), by the head of
  // one of their roles (not "the US President's son-in-law" for "presidents").
  const heads = new Set(anyOffices.flatMap(officeHeads));
  const quotedHolders = holders.filter((h) => ctx.speaks(h.id) && h.roles.some((r) => heads.has(roleHead(r)?.head ?? '')));
  if (slot && quotedHolders.length > 1 && slotWordsOf(slot).some(pluralOffice) && outletOf(slot) === undefined) {
    return { kind: 'statements', speakers: quotedHolders, outlet, search: search(SPEAKER_RANK_DEPTH, outlet, described) };
  }
  // One person the coverage quotes holds it: "the former white house senior adviser" is Kushner.
  if (slot && holders.length === 1 && ctx.speaks(holders[0]!.id) && outletOf(slot) === undefined) {
    return { kind: 'statements', speakers: [holders[0]!], outlet, search: search(SPEAKER_RANK_DEPTH, outlet, holders[0]!.name.split(' ')) };
  }
  if (slot && offices.length > 0 && !held && outletOf(slot) === undefined) {
    return { kind: 'refuse', refusal: { code: 'NO_STATEMENT', speakers: [slot.replace(/^(?:the|a|an)\s+/i, 'the ')], outlet }, search: search(depth, outlet, described) };
  }
  if (!compare) {
    // Several people at once: their words, whenever the question asks for views ("starmer and kushner on deterrence").
    const several = analysis.asksForStatements || ASKS_VIEWS.test(question) ? peopleAskedAbout(question, ctx.coverage.directory) : [];
    if (several.length > 1) return { kind: 'statements', speakers: several, outlet, search: search(SPEAKER_RANK_DEPTH, outlet, described) };
    if (analysis.asksForStatements && speaker) return { kind: 'statements', speakers: [speaker], outlet, search: search(depth, outlet, described) };
  }
  if (compare && named.length === 0 && optionOutlet === null && !COVERAGE_NOUNS.test(question.toLowerCase())) {
    // "compare what starmer and zelensky said", "how do macron and kushner differ on the guarantees": people, not outlets.
    const people = peopleAskedAbout(question, ctx.coverage.directory);
    if (people.length > 1) return { kind: 'statements', speakers: people, outlet, search: search(SPEAKER_RANK_DEPTH, outlet, described) };
  }
  if (compare) return { kind: 'compare', outlets: twoOutlets ? named : [], search: search(depth, null, described) };
  return fact(outlet, search(depth, outlet, described));
}

/** Words with capitals ("the guardian" -> "The Guardian"); two or three letters in capitals ("bbc" -> "BBC"). */
function titleCase(name: string): string {
  return name.replace(/\p{L}+/gu, (w) => (w.length <= 3 && w !== 'the' ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)));
}

/** "Same question but for LBC.": asked again of something else, which needs the question before. */
const SAME_AGAIN = /^\s*(?:the\s+)?same\s+(?:question|thing|q)\b/i;
/** A pronoun standing for someone or something an earlier answer named. */
const REFERS_BACK = /\b(?:he|she|they|him|her|them|his|their|that|this|it)\b/i;

/**
 * Names a question uses that the coverage never mentions: capitalised names not in its vocabulary (less the
 * countries and bodies it names under another name, "Great Britain"), and countries and bodies in any case outside what
 * the message tells about its asker (`questionOnly`: the message with that blanked out).
 */
function unknownNames(capitalised: readonly string[], questionOnly: string, coverage: QuestionContext): string[] {
  const names = capitalised.filter((n) => !coveredPlaceName(n, coverage));
  for (const place of unmentionedPlaces(questionOnly, coverage)) {
    if (!names.some((n) => n.toLowerCase().includes(place.toLowerCase()))) names.push(place);
  }
  return names;
}

/**
 * A name in the subject's place, right after the question's auxiliary ("did marco rubio attend", "is the raf
 * sending"), with the word before it when that is part of the name ("marco"); null when the run stands elsewhere
 * ("at the florida meeting" names where, not who).
 */
function subjectName(question: string, run: string): string | null {
  const escaped = escapeRegExp(run);
  const m = new RegExp(String.raw`(?:^|[\s,])(?:did|does|do|has|have|had|is|was|were|are|will|would|can|could|should)\s+(?:the\s+)?((?:[\p{L}-]+\s+)?)${escaped}(?![\p{L}])`, 'iu').exec(question);
  // A terse question opening with it ("leeds score?", "bitcoin price?"): it is what the question is about.
  if (!m) return TERSE.test(question) && new RegExp(String.raw`^\s*(?:the\s+)?${escaped}(?:['’]s)?(?![\p{L}])`, 'iu').test(question) ? run : null;
  const before = m[1]!.trim();
  return before !== '' && !STOPWORDS.has(before.toLowerCase()) ? `${before} ${run}` : run;
}

/** A question of four words at most. */
const TERSE = /^\s*\S+(?:\s+\S+){0,3}\s*$/;

const COUNTS: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };

/**
 * The people a slot counts ("the two americans", "trumps two guys"): the quoted people of the country the counted noun
 * names, or those whose roles name the person before the number; none unless there are exactly as many as it says.
 */
function countedPeople(slot: string, coverage: QuestionContext, speaks: (id: string) => boolean): SpeakerEntry[] {
  const m = /\b(two|both|three|four|[234])\s+([\p{L}'’-]+)/iu.exec(slot);
  if (!m) return [];
  const n = COUNTS[m[1]!.toLowerCase()]!;
  const persons = coverage.directory.entries.filter((e) => e.kind === 'person' && speaks(e.id));
  const key = placeKey(m[2]!.toLowerCase());
  let people: SpeakerEntry[] = [];
  if (key !== undefined) {
    // Of the country by a role of theirs ("US envoy"), or by a role that names someone of it ("Donald Trump's peace envoy").
    const of = (e: SpeakerEntry) => e.roles.some((r) => roleHead(r)?.place === key);
    const ofCountry = coverage.directory.entries.filter((e) => e.kind === 'person' && of(e));
    people = persons.filter((e) => of(e) || ofCountry.some((o) => o.id !== e.id && namesPerson(e, o)));
  } else {
    const owner = slot.slice(0, m.index).trim().split(/\s+/).at(-1) ?? '';
    const who = coverage.directory.entries.find((e) => e.kind === 'person' && e.surname === foldName(owner.replace(/(?:['’]s?|s)$/i, '')));
    if (who) people = persons.filter((e) => e.id !== who.id && namesPerson(e, who));
  }
  return people.length === n ? people : [];
}

/** Whether one of a person's roles names another ("Mr Trump’s son-in-law" names Trump). */
function namesPerson(entry: SpeakerEntry, other: SpeakerEntry): boolean {
  return entry.roles.some((r) => words(r).some((w) => foldName(w) === other.surname));
}

/**
 * Those who speak for the country a speaker slot names by itself ("russia", "moscow", "the french"): people whose
 * role the coverage gives with that country ("Russian President") and the offices of such roles (the Kremlin).
 */
function countrySpoken(slot: string, coverage: QuestionContext): SpeakerEntry[] {
  // "how did Moscow officially respond": an adverb says how, not who.
  const ws = slot.toLowerCase().replace(/^(?:the)\s+/, '').split(/\s+/).filter((w) => !/^[a-z]{3,}ly$/.test(w) || placeKey(w) !== undefined);
  if (ws.length !== 1) return [];
  const key = placeKey(ws[0]!);
  if (key === undefined) return [];
  // Its people (speaksForCountry) and its institutions (the Kremlin).
  return coverage.directory.entries.filter((e) =>
    e.kind === 'person' ? speaksForCountry(e, key, false) : INSTITUTIONS.some((d) => d.officeOf.place === key && d.name === e.name),
  );
}

/** Words around a name in the speaker's place that do not change who is meant. */
const PLAIN = /^(?:the|a|an|mr|mrs|ms|dr|sir|dame|he|she|they|it|himself|herself|themselves|personally)$/;

/**
 * Whether the question asks for the person it names, not someone described through them: "what did Trump
 * say" does; "what did the Trump family member say" and "what did the US president's envoy say" do not.
 */
function namedOutright(question: string, matched: string): boolean {
  const slot = speakerSlot(question);
  if (slot === null) return true;
  const named = new Set(words(matched));
  const slotWords = words(slot).map((w) => w.replace(/['’]s$/, ''));
  return slotWords.some((w) => named.has(w)) && slotWords.every((w) => named.has(w) || PLAIN.test(w));
}

/**
 * Who of those the coverage names holds the office a question asks about, with the slot's qualifiers
 * ("the ukrainian foreign minister": a minister whose role says Ukrainian and foreign); owners ("potus's")
 * are left out, as the coverage may name them differently.
 */
function officeHolders(office: string, slot: string, coverage: QuestionContext): SpeakerEntry[] {
  const heads = officeHeads(office);
  // An owner written without its apostrophe ("trumps peace envoy") is left out like one written with it.
  const owner = (w: string) => /[^s]s$/.test(w) && coverage.directory.entries.some((e) => e.surname === foldName(w.slice(0, -1)));
  // An office named by its institution stands for its country ("the white house peace envoy": a US one).
  let written = slot.toLowerCase();
  for (const d of INSTITUTIONS) for (const alias of d.aliases) written = written.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(alias.toLowerCase())}(?![\\p{L}])`, 'gu'), d.officeOf.place);
  // The words before an owner are the owner's ("the US president's special envoy": special, not US).
  const slotWords = written.split(/\s+/);
  const lastOwner = slotWords.findLastIndex((w) => /['’]s$/.test(w) || owner(w));
  const qualifiers = slotWords.slice(lastOwner + 1).filter((w) => w !== '' && !PLAIN.test(w) && !ROLE_NOUNS.has(w) && !pluralOffice(w));
  // A place fits a role of that place's, or one naming a person whose role is of it ("Donald Trump’s peace envoy" is a US
  // envoy: Trump is the US President).
  const placeOfPerson = (w: string) => coverage.directory.entries.find((e) => e.kind === 'person' && e.surname === foldName(w))?.roles.flatMap((r) => words(r.toLowerCase())).map((x) => placeKey(x)).find((k) => k !== undefined);
  const fits = (q: string, roleWords: string[]) =>
    [q, ...(QUALIFIER_FORMS[q] ?? [])].some((f) => roleWords.includes(f)) ||
    (placeKey(q) !== undefined && roleWords.some((w) => placeKey(w) === placeKey(q) || placeOfPerson(w) === placeKey(q)));
  const holdsHead = (r: string) => heads.some((h) => r.toLowerCase().includes(h));
  const inOneRole = coverage.directory.entries.filter((e) => e.roles.some((r) => holdsHead(r) && qualifiers.every((q) => fits(q, words(r.toLowerCase())))));
  if (inOneRole.length > 0) return inOneRole;
  // Else the qualifiers may come from different roles of the holder's ("trump middle east envoy": "Donald Trump’s peace
  // envoy" and "special envoy to the Middle East" are Witkoff's).
  return coverage.directory.entries.filter((e) => {
    if (!e.roles.some(holdsHead)) return false;
    const roleWords = e.roles.flatMap((r) => words(r.toLowerCase()).map((w) => w.replace(/['’]s$/, '')));
    return qualifiers.every((q) => fits(q, roleWords));
  });
}

/** The heads of role an office noun stands for: "leader" means a president or a prime minister, "envoy" is itself. */
function officeHeads(office: string): readonly string[] {
  const role = roleOf(office);
  return role?.means ?? [role?.head ?? office];
}

/** The offices a speaker phrase names ("envoy", "foreign minister" -> "minister"), with or without the general ones ("spokesman"). */
function officesIn(slot: string, general: boolean): string[] {
  // "the french and ukrainian presidents" names each holder: read person by person (peopleAskedAbout).
  const each = /\b(?:and|plus)\b|[,&+/]/.test(slot);
  // An owner is not the office asked for: "the US President's son-in-law" is a son-in-law, not a president.
  const owners = new Set(slot.toLowerCase().split(/\s+/).filter((w, i, all) => /['’]s$/.test(w) && i < all.length - 1).map((w) => w.replace(/['’]s$/, '')));
  return slotWordsOf(slot)
    .filter((w) => !owners.has(w))
    .map((w) => (!each && !ROLE_NOUNS.has(w) && pluralOffice(w) ? w.slice(0, -1) : w))
    .filter((w) => ROLE_NOUNS.has(w) && (general || !GENERAL_ROLES.includes(w)));
}

function slotWordsOf(slot: string): string[] {
  return slot
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/['’]s$/, ''));
}

/** "envoys", "leaders": an office's noun in the plural, asking for everyone who holds it. */
function pluralOffice(word: string): boolean {
  return /[^s]s$/.test(word) && ROLE_NOUNS.has(word.slice(0, -1));
}
