/**
 * Everything the news modules derive from the corpus, built in one call at index time, and the
 * look-ups the engine answers speaker questions with.
 */
import type { ArticleMeta, Passage } from '../types.js';
import { extractStatements, type Statement } from './attribution.js';
import { readDirectory, type DirectoryReadings, type PersonReading, type SpeakerDirectory } from './directory.js';
import { entityTokens, groupStatements, idfTable, toGroup, weightsOf, type IdfTable, type StatementGroup, type Weights } from './groupStatements.js';
import { buildSentenceIndex, sentenceIndexOf, sentencesByText, type SentenceIndex } from './compare.js';
import { UNKNOWN_OUTLET } from '../corpus/outlets.js';
import { buildQuestionContext, type QuestionContext } from './questionContext.js';
import { buildAcronyms } from './acronyms.js';
import { vocabularyKeys } from './vocabulary.js';
import { outletList } from '../corpus/outlets.js';
import { placeKeys } from '../text/places.js';
import { sentences as sentencesOf } from '../text/sentences.js';
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
  /** Each passage's content words as `tokens` gives them, in passage order: read, not derived, when a comparison scores passages. */
  passageTokens: PassageTokens;
  /** A passage text's sentences' tokens as `sentences` holds them (undefined for another text): what a comparison splits. */
  passageSentences: (text: string) => readonly ReadonlySet<string>[] | undefined;
  /**
   * The tokens (entityTokens) of statements' texts and subjects, by text, as statement grouping read them: saved with
   * the build (news.json version 6) so that the next build, when its directory reads texts the same, reads only new
   * ones. Empty when loaded from an older file (its texts are read when it is written again).
   */
  textTokens: ReadonlyMap<string, ReadonlySet<string>>;
  /** What the speaker directory read in each distinct passage text (saved with the build, news.json version 6); null when loaded from an older file. */
  readings: DirectoryReadings | null;
}

/**
 * The content words of each passage (entityTokens of its text), by position in the passages, copies sharing one set:
 * derived once per build with the word counts, saved with it (news.json) and read back, so that no question tokenises
 * the passages it compares. Sets are made on first use.
 */
export interface PassageTokens {
  readonly length: number;
  at(i: number): ReadonlySet<string>;
}

/** Passage tokens made by `make` on first use, each position once. */
export function lazyPassageTokens(length: number, make: (i: number) => ReadonlySet<string>): PassageTokens {
  const made: (ReadonlySet<string> | undefined)[] = new Array<ReadonlySet<string> | undefined>(length);
  return {
    length,
    at(i) {
      if (!(i >= 0 && i < length)) throw new RangeError(`no passage ${i}`);
      return (made[i] ??= make(i));
    },
  };
}

/**
 * The passage tokens of these passages: each distinct text read once (`known` first: what the build before read,
 * by text), copies sharing the set.
 */
export function passageTokensOf(passages: readonly { text: string }[], tokensOf: (text: string) => ReadonlySet<string>, known?: ReadonlyMap<string, ReadonlySet<string>>): PassageTokens {
  const read = new Map<string, ReadonlySet<string>>();
  const sets = passages.map((p) => {
    let set = read.get(p.text);
    if (set === undefined) read.set(p.text, (set = known?.get(p.text) ?? tokensOf(p.text)));
    return set;
  });
  return {
    length: sets.length,
    at(i) {
      const set = sets[i];
      if (set === undefined) throw new RangeError(`no passage ${i}`);
      return set;
    },
  };
}

/** Each distinct text of `passages` with its tokens: the build before's, to read only the texts that are new. */
function tokensByText(passages: readonly { text: string }[], tokens: PassageTokens): Map<string, ReadonlySet<string>> | null {
  if (tokens.length !== passages.length) return null;
  const byText = new Map<string, ReadonlySet<string>>();
  passages.forEach((p, i) => {
    if (!byText.has(p.text)) byText.set(p.text, tokens.at(i));
  });
  return byText;
}

/** Texts' tokens are asked for again and again (the same passages rank for many questions): kept, up to a bound. */
const TOKEN_MEMO = 50_000;

