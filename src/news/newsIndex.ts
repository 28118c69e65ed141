/**
 * Everything the news modules derive from the corpus, built in one call at index time, and the
 * look-ups the engine answers speaker questions with.
 */
import type { ArticleMeta, Passage } from '../types.js';
import { extractStatements, type Statement } from './attribution.js';
import { buildDirectory, type SpeakerDirectory } from './directory.js';
import { entityTokens, groupStatements, idfTable, toGroup, weightsOf, type IdfTable, type StatementGroup, type Weights } from './groupStatements.js';
import { findMentions } from './mentions.js';
import { buildSentenceIndex, type SentenceIndex } from './compare.js';
import { UNKNOWN_OUTLET } from '../corpus/outlets.js';
import { buildQuestionContext, type QuestionContext } from './questionContext.js';
import { listSpeakers, type Speaker } from './speakers.js';

export interface NewsIndex {
  directory: SpeakerDirectory;
  statements: Statement[];
  /** Statements grouped across outlets: one group per distinct statement. */
  groups: StatementGroup[];
  /** Word weights over the passages (rare words weigh more), for grouping and comparison. */
  weights: Weights;
  /** Content words of a text as `weights` counts them: names of people as one token each. */
  tokens: (text: string) => ReadonlySet<string>;
  question: QuestionContext;
  speakers: Speaker[];
  /** The word counts `weights` is computed from (saved with the index). */
  idf: IdfTable;
  /** Positions in `groups` of each speaker's groups, in order. */
  bySpeaker: Map<string, number[]>;
  /** Positions in `groups` of the groups one of whose statements mentions the entry, in order. */
  mentionedIn: Map<string, number[]>;
  /** Every sentence of the coverage as `tokens` gives it, by outlet: what a comparison checks "carried elsewhere" against. */
  sentences: SentenceIndex;
}

/** Texts' tokens are asked for again and again (the same passages rank for many questions): kept, up to a bound. */
const TOKEN_MEMO = 50_000;

function memoTokens(directory: SpeakerDirectory): (text: string) => ReadonlySet<string> {
  const memo = new Map<string, Set<string>>();
  return (text) => {
    let found = memo.get(text);
    if (!found) {
      if (memo.size >= TOKEN_MEMO) memo.clear();
      found = entityTokens(text, directory);
      memo.set(text, found);
    }
    return found;
  };
}

function coverageSentences(articles: ArticleMeta[], passages: Passage[], tokens: (text: string) => ReadonlySet<string>): SentenceIndex {
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
  return buildSentenceIndex(passages.map((p) => ({ outlet: outletOf.get(p.articleId) ?? UNKNOWN_OUTLET, text: p.text })), tokens);
}

/** Positions of each speaker's groups, and of the groups whose statements mention each entry: derived once, not per question. */
function groupLookups(groups: StatementGroup[], directory: SpeakerDirectory): { bySpeaker: Map<string, number[]>; mentionedIn: Map<string, number[]> } {
  const bySpeaker = new Map<string, number[]>();
  const mentionedIn = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  // Copies of a statement share their words: each distinct text is searched once.
  const mentioned = new Map<string, string[]>();
  groups.forEach((g, i) => {
    add(bySpeaker, g.speakerId, i);
    for (const s of g.statements) {
      let ids = mentioned.get(s.text);
      if (ids === undefined) mentioned.set(s.text, (ids = findMentions(s.text, directory).map((m) => m.entry.id)));
      for (const id of ids) add(mentionedIn, id, i);
    }
  });
  return { bySpeaker, mentionedIn };
}

/** The parts of a news index that are costly to derive, as saved with the index (see newsStore.ts). */
export interface NewsParts {
  directory: SpeakerDirectory;
  statements: Statement[];
  /** Each group as positions in `statements`. */
  groups: number[][];
  idf: IdfTable;
  question: QuestionContext;
  speakers: Speaker[];
  mentionedIn: Map<string, number[]>;
  sentences: SentenceIndex;
}

/** A news index from its saved parts: only linear look-ups are rebuilt. */
export function assembleNewsIndex(parts: NewsParts): NewsIndex {
  const { directory, statements, idf, question, speakers, mentionedIn, sentences } = parts;
  const groups = parts.groups.map((members) => toGroup(members.map((i) => statements[i]!)));
  const bySpeaker = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = bySpeaker.get(g.speakerId);
    if (list) list.push(i);
    else bySpeaker.set(g.speakerId, [i]);
  });
  return {
    directory,
    statements,
    groups,
    weights: weightsOf(idf),
    tokens: memoTokens(directory),
    question,
    speakers,
    idf,
    bySpeaker,
    mentionedIn,
    sentences,
  };
}

/** The news layer of the build before, and the articles unchanged since (same file content, so the same passages). */
export interface PreviousNews {
  news: Pick<NewsIndex, 'directory' | 'statements'>;
  unchanged: ReadonlySet<string>;
}

/**
 * An article's statements depend on its passages and the speaker directory only: when the directory comes out the
 * same as the build before's, an unchanged article's statements are that build's.
 */
function knownStatements(directory: SpeakerDirectory, previous: PreviousNews | undefined): Map<string, Statement[]> {
  const known = new Map<string, Statement[]>();
  if (previous === undefined || JSON.stringify(previous.news.directory) !== JSON.stringify(directory)) return known;
  for (const id of previous.unchanged) known.set(id, []);
  for (const s of previous.news.statements) known.get(s.articleId)?.push(s);
  return known;
}

export function buildNewsIndex(articles: ArticleMeta[], passages: Passage[], previous?: PreviousNews): NewsIndex {
  const directory = buildDirectory(articles, passages);
  const statements = extractStatements(articles, passages, directory, knownStatements(directory, previous));
  const idf = idfTable(passages, directory);
  const weights = weightsOf(idf);
  const groups = groupStatements(statements, weights, { directory });
  const { bySpeaker, mentionedIn } = groupLookups(groups, directory);
  const tokens = memoTokens(directory);
  return {
    directory,
    statements,
    groups,
    weights,
    tokens,
    question: buildQuestionContext(articles, passages, directory),
    speakers: listSpeakers(directory, groups, articles),
    idf,
    bySpeaker,
    mentionedIn,
    sentences: coverageSentences(articles, passages, (text) => entityTokens(text, directory)),
  };
}

/** One speaker's distinct statements, in corpus order. */
export function statementsBy(index: NewsIndex, speakerId: string): StatementGroup[] {
  return (index.bySpeaker.get(speakerId) ?? []).map((i) => index.groups[i]!);
}

/** Statements by others that mention this person or institution ("what others said about Putin"). */
export function statementsAbout(index: NewsIndex, entryId: string): StatementGroup[] {
  return (index.mentionedIn.get(entryId) ?? []).map((i) => index.groups[i]!).filter((g) => g.speakerId !== entryId);
}

/** The groups an outlet carries, each cut down to that outlet's statements and worded as that outlet words it. */
export function inOutlet(groups: StatementGroup[], articles: ArticleMeta[], outlet: string): StatementGroup[] {
  const ids = new Set(articles.filter((a) => a.outlet.toLowerCase() === outlet.toLowerCase()).map((a) => a.id));
  return groups.map((g) => g.statements.filter((s) => ids.has(s.articleId))).filter((own) => own.length > 0).map(toGroup);
}
