import { decideAbstention } from '../answer/abstain.js';
import { abstainedAnswer } from '../answer/abstainedAnswer.js';
import { answerTypeOf, passageAnswersType } from '../answer/answerType.js';
import { compareAnswer } from '../answer/compareAnswer.js';
import { composeAnswer } from '../answer/composeAnswer.js';
import { speakerAnswer, speakersAnswer } from '../answer/speakerAnswer.js';
import { suggestQuestions } from '../answer/suggestions.js';
import { unknownNamesReason } from '../answer/unknownNames.js';
import { withoutMentions } from '../answer/validateQuestion.js';
import { BotError } from '../errors.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { SpeakerEntry } from '../news/directory.js';
import { inOutlet, statementsAbout, statementsBy } from '../news/newsIndex.js';
import { analyseQuestion, matchOutlet, unknownEntities, type QuestionAnalysis } from '../news/questionAnalysis.js';
import { resolveSpeaker } from '../news/speakers.js';
import { ASKED_VERBS } from '../news/speechVerbs.js';
import { relatedWords, type Hit } from '../retrieval/retrieve.js';
import { contentTerms } from '../text/tokens.js';
import { isHonorific } from '../text/words/honorifics.js';
import type { Embedder } from '../types.js';
import { outletContext, type EngineState } from './engineState.js';
import { searchState } from './searchState.js';
import type { AnswerResult, AskOptions } from './types.js';

/** What answering needs besides the loaded index. */
export interface AnswerDeps {
  embedder: Embedder;
  /** Passages ranked (RETRIEVE_K) and quoted (ANSWER_PASSAGES). */
  retrieveK: number;
  answerPassages: number;
}

/** How deep the ranking goes when it orders a person's statements by relevance. */
const SPEAKER_RANK_DEPTH = 50;

/**
 * A person the question describes rather than names ("Kyiv's head of state", "Trump's son-in-law"):
 * their names join the lexical query, so passages that name them are found.
 */
function entityTerms(analysis: QuestionAnalysis | null): Map<string, number> | undefined {
  const speaker = analysis?.speaker;
  if (!speaker?.known || speaker.match.via === 'name') return undefined;
  const names = speaker.entry.aliases.flatMap((a) => a.split(/\s+/)).filter((w) => /^\p{Lu}/u.test(w) && !isHonorific(w));
  return new Map(names.map((w) => [w, 1]));
}

/** The outlet a question is scoped to: the explicit option (validated) or the one the question names. */
function outletFor(state: EngineState, option: string | undefined, named: string | undefined): string | undefined {
  if (option === undefined) return named;
  const outlets = state.news.question.outlets;
  const match = outlets.find((o) => o.toLowerCase() === option.trim().toLowerCase()) ?? matchOutlet(option, outlets);
  if (!match) {
    throw new BotError('OUTLET_UNKNOWN', `No outlet called "${option}" is indexed. Outlets: ${outlets.join(', ')}.`, { outlet: option });
  }
  return match;
}

/** Questions the coverage can answer, offered when it cannot answer the one asked. */
export function suggestionsFor(state: EngineState): string[] {
  const institutions = new Set(state.news.directory.entries.filter((e) => e.kind === 'institution').map((e) => e.name));
  return suggestQuestions(state.news.speakers, state.index.manifest.articles, (name) => institutions.has(name));
}

/**
 * One question, routed: names the coverage never mentions -> abstain; a person's statements -> speaker
 * answer; "how did the outlets differ" -> comparison; otherwise hybrid retrieval and an extractive answer,
 * unless the top passages lack the kind of answer asked for.
 */
export async function answerQuestion(state: EngineState, deps: AnswerDeps, asked: string, options: AskOptions = {}): Promise<AnswerResult> {
  // Mentions are searched for as nothing; the answer still carries the question as asked.
  const question = withoutMentions(asked);
  const newsAware = options.news ?? true;
  const analysis = newsAware ? analyseQuestion(question, state.news.question) : null;
  const outlet = outletFor(state, options.outlet, analysis?.outlet);
  const type = newsAware ? answerTypeOf(question) : { kind: 'open' as const };
  const typed = type.kind === 'count' || type.kind === 'amount' || type.kind === 'duration' || type.kind === 'time';
  const related = (word: string) => relatedWords(state.search, word);

  const { hits, embedMs, searchMs } = await searchState(state, deps.embedder, question, {
    mode: options.retrieval ?? 'hybrid',
    expand: options.expand ?? true,
    filter: outlet ? (p: StoredPassage) => state.articles.get(p.articleId)?.outlet === outlet : undefined,
    extraTerms: entityTerms(analysis),
    // Speaker answers order all of a person's statements by this ranking, so it reaches further.
    k: analysis?.speaker?.known ? SPEAKER_RANK_DEPTH : deps.retrieveK,
    answersType: typed ? (p: StoredPassage) => passageAnswersType(type, p.text, related) : undefined,
  });
  const t2 = performance.now();
  const timed = (result: Omit<AnswerResult, 'timings'>): AnswerResult => ({
    ...result,
    question: asked,
    timings: { embedMs, searchMs, composeMs: performance.now() - t2 },
  });
  const abstain = (reason: string) => timed(abstainedAnswer(question, reason, suggestionsFor(state), hits, state.articles));

  if (contentTerms(question).length === 0) return abstain('There is nothing in that question to look up: it has no words but common ones.');

  if (analysis) {
    const reason = unknownNamesReason(analysis.unknownEntities, null);
    if (reason) return abstain(reason);
    if (outlet) {
      const own = unknownNamesReason(unknownEntities(question, outletContext(state, outlet), outlet), outlet);
      if (own) return abstain(own);
    }
    const compare = options.compare || analysis.compare;
    const several = analysis.asksForStatements && !compare ? coordinatedSpeakers(question, state) : [];
    if (several.length > 1) return timed(answerSpeakers(state, question, several, hits, outlet));
    const speaker = analysis.speaker?.known ? analysis.speaker.entry : null;
    if (speaker && analysis.asksForStatements && !compare) return timed(answerSpeaker(state, question, speaker, hits, outlet));
    if (compare) {
      return timed(compareAnswer({ question, hits, articles: state.articles, allPassages: state.index.passages, news: state.news }));
    }
  }
  if (outlet && hits.length === 0) return abstain(`${outlet} has nothing on that.`);
  const abstention = decideAbstention({ question, hits, related });
  if (abstention) return abstain(outlet ? `${abstention.reason} (Searched ${outlet} only.)` : abstention.reason);
  return timed({
    question,
    ...composeAnswer(question, hits, state.articles, deps.answerPassages, outlet),
    abstained: false,
    abstainReason: null,
    suggestions: [],
  });
}

