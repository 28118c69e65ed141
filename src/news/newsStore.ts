/**
 * The news layer as saved with the index (`news.json` in the build folder): derived once per build from the
 * passages, loaded at start instead of derived again. Plain JSON; sets and maps as arrays.
 */
import type { ArticleMeta, Passage } from '../types.js';
import type { Statement } from './attribution.js';
import type { SpeakerDirectory } from './directory.js';
import { assembleNewsIndex, buildNewsIndex, type NewsIndex } from './newsIndex.js';
import type { Speaker } from './speakers.js';
import { sentenceIndexOf, type SentenceIndex } from './compare.js';

/** Bumped when what is saved changes shape; a file of another version is derived again from the passages. */
export const NEWS_STORE_VERSION = 3;

export interface NewsStoreFile {
  version: number;
  directory: SpeakerDirectory;
  statements: Statement[];
  groups: number[][];
  idf: { passages: number; df: [string, number][] };
  question: { outlets: string[]; vocabulary: string[]; places: string[]; acronyms: [string, string][] };
  speakers: Speaker[];
  mentionedIn: [string, number[]][];
  /** The coverage's sentences: their outlets (as positions in `outlets`) and tokens (as positions in `terms`). */
  sentences: { outlets: string[]; outletOf: number[]; terms: string[]; tokens: number[][] };
}

function packSentences(index: SentenceIndex): NewsStoreFile['sentences'] {
  const outlets = [...new Set(index.outlets)];
  const outletNumber = new Map(outlets.map((o, i) => [o, i]));
  const terms = [...index.postings.keys()];
  const termNumber = new Map(terms.map((t, i) => [t, i]));
  return {
    outlets,
    outletOf: index.outlets.map((o) => outletNumber.get(o)!),
    terms,
    tokens: index.tokens.map((set) => [...set].map((t) => termNumber.get(t)!)),
  };
}

function unpackSentences(file: NewsStoreFile['sentences']): SentenceIndex {
  return sentenceIndexOf(
    file.outletOf.map((i) => file.outlets[i]!),
    file.tokens.map((list) => new Set(list.map((i) => file.terms[i]!))),
  );
}

export function newsToJson(news: NewsIndex): string {
  const position = new Map(news.statements.map((s, i) => [s, i]));
  const file: NewsStoreFile = {
    version: NEWS_STORE_VERSION,
    directory: news.directory,
    statements: news.statements,
    groups: news.groups.map((g) => g.statements.map((s) => position.get(s)!)),
    idf: { passages: news.idf.passages, df: [...news.idf.df] },
    question: {
      outlets: news.question.outlets,
      vocabulary: [...news.question.vocabulary],
      places: [...news.question.places],
      acronyms: [...news.question.acronyms],
    },
    speakers: news.speakers,
    mentionedIn: [...news.mentionedIn],
    sentences: packSentences(news.sentences),
  };
  return JSON.stringify(file);
}

/** The saved news layer, or null when the text is not one this version wrote (the caller derives it again). */
export function newsFromJson(text: string): NewsIndex | null {
  let file: NewsStoreFile;
  try {
    file = JSON.parse(text) as NewsStoreFile;
  } catch {
    return null;
  }
  if (file === null || typeof file !== 'object' || file.version !== NEWS_STORE_VERSION) return null;
  const directory = file.directory;
  return assembleNewsIndex({
    directory,
    statements: file.statements,
    groups: file.groups,
    idf: { passages: file.idf.passages, df: new Map(file.idf.df) },
    question: {
      directory,
      outlets: file.question.outlets,
      vocabulary: new Set(file.question.vocabulary),
      places: new Set(file.question.places),
      acronyms: new Map(file.question.acronyms),
    },
    speakers: file.speakers,
    mentionedIn: new Map(file.mentionedIn),
    sentences: unpackSentences(file.sentences),
  });
}

/** The news layer of a build: from its saved file when there is a usable one, else derived from the passages. */
export function loadOrBuildNews(saved: string | null, articles: ArticleMeta[], passages: Passage[]): NewsIndex {
  return (saved !== null ? newsFromJson(saved) : null) ?? buildNewsIndex(articles, passages);
}
