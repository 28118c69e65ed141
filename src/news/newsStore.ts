/**
 * The news layer as saved with the index (`news.json` in the build folder): derived once per build from the
 * passages, loaded at start instead of derived again. Plain JSON; sets and maps as arrays. Version 4 stores each
 * distinct string of the statements and speakers once (syndicated copies repeat the same texts, sentences, speakers
 * and outlets hundreds of times), statements as rows of numbers, and each distinct sentence token set once. Version 5
 * adds each passage's tokens (each distinct set once), so that a comparison reads them instead of tokenising the
 * passages it scores; version 3 and 4 files still load (their passages are tokenised on first use, as before).
 * Version 6 adds the tokens of the statements' texts and subjects (each distinct text once), so that a reindex whose
 * speaker directory reads texts as the build before's did reads only the new ones; version 5 files still load (those
 * texts are read again when grouping, or when the layer is written), and what the speaker directory read in each
 * distinct passage text, under which lower-case words (see DirectoryReadings).
 */
import type { ArticleMeta, Passage } from '../types.js';
import type { Statement } from './attribution.js';
import { readDirectory, type DirectoryReadings, type SpeakerDirectory } from './directory.js';
import { assembleNewsIndex, buildNewsIndex, lazyPassageTokens, type NewsIndex, type NewsParts, type PassageTokens } from './newsIndex.js';
import type { Speaker } from './speakers.js';
import { sentenceIndexOf, type SentenceIndex } from './compare.js';
import { sentences as sentencesOf } from '../text/sentences.js';
import { entityTokens } from './groupStatements.js';

/** Bumped when what is saved changes shape; a file of another version (but 3 and 4) is derived again from the passages. */
export const NEWS_STORE_VERSION = 6;

