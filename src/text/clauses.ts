/**
 * The clauses of a question, for retrieval: "how near is the end of the fighting, according to the brits" is the
 * question and a qualifier; "is it a rewrite, or does it add anything" two questions. Each clause is searched by its
 * own vector beside the whole question's, as a passage is by its sentences' beside its own (see retrieve.ts): the
 * embedder reads a short clause more sharply than a long question whose asides dilute it.
 */
import { CLAUSE_JOINERS, CLAUSE_OPENERS } from './words/clauses.js';

/** A clause shorter than this (in words) is no question of its own ("per the uk", "lol"). */
export const MIN_CLAUSE_WORDS = 3;

const JOINED = new RegExp(`\\s+(?:${CLAUSE_JOINERS.join('|')})\\s+(?=(?:${CLAUSE_OPENERS.map((w) => w.replace(/'/g, "['’]")).join('|')})\\b)`, 'i');
const BREAKS = new RegExp(`[,;:?!()]+|\\s+[-–—]+\\s+|${JOINED.source}`, 'i');

/**
 * The question's clauses of at least MIN_CLAUSE_WORDS words, in order; empty when it is one clause (its own vector
 * stands for it). Asides are kept: "how did the uk describe the session, productive or nah" asks about "productive".
 */
export function questionClauses(question: string): string[] {
  const parts = question
    .split(BREAKS)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= MIN_CLAUSE_WORDS);
  return parts.length >= 2 ? parts : [];
}