/** A text's tokens: a passage's as saved with the build (`known`, found by text), any other text's read and kept. */
function memoTokens(directory: SpeakerDirectory, known?: { passages: readonly { text: string }[]; tokens: PassageTokens }): (text: string) => ReadonlySet<string> {
  const memo = new Map<string, ReadonlySet<string>>();
  // Each passage text's first position, found on first use (the engine's first question, not the start).
  let positions: Map<string, number> | null = null;
  const passageAt = (text: string): number | undefined => {
    if (known === undefined || known.passages.length !== known.tokens.length) return undefined;
    if (positions === null) {
      positions = new Map();
      for (const [i, p] of known.passages.entries()) if (!positions.has(p.text)) positions.set(p.text, i);
    }
    return positions.get(text);
  };
  return (text) => {
    const at = passageAt(text);
    if (at !== undefined) return known!.tokens.at(at);
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

/**
 * Positions of each speaker's groups, and of the groups whose statements mention each entry: derived once, not per
 * question. A statement text's mentions are its `@id` tokens (`textTokens`, as grouping read them; entityTokens makes
 * one per mention, in order, and no other token starts with `@`).
 */
function groupLookups(
  groups: StatementGroup[],
  directory: SpeakerDirectory,
  textTokens: ReadonlyMap<string, ReadonlySet<string>>,
): { bySpeaker: Map<string, number[]>; mentionedIn: Map<string, number[]> } {
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
      if (ids === undefined) mentioned.set(s.text, (ids = mentionIds(textTokens.get(s.text) ?? entityTokens(s.text, directory))));
      for (const id of ids) add(mentionedIn, id, i);
    }
  });
  return { bySpeaker, mentionedIn };
}

/** The ids of the entries a text mentions, from its tokens (entityTokens): each once, in the order first mentioned. */
function mentionIds(tokens: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  for (const t of tokens) if (t.startsWith('@')) ids.push(t.slice(1));
  return ids;
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
  /** Null when the file holds none (versions 3 and 4): read from `passages` on first use. */
  passageTokens: PassageTokens | null;
  /** Null when the file holds none (versions 3 to 5). */
  textTokens: Map<string, ReadonlySet<string>> | null;
  /** Null when the file holds none (versions 3 to 5). */
  readings: DirectoryReadings | null;
}

/**
 * A news index from its saved parts: only linear look-ups are rebuilt. `passages` are the build's, in order: a
 * passage's text finds its saved tokens (without them, every text is read as it comes).
 */
export function assembleNewsIndex(parts: NewsParts, passages: readonly { text: string }[] = []): NewsIndex {
  const { directory, statements, idf, question, speakers, mentionedIn, sentences } = parts;
  const passageTokens = savedPassageTokens(parts, passages);
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
    tokens: memoTokens(directory, { passages, tokens: passageTokens }),
    question,
    speakers,
    idf,
    bySpeaker,
    mentionedIn,
    sentences,
    passageTokens,
    passageSentences: sentencesByText(sentences, passages),
    textTokens: parts.textTokens ?? new Map(),
    readings: parts.readings,
  };
}

/** The saved passage tokens, or (a file without them) each passage's read on first use. */
function savedPassageTokens(parts: NewsParts, passages: readonly { text: string }[]): PassageTokens {
  return parts.passageTokens ?? lazyPassageTokens(passages.length, (i) => entityTokens(passages[i]!.text, parts.directory));
}

/**
 * What the next build reads of a saved news layer (PreviousNews): its parts as they are, without the look-ups a news
 * index answers from (groups, each speaker's), which assembleNewsIndex makes.
 */
export function previousLayer(parts: NewsParts, passages: readonly { text: string }[]): PreviousNews['news'] {
  return { ...parts, passageTokens: savedPassageTokens(parts, passages), textTokens: parts.textTokens ?? new Map() };
}

/** The news layer of the build before, the passages and articles it was derived from, and the articles unchanged since (same file content, so the same passages). */
export interface PreviousNews {
  news: Pick<NewsIndex, 'directory' | 'statements' | 'idf' | 'question' | 'sentences' | 'passageTokens' | 'textTokens' | 'readings'>;
  passages: readonly Passage[];
  articles: readonly ArticleMeta[];
  unchanged: ReadonlySet<string>;
}

/**
 * An article's statements depend on its passages and the speaker directory only: when the directory reads texts as
 * the build before's did (tokenView), an unchanged article's statements are that build's.
 */
function knownStatements(previous: PreviousNews | undefined): Map<string, Statement[]> {
  const known = new Map<string, Statement[]>();
  if (previous === undefined) return known;
  for (const id of previous.unchanged) known.set(id, []);
  for (const s of previous.news.statements) known.get(s.articleId)?.push(s);
  return known;
}

/** What the changed, added and removed articles take away from the build before (`gone`) and bring (`come`): their passages and front matter. */
interface ChangedParts {
  gone: { passages: readonly Passage[]; articles: readonly ArticleMeta[] };
  come: { passages: readonly Passage[]; articles: readonly ArticleMeta[] };
}