/** Version 3: statements, speakers and sentences written out in full. */
export interface NewsStoreFileV3 {
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

/** Version 4: repeated strings as positions in `strings`; version 5 adds `passages`, version 6 `statementTokens`. */
export interface NewsStoreFile {
  version: number;
  /** Every distinct string of the statements and speakers. */
  strings: string[];
  directory: SpeakerDirectory;
  /** One row per statement: see STATEMENT_COLUMNS. */
  statements: number[][];
  groups: number[][];
  idf: { passages: number; df: [string, number][] };
  question: { outlets: string[]; vocabulary: string[]; places: string[]; acronyms: [string, string][] };
  /** id, name, role (-1: none), statements, outlets: strings as positions in `strings`. */
  speakers: [number, number, number, number, number[]][];
  mentionedIn: [string, number[]][];
  /** The coverage's sentences: their outlets (positions in `outlets`) and token sets (positions in `sets`, each set positions in `terms`). */
  sentences: { outlets: string[]; outletOf: number[]; terms: string[]; sets: number[][]; setOf: number[]; counts?: number[] };
  /** Version 5: each passage's tokens (NewsIndex.passageTokens), as positions in `sets`, each set positions in `terms`. */
  passages?: { terms: string[]; sets: number[][]; setOf: number[] };
  /**
   * Version 6: the tokens (entityTokens) of each distinct statement text and subject, in the order the statements
   * first give them (text, then subject): `texts` as positions in `strings`, `sets` each as positions in `terms`.
   */
  statementTokens?: { terms: string[]; texts: number[]; sets: number[][] };
  /** Version 6: what the speaker directory read in each distinct passage text (DirectoryReadings); absent when the layer was written without its passages. */
  readings?: DirectoryReadings;
}

/** A table of distinct values (distinct by `keyOf`), each given its position once. */
function table<T>(keyOf: (value: T) => string): { items: T[]; at: (value: T) => number } {
  const items: T[] = [];
  const position = new Map<string, number>();
  return {
    items,
    at(value) {
      const key = keyOf(value);
      let i = position.get(key);
      if (i === undefined) {
        i = items.length;
        items.push(value);
        position.set(key, i);
      }
      return i;
    },
  };
}

/**
 * `number` of each set, worked out once per set object: copies of a text share their token sets, so a set is listed
 * (and its key joined) once rather than once per copy. The same numbers: a set met again gets the one it got first.
 */
function once(number: (set: ReadonlySet<string>) => number): (set: ReadonlySet<string>) => number {
  const known = new Map<ReadonlySet<string>, number>();
  return (set) => {
    let n = known.get(set);
    if (n === undefined) known.set(set, (n = number(set)));
    return n;
  };
}

/**
 * A statement's row: id (its part after `${passageId}/`, or the whole id as -1 - position when it does not start so),
 * speakerId, text, kind, passageId, articleId, pattern, carriedOver (0 or 1), subject, sentence.
 */
function statementRow(s: Statement, at: (s: string) => number): number[] {
  const prefix = `${s.passageId}/`;
  const id = s.id.startsWith(prefix) ? at(s.id.slice(prefix.length)) : -1 - at(s.id);
  return [id, at(s.speakerId), at(s.text), at(s.kind), at(s.passageId), at(s.articleId), at(s.pattern), s.carriedOver ? 1 : 0, at(s.subject), at(s.sentence)];
}

function statementOf(row: number[], strings: string[]): Statement {
  const str = (i: number | undefined): string => {
    const s = strings[i!];
    if (typeof s !== 'string') throw new Error('a statement refers to no string');
    return s;
  };
  if (row.length !== 10) throw new Error('a statement row has the wrong length');
  const passageId = str(row[4]);
  const id = row[0]! >= 0 ? `${passageId}/${str(row[0])}` : str(-1 - row[0]!);
  return {
    id,
    speakerId: str(row[1]),
    text: str(row[2]),
    kind: str(row[3]) as Statement['kind'],
    passageId,
    articleId: str(row[5]),
    pattern: str(row[6]),
    carriedOver: row[7] === 1,
    subject: str(row[8]),
    sentence: str(row[9]),
  };
}

/** `counts`: how many sentences each passage has (the index's own, or counted from the passages when it has none). */
function packSentences(index: SentenceIndex, counts: number[] | undefined): NewsStoreFile['sentences'] {
  const outlets = [...new Set(index.outlets)];
  const outletNumber = new Map(outlets.map((o, i) => [o, i]));
  // The postings' terms, in their order (each term as the sentences first give it), without building the postings.
  const firstMet = new Set<string>();
  for (const set of index.tokens) for (const t of set) firstMet.add(t);
  const terms = [...firstMet];
  const termNumber = new Map(terms.map((t, i) => [t, i]));
  // Identical sentences (syndicated copies) have equal token sets, in the same order: each is kept once.
  const sets = table<number[]>((list) => list.join(','));
  const setOf = index.tokens.map(once((set) => sets.at([...set].map((t) => termNumber.get(t)!))));
  return { outlets, outletOf: index.outlets.map((o) => outletNumber.get(o)!), terms, sets: sets.items, setOf, ...(counts !== undefined ? { counts } : {}) };
}

function unpackSentences(file: NewsStoreFile['sentences'], passages: number | null): SentenceIndex {
  const term = (i: number): string => {
    const t = file.terms[i];
    if (typeof t !== 'string') throw new Error('a sentence refers to no term');
    return t;
  };
  // Sentences with the same tokens share one set (read only, as compare.ts reads them).
  const sets = file.sets.map((list) => new Set(list.map(term)));
  const tokens = file.setOf.map((i) => sets[i] ?? new Set<string>());
  if (file.setOf.some((i) => sets[i] === undefined) || file.outletOf.length !== tokens.length) throw new Error('the sentences do not agree');
  const { counts } = file;
  if (counts !== undefined) {
    if (!Array.isArray(counts) || (passages !== null && counts.length !== passages)) throw new Error('the sentence counts do not match the passages');
    if (counts.reduce((sum, n) => sum + n, 0) !== tokens.length) throw new Error('the sentence counts do not add up');
  }
  return sentenceIndexOf(
    file.outletOf.map((i) => file.outlets[i]!),
    tokens,
    counts,
  );
}

function packPassageTokens(tokens: PassageTokens): NonNullable<NewsStoreFile['passages']> {
  const terms = table<string>((t) => t);
  // Copies of a text share its set: each distinct set is kept once.
  const sets = table<number[]>((list) => list.join(','));
  const numberOf = once((set: ReadonlySet<string>) => sets.at([...set].map((t) => terms.at(t))));
  const setOf = Array.from({ length: tokens.length }, (_, i) => numberOf(tokens.at(i)));
  return { terms: terms.items, sets: sets.items, setOf };
}

/** Each distinct statement text and subject with its tokens: as grouping read them, else read now (a layer loaded from an older file). */
function packStatementTokens(news: NewsIndex, at: (s: string) => number): NonNullable<NewsStoreFile['statementTokens']> {
  const terms = table<string>((t) => t);
  const texts: number[] = [];
  const sets: number[][] = [];
  const done = new Set<string>();
  for (const s of news.statements) {
    for (const text of [s.text, s.subject]) {
      if (done.has(text)) continue;
      done.add(text);
      texts.push(at(text));
      sets.push([...(news.textTokens.get(text) ?? entityTokens(text, news.directory))].map((t) => terms.at(t)));
    }
  }
  return { terms: terms.items, texts, sets };
}

/** The saved statement texts' tokens, checked whole (every text a string, every term known). */
function unpackStatementTokens(file: NonNullable<NewsStoreFile['statementTokens']>, strings: readonly string[]): Map<string, ReadonlySet<string>> {
  const { terms, texts, sets } = file;
  if (!Array.isArray(terms) || !Array.isArray(texts) || !Array.isArray(sets) || texts.length !== sets.length) throw new Error('the statement tokens are not lists');
  const out = new Map<string, ReadonlySet<string>>();
  texts.forEach((at, k) => {
    const text = strings[at];
    const list = sets[k];
    if (typeof text !== 'string' || !Array.isArray(list)) throw new Error('a statement token set refers to no text');
    out.set(
      text,
      new Set(
        list.map((t) => {
          const term = terms[t];
          if (typeof term !== 'string') throw new Error('a statement token set refers to no term');
          return term;
        }),
      ),
    );
  });
  return out;
}

/** The saved directory readings, checked whole (each reading of a known kind, with its fields). */
function checkedReadings(file: DirectoryReadings): DirectoryReadings {
  const strings = (list: unknown): boolean => Array.isArray(list) && list.every((x) => typeof x === 'string');
  const ok = (r: unknown): boolean => {
    if (!Array.isArray(r)) return false;
    if (r[0] === 0) return r.length === 5 && typeof r[1] === 'string' && typeof r[2] === 'string' && strings(r[3]) && typeof r[4] === 'boolean';
    if (r[0] === 1) return r.length === 4 && typeof r[1] === 'string' && typeof r[2] === 'string' && typeof r[3] === 'boolean';
    return r[0] === 2 && r.length === 4 && strings(r[1]) && strings(r[2]) && strings(r[3]);
  };
  if (!strings(file.lowerCase) || !Array.isArray(file.people) || !file.people.every((list) => Array.isArray(list) && list.every(ok))) {
    throw new Error('the directory readings do not hold together');
  }
  return file;
}

/** The saved passage tokens, checked whole (every position a set, every set's terms known); each set made on first use. */
function unpackPassageTokens(file: NonNullable<NewsStoreFile['passages']>, passages: number | null): PassageTokens {
  const { terms, sets, setOf } = file;
  if (!Array.isArray(setOf) || !Array.isArray(sets) || !Array.isArray(terms)) throw new Error('the passage tokens are not lists');
  if (passages !== null && setOf.length !== passages) throw new Error('the passage tokens do not match the passages');
  if (setOf.some((i) => !Array.isArray(sets[i]))) throw new Error('a passage refers to no token set');
  if (sets.some((list) => list.some((t) => typeof terms[t] !== 'string'))) throw new Error('a passage token set refers to no term');
  const made = new Map<number, ReadonlySet<string>>();
  return lazyPassageTokens(setOf.length, (i) => {
    const k = setOf[i]!;
    let set = made.get(k);
    if (set === undefined) made.set(k, (set = new Set(sets[k]!.map((t) => terms[t]!))));
    return set;
  });
}

function unpackSentencesV3(file: NewsStoreFileV3['sentences']): SentenceIndex {
  return sentenceIndexOf(
    file.outletOf.map((i) => file.outlets[i]!),
    file.tokens.map((list) => new Set(list.map((i) => file.terms[i]!))),
  );
}

/**
 * `passages`: the build's, to count their sentences when the news layer does not hold the counts (one read from a
 * version 4 file); without them such a file is written without the counts (and still loads).
 */
export function newsToJson(news: NewsIndex, passages?: readonly { text: string }[]): string {
  const counts = news.sentences.counts ?? passages?.map((p) => sentencesOf(p.text).length);
  const position = new Map(news.statements.map((s, i) => [s, i]));
  const { items: strings, at } = table<string>((s) => s);
  const file: NewsStoreFile = {
    version: NEWS_STORE_VERSION,
    strings,
    directory: news.directory,
    statements: news.statements.map((s) => statementRow(s, at)),
    groups: news.groups.map((g) => g.statements.map((s) => position.get(s)!)),
    // Counts and sets in a fixed order: a news layer updated from the build before's holds them in another order than one derived afresh.
    idf: { passages: news.idf.passages, df: [...news.idf.df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) },
    question: {
      outlets: news.question.outlets,
      vocabulary: [...news.question.vocabulary].sort(),
      places: [...news.question.places].sort(),
      acronyms: [...news.question.acronyms],
    },
    speakers: news.speakers.map((s) => [at(s.id), at(s.name), s.role === null ? -1 : at(s.role), s.statements, s.outlets.map(at)]),
    mentionedIn: [...news.mentionedIn],
    sentences: packSentences(news.sentences, counts),
    passages: packPassageTokens(news.passageTokens),
  };
  file.statementTokens = packStatementTokens(news, at);
  // A layer loaded from an older file has no readings: read from the passages when given.
  const readings = news.readings ?? (passages !== undefined ? readDirectory(passages).readings : null);
  if (readings !== null) file.readings = readings;
  return JSON.stringify(file);
}

/**
 * The saved news layer, or null when the text is not one this version reads (the caller derives it again).
 * `passages`: the build's, in order (its passages' saved tokens are found by their text; a file of another number
 * of passages is not this build's). Without them (a script reading statements), texts are read as they come.
 */
export function newsFromJson(text: string, passages?: readonly { text: string }[]): NewsIndex | null {
  const parts = newsPartsFromJson(text, passages);
  if (parts === null) return null;
  try {
    return assembleNewsIndex(parts, passages);
  } catch {
    // Inconsistent (groups naming no statement, say): derived again.
    return null;
  }
}

/**
 * newsFromJson's parts, without the look-ups a news index answers from (groups, each speaker's): what the next
 * build's news layer reads of the build before's (its statements, counts, readings and tokens). Null when the text is
 * not one this version reads.
 */
export function newsPartsFromJson(text: string, passages?: readonly { text: string }[]): NewsParts | null {
  let file: NewsStoreFile | NewsStoreFileV3;
  try {
    file = JSON.parse(text) as NewsStoreFile | NewsStoreFileV3;
  } catch {
    return null;
  }
  if (file === null || typeof file !== 'object') return null;
  try {
    if (file.version === NEWS_STORE_VERSION || file.version === 5 || file.version === 4) return partsV4(file as NewsStoreFile, passages);
    if (file.version === 3) return partsV3(file as NewsStoreFileV3);
  } catch {
    // Inconsistent (a file this version did not write as it reads it): derived again.
  }
  return null;
}

function partsV4(file: NewsStoreFile, passages: readonly { text: string }[] = []): NewsParts {
  if (file.version >= 5 && file.passages === undefined) throw new Error('no passage tokens');
  if (file.version >= 6 && file.statementTokens === undefined) throw new Error('no statement tokens');
  const { strings, directory } = file;
  const str = (i: number): string => {
    const s = strings[i];
    if (typeof s !== 'string') throw new Error('a speaker refers to no string');
    return s;
  };
  return {
    directory,
    statements: file.statements.map((row) => statementOf(row, strings)),
    groups: file.groups,
    idf: { passages: file.idf.passages, df: new Map(file.idf.df) },
    question: questionOf(file.question, directory),
    speakers: file.speakers.map(([id, name, role, statements, outlets]) => ({ id: str(id), name: str(name), role: role === -1 ? null : str(role), statements, outlets: outlets.map(str) })),
    mentionedIn: new Map(file.mentionedIn),
    sentences: unpackSentences(file.sentences, passages.length > 0 ? passages.length : null),
    passageTokens: file.passages === undefined ? null : unpackPassageTokens(file.passages, passages.length > 0 ? passages.length : null),
    textTokens: file.statementTokens === undefined ? null : unpackStatementTokens(file.statementTokens, strings),
    readings: file.readings === undefined ? null : checkedReadings(file.readings),
  };
}

function partsV3(file: NewsStoreFileV3): NewsParts {
  const directory = file.directory;
  return {
    directory,
    statements: file.statements,
    groups: file.groups,
    idf: { passages: file.idf.passages, df: new Map(file.idf.df) },
    question: questionOf(file.question, directory),
    speakers: file.speakers,
    mentionedIn: new Map(file.mentionedIn),
    sentences: unpackSentencesV3(file.sentences),
    passageTokens: null,
    textTokens: null,
    readings: null,
  };
}

function questionOf(question: NewsStoreFile['question'], directory: SpeakerDirectory): NewsIndex['question'] {
  return {
    directory,
    outlets: question.outlets,
    vocabulary: new Set(question.vocabulary),
    places: new Set(question.places),
    acronyms: new Map(question.acronyms),
  };
}

/** The news layer of a build: from its saved file when there is a usable one, else derived from the passages. */
export function loadOrBuildNews(saved: string | null, articles: ArticleMeta[], passages: Passage[]): NewsIndex {
  return (saved !== null ? newsFromJson(saved, passages) : null) ?? buildNewsIndex(articles, passages);
}
