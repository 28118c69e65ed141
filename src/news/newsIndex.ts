/**
 * Everything the news modules derive from the corpus, built in one call at index time, and the
 * look-ups the engine answers speaker questions with.
 */
import type { ArticleMeta, Passage } from '../types.js';
import { extractStatements, type Statement } from './attribution.js';
import { buildDirectory, type SpeakerDirectory } from './directory.js';
import { entityTokens, groupStatements, idfWeights, toGroup, type StatementGroup, type Weights } from './groupStatements.js';
import { findMentions } from './mentions.js';
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
  tokens: (text: string) => Set<string>;
  question: QuestionContext;
  speakers: Speaker[];
}

export function buildNewsIndex(articles: ArticleMeta[], passages: Passage[]): NewsIndex {
  const directory = buildDirectory(articles, passages);
  const statements = extractStatements(articles, passages, directory);
  const weights = idfWeights(passages, directory);
  const groups = groupStatements(statements, weights, { directory });
  return {
    directory,
    statements,
    groups,
    weights,
    tokens: (text) => entityTokens(text, directory),
    question: buildQuestionContext(articles, passages, directory),
    speakers: listSpeakers(directory, groups, articles),
  };
}

/** One speaker's distinct statements, in corpus order. */
export function statementsBy(index: NewsIndex, speakerId: string): StatementGroup[] {
  return index.groups.filter((g) => g.speakerId === speakerId);
}

/** Statements by others that mention this person or institution ("what others said about Putin"). */
export function statementsAbout(index: NewsIndex, entryId: string): StatementGroup[] {
  return index.groups.filter(
    (g) => g.speakerId !== entryId && g.statements.some((s) => findMentions(s.text, index.directory).some((m) => m.entry.id === entryId)),
  );
}

/** The groups an outlet carries, each cut down to that outlet's statements and worded as that outlet words it. */
export function inOutlet(groups: StatementGroup[], articles: ArticleMeta[], outlet: string): StatementGroup[] {
  const ids = new Set(articles.filter((a) => a.outlet.toLowerCase() === outlet.toLowerCase()).map((a) => a.id));
  return groups.map((g) => g.statements.filter((s) => ids.has(s.articleId))).filter((own) => own.length > 0).map(toGroup);
}