function changedParts(previous: PreviousNews, articles: readonly ArticleMeta[], passages: readonly Passage[]): ChangedParts {
  const changedArticle = (a: ArticleMeta): boolean => !previous.unchanged.has(a.id);
  const changedPassage = (p: Passage): boolean => !previous.unchanged.has(p.articleId);
  return {
    gone: { passages: previous.passages.filter(changedPassage), articles: previous.articles.filter(changedArticle) },
    come: { passages: passages.filter(changedPassage), articles: articles.filter(changedArticle) },
  };
}

/**
 * The word counts of the build before, less its changed and removed articles' passages, plus the new passages of
 * the changed and added ones: exactly what idfTable counts over all passages, when the directory (what a text's
 * tokens depend on) is the build before's. Null when the counts do not agree with those passages.
 */
function idfSince(previous: PreviousNews, parts: ChangedParts, passages: number, tokensOf: (text: string) => ReadonlySet<string>): IdfTable | null {
  const { idf } = previous.news;
  if (idf.passages !== previous.passages.length) return null;
  const df = new Map(idf.df);
  for (const p of parts.gone.passages) {
    for (const t of tokensOf(p.text)) {
      const n = df.get(t);
      if (n === undefined) return null;
      if (n === 1) df.delete(t);
      else df.set(t, n - 1);
    }
  }
  for (const p of parts.come.passages) for (const t of tokensOf(p.text)) df.set(t, (df.get(t) ?? 0) + 1);
  return { passages, df };
}

/**
 * The sentence index, each distinct text's sentences read as the build before read them (the same directory gives
 * the same tokens) and only new texts read: exactly coverageSentences. Null when the build before's index does not
 * hold as many sentences as its passages have.
 */
function sentencesSince(previous: PreviousNews, articles: ArticleMeta[], passages: Passage[], tokensOf: (text: string) => ReadonlySet<string>): SentenceIndex | null {
  const before = previous.news.sentences.tokens;
  // Each passage's number of sentences as saved with it (version 5 on), else counted again.
  const countsBefore = previous.news.sentences.counts;
  const saved = countsBefore !== undefined && countsBefore.length === previous.passages.length ? countsBefore : undefined;
  const known = new Map<string, ReadonlySet<string>[]>();
  let at = 0;
  for (const [i, p] of previous.passages.entries()) {
    let sets = known.get(p.text);
    if (sets === undefined) {
      const count = saved?.[i] ?? sentencesOf(p.text).length;
      known.set(p.text, (sets = before.slice(at, at + count)));
      if (sets.length !== count) return null;
    }
    at += sets.length;
  }
  if (at !== before.length) return null;
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
  const outlets: string[] = [];
  const tokens: ReadonlySet<string>[] = [];
  const counts: number[] = [];
  for (const p of passages) {
    let sets = known.get(p.text);
    if (sets === undefined) known.set(p.text, (sets = sentencesOf(p.text).map(tokensOf)));
    const outlet = outletOf.get(p.articleId) ?? UNKNOWN_OUTLET;
    counts.push(sets.length);
    for (const set of sets) {
      outlets.push(outlet);
      tokens.push(set);
    }
  }
  return sentenceIndexOf(outlets, tokens, counts);
}

/**
 * The question context from the build before's: its vocabulary and places with the new texts' added, when every word
 * and place of the texts that went is also in a text that came (then nothing the build before had is lost: a set
 * union, exact). Else null (which words went with the old texts would take every other text to tell).
 */
function questionSince(previous: PreviousNews, parts: ChangedParts, articles: ArticleMeta[], passages: Passage[], directory: SpeakerDirectory): QuestionContext | null {
  const { gone, come } = parts;
  const words = (p: ChangedParts['gone']) => vocabularyKeys([...p.passages.map((x) => x.text), ...p.articles.flatMap((a) => [a.headline, a.outlet, a.author])]);
  const places = (p: ChangedParts['gone']) => placeKeys(new Set([...p.passages.map((x) => x.text), ...p.articles.map((a) => a.headline)]));
  const cameWords = words(come);
  const camePlaces = places(come);
  const kept = (went: ReadonlySet<string>, came: ReadonlySet<string>) => [...went].every((k) => came.has(k));
  if (!kept(words(gone), cameWords) || !kept(places(gone), camePlaces)) return null;
  return {
    directory,
    outlets: outletList(articles),
    vocabulary: new Set([...previous.news.question.vocabulary, ...cameWords]),
    places: new Set([...previous.news.question.places, ...camePlaces]),
    acronyms: buildAcronyms(articles, passages),
  };
}

