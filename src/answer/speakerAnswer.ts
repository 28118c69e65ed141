import type { AlsoIn, AnswerResult, RankedPassage, StatementLine } from '../engine/types.js';
import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { SpeakerEntry } from '../news/directory.js';
import type { StatementGroup } from '../news/groupStatements.js';
import { CitationList, markers } from './citations.js';

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
  /** For statements by others about `entry` ("What did Putin say?" when he said nothing): who said each. */
  nameOf?: (speakerId: string) => string;
}

/** A statement as quoted in an answer: direct speech in quotation marks, reported speech marked as such. */
export function statementText(s: StatementLine): string {
  return s.kind === 'reported' ? `(reported) ${s.text}` : `“${s.text.replace(/^["“‘']+|["”’']+$/g, '')}”`;
}

function describe(entry: SpeakerEntry): string {
  return entry.role ? `${entry.name} (${entry.role})` : entry.name;
}

function groupRank(group: StatementGroup, passageRank: ReadonlyMap<string, number>): number {
  return Math.min(...group.carriers.map((c) => passageRank.get(c.passageId) ?? Number.POSITIVE_INFINITY));
}

function alsoIn(passage: StoredPassage, articles: ReadonlyMap<string, ManifestArticle>): AlsoIn {
  const a = articles.get(passage.articleId);
  return {
    article: passage.articleId,
    paragraph: passage.paragraph,
    outlet: a?.outlet ?? 'Unknown outlet',
    headline: a?.headline ?? passage.articleId,
    published: a?.published ?? null,
    url: a?.url ?? null,
  };
}

/**
 * "What did Kushner say?": each distinct statement once (however many outlets carry it, in whatever
 * wording), cited to every outlet that carries it, the ones on the question's topic first. Reported
 * speech (no quotation marks in the coverage) is marked as such.
 */
export function speakerAnswer(input: SpeakerAnswerInput): Omit<AnswerResult, 'timings'> {
  const { entry, passageRank, passages, articles, shown = STATEMENTS_SHOWN, nameOf } = input;
  const ordered = [...input.groups]
    .map((g, i) => ({ g, i, rank: groupRank(g, passageRank) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.g);
  const cites = new CitationList(articles);
  const statements: StatementLine[] = ordered.map((g) => {
    const numbers = g.articleIds.map((id) => cites.cite(id));
    const speaker = nameOf ? nameOf(g.speakerId) : entry.name;
    return { speaker, text: g.representative.text, kind: g.representative.kind, citations: [...new Set(numbers)] };
  });

  const count = `${statements.length} distinct statement${statements.length === 1 ? '' : 's'}`;
  const lines = [nameOf ? `${count} by others about ${entry.name}.` : `${describe(entry)}: ${count} in the coverage.`];
  for (const s of statements.slice(0, shown)) lines.push(`${nameOf ? `${s.speaker}: ` : ''}${statementText(s)} ${markers(s.citations)}`);
  if (statements.length > shown) lines.push(`…and ${statements.length - shown} more (ask with /quote for all of them).`);

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
