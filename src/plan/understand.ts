/**
 * understand: a validated question in, one `QuestionPlan` out, before anything is embedded or searched.
 * The order of the checks is the routing: nothing to look up -> refuse; names the coverage never
 * mentions -> refuse; several people's or one person's statements -> statements; "how did the outlets
 * differ" -> compare; otherwise a fact, typed by the kind of answer it asks for.
 */
import { BotError } from '../errors.js';
import type { QuestionContext } from '../news/questionContext.js';
import { contentTerms, words } from '../text/tokens.js';
import { isKnownWord } from '../news/vocabulary.js';
import { answerTypeOf } from './answerType.js';
import { coveredPlaceName, unmentionedPlaces, wordEvidence } from './evidence.js';
import { foreignLanguage } from './language.js';
import { asksForCoverage, chatIntent, isBareFollowUp, whoSaidQuote } from './messages.js';
import { GENERAL_ROLES, MENTIONS_TOPIC } from './phrases.js';
import type { QuestionPlan, SearchRequest } from './plan.js';
import { ROLE_NOUNS } from '../text/words/roles.js';
import { analyseQuestion, coordinatedSpeakers, describedSpeakerNames, matchOutlet, speakerSlot, unknownEntities } from './questionAnalysis.js';

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
}

export interface PlanOptions {
  /** Restrict to one outlet (name as in the corpus, case-insensitive, or a form of it). */
  outlet?: string;
  /** Compare the outlets' coverage of the topic. */
  compare?: boolean;
  /** News-aware reading: speakers, outlets named in the question, comparisons, unknown names (default on). */
  news?: boolean;
}

/** How deep the ranking goes when it orders a person's statements by relevance. */
export const SPEAKER_RANK_DEPTH = 50;

/** The outlet an explicit option names; an unknown one is an error the user can act on. */
function outletOption(option: string, outlets: readonly string[]): string {
  const match = outlets.find((o) => o.toLowerCase() === option.trim().toLowerCase()) ?? matchOutlet(option, [...outlets]);
  if (!match) throw new BotError('OUTLET_UNKNOWN', `No outlet called "${option}" is indexed. Outlets: ${outlets.join(', ')}.`, { outlet: option });
  return match;
}

export function understand(question: string, ctx: PlanContext, options: PlanOptions = {}): QuestionPlan {
  const intent = chatIntent(question);
  if (intent) return { kind: 'chat', intent };
  if (asksForCoverage(question, ctx.topicWords)) return { kind: 'coverage' };
  const language = foreignLanguage(question, (w) => isKnownWord(w, ctx.coverage.vocabulary));
  if (language) return { kind: 'refuse', refusal: { code: 'NOT_ENGLISH', language }, search: null };
  if (isBareFollowUp(question)) return { kind: 'clarify' };
  if (contentTerms(question).length === 0) return { kind: 'refuse', refusal: { code: 'NO_CONTENT_WORDS' }, search: null };
  const newsAware = options.news ?? true;
  const optionOutlet = options.outlet === undefined ? null : outletOption(options.outlet, ctx.coverage.outlets);
  const search = (k: number, outlet: string | null, extra: readonly string[] = [], text = question): SearchRequest => ({
    text,
    k,
    outlet,
    extraTerms: new Map(extra.map((w) => [w, 1])),
  });
  // Read only for a fact plan: a typo search over the whole vocabulary per word.
  const fact = (outlet: string | null, request: SearchRequest): QuestionPlan => ({
    kind: 'fact',
    answerType: answerTypeOf(question),
    outlet,
    ...wordEvidence(question, ctx.coverage, ctx.isEnglishWord),
    search: request,
  });
  if (!newsAware) return fact(optionOutlet, search(ctx.retrieveK, optionOutlet));

  const outletOf = (text: string) => matchOutlet(text, ctx.coverage.outlets);
  const quote = whoSaidQuote(question);
  if (quote && !options.compare) return { kind: 'whoSaid', quote, search: search(SPEAKER_RANK_DEPTH, optionOutlet, [], quote) };
  const analysis = analyseQuestion(question, ctx.coverage);
  const twoOutlets = optionOutlet === null && ctx.coverage.outlets.filter((o) => matchOutlet(question, [o]) !== undefined).length >= 2;
  const outlet = optionOutlet ?? (twoOutlets ? null : (analysis.outlet ?? null));
  const described = describedSpeakerNames(analysis);
  const speaker = analysis.speaker?.known ? analysis.speaker.entry : null;
  const depth = speaker ? SPEAKER_RANK_DEPTH : ctx.retrieveK;

  const unknown = unknownNames(analysis.unknownEntities, question, ctx.coverage);
  if (unknown.length > 0) {
    return { kind: 'refuse', refusal: { code: 'UNKNOWN_NAMES', names: unknown, outlet: null }, search: search(depth, outlet, described) };
  }
  if (outlet !== null) {
    const own = ctx.outletCoverage(outlet);
    const names = unknownNames(unknownEntities(question, own, outlet), question, own);
    // "did a news mention the minsk agreements": words the coverage has but this outlet's articles never use.
    const topic = MENTIONS_TOPIC.exec(question)?.[1];
    if (topic) {
      const missing = words(topic).filter((w) => contentTerms(w).length > 0 && isKnownWord(w, ctx.coverage.vocabulary) && !isKnownWord(w, own.vocabulary));
      if (missing.length > 0 && names.length === 0) names.push(topic.replace(/^(?:the|a|an)\s+/i, ''));
    }
    if (names.length > 0) return { kind: 'refuse', refusal: { code: 'UNKNOWN_NAMES', names, outlet }, search: search(depth, outlet, described) };
  }
  // A question naming two outlets ("How do the Daily Mail and A News attribute …") compares them.
  const compare = (options.compare ?? false) || analysis.compare || twoOutlets;
  // "what did the ukrainian foreign minister say": a holder of an office the coverage quotes no one in.
  const slot = analysis.asksForStatements && !analysis.speaker && !compare ? speakerSlot(question) : null;
  if (slot && slot.toLowerCase().split(/\s+/).some((w) => ROLE_NOUNS.has(w) && !GENERAL_ROLES.includes(w)) && outletOf(slot) === undefined) {
    return { kind: 'refuse', refusal: { code: 'NO_STATEMENT', speakers: [slot.replace(/^(?:the|a|an)\s+/i, 'the ')], outlet }, search: search(depth, outlet, described) };
  }
  if (analysis.asksForStatements && !compare) {
    const several = coordinatedSpeakers(question, ctx.coverage.directory);
    if (several.length > 1) return { kind: 'statements', speakers: several, outlet, search: search(depth, outlet, described) };
    if (speaker) return { kind: 'statements', speakers: [speaker], outlet, search: search(depth, outlet, described) };
  }
  if (compare) return { kind: 'compare', search: search(depth, null, described) };
  return fact(outlet, search(depth, outlet, described));
}

/**
 * Names a question uses that the coverage never mentions: capitalised names not in its vocabulary (less the
 * countries and bodies it names under another name, "Great Britain"), and countries and bodies in any case.
 */
function unknownNames(capitalised: readonly string[], question: string, coverage: QuestionContext): string[] {
  const names = capitalised.filter((n) => !coveredPlaceName(n, coverage));
  for (const place of unmentionedPlaces(question, coverage)) {
    if (!names.some((n) => n.toLowerCase().includes(place.toLowerCase()))) names.push(place);
  }
  return names;
}