/** What the build before's directory read, by text (its readings come in the order its passages first give each text); undefined when it saved none, or they do not match its passages. */
function readingsBefore(previous: PreviousNews): { lowerCase: readonly string[]; people: Map<string, PersonReading[]> } | undefined {
  const saved = previous.news.readings;
  if (saved === null) return undefined;
  const people = new Map<string, PersonReading[]>();
  for (const p of previous.passages) {
    if (people.has(p.text)) continue;
    const read = saved.people[people.size];
    if (read === undefined) return undefined;
    people.set(p.text, read);
  }
  return people.size === saved.people.length ? { lowerCase: saved.lowerCase, people } : undefined;
}

/**
 * What a text's tokens (entityTokens: findMentions) and an article's statements (articleStatements: mentions, subjects,
 * speakers by name or role) read of the directory: every entry, in order, but for how often the coverage names it and
 * the role shown (only the directory's own build and the speaker list read those). Two directories that agree on it
 * give every text the same tokens and every article the same statements.
 */
function tokenView(directory: SpeakerDirectory): string {
  return JSON.stringify(directory.entries.map(({ mentions: _mentions, role: _role, ...entry }) => entry));
}

/**
 * The news layer of these articles' passages. Given the build before's (and which articles are unchanged since), what
 * does not depend on the changed articles is taken from it: the question context's vocabulary and places updated by
 * the changed texts; the speaker directory's readings of the texts it read (but texts holding a word whose lower-case
 * use changed); when the directory reads every text the same (tokenView), unchanged articles' statements, the
 * word counts updated by the changed passages, the sentences of the texts it read and the tokens of the statements'
 * texts and subjects it read.
 * Exactly what deriving it afresh gives (test/scale/reindexVsFresh.test.ts, test/news/newsIndex.test.ts); news.json
 * writes sets and counts in a fixed order, so the files are the same too.
 */
export function buildNewsIndex(articles: ArticleMeta[], passages: Passage[], previous?: PreviousNews): NewsIndex {
  const parts = previous && changedParts(previous, articles, passages);
  const readBefore = previous && readingsBefore(previous);
  const { directory, readings } = readDirectory(passages, readBefore && parts && { ...readBefore, changed: { gone: parts.gone.passages, come: parts.come.passages } });
  const same = previous !== undefined && tokenView(previous.news.directory) === tokenView(directory) ? previous : undefined;
  const read = memoTokens(directory);
  // The build before read its texts as this directory does: only new texts are read.
  const passageTokens = passageTokensOf(passages, read, (same && tokensByText(same.passages, same.news.passageTokens)) || undefined);
  const tokens = memoTokens(directory, { passages, tokens: passageTokens });
  const statements = extractStatements(articles, passages, directory, knownStatements(same));
  const idf = (same && parts && idfSince(same, parts, passages.length, tokens)) || idfTable(passages, directory, (text) => tokens(text));
  const weights = weightsOf(idf);
  // The statements' texts and subjects the build before read, read as this directory reads them: only new ones are read.
  const textTokens = new Map(same?.news.textTokens ?? []);
  const groups = groupStatements(statements, weights, { directory, textTokens });
  const { bySpeaker, mentionedIn } = groupLookups(groups, directory, textTokens);
  const sentences = (same && sentencesSince(same, articles, passages, tokens)) || coverageSentences(articles, passages, (text) => entityTokens(text, directory));
  return {
    directory,
    statements,
    groups,
    weights,
    tokens,
    question: (previous && parts && questionSince(previous, parts, articles, passages, directory)) || buildQuestionContext(articles, passages, directory),
    speakers: listSpeakers(directory, groups, articles),
    idf,
    bySpeaker,
    mentionedIn,
    sentences,
    passageTokens,
    passageSentences: sentencesByText(sentences, passages),
    textTokens,
    readings,
  };
}

/** One speaker's distinct statements, in corpus order. */
export function statementsBy(index: NewsIndex, speakerId: string): StatementGroup[] {
  return (index.bySpeaker.get(speakerId) ?? []).map((i) => index.groups[i]!);
}

/** Per news index: its statements by the passage that holds them, made on first use. */
const byPassage = new WeakMap<NewsIndex, Map<string, Statement[]>>();

/** The statements a passage holds, in order. */
export function statementsIn(index: NewsIndex, passageId: string): readonly Statement[] {
  let map = byPassage.get(index);
  if (map === undefined) {
    map = new Map();
    for (const s of index.statements) {
      const list = map.get(s.passageId);
      if (list) list.push(s);
      else map.set(s.passageId, [s]);
    }
    byPassage.set(index, map);
  }
  return map.get(passageId) ?? [];
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
