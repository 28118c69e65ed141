import type { ManifestArticle } from '../index/manifest.js';
import type { StoredPassage } from '../index/passageStore.js';
import type { SpeakerEntry } from '../news/directory.js';
import type { StatementGroup } from '../news/groupStatements.js';
import { placesIn } from '../text/places.js';
import { contentTerms, stem } from '../text/tokens.js';
import { citeCarriers, type CitationList } from './citations.js';
import { rankedPassage } from './passages.js';
import type { RankedPassage, SpeakerSection, StatementLine } from './types.js';

/** Statements a rendered answer shows for one person; the rest are listed in `statements`. */
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
  /** Citation numbers, shared with other parts of the same answer (several speakers in one question). */
  cites: CitationList;
  /** For statements by others about `entry` ("What did Putin say?" when he said nothing): who said each. */
  nameOf?: (speakerId: string) => string;
}

function groupRank(group: StatementGroup, passageRank: ReadonlyMap<string, number>): number {
  return Math.min(...group.carriers.map((c) => passageRank.get(c.passageId) ?? Number.POSITIVE_INFINITY));
}

/** Words that ask for statements rather than name a topic. */
const ASKING = new Set(
  ['comment', 'remark', 'statement', 'quote', 'word', 'view', 'reaction', 'react', 'response', 'respond', 'claim', 'talk', 'speak', 'spoke', 'describ', 'call', 'warn', 'add', 'report', 'mention', 'reveal'].map(stem),
);

/** Prefix of a place as a topic term: a country or body whatever it is called ("the us", "America", "Washington"). */
const PLACE = '@place:';

/** A place (its key, as placesIn gives it) as a topic term: `@place:US`. */
export function placeTerm(key: string): string {
  return PLACE + key;
}

/** The places a text names, as topic terms. */
export function placeTerms(text: string): string[] {
  return placesIn(text).map((p) => placeTerm(p.key));
}

/**
 * The question's topic: its content words, less the speaker's names and the words that ask for statements, and
 * the places it names in words that are no content words ("the us"), matched by any of their names ("US-led",
 * "Washington", "American").
 */
export function topicTerms(question: string, entry: SpeakerEntry): Set<string> {
  const names = new Set(entry.aliases.concat(entry.name, entry.roles).flatMap((a) => contentTerms(a)));
  const places = placesIn(question).filter((p) => contentTerms(p.text).length === 0).map((p) => placeTerm(p.key));
  return new Set([...contentTerms(question).filter((t) => !names.has(t) && !ASKING.has(t)), ...places]);
}

/** Content words of a statement group's wordings and sentences, kept per group (the loaded groups are asked about again and again). */
const GROUP_TERMS = new WeakMap<StatementGroup, Set<string>>();

function groupTerms(group: StatementGroup): Set<string> {
  let have = GROUP_TERMS.get(group);
  if (!have) {
    have = new Set(
      group.statements.flatMap((s) => {
        const text = `${s.text} ${s.sentence}`;
        return [...contentTerms(text), ...placeTerms(text)];
      }),
    );
    GROUP_TERMS.set(group, have);
  }
  return have;
}

/** How many topic words a statement (with the sentence it stands in) carries, in any outlet's wording. */
function topicScore(group: StatementGroup, topic: ReadonlySet<string>): number {
  if (topic.size === 0) return 0;
  const have = groupTerms(group);
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


/** One distinct statement as an answer lists it: every outlet's wording, cited to every article carrying it. */
export function statementLine(g: StatementGroup, speaker: string, cites: CitationList, articles: ReadonlyMap<string, ManifestArticle>): StatementLine {
  const { citations, uncited, cited } = citeCarriers(g.articleIds, cites, articles);
  // The passages of the cited articles (all of them when every carrier is cited).
  const carriers = uncited ? g.carriers.filter((c) => cited.has(c.articleId)) : g.carriers;
  return {
    speaker,
    text: g.representative.text,
    kind: g.representative.kind,
    citations,
    ...(uncited ? { uncited } : {}),
    wordings: [...new Set(g.statements.map((s) => s.text))],
    sentences: [...new Set(g.statements.map((s) => s.sentence))],
    passageIds: [g.representative.passageId, ...carriers.map((c) => c.passageId)].filter((id, i, all) => all.indexOf(id) === i),
  };
}

/**
 * One person's statements ("What did Kushner say?"): each distinct statement once (however many outlets
 * carry it, in whatever wording), cited to every outlet that carries it, the ones on the question's topic
 * first; and the passages they stand in, in that order. Reported speech (no quotation marks in the
 * coverage) keeps `kind: 'reported'`.
 */
export function speakerSection(input: SpeakerAnswerInput): { section: SpeakerSection; passages: RankedPassage[] } {
  const { entry, passageRank, passages, articles, shown = STATEMENTS_SHOWN, nameOf, cites } = input;
  const ordered = orderStatements(input.groups, input.question, entry, passageRank);
  const statements = ordered.map((g) => statementLine(g, nameOf ? nameOf(g.speakerId) : entry.name, cites, articles));
  const ranked = ordered.map((g, i) => {
    const own = passages.get(g.representative.passageId)!;
    const copies = [...new Set(g.carriers.map((c) => c.passageId))].filter((id) => id !== own.id).map((id) => passages.get(id)!);
    return rankedPassage(own, i + 1, 1 / (i + 1), copies, articles, cites);
  });
  const section: SpeakerSection = { speaker: { id: entry.id, name: entry.name, role: entry.role }, statements, shown: Math.min(shown, statements.length) };
  return { section, passages: ranked };
}
