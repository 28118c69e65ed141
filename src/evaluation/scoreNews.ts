import { answerText, describeReason } from '../answer/text.js';
import { statementsOf, type AnswerResult, type StatementLine } from '../answer/types.js';
import type { NewsQuestion, SpeakerQuestion } from './newsFixtures.js';
import { firstRelevantRank, normaliseForMatch } from './scoreRetrieval.js';

const contains = (texts: readonly string[], snippets: readonly string[]) => {
  const t = texts.map(normaliseForMatch);
  return snippets.map(normaliseForMatch).some((s) => t.some((x) => x.includes(s)));
};

/** A returned statement stands for a gold statement when one of its wordings or sentences carries one of the gold snippets. */
function matchesGold(line: StatementLine, gold: { any: string[] }): boolean {
  return contains([...line.wordings, ...line.sentences, line.text], gold.any);
}

export interface SpeakerOutcome {
  id: string;
  question: string;
  speaker: string;
  /** Gold statements returned / gold statements. */
  recalled: number;
  total: number;
  /** Returned statements that are another person's (they match only other speakers' gold statements). */
  misattributed: string[];
  /** For "no statement" and unknown-person questions: answered as it should be. */
  ok: boolean;
}

/** Gold statements of every speaker, from all speaker questions, to recognise misattribution. */
export function goldBySpeaker(questions: readonly NewsQuestion[]): Map<string, { id: string; any: string[] }[]> {
  const out = new Map<string, Map<string, { id: string; any: string[] }>>();
  for (const q of questions) {
    if (q.kind !== 'speaker') continue;
    const m = out.get(q.speaker) ?? new Map();
    for (const s of q.statements) m.set(s.id, s);
    out.set(q.speaker, m);
  }
  return new Map([...out].map(([k, v]) => [k, [...v.values()]]));
}

export function scoreSpeaker(q: SpeakerQuestion, result: AnswerResult, gold: Map<string, { id: string; any: string[] }[]>): SpeakerOutcome {
  const returned = result.kind === 'abstain' ? [] : statementsOf(result);
  const own = gold.get(q.speaker) ?? [];
  const recalled = q.statements.filter((g) => returned.some((line) => matchesGold(line, g))).length;
  const others = [...gold].filter(([speaker]) => speaker !== q.speaker).flatMap(([, list]) => list);
  const misattributed = returned
    .filter((line) => !own.some((g) => matchesGold(line, g)) && others.some((g) => matchesGold(line, g)))
    .map((line) => line.text);
  let ok = true;
  if (q.expect_no_statement) {
    ok = result.kind === 'abstain' && statementsOf(result).every((s) => s.speaker.toLowerCase() !== q.speaker.toLowerCase());
  } else if (q.unanswerable) {
    ok = result.kind === 'abstain';
  }
  return { id: q.id, question: q.question, speaker: q.speaker, recalled, total: q.statements.length, misattributed, ok };
}

export interface OutletOutcome {
  id: string;
  question: string;
  outlet: string;
  /** Every cited outlet is the one asked for (or, when it has nothing, the engine said so). */
  correct: boolean;
  detail: string;
}

export function scoreOutlet(q: Extract<NewsQuestion, { kind: 'outlet' }>, result: AnswerResult, ranked: string[][]): OutletOutcome {
  if (!q.outlet_has_it) {
    const correct = result.kind === 'abstain' && describeReason(result.reason).includes(q.outlet);
    return { id: q.id, question: q.question, outlet: q.outlet, correct, detail: correct ? 'said it has nothing' : `answered: ${answerText(result).slice(0, 80)}` };
  }
  const cited = [...new Set(result.citations.map((c) => c.outlet))];
  const rank = firstRelevantRank(q.expect, ranked);
  const correct = result.kind !== 'abstain' && cited.length > 0 && cited.every((o) => o === q.outlet) && rank !== null && rank <= 5;
  return { id: q.id, question: q.question, outlet: q.outlet, correct, detail: `cited ${cited.join(', ') || 'nothing'}; rank ${rank ?? '>10'}` };
}

export interface CompareOutcome {
  id: string;
  question: string;
  onTopic: boolean;
  onlyInFound: number;
  onlyInTotal: number;
}

export function scoreCompare(q: Extract<NewsQuestion, { kind: 'compare' }>, result: AnswerResult): CompareOutcome {
  const comparison = result.kind === 'compare' ? result.comparison : null;
  const rows = comparison?.outlets ?? [];
  const onTopic = contains(rows.map((r) => r.quote?.text ?? ''), q.topic_expect) || contains(result.passages.slice(0, 5).map((p) => p.text), q.topic_expect);
  const wanted = Object.entries(q.only_in ?? {});
  // Flagged either as a fact only that outlet reports, or as that outlet's own wording of a shared sentence.
  const flagged = [
    ...(comparison?.onlyIn ?? []),
    ...(comparison?.wording ?? []).flatMap((w) => [w, w.versus].filter((v) => v.phrases.length > 0)),
  ];
  const found = wanted.filter(([outlet, snippets]) => contains(flagged.filter((o) => o.outlet === outlet).map((o) => o.sentence), snippets)).length;
  return { id: q.id, question: q.question, onTopic, onlyInFound: found, onlyInTotal: wanted.length };
}