/** People asked about together: "What did Starmer and Macron say?", "what did witkoff & kushner tell reporters". */
function coordinatedSpeakers(question: string, state: EngineState): SpeakerEntry[] {
  const slot = new RegExp(String.raw`\b(?:did|do|does|have|has|had)\s+(.+?)\s+(?:${ASKED_VERBS})\b`, 'i').exec(question)?.[1];
  if (!slot || !/\band\b|&/i.test(slot)) return [];
  const entries: SpeakerEntry[] = [];
  for (const part of slot.split(/\s*(?:,|&|\band\b)\s*/i)) {
    const entry = part.trim() === '' ? null : (resolveSpeaker(part, state.news.directory)?.entry ?? null);
    if (!entry) return []; // one of them is not a person the coverage knows: answer as a single question
    if (!entries.includes(entry)) entries.push(entry);
  }
  return entries;
}

/** Several people's statements, each in turn, under one numbering of sources. */
function answerSpeakers(
  state: EngineState,
  question: string,
  entries: readonly SpeakerEntry[],
  hits: readonly Hit[],
  outlet: string | undefined,
): Omit<AnswerResult, 'timings'> {
  const passageRank = rankOfPassages(hits);
  const inputs = entries.map((entry) => {
    const all = statementsBy(state.news, entry.id);
    const groups = outlet ? inOutlet(all, state.index.manifest.articles, outlet) : all;
    return { question, entry, groups, passageRank, passages: state.passagesById, articles: state.articles };
  });
  const withStatements = inputs.filter((i) => i.groups.length > 0);
  const without = inputs.filter((i) => i.groups.length === 0).map((i) => i.entry.name);
  if (withStatements.length === 0) {
    const names = entries.map((e) => e.name).join(' or ');
    return abstainedAnswer(question, `The coverage has no statement by ${names}${outlet ? ` in ${outlet}` : ''}.`, suggestionsFor(state), hits, state.articles);
  }
  const result = speakersAnswer(withStatements, state.articles);
  const note = without.length > 0 ? `\n\nThe coverage has no statement by ${without.join(' or ')}${outlet ? ` in ${outlet}` : ''}.` : '';
  return { ...result, question, answer: result.answer + note };
}

/** Rank of each passage id (and its syndicated copies) in the retrieval, to put statements on the question's topic first. */
function rankOfPassages(hits: readonly Hit[]): Map<string, number> {
  const passageRank = new Map<string, number>();
  hits.forEach((h, i) => {
    for (const p of [h.passage, ...h.duplicates]) if (!passageRank.has(p.id)) passageRank.set(p.id, i);
  });
  return passageRank;
}

/**
 * What one person said (cut to one outlet when asked), each statement once and cited to every outlet
 * carrying it. With no statement by them: say so, and show what others said about them.
 */
export function answerSpeaker(
  state: EngineState,
  question: string,
  entry: SpeakerEntry,
  hits: readonly Hit[],
  outlet: string | undefined,
  /** How many of the person's statements the answer text lists (/quote lists them all). */
  shown?: number,
): Omit<AnswerResult, 'timings'> {
  const all = statementsBy(state.news, entry.id);
  const groups = outlet ? inOutlet(all, state.index.manifest.articles, outlet) : all;
  const passageRank = rankOfPassages(hits);
  const common = { question, entry, passageRank, passages: state.passagesById, articles: state.articles };
  if (groups.length > 0) return speakerAnswer({ ...common, groups, ...(shown !== undefined ? { shown } : {}) });

  const name = entry.name;
  if (outlet && all.length > 0) {
    return abstainedAnswer(question, `${outlet} carries no statement by ${name}; other outlets do.`, [`What did ${name} say?`], hits, state.articles);
  }
  const about = statementsAbout(state.news, entry.id);
  const reason = `The coverage has no statement by ${name}.`;
  if (about.length === 0) return abstainedAnswer(question, reason, suggestionsFor(state), hits, state.articles);
  const nameOf = (id: string) => state.news.directory.entries.find((e) => e.id === id)?.name ?? id;
  const others = speakerAnswer({ ...common, groups: about, nameOf });
  return {
    ...others,
    abstained: true,
    abstainReason: reason,
    answer: `The coverage I have doesn't answer that. ${reason} What others said about ${name}:\n${others.answer}`,
  };
}
