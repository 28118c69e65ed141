/**
 * One speaker's statements grouped by what they say, so a statement carried by several outlets in
 * different wordings ("a very, very big milestone" / "a big, big milestone") is shown once and cited
 * to every outlet.
 *
 * Two statements say the same thing when the content words they share carry most of the weight of
 * the shorter one: a weighted overlap coefficient, each word weighted by how rare it is in the
 * coverage ("milestone" counts for much more than "Ukraine"). Names are compared as the people they
 * name ("Russian President Vladimir Putin", "Putin" and "the Russian president" are one token), and
 * the speaker's own name and the reporting verb are left out. Groups are built by complete linkage:
 * every two statements in a group must say the same thing, so a statement that mixes two remarks does
 * not chain them together.
 */
import type { Passage } from '../types.js';
import type { Statement } from './attribution.js';
import type { SpeakerDirectory } from './directory.js';
import { findMentions } from './mentions.js';
import { contentTermSet, contentTerms } from '../text/tokens.js';
import { REPORTING_WORDS } from './speechVerbs.js';

export interface StatementCarrier {
  passageId: string;
  articleId: string;
  statementId: string;
}

export interface StatementGroup {
  /** The representative statement's id. */
  id: string;
  speakerId: string;
  /** The wording to show: a full direct quote if there is one, else the most complete. */
  representative: Statement;
  statements: Statement[];
  /** Every passage carrying the statement, one entry per passage, in statement order. */
  carriers: StatementCarrier[];
  /** Articles carrying it, each once. */
  articleIds: string[];
}

export type Weights = (token: string) => number;

/** Content words of a text with each mention of someone in the directory as one token, `@id`. */
export function entityTokens(text: string, directory: SpeakerDirectory | null): Set<string> {
  if (directory === null) return contentTermSet(text);
  const mentions = findMentions(text, directory);
  let plain = '';
  let at = 0;
  const entities: string[] = [];
  for (const m of mentions) {
    plain += `${text.slice(at, m.start)} `;
    at = m.end;
    entities.push(`@${m.entry.id}`);
  }
  plain += text.slice(at);
  return new Set([...contentTerms(plain), ...entities]);
}

/** Inverse document frequency over passages: ln(1 + N / df). Words the passages never use weigh the most. */
export function idfWeights(passages: Passage[], directory: SpeakerDirectory | null = null): Weights {
  const df = new Map<string, number>();
  for (const p of passages) for (const t of entityTokens(p.text, directory)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(passages.length, 1);
  return (t) => Math.log(1 + n / (df.get(t) ?? 0.5));
}

/** How much of `a`'s content weight `b` carries (1 when all of `a`'s words are in `b`). */
export function weightedContainment(a: Set<string>, b: Set<string>, weight: Weights): number {
  let total = 0;
  let shared = 0;
  for (const t of a) {
    const w = weight(t);
    total += w;
    if (b.has(t)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

/** Shared weight over the weight of the lighter of the two: 1 when one statement's words are all in the other. */
export function overlap(a: Set<string>, b: Set<string>, weight: Weights): number {
  return Math.max(weightedContainment(a, b, weight), weightedContainment(b, a, weight));
}

/** Same-statement threshold on `overlap`. */
export const SAME_STATEMENT = 0.6;

/** Pure quotes first (their text carries no quote marks), then partial quotes, then reported speech; longer first. */
function preference(s: Statement): number {
  const kind = s.kind === 'direct' ? (/["“”‘’]/.test(s.text.replace(/(?<=\p{L})['’](?=\p{L})/gu, '')) ? 1 : 2) : 0;
  return kind * 10_000 + s.text.length;
}

/** Words that report rather than say (src/news/speechVerbs.ts), as terms: dropped with the subject's own words ("US envoy Jared Kushner described it as"). */
const REPORTING = new Set(REPORTING_WORDS.flatMap((w) => contentTerms(w)));

/** What a statement says, as content words, without the words naming its speaker. */
export function statementTokens(s: Statement, directory: SpeakerDirectory | null = null): Set<string> {
  const own = entityTokens(s.subject, directory);
  const out = new Set<string>();
  for (const t of entityTokens(s.text, directory)) {
    if (!own.has(t) && !REPORTING.has(t) && t !== `@${s.speakerId}`) out.add(t);
  }
  return out;
}

export interface GroupOptions {
  /** Compare names as the people they name. */
  directory?: SpeakerDirectory | null;
  threshold?: number;
}

/** Groups each speaker's statements; groups come in order of their first statement. */
export function groupStatements(statements: Statement[], weight: Weights, options: GroupOptions = {}): StatementGroup[] {
  const { directory = null, threshold = SAME_STATEMENT } = options;
  const bySpeaker = new Map<string, number[]>();
  statements.forEach((s, i) => bySpeaker.set(s.speakerId, [...(bySpeaker.get(s.speakerId) ?? []), i]));
  const tokens = statements.map((s) => statementTokens(s, directory));
  const clusters: number[][] = [];
  for (const members of bySpeaker.values()) {
    const sim = members.map((i) => members.map((j) => overlap(tokens[i] ?? new Set(), tokens[j] ?? new Set(), weight)));
    clusters.push(...completeLinkage(sim, threshold).map((c) => c.map((k) => members[k] ?? 0)));
  }
  return clusters
    .map((c) => c.sort((x, y) => x - y))
    .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))
    .map((c) => toGroup(c.map((i) => statements[i] as Statement)));
}

/**
 * Complete linkage over a similarity matrix: repeatedly merge the two clusters whose least similar
 * pair is the most similar, while that pair still reaches the threshold.
 */
function completeLinkage(sim: number[][], threshold: number): number[][] {
  const clusters: (number[] | null)[] = sim.map((_, i) => [i]);
  const link = sim.map((row) => [...row]);
  for (;;) {
    let best: [number, number] | null = null;
    let bestScore = threshold;
    for (let a = 0; a < clusters.length; a++) {
      if (clusters[a] === null) continue;
      for (let b = a + 1; b < clusters.length; b++) {
        const score = link[a]?.[b] ?? 0;
        if (clusters[b] !== null && score >= bestScore) [best, bestScore] = [[a, b], score];
      }
    }
    if (best === null) break;
    const [a, b] = best;
    clusters[a] = [...(clusters[a] ?? []), ...(clusters[b] ?? [])];
    clusters[b] = null;
    for (let k = 0; k < clusters.length; k++) {
      const merged = Math.min(link[a]?.[k] ?? 0, link[b]?.[k] ?? 0);
      (link[a] as number[])[k] = merged;
      (link[k] as number[])[a] = merged;
    }
  }
  return clusters.filter((c): c is number[] => c !== null);
}

/** A group of statements that say the same thing, with its representative wording and carriers. */
export function toGroup(group: Statement[]): StatementGroup {
  const representative = [...group].sort((a, b) => preference(b) - preference(a))[0] as Statement;
  const carriers: StatementCarrier[] = [];
  for (const s of group) {
    if (!carriers.some((c) => c.passageId === s.passageId)) carriers.push({ passageId: s.passageId, articleId: s.articleId, statementId: s.id });
  }
  return {
    id: representative.id,
    speakerId: representative.speakerId,
    representative,
    statements: group,
    carriers,
    articleIds: [...new Set(group.map((s) => s.articleId))],
  };
}
