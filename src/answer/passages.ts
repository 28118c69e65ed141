/** Ranked passages as answers list them, and where a passage stands (outlet, headline, date, link). */
import type { ManifestArticle } from '../index/manifest.js';
import { entryById } from '../news/directory.js';
import { statementsIn, type NewsIndex } from '../news/newsIndex.js';
import type { Hit } from '../retrieval/retrieve.js';
import type { Passage } from '../types.js';
import { citeCarriers, CitationList, pickCarriers } from './citations.js';
import type { AlsoIn, Quote, RankedPassage } from './types.js';
import { pickQuote } from './pickQuote.js';

/** Where a passage stands, as `also` lists it. */
export function placeOf(passage: Passage, articles: ReadonlyMap<string, ManifestArticle>): AlsoIn {
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

/** Per articles map (one per loaded build): each passage's outlet, found once per passage object. */
const outletMemos = new WeakMap<ReadonlyMap<string, ManifestArticle>, WeakMap<Passage, string>>();

/**
 * A passage's outlet ('Unknown outlet' for an article not known), kept per passage: a syndicated paragraph's hundreds
 * of copies are looked at question after question, and an article id is a long string to look up each time.
 */
export function passageOutlets(articles: ReadonlyMap<string, ManifestArticle>): (passage: Passage) => string {
  let memo = outletMemos.get(articles);
  if (memo === undefined) outletMemos.set(articles, (memo = new WeakMap()));
  const known = memo;
  return (passage) => {
    let outlet = known.get(passage);
    if (outlet === undefined) known.set(passage, (outlet = articles.get(passage.articleId)?.outlet ?? 'Unknown outlet'));
    return outlet;
  };
}

/** Per articles map: the outlets of a hit's passage and its copies, in that order, kept per passage (a build's copies of a passage are the same for every question). */
const hitOutletMemos = new WeakMap<ReadonlyMap<string, ManifestArticle>, WeakMap<Passage, readonly string[]>>();

/** The outlets of a hit's passage and of its duplicates, in that order. */
export function hitOutlets(hit: { passage: Passage; duplicates: readonly Passage[] }, articles: ReadonlyMap<string, ManifestArticle>): readonly string[] {
  let memo = hitOutletMemos.get(articles);
  if (memo === undefined) hitOutletMemos.set(articles, (memo = new WeakMap()));
  let outlets = memo.get(hit.passage);
  if (outlets === undefined || outlets.length !== hit.duplicates.length + 1) {
    const outletOf = passageOutlets(articles);
    memo.set(hit.passage, (outlets = [outletOf(hit.passage), ...hit.duplicates.map(outletOf)]));
  }
  return outlets;
}

/**
 * One ranked passage, with the citation number its article is quoted under (if any). `copyOutlets`: the copies'
 * outlets, in order, when known (else looked up).
 */
export function rankedPassage(
  passage: Passage,
  rank: number,
  score: number,
  copies: readonly Passage[],
  articles: ReadonlyMap<string, ManifestArticle>,
  cites: CitationList,
  copyOutlets?: readonly string[],
): RankedPassage {
  // A few copies listed (one per outlet first), the rest counted: a syndicated paragraph can be in hundreds.
  const outletOf = passageOutlets(articles);
  const { kept, uncited } = pickCarriers(copies, copyOutlets?.length === copies.length ? (_, i) => copyOutlets[i]! : outletOf);
  return {
    rank,
    id: passage.id,
    text: passage.text,
    ...placeOf(passage, articles),
    score: Number(score.toFixed(6)),
    also: kept.map((d) => placeOf(d, articles)),
    ...(uncited ? { unlisted: uncited } : {}),
    citation: cites.numberOf(passage.articleId),
  };
}

/** Ranked passages as the JSON output and the bot show them, with the citation number each is quoted under. */
export function rankPassages(hits: readonly Hit[], articles: ReadonlyMap<string, ManifestArticle>, cites: CitationList): RankedPassage[] {
  return hits.map((hit, i) => rankedPassage(hit.passage, i + 1, hit.score, hit.duplicates, articles, cites, hitOutlets(hit, articles).slice(1)));
}

/** Every article that carries a hit's text: the hit's own first, then its syndicated duplicates. */
export function carriers(hit: Hit): string[] {
  return [hit.passage.articleId, ...hit.duplicates.map((d) => d.articleId)];
}

/**
 * The best part of a hit's passage for the question, cited to every article carrying it (only `outlet`'s when
 * the question is scoped to one outlet; its syndicated copies elsewhere stay in `also`).
 */
export function quoteHit(hit: Hit, question: string, articles: ReadonlyMap<string, ManifestArticle>, cites: CitationList, outlet: string | null = null, news: NewsIndex | null = null): Quote {
  const ids = carriers(hit).filter((id) => outlet === null || articles.get(id)?.outlet === outlet);
  const part = pickQuote(hit.passage.text, question);
  const { citations, uncited } = citeCarriers(ids, cites, articles);
  const speakers = news ? unnamedSpeakers(news, hit.passage.id, part.text) : [];
  return { ...part, passageId: hit.passage.id, citations, ...(uncited ? { uncited } : {}), ...(speakers.length > 0 ? { speakers } : {}) };
}

/**
 * Who says the quoted words when the quote itself does not name them ("He said: 'peace through strength'"): the
 * speakers of the statements in it that the coverage attributes through a pronoun or an earlier sentence, whose
 * surname the quote does not write.
 */
export function unnamedSpeakers(news: NewsIndex, passageId: string, quoted: string): string[] {
  const text = quoted.replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const names: string[] = [];
  for (const s of statementsIn(news, passageId)) {
    if (!s.carriedOver || !text.includes(s.sentence.replace(/\s+/g, ' ').trim().slice(0, 60))) continue;
    const name = entryById(news.directory, s.speakerId)?.name;
    if (name === undefined || names.includes(name)) continue;
    const surname = name.split(' ').at(-1)!.toLowerCase();
    if (!lower.includes(surname)) names.push(name);
  }
  return names;
}
