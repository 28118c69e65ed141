/**
 * What the answer step produces: one `AnswerResult`, a discriminated union whose quotes, statements and
 * comparisons are data (text, passage ids, citation numbers). The terminal and Discord render text from
 * it; nothing parses prose back.
 */
import type { AnswerType } from '../plan/answerType.js';
import type { ChatIntent } from '../plan/phrases.js';
import type { Refusal } from '../plan/plan.js';

/** A numbered source in an answer: `[n]` in a rendered answer points here. */
export interface Citation {
  n: number;
  articleId: string;
  outlet: string;
  headline: string;
  published: string | null;
  url: string | null;
}

/** Where a passage stands: its article and paragraph, and the article's outlet, headline, date and link. */
export interface PassagePlace {
  article: string;
  paragraph: number;
  outlet: string;
  headline: string;
  published: string | null;
  url: string | null;
}

/** Where else a near-duplicate (syndicated) passage appears. */
export type AlsoIn = PassagePlace;

/**
 * Articles carrying a quote, a statement or a passage that an answer does not cite or list (at scale a
 * syndicated paragraph is in hundreds): how many, and in how many outlets not already cited or listed.
 * Absent when every carrier is cited.
 */
export interface Uncited {
  articles: number;
  outlets: number;
}

/** One retrieved passage, in rank order. */
export interface RankedPassage extends PassagePlace {
  rank: number;
  /** `${article}#${paragraph}` */
  id: string;
  /** Full passage text. */
  text: string;
  /** Fused score (higher is better). */
  score: number;
  /** The same passage carried by other outlets (grouped near-duplicates), a few at most (see `unlisted`). */
  also: AlsoIn[];
  /** The other copies `also` leaves out, counted. */
  unlisted?: Uncited;
  /** The citation number of this passage's article when the answer cites that article, else null. */
  citation: number | null;
}

/** The best part of one passage, quoted in an answer. */
export interface Quote {
  /** The quoted words as the passage has them (no ellipses added). */
  text: string;
  passageId: string;
  /** The quote starts after / ends before the passage does (render "…" there). */
  cutBefore: boolean;
  cutAfter: boolean;
  /** Citation numbers of the articles carrying the passage (one outlet only when the question is scoped), a few at most (see `uncited`). */
  citations: number[];
  /** The other articles carrying it, counted. */
  uncited?: Uncited;
  /** Who says the quoted words, when the quote refers to them only as "he" or "she" or by an earlier sentence (from the coverage's attributions). */
  speakers?: string[];
}

/** One distinct statement of a person, as a speaker answer lists it. */
export interface StatementLine {
  speaker: string;
  /** The quoted words, or the reported clause. */
  text: string;
  /** `reported`: the coverage gives it without quotation marks. */
  kind: 'direct' | 'reported';
  /** Citation numbers of the articles carrying it, a few at most (see `uncited`). */
  citations: number[];
  /** The other articles carrying it, counted. */
  uncited?: Uncited;
  /** Each outlet's wording of it ("very, very big milestone" / "big, big milestone"), and the sentences it stands in. */
  wordings: string[];
  sentences: string[];
  /** The passages carrying it (those of the cited articles when `uncited` counts others). */
  passageIds: string[];
}

/** One person's statements in an answer. */
export interface SpeakerSection {
  speaker: { id: string; name: string; role: string | null };
  /** Every distinct statement, most relevant first. */
  statements: StatementLine[];
  /** How many of them a rendered answer shows; the rest are in `statements` for whoever wants them all. */
  shown: number;
}

/** One outlet's coverage of a topic, for "how did the outlets differ". */
export interface OutletComparison {
  outlet: string;
  /** The outlet's passage on the topic, quoted, or null when it has nothing on it. */
  quote: Quote | null;
}

export interface ComparedSentence {
  outlet: string;
  sentence: string;
  citation: number | null;
}

export interface Comparison {
  outlets: OutletComparison[];
  /** Sentences only one outlet carries. */
  onlyIn: ComparedSentence[];
  /** The same sentence in two outlets' words: what each has that the other lacks. */
  wording: (ComparedSentence & { phrases: string[]; versus: ComparedSentence & { phrases: string[] } })[];
}

