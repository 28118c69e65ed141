/**
 * Who is speaking: the subject in front of a speech verb, read from a masked sentence (quotes
 * replaced by placeholders). The subject is the noun phrase between the previous clause boundary and
 * the verb, and it must end in a mention of someone ("his special envoy to the Middle East Steve
 * Witkoff", "The Ukrainian President"), be a pronoun ("He"), a relative pronoun whose antecedent is
 * someone ("a statement from Number 10, which said"), or a statement credited to someone ("A summary
 * of the agreement shared by the Elysee, the official residence of the French president, said").
 * Anything else ("it was revealed", "what he called") is not an attribution.
 */
import { PH_CLOSE } from '../text/sentences.js';
import { alternation } from '../text/patterns.js';
import { ISSUED_BY_NOUNS } from '../text/words/speechVerbs.js';
import type { SpeakerDirectory, SpeakerEntry } from './directory.js';
import { findMentions } from './mentions.js';

export type Subject =
  | { kind: 'entity'; entry: SpeakerEntry; text: string; start: number }
  | { kind: 'pronoun'; pronoun: 'person' | 'institution'; text: string; start: number }
  | { kind: 'coordinate'; start: number }
  | { kind: 'none'; start: number };

/** Clause boundaries: punctuation, a closing quote placeholder, and conjunctions that start a clause. */
const BOUNDARY = new RegExp(`[,;:–—()]|${PH_CLOSE}|(?<=\\s|^)(?:while|but|and|as|after|before|when|whereas)(?=\\s)`, 'g');

/** Words after a subject that are not part of it: "Sir Keir Starmer tonight", "the PM today". */
const TRAILING_ADVERB = /\s+(?:tonight|today|yesterday|earlier|later|himself|herself|itself|also|then|previously|again)$/i;

/** "A statement issued by X", "a summary of the agreement released by the X", "a spokesman for X". */
const CREDITED = new RegExp(String.raw`\b(?:${alternation(ISSUED_BY_NOUNS)})\b.*?\b(?:by|from|for)\s+(.+)$`, 'i');

const MAX_SUBJECT_WORDS = 12;

function lastBoundary(text: string): { index: number; match: string } | null {
  let last: { index: number; match: string } | null = null;
  for (const m of text.matchAll(BOUNDARY)) last = { index: m.index, match: m[0] };
  return last;
}

/** The entity a noun phrase names, if the phrase ends with a mention of it or credits a statement to it. */
export function resolvePhrase(phrase: string, directory: SpeakerDirectory): SpeakerEntry | null {
  const np = phrase.trim().replace(TRAILING_ADVERB, '').replace(/[\s,]+$/, '');
  if (np === '' || np.split(/\s+/).length > MAX_SUBJECT_WORDS) return null;
  const credited = CREDITED.exec(np);
  if (credited?.[1]) {
    const first = findMentions(credited[1], directory).find((m) => !m.possessive || m.via === 'institution');
    if (first && first.start <= 4) return first.entry;
  }
  const mentions = findMentions(np, directory);
  const last = mentions[mentions.length - 1];
  if (!last || last.possessive || last.end !== np.length) return null;
  return last.entry;
}

function pronoun(np: string): 'person' | 'institution' | null {
  if (/^(?:he|she|him|her)$/i.test(np)) return 'person';
  if (/^it$/i.test(np)) return 'institution';
  return null;
}

/** Reads the subject of a speech verb at `verbStart` in the masked sentence. */
export function findSubject(masked: string, verbStart: number, directory: SpeakerDirectory): Subject {
  const left = masked.slice(0, verbStart).replace(/\s+$/, '');
  const boundary = lastBoundary(left);
  const npStart = boundary === null ? 0 : boundary.index + boundary.match.length;
  const np = left.slice(npStart).trim();
  const start = npStart + (left.slice(npStart).length - left.slice(npStart).trimStart().length);

  if (np === '') {
    if (boundary && /^(?:and|but)$/.test(boundary.match)) return { kind: 'coordinate', start };
    if (boundary?.match === ',') return appositiveSubject(left.slice(0, boundary.index), directory);
    return { kind: 'none', start };
  }
  const p = pronoun(np);
  if (p) return { kind: 'pronoun', pronoun: p, text: np, start };
  if (/^(?:which|who)$/i.test(np) && boundary?.match === ',') {
    const antecedent = left.slice(0, boundary.index);
    const entry = resolvePhrase(antecedent.slice(antecedentStart(antecedent)), directory);
    return entry ? { kind: 'entity', entry, text: np, start } : { kind: 'none', start };
  }
  const entry = resolvePhrase(np, directory);
  return entry ? { kind: 'entity', entry, text: np, start } : { kind: 'none', start };
}

/** Where the antecedent of "which" starts: the last boundary that is punctuation, or the sentence start. */
function antecedentStart(text: string): number {
  let at = 0;
  for (const m of text.matchAll(/[,;:–—]|\uE001/g)) at = m.index + m[0].length;
  return at;
}

/** "Jared Kushner, Mr Trump’s son-in-law and previously a senior adviser in the White House, said": skip the appositive. */
function appositiveSubject(beforeComma: string, directory: SpeakerDirectory): Subject {
  const comma = beforeComma.lastIndexOf(',');
  if (comma < 0) return { kind: 'none', start: beforeComma.length };
  const appositive = beforeComma.slice(comma + 1).trim();
  if (appositive === '' || appositive.split(/\s+/).length > 16 || appositive.includes('\uE000')) {
    return { kind: 'none', start: beforeComma.length };
  }
  const head = beforeComma.slice(0, comma);
  const from = antecedentStart(head);
  const np = head.slice(from).trim();
  const entry = resolvePhrase(np, directory);
  const start = from + (head.slice(from).length - head.slice(from).trimStart().length);
  return entry ? { kind: 'entity', entry, text: np, start } : { kind: 'none', start };
}
