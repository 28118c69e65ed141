/**
 * Follow-up questions in a conversation: the earlier turns (questions as they were answered, and whom the
 * answers were about) and a new message in, the question to answer out. Pure, and the same for the Discord
 * threads and the terminal's `--chat` session.
 *
 * The rules, tried in order:
 * - "which outlets reported that?", "who else reported it?": the previous question, compared across outlets;
 * - "and Macron?", "what about the Independent?": the previous question with the new person (what did Macron
 *   say about the same thing) or scoped to the new outlet; any other topic asked of the previous person;
 * - "what else did he say?", "what did they say about troops?": he/she/they/his/... stand for whom the last
 *   answer was about;
 * - "tell me more", "go on": the previous question again;
 * - anything else is a question of its own, answered as asked.
 */
import type { QuestionContext } from '../news/questionContext.js';
import { resolveSpeaker } from '../news/speakers.js';
import { contentTerms } from '../text/tokens.js';
import { isBareFollowUp } from './messages.js';
import { analyseQuestion, matchOutlet } from './questionAnalysis.js';

/** One earlier exchange of a conversation. */
export interface Turn {
  /** The question as it was answered (after its own follow-up resolution). */
  question: string;
  /** Whom the answer was about (speakers of its statements, or the person the question named), most relevant first. */
  speakers: string[];
  /** The outlet the question was scoped to. */
  outlet: string | null;
}

export type FollowUpRule = 'asked' | 'outlets' | 'other-speaker' | 'other-outlet' | 'same-speaker' | 'pronoun' | 'repeat';

export interface ResolvedQuestion {
  /** The question to answer. */
  question: string;
  /** Scope it to this outlet. */
  outlet?: string;
  /** Compare the outlets' coverage. */
  compare?: boolean;
  /** Which rule read it (for logs and tests). */
  rule: FollowUpRule;
}

/** What resolution needs of the coverage: who is in it and which outlets. */
export type FollowUpContext = Pick<QuestionContext, 'directory' | 'outlets' | 'vocabulary' | 'places' | 'acronyms'>;

/** "which outlets reported that?", "who else carried it", "where was this reported". */
const WHICH_OUTLETS =
  /^\s*(?:(?:which|what)\s+(?:other\s+)?(?:outlets?|papers?|newspapers?|sources?|media|news\s*papers?|sites?|publications?)|who\s+(?:else\s+)?|where\s+(?:else\s+)?(?:was|were|is|has)\s+(?:that|this|it)\b)[^?]*?\b(?:report(?:s|ed)?|cover(?:s|ed)?|carr(?:y|ies|ied)|sa(?:y|id|ys)|mention(?:s|ed)?|ran|run|publish(?:ed)?|quoted?|wrote|write)?\b[^?]*\b(?:that|this|it|them|so|too|as well)\b/i;

/** "and Macron?", "what about the Independent?", "how about troops", "Macron too?". */
const ELLIPSIS = [/^\s*(?:the\s+)?same\s+(?:question|thing|q)\s+(?:but\s+)?(?:for|about|with|on|from)\s+(.+?)[?.!\s]*$/i, /^\s*(?:and|but|also)\s+(?:what\s+about\s+|how\s+about\s+)?(.+?)[?.!\s]*$/i, /^\s*(?:what|how)\s+about\s+(.+?)[?.!\s]*$/i, /^\s*(.+?)\s+(?:too|as well)[?.!\s]*$/i];

const PERSON_PRONOUN = /\b(he|she|him|her|his|hers|they|them|their|theirs)\b/gi;
const POSSESSIVE = new Set(['his', 'their', 'hers', 'theirs']);

/** The previous turn's topic: its "about ..." clause, else its own words less the question words. */
function topicOf(question: string): string {
  const about = /\b(?:about|on|regarding|concerning|over)\s+(.+?)[?.!\s]*$/i.exec(question)?.[1];
  if (about) return about;
  return question
    .replace(/^\s*(?:what|who|where|when|why|how|which|did|does|do|is|are|was|were|will|would|can|could)\b(?:\s+(?:did|does|do|is|are|was|were|will|would|can|could|the coverage|the outlets))*\s*/i, '')
    .replace(/[?.!\s]+$/, '');
}