/** Why the coverage does not answer: a code and its parameters. `describeReason` words it. */
export type AbstainReason =
  | Refusal
  | { code: 'NO_MATCH'; outlet: string | null }
  /** Nothing in the coverage is close to the question. */
  | { code: 'OFF_TOPIC' }
  | { code: 'NOT_IN_OUTLET'; speaker: string; outlet: string }
  /** The person is quoted, but never on what the question asks about (the topic as the question words it). */
  | { code: 'NO_STATEMENT_ON_TOPIC'; speaker: string; topic: string }
  | { code: 'ANSWER_TYPE_MISSING'; answerType: Exclude<AnswerType, { kind: 'open' }>; outlet: string | null };

export type AbstainCode = AbstainReason['code'];

export interface Timings {
  embedMs: number;
  searchMs: number;
  composeMs: number;
}

interface ResultBase {
  /** The question as asked. */
  question: string;
  citations: Citation[];
  /** Ranked passages (what the search found), with the citation each is quoted under. */
  passages: RankedPassage[];
  timings: Timings;
}

/** Facts and paraphrases: the best part of each top passage, quoted and cited. */
export interface PassagesAnswer extends ResultBase {
  kind: 'passages';
  quotes: Quote[];
  /** `weak`: the best passage is not close to the question; the answer says so. */
  match: 'strong' | 'weak';
  /** The question was scoped to this outlet. */
  outlet: string | null;
}

/** "What did Kushner say?" (several people answered in turn). */
export interface StatementsAnswer extends ResultBase {
  kind: 'statements';
  sections: SpeakerSection[];
  /** People asked about who made no statement (in the outlet asked for). */
  without: string[];
  outlet: string | null;
}

/** "How did the outlets differ on …?" */
export interface CompareAnswer extends ResultBase {
  kind: 'compare';
  comparison: Comparison;
}

/** The coverage does not answer: why, what it can answer instead, and (for someone who said nothing) what others said about them. */
export interface Abstention extends ResultBase {
  kind: 'abstain';
  reason: AbstainReason;
  /** Questions the coverage can answer. */
  suggestions: string[];
  /** Statements by others about the person asked for ("What did Putin say?"). */
  about: { subject: string; statements: StatementLine[] } | null;
}

/** Who said the words a "who said …?" question quotes: the statements found, each with its speaker. */
export interface AttributionAnswer extends ResultBase {
  kind: 'attribution';
  /** The words asked about. */
  quote: string;
  attributions: { speaker: { id: string; name: string; role: string | null }; statement: StatementLine }[];
}

/** Small talk or a request for help: a friendly reply and questions to try. */
export interface ChatReply extends ResultBase {
  kind: 'chat';
  intent: ChatIntent;
  examples: string[];
}

/** What the bot holds: each outlet and its articles. */
export interface CoverageReply extends ResultBase {
  kind: 'coverage';
  outlets: { outlet: string; articles: { id: string; headline: string; published: string | null; url: string | null; author: string | null; passages: number }[] }[];
  /** Only this outlet's articles were asked for ("who wrote the lbc article"). */
  outlet: string | null;
  /** The latest publication date in the coverage. */
  latest: string | null;
  /** Outlets the question named that the coverage has no article from. */
  notHeld: string[];
}

/** A follow-up with nothing before it to follow: who or what is meant? */
export interface Clarification extends ResultBase {
  kind: 'clarify';
  examples: string[];
}

export type AnswerResult = PassagesAnswer | StatementsAnswer | CompareAnswer | AttributionAnswer | Abstention | ChatReply | CoverageReply | Clarification;
export type AnswerKind = AnswerResult['kind'];

/** Every statement an answer lists, in order. */
export function statementsOf(result: AnswerResult): StatementLine[] {
  if (result.kind === 'statements') return result.sections.flatMap((s) => s.statements);
  if (result.kind === 'abstain') return result.about?.statements ?? [];
  if (result.kind === 'attribution') return result.attributions.map((a) => a.statement);
  return [];
}
