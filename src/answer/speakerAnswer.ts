import type { AnswerResult, RankedPassage, StatementLine } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { SpeakerEntry } from '../news/directory.js';
import type { StatementGroup } from '../news/groupStatements.js';
import { contentTerms, stem } from '../text/tokens.js';
import { CitationList, markers } from './citations.js';
import { alsoIn } from './composeAnswer.js';

/** Statements shown in the answer text; the rest are listed in `statements` and by /quote. */
export const STATEMENTS_SHOWN = 6;

export interface SpeakerAnswerInput {
  question: string;
  entry: SpeakerEntry;
  /** The speaker's distinct statements (already cut to one outlet when the question names one). */
  groups: readonly StatementGroup[];
  /** Rank of each passage id for the question (lower is better), to put the statements on its topic first. */
  passageRank: ReadonlyMap<string, number>;
  passages: ReadonlyMap<string, StoredPassage>;
  articles: ReadonlyMap<string, ManifestArticle>;
  shown?: number;
  /** Citation numbers shared with other parts of the same answer (several speakers in one question). */
  cites?: CitationList;
  /** For statements by others about `entry` ("What did Putin say?" when he said nothing): who said each. */
  nameOf?: (speakerId: string) => string;
}

/** A statement as quoted in an answer: direct speech in quotation marks, reported speech marked as such. */
export function statementText(s: Pick<StatementLine, 'kind' | 'text'>): string {
  if (s.kind === 'reported') return `(reported) ${s.text}`;
  const inner = s.text.replace(/^["“‘']+|["”’']+$/g, '');
  // A statement with quotation marks of its own ("“military hubs” will be set up ...") is shown as written.
  return /["“”]/.test(inner) || /(?:^|\s)‘|’(?=\s|[,.;:!?]|$)/.test(inner) ? s.text : `“${inner}”`;
}

function describe(entry: SpeakerEntry): string {
  return entry.role ? `${entry.name} (${entry.role})` : entry.name;
}

function groupRank(group: StatementGroup, passageRank: ReadonlyMap<string, number>): number {
  return Math.min(...group.carriers.map((c) => passageRank.get(c.passageId) ?? Number.POSITIVE_INFINITY));
}

/** Words that ask for statements rather than name a topic. */
const ASKING = new Set(
  ['comment', 'remark', 'statement', 'quote', 'word', 'view', 'reaction', 'react', 'response', 'respond', 'claim', 'talk', 'speak', 'spoke', 'describ', 'call', 'warn', 'add', 'report', 'mention', 'reveal'].map(stem),
);

/** The question's topic: its content words, less the speaker's names and the words that ask for statements. */
function topicTerms(question: string, entry: SpeakerEntry): Set<string> {
  const names = new Set(entry.aliases.concat(entry.name, entry.roles).flatMap((a) => contentTerms(a)));
  return new Set(contentTerms(question).filter((t) => !names.has(t) && !ASKING.has(t)));
}

/** How many topic words a statement (with the sentence it stands in) carries, in any outlet's wording. */
function topicScore(group: StatementGroup, topic: ReadonlySet<string>): number {
  if (topic.size === 0) return 0;
  const have = new Set(group.statements.flatMap((s) => contentTerms(`${s.text} ${s.sentence}`)));
  let score = 0;
  for (const t of topic) if (have.has(t)) score++;
  return score;
}

/**
 * Statements on the question's topic first ("about deterrence"), then those the retrieval ranks highest;
 * with no topic, the most widely carried first.
 */
export function orderStatements(
  groups: readonly StatementGroup[],
  question: string,
  entry: SpeakerEntry,
  passageRank: ReadonlyMap<string, number>,
): StatementGroup[] {
  const topic = topicTerms(question, entry);
  const scored = groups.map((g, i) => ({
    g,
    i,
    topic: topicScore(g, topic),
    rank: groupRank(g, passageRank),
    reach: g.articleIds.length,
    direct: g.representative.kind === 'direct' ? 1 : 0,
  }));
  // With no topic ("What did Kushner say?"), the most widely reported statements lead, in the speaker's own words first.
  const order =
    topic.size === 0
      ? (a: (typeof scored)[number], b: (typeof scored)[number]) => b.reach - a.reach || b.direct - a.direct || a.rank - b.rank || a.i - b.i
      : (a: (typeof scored)[number], b: (typeof scored)[number]) => b.topic - a.topic || a.rank - b.rank || b.reach - a.reach || a.i - b.i;
  return scored.sort(order).map((x) => x.g);
}


/**
 * "What did Kushner say?": each distinct statement once (however many outlets carry it, in whatever
 * wording), cited to every outlet that carries it, the ones on the question's topic first. Reported
 * speech (no quotation marks in the coverage) is marked as such.
 */
export function speakerAnswer(input: SpeakerAnswerInput): Omit<AnswerResult, 'timings'> {
  const { entry, passageRank, passages, articles, shown = STATEMENTS_SHOWN, nameOf } = input;
  const ordered = orderStatements(input.groups, input.question, entry, passageRank);
  const cites = input.cites ?? new CitationList(articles);
  const statements: StatementLine[] = ordered.map((g) => {
    const numbers = g.articleIds.map((id) => cites.cite(id));
    const speaker = nameOf ? nameOf(g.speakerId) : entry.name;
    return {
      speaker,
      text: g.representative.text,
      kind: g.representative.kind,
      citations: [...new Set(numbers)],
      wordings: [...new Set(g.statements.map((s) => s.text))],
      sentences: [...new Set(g.statements.map((s) => s.sentence))],
    };
  });

  const count = `${statements.length} distinct statement${statements.length === 1 ? '' : 's'}`;
  const lines = [nameOf ? `${count} by others about ${entry.name}.` : `${describe(entry)}: ${count} in the coverage.`];
  for (const s of statements.slice(0, shown)) lines.push(`${nameOf ? `${s.speaker}: ` : ''}${statementText(s)} ${markers(s.citations)}`);
  if (statements.length > shown) lines.push(`…and ${statements.length - shown} more (/quote ${entry.name} lists them all).`);

  const ranked: RankedPassage[] = ordered.map((g, i) => {
    const own = passages.get(g.representative.passageId)!;
    const others = [...new Set(g.carriers.map((c) => c.passageId))].filter((id) => id !== own.id).map((id) => passages.get(id)!);
    const head = alsoIn(own, articles);
    return {
      rank: i + 1,
      text: own.text,
      article: own.articleId,
      paragraph: own.paragraph,
      outlet: head.outlet,
      headline: head.headline,
      published: head.published,
      url: head.url,
      score: Number((1 / (i + 1)).toFixed(6)),
      also: others.map((p) => alsoIn(p, articles)),
      citation: cites.numberOf(own.articleId),
    };
  });

  return {
    question: input.question,
    answer: lines.join('\n'),
    abstained: false,
    abstainReason: null,
    suggestions: [],
    citations: cites.list(),
    passages: ranked,
    statements,
  };
}

/**
 * "What did Starmer and Macron say?": each person's statements in turn, under one numbering of sources.
 */
export function speakersAnswer(inputs: readonly Omit<SpeakerAnswerInput, 'cites'>[], articles: ReadonlyMap<string, ManifestArticle>): Omit<AnswerResult, 'timings'> {
  const cites = new CitationList(articles);
  const parts = inputs.map((input) => speakerAnswer({ ...input, shown: Math.max(2, Math.floor(STATEMENTS_SHOWN / inputs.length) + 1), cites }));
  const passages = parts.flatMap((p) => p.passages).map((p, i) => ({ ...p, rank: i + 1, citation: cites.numberOf(p.article) }));
  return {
    question: inputs[0]?.question ?? '',
    answer: parts.map((p) => p.answer).join('\n\n'),
    abstained: false,
    abstainReason: null,
    suggestions: [],
    citations: cites.list(),
    passages,
    statements: parts.flatMap((p) => p.statements ?? []),
  };
}
