/**
 * Patterns for the verbs news copy reports speech with, built from the speech-verb table
 * (src/text/words/speechVerbs.ts). Two sorts: verbs whose complement is what was said ("said the UK
 * would ...", "warned that ..."), where the statement is the complement; and verbs that report speech
 * through their object ("described the agreement as ...", "accused Putin of ..."), where the statement
 * is the whole clause. Plus participles that add a second statement to a sentence ("..., adding that
 * ..."), the audience a verb like "told" names before its complement, and the verbs and nouns with
 * which a question asks for someone's words.
 */
import { alternation } from '../text/patterns.js';
import { AUDIENCES, SPEECH_VERBS, STATEMENT_NOUNS, verbForms } from '../text/words/speechVerbs.js';

const reporting = SPEECH_VERBS.filter((v) => v.reports !== undefined);

/** Forms copy reports with: the past, and the present of the commonest ("says", "adds", "tells"). */
export const REPORTING_VERB_FORMS: readonly string[] = [...verbForms(reporting, ['past']), ...verbForms(reporting.filter((v) => v.present), ['third'])];

const COMPLEMENT = new Set([
  ...verbForms(reporting.filter((v) => v.reports === 'complement'), ['past']),
  ...verbForms(reporting.filter((v) => v.reports === 'complement' && v.present), ['third']),
]);

const spaced = (forms: string[]): string => alternation(forms).replace(/ /g, '\\s+');

/** Finite speech verb with optional auxiliary and adverb absorbed: "has confirmed", "also dismissed", "made it clear". */
export const SPEECH_VERB = new RegExp(
  `(?<=^|\\s)(?:(?:has|have|had)\\s+)?(?:(?:also|later|then|previously|earlier|again|repeatedly|further|today|yesterday|tonight)\\s+)?(${spaced([...REPORTING_VERB_FORMS])})(?=$|[\\s,.:;])`,
  'g',
);

/** "..., adding that", "while reiterating his previous comments that", "describing ... as". */
export const PARTICIPLE = new RegExp(`(?<=^|\\s)(?:while\\s+)?(${alternation(verbForms(SPEECH_VERBS.filter((v) => v.adds), ['ing']))})(?=\\s)`, 'g');

/** True when the statement is the verb's complement rather than the whole clause. */
export function takesComplement(verb: string): boolean {
  return COMPLEMENT.has(verb.replace(/\s+/g, ' ').toLowerCase());
}

/**
 * Words that report rather than say, though they stand in a statement's text: the verbs whose statement
 * is the whole clause ("described it as ..."), multi-word verbs ("made it clear"), and verbs used
 * impersonally ("..., it was revealed").
 */
export const REPORTING_WORDS: readonly string[] = verbForms(
  reporting.filter((v) => v.reports === 'clause' || v.impersonal || v.base.includes(' ')),
  ['past'],
).flatMap((f) => f.split(' '));

/** The audience after "told" ("told the press conference", "told reporters"), dropped from the complement. */
export const AUDIENCE = new RegExp(
  `^\\s*(?:the\\s+)?(?:${spaced([...AUDIENCES])}|(?:\\p{Lu}[\\p{L}’']*\\s?)+)(?=[\\s,.:;]|$)`,
  'u',
);

/**
 * The verbs a question asks for someone's words with, base form and past participle: "What did X
 * say?", "What has X warned?". A regular-expression alternation.
 */
export const ASKED_VERBS = alternation(verbForms(SPEECH_VERBS.filter((v) => v.asked), ['base', 'past', 'pastParticiple']));

/** Past participles a question names what someone said with: "said by X", "spoken by X", "quoted by X". */
export const ASKED_PARTICIPLES = alternation(verbForms(SPEECH_VERBS.filter((v) => v.asked || v.cue), ['pastParticiple']));

/** Nouns for what someone said, singular and plural: "comments", "remarks", "views". An alternation. */
export const STATEMENT_NOUN = alternation(STATEMENT_NOUNS.flatMap((n) => [n, `${n}s`]));

/** A question that asks what someone said: "say", "told", "comments", "views", "according to", "anything from", "heard from", ... */
export const STATEMENT_CUE = new RegExp(
  `\\b(?:${alternation(verbForms(SPEECH_VERBS.filter((v) => v.cue)))}|${STATEMENT_NOUN}|according to|per(?!\\s+(?:cent|capita|annum|year|month|week|day|hour|person|head|unit|se)\\b)(?=\\s+\\S)|(?:anything|something|a word|a peep) from|hear(?:d)? from)\\b(?!\\s+me\\b)`,
  'i',
);

/** The same cues less the nouns: a question that asks for someone's words with a verb ("say", "told", "anything from"). */
export const STATEMENT_VERB_CUE = new RegExp(
  `\\b(?:${alternation(verbForms(SPEECH_VERBS.filter((v) => v.cue)))}|according to|(?:anything|something|a word|a peep) from|hear(?:d)? from)\\b(?!\\s+me\\b)`,
  'i',
);