/** Whom a turn was about: the answer's speakers, else the person its question names. */
function speakersOf(turn: Turn, ctx: FollowUpContext): string[] {
  if (turn.speakers.length > 0) return turn.speakers;
  const speaker = analyseQuestion(turn.question, { ...ctx, vocabulary: ctx.vocabulary }).speaker;
  return speaker?.known ? [speaker.entry.name] : [];
}

/** The most recent turn's people (the last turn that had any). */
function lastSpeakers(turns: readonly Turn[], ctx: FollowUpContext): string[] {
  for (let i = turns.length - 1; i >= 0; i--) {
    const speakers = speakersOf(turns[i]!, ctx);
    if (speakers.length > 0) return speakers;
  }
  return [];
}

function names(speakers: readonly string[]): string {
  return speakers.length <= 1 ? (speakers[0] ?? '') : `${speakers.slice(0, -1).join(', ')} and ${speakers.at(-1)}`;
}

function withOutlet(resolved: ResolvedQuestion, outlet: string | null): ResolvedQuestion {
  return outlet !== null && resolved.outlet === undefined && !resolved.compare ? { ...resolved, outlet } : resolved;
}

/** The question a message in a conversation asks, read against the earlier turns. */
export function resolveFollowUp(message: string, turns: readonly Turn[], ctx: FollowUpContext): ResolvedQuestion {
  const asked: ResolvedQuestion = { question: message, rule: 'asked' };
  const previous = turns.at(-1);
  if (!previous) return asked;

  if (WHICH_OUTLETS.test(message)) return { question: previous.question, compare: true, rule: 'outlets' };

  for (const re of ELLIPSIS) {
    const subject = re.exec(message)?.[1]?.trim();
    if (!subject || subject.split(/\s+/).length > 6 || PERSON_PRONOUN.test(subject)) {
      PERSON_PRONOUN.lastIndex = 0;
      continue;
    }
    const outlet = matchOutlet(subject, ctx.outlets);
    const person = resolveSpeaker(subject, ctx.directory);
    if (outlet !== undefined && (!person || person.via !== 'name')) return { question: previous.question, outlet, rule: 'other-outlet' };
    const before = speakersOf(previous, ctx);
    if (person) {
      const topic = before.length > 0 ? /\b(?:about|on|regarding|concerning)\s+(.+?)[?.!\s]*$/i.exec(previous.question)?.[1] : topicOf(previous.question);
      const question = `What did ${person.entry.name} say${topic ? ` about ${topic}` : ''}?`;
      return withOutlet({ question, rule: 'other-speaker' }, previous.outlet);
    }
    if (before.length > 0) return withOutlet({ question: `What did ${names(before)} say about ${subject}?`, rule: 'same-speaker' }, previous.outlet);
    break;
  }

  const people = lastSpeakers(turns, ctx);
  PERSON_PRONOUN.lastIndex = 0;
  if (people.length > 0 && PERSON_PRONOUN.test(message)) {
    PERSON_PRONOUN.lastIndex = 0;
    const who = names(people);
    const question = message.replace(PERSON_PRONOUN, (pronoun: string, _p: string, at: number) => {
      const lower = pronoun.toLowerCase();
      const nextWord = /^\s+([\p{L}-]+)/u.exec(message.slice(at + pronoun.length))?.[1]?.toLowerCase();
      const possessive = POSSESSIVE.has(lower) || (lower === 'her' && nextWord !== undefined && !['say', 'said', 'about', 'on', 'and', 'or'].includes(nextWord));
      return possessive ? `${who}’s` : who;
    });
    return withOutlet({ question, rule: 'pronoun' }, previous.outlet);
  }
  PERSON_PRONOUN.lastIndex = 0;

  if (isBareFollowUp(message) || contentTerms(message).length === 0 && /\b(?:more|go on|continue)\b/i.test(message)) {
    return { question: previous.question, ...(previous.outlet ? { outlet: previous.outlet } : {}), rule: 'repeat' };
  }
  return asked;
}
