/**
 * The question plan: what `understand` makes of a question, before any retrieval. One discriminated union;
 * each kind names the answer it wants and carries what retrieval needs. A new kind of question is a new
 * member here, a branch in `understand`, and one answer kind registered in `src/answer/kinds/`.
 */
import type { SpeakerEntry } from '../news/directory.js';
import type { AnswerType } from './answerType.js';

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
}

/** Why a question is refused before anything is looked up. */
export type Refusal =
  | { code: 'NO_CONTENT_WORDS' }
  /** Names the coverage (or the outlet asked about) never mentions: no answer however similar the wording. */
  | { code: 'UNKNOWN_NAMES'; names: string[]; outlet: string | null };

export type QuestionPlan =
  /** Not answerable from the coverage; `search`, when set, lists the nearest passages for whoever wants to look. */
  | { kind: 'refuse'; refusal: Refusal; search: SearchRequest | null }
  /**
   * One or more people's statements, each once, cited to every outlet carrying them; the search, when set,
   * ranks them by the question's topic.
   */
  | { kind: 'statements'; speakers: SpeakerEntry[]; outlet: string | null; search: SearchRequest | null }
  /** Each outlet's passage on a topic side by side. */
  | { kind: 'compare'; search: SearchRequest }
  /** Facts and paraphrases: quoted passages, checked for the kind of answer asked for. */
  | { kind: 'fact'; answerType: AnswerType; outlet: string | null; search: SearchRequest };

export type PlanKind = QuestionPlan['kind'];
