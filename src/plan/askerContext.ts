/**
 * What a message tells about its asker around its question: where they are ("I'm in Manchester, what did Starmer
 * promise?", "Watching from Toronto: …", "Hello from Warsaw!"), what they do ("Asking for my Geography class, …",
 * "Journalist here, …") and what they heard or live through ("A friend told me it was signed in Berlin. Where was it
 * signed?", "My cousin lives in Kharkiv and says …"). The names in it say where the asker stands, not what the question
 * asks about: none of them makes the coverage unable to answer.
 */
import { alternation } from '../text/patterns.js';
import { roleOf } from '../text/words/roles.js';
import { messageClauses, type Span } from '../text/sentences.js';
import { CLAUSE_OPENERS } from '../text/words/clauses.js';
import { isSmallTalkWord } from './messages.js';
import { ASKER_ACTIVITIES, ASKER_WORDS, ASKERS_PEOPLE, PREAMBLES, REQUEST_VERBS } from './phrases.js';

/** Words that say a clause is what the asker heard from someone. */
const HEARSAY = new RegExp(
  `\\b(?:someone (?:said|says|told)|people (?:say|said)|(?:everyone|everybody|people|folks)(?:['’]s|\\s+(?:is|are|keeps?))?\\s+(?:saying|quoting|talking|sharing|posting|asking)|${alternation(ASKERS_PEOPLE)})\\b`,
  'i',
);
const ASKER = new RegExp(`(?<![\\p{L}'])(?:${alternation(ASKER_WORDS)})(?![\\p{L}'])`, 'iu');
/** A clause that asks: a question word or an auxiliary opens it, or a request verb ("tell me …"). */
const OPENS_ASKING = new RegExp(`^(?:(?:so|and|but|also|ok|okay|well|then|anyway|just|oh)\\s+)*(?:${alternation([...CLAUSE_OPENERS, ...REQUEST_VERBS, 'any', 'anything'])})\\b`, 'i');
/** A question word anywhere ("I want to know what Merz said"): the clause asks. */
const ASKS_INSIDE = /\b(?:what|whats|who|whom|whose|when|where|why|how|which|whether)\b/i;
/** The asker's own doing ("Watching from …"), a preamble ("Quick one from Glasgow") or a description of themselves ("Student here"). */
const ABOUT_ASKER = new RegExp(`^(?:(?:${alternation(ASKER_ACTIVITIES)})\\b|(?:${alternation(PREAMBLES.filter((p) => p.includes(' ') || p === 'question'))}|quick one)\\b|[\\p{L}-]+\\s+here$)`, 'iu');
/** A pronoun for a person: the question refers back to someone the asker's clause names ("Merz was there, what did he say?"). */
const REFERS_TO_PERSON = /\b(?:he|she|him|her|his|hers|they|them|their)\b/i;

/**
 * Whether the question's pronoun for a person stands for someone named before it in the message's context: not when the
 * question itself names a person or an office first ("the PM is standing with Copenhagen, and what he said …").
 */
function refersBack(question: string): boolean {
  const m = REFERS_TO_PERSON.exec(question);
  if (!m) return false;
  const before = question.slice(0, m.index);
  const named = before.split(/\s+/).some((w, i) => {
    const bare = w.replace(/[^\p{L}'’-]/gu, '').replace(/['’]s$/, '');
    return roleOf(bare.toLowerCase()) !== undefined || (i > 0 && /^\p{Lu}\p{Ll}/u.test(bare));
  });
  return !named;
}

function asks(text: string): boolean {
  return text.endsWith('?') || OPENS_ASKING.test(text) || ASKS_INSIDE.test(text);
}

function aboutAsker(text: string): boolean {
  const bare = text.replace(/[.!…]+$/, '').trim();
  const first = /^[\p{L}'’]+/u.exec(bare)?.[0] ?? '';
  return ASKER.test(bare.replace(/’/g, "'")) || HEARSAY.test(bare) || ABOUT_ASKER.test(bare) || (first !== '' && isSmallTalkWord(first));
}

/**
 * The stretches of a message that tell about its asker rather than ask: clauses about the asker (first person, their
 * doing, a greeting, what they heard) that ask nothing, when another clause asks the question, and that question does
 * not refer back to a person ("I heard Merz was there. What did he say?" asks about Merz). Empty when it is all question.
 */
export function askerContext(message: string): Span[] {
  const all = messageClauses(message);
  const context = all.filter((c) => !asks(c.text) && aboutAsker(c.text));
  const questions = all.filter((c) => !context.includes(c) && asks(c.text));
  if (context.length === 0 || questions.length === 0) return [];
  const spans = context.map(({ start, end }) => ({ start, end }));
  if (refersBack(withoutAskerContext(message, spans).trim())) return [];
  return spans;
}

/** Whether a stretch of the message lies inside what it tells about its asker. */
export function inAskerContext(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start <= start && end <= s.end);
}

/** The message with what it tells about its asker blanked out (offsets kept). */
export function withoutAskerContext(message: string, spans: readonly Span[] = askerContext(message)): string {
  let out = message;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}
