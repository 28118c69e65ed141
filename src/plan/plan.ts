/**
 * The question plan: what `understand` makes of a question, before any retrieval. One discriminated union;
 * each kind names the answer it wants and carries what retrieval needs. A new kind of question is a new
 * member here, a branch in `understand`, and one answer kind registered in `src/answer/kinds/`.
 */
import type { SpeakerEntry } from '../news/directory.js';
import type { AnswerType } from './answerType.js';
import type { ChatIntent } from './phrases.js';

/** What retrieval is asked for. */
export interface SearchRequest {
  /** The text searched. */
  text: string;
  /** How many ranked passages the answer step needs. */
  k: number;
  /** Only this outlet's articles. */
  outlet: string | null;
  /** Extra lexical terms with their weights: the names of a person the question describes ("Kyiv's head of state"). */
  extraTerms: ReadonlyMap<string, number>;
  /** The question's clauses, each searched by its own vector beside the whole text's (see questionClauses); often none. */
  clauses: readonly string[];
}

/** Why a question is refused before anything is looked up. */
export type Refusal =
  | { code: 'NO_CONTENT_WORDS' }
  /** Written in another language: the bot reads English. */
  | { code: 'NOT_ENGLISH'; language: string }
  /** Names the coverage (or the outlet asked about) never mentions: no answer however similar the wording. */
  | { code: 'UNKNOWN_NAMES'; names: string[]; outlet: string | null }
  /** Nobody the coverage quotes is who the question asks about ("the ukrainian foreign minister"), or they are quoted nowhere. */
  | { code: 'NO_STATEMENT'; speakers: string[]; outlet: string | null };

export type QuestionPlan =
  /** Small talk or a request for help: a short friendly reply with example questions. */
  | { kind: 'chat'; intent: ChatIntent }
  /** "Which outlets covered this?", "what sources do you have": the outlets and articles indexed. */
  /** What the bot holds: every outlet's articles, or one outlet's (`outlet`), with their details. */
  /** `notHeld`: outlets the question names that the coverage has no article from ("is the BBC one of your sources?"). */
  | { kind: 'coverage'; outlet: string | null; notHeld?: string[] }
  /** A follow-up that needs an earlier answer ("what else did he say?") with none before it: ask who or what is meant. */
  | { kind: 'clarify' }
  /** "Who said peace through strength?": the speaker of the statement the search finds. */
  | { kind: 'whoSaid'; quote: string; search: SearchRequest }
  /** Not answerable from the coverage; `search`, when set, lists the nearest passages for whoever wants to look. */
  | { kind: 'refuse'; refusal: Refusal; search: SearchRequest | null }
  /**
   * One or more people's statements, each once, cited to every outlet carrying them; the search, when set,
   * ranks them by the question's topic.
   */
  | { kind: 'statements'; speakers: SpeakerEntry[]; outlet: string | null; search: SearchRequest | null }
  /** Each outlet's passage on a topic side by side. */
  /** `outlets`: the outlets the question names (two or more), compared among themselves; empty: every outlet. */
  | { kind: 'compare'; outlets: string[]; search: SearchRequest }
  /**
   * Facts and paraphrases: quoted passages, checked for the kind of answer asked for. `unfamiliar`: words
   * that are neither the coverage's nor English (mostly names in lower case), and `unknownShare`, the share of
   * its content words the coverage never uses: evidence that it may not answer.
   */
  | { kind: 'fact'; answerType: AnswerType; outlet: string | null; unfamiliar: string[]; unknownShare: number; search: SearchRequest };

export type PlanKind = QuestionPlan['kind'];

/** What a plan asks retrieval for, if anything. */
export function searchOf(plan: QuestionPlan): SearchRequest | null {
  return 'search' in plan ? plan.search : null;
}
