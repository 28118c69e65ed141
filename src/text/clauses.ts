/**
 * The clauses of a question, for retrieval: "how near is the end of the fighting, according to the brits" is the
 * question and a qualifier; "is it a rewrite, or does it add anything" two questions. Each clause is searched by its
 * own vector beside the whole question's, as a passage is by its sentences' beside its own (see retrieve.ts): the
 * embedder reads a short clause more sharply than a long question whose asides dilute it.
 */
import { CLAUSE_JOINERS, CLAUSE_OPENERS } from './words/clauses.js';

/** A clause shorter than this (in words) is no question of its own ("per the uk", "lol"). */
export const MIN_CLAUSE_WORDS = 3;

const OPENER = CLAUSE_OPENERS.map((w) => w.replace(/'/g, "['’]")).join('|');
const JOINER = CLAUSE_JOINERS.join('|');
const BREAKS = new RegExp(`[,;:?!()]+|\\s+[-–—]+\\s+|\\s+(?:${JOINER})\\s+(?=(?:${OPENER})\\b)`, 'i');
const OPENS = new RegExp(`^(?:(?:${JOINER})\\s+)?(?:${OPENER})\\b`, 'i');

/**
 * The question's clauses of at least MIN_CLAUSE_WORDS words, in order, from the first that asks something (opens with a
 * question word); empty when that leaves one (the whole question's vector stands for it). What comes before is a
 * preamble ("hey quick question, who leads the force", "according to LBC, how did …"): its words would pull up passages
 * that share them. Asides after are kept: "how did the uk describe the session, productive or nah" asks about "productive".
 */
export function questionClauses(question: string): string[] {
  const parts = question
    .split(BREAKS)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= MIN_CLAUSE_WORDS);
  const first = parts.findIndex((c) => OPENS.test(c));
  const asked = first < 0 ? parts : parts.slice(first);
  return asked.length >= 2 ? asked : first > 0 ? asked : [];
}
