import { bestPerOutlet, compareCoverage } from '../../news/compare.js';
import type { NewsIndex } from '../../news/newsIndex.js';
import { resolveSpeaker } from '../../news/speakers.js';
import { placesIn } from '../../text/places.js';
import { stem } from '../../text/tokens.js';
import { namedTopicWords } from '../namedTopic.js';
import { CitationList } from '../citations.js';
import type { AnswerKind } from '../context.js';
import { hitOutlets, rankPassages } from '../passages.js';
import type { Hit } from '../../retrieval/retrieve.js';
import { pickQuote, type QuotedPart } from '../pickQuote.js';
import type { Comparison } from '../types.js';

/** Words that ask for a comparison rather than name its topic. */
const COMPARE_WORDS = /\b(?:how|did|do|does|the|outlets?|differ(?:ed|ent|ence|ences)?|compare[ds]?|comparison|cover(?:ed|age)?|report(?:ed|s|ing)?|each|which|between|on|about|according|to|say|said)\b/gi;

/**
 * Whether a text names one of the question's named topics: by its word, as
 * the person or body it names ("Number 10" is Downing Street), or, for a place, by any of its names; null when the
 * question names none.
 */
function namedTopicMatcher(question: string, news: NewsIndex): ((text: string) => boolean) | null {
  const named = namedTopicWords(question, news.question);
  const places = new Set(placesIn(question).map((p) => p.key));
  if (named.length === 0 && places.size === 0) return null;
  // A name typed in lower case ("on putin") is no mention to the directory, which reads capitalised names; passages
  // carry the person's entity token (see entityTokens) in place of the name, so it is looked up as a speaker too.
  const people = named.flatMap((w) => resolveSpeaker(w, news.directory)?.entry.id ?? []).map((id) => `@${id}`);
  const forms = [...new Set([...named.map(stem), ...people, ...[...news.tokens(question)].filter((t) => t.startsWith('@'))])];
  // Syndicated copies share their text: each distinct text is read once.
  const seen = new Map<string, boolean>();
  return (text) => {
    let on = seen.get(text);
    if (on === undefined) {
      const have = news.tokens(text);
      on = forms.some((t) => have.has(t)) || (places.size > 0 && placesIn(text).some((p) => places.has(p.key)));
      seen.set(text, on);
    }
    return on;
  };
}

/** Every outlet of the articles, each once, sorted: the same for every question until a reindex brings new articles. */
const outletLists = new WeakMap<ReadonlyMap<string, { outlet: string }>, string[]>();
function outletsOf(articles: ReadonlyMap<string, { outlet: string }>): string[] {
  let list = outletLists.get(articles);
  if (list === undefined) outletLists.set(articles, (list = [...new Set([...articles.values()].map((a) => a.outlet))].sort()));
  return list;
}

/** How many top hits (with their syndicated copies) count as "on the topic" for a comparison. */
export const COMPARE_DEPTH = 12;

/**
 * "How did the outlets differ on ...?": each outlet's best passage on the topic side by side, the
 * outlets with nothing on it, and the sentences only one outlet carries.
 */
export const compare: AnswerKind<'compare'> = {
  kind: 'compare',
  answer(plan, { question, hits: found, articles, news }) {
    // "how did the Mail and the Independent differ": only those outlets' passages, side by side.
    const named = new Set(plan.outlets);
    const inNamed = (h: Hit) => named.size === 0 || hitOutlets(h, articles).some((o) => named.has(o));
    const admitted = found.filter(inNamed);
    const hits = admitted.slice(0, plan.search.k);
    // A topic named in the question ("greenland", "kushner", "the us"): an outlet whose passages never name it has
    // nothing on it, however close its best passage's wording; one that names it only further down the ranking still
    // has its passage shown: past the first COMPARE_DEPTH, the retrieved passages that name it count too (copies are near-
    // duplicates of the passage found, so it speaks for them), and bestPerOutlet keeps those that name it.
    const onTopic = namedTopicMatcher(question, news);
    const deeper = onTopic ? admitted.slice(COMPARE_DEPTH).filter((h) => onTopic(h.passage.text)) : [];
    const top = [...hits.slice(0, COMPARE_DEPTH), ...deeper];
    // Each outlet's passage is the one sharing the question's rarest topic words ("milestone" over "Kushner"),
    // then the best ranked; every carrier of a hit counts for its outlet, so a syndicated passage shows under each.
    const topic = news.tokens(question.replace(COMPARE_WORDS, ' '));
    // Syndicated copies share their text: each distinct text is scored once.
    const scores = new Map<string, number>();
    const topicScore = (text: string) => {
      const known = scores.get(text);
      if (known !== undefined) return known;
      const have = news.tokens(text);
      let sum = 0;
      for (const t of topic) if (have.has(t)) sum += news.weights(t);
      scores.set(text, sum);
      return sum;
    };
    // What a text holding every topic word scores, summed as topicScore sums: no text scores more.
    let most = 0;
    for (const t of topic) most += news.weights(t);
    const carried = function* () {
      for (const h of top) {
        const outlets = hitOutlets(h, articles);
        for (const [i, outlet] of outlets.entries()) {
          const p = i === 0 ? h.passage : h.duplicates[i - 1]!;
          if (named.size === 0 || named.has(outlet)) yield { passage: p, outlet, text: p.text, base: h.score };
        }
      }
    };
    // Each outlet's best only (what compareCoverage keeps of them), its copies that cannot beat it left unread.
    const ranked = bestPerOutlet(carried(), topicScore, most, onTopic ?? undefined).map(({ candidate: { passage: p, outlet }, score }) => ({
      article: p.articleId,
      paragraph: p.paragraph,
      outlet,
      text: p.text,
      score,
    }));
    const outlets = outletsOf(articles).filter((o) => named.size === 0 || named.has(o));
    const result = compareCoverage(ranked, {
      outlets,
      weight: news.weights,
      tokens: news.tokens,
      sentences: news.sentences,
      passageSentences: news.passageSentences,
      // Two outlets named: a sentence is one outlet's own when the other does not carry it.
      ...(named.size > 0 ? { among: named } : {}),
    });

    const cites = new CitationList(articles);
    // Syndicated copies share their text: each distinct text's part is picked once (a copy given to each row).
    const parts = new Map<string, QuotedPart>();
    const rows = result.outlets.map(({ outlet, passage }) => {
      if (!passage) return { outlet, quote: null };
      let part = parts.get(passage.text);
      if (part === undefined) parts.set(passage.text, (part = pickQuote(passage.text, question)));
      return { outlet, quote: { ...part, passageId: `${passage.article}#${passage.paragraph}`, citations: [cites.cite(passage.article)] } };
    });
    const onlyIn = result.onlyIn.map((o) => ({ outlet: o.outlet, sentence: o.sentence, citation: cites.numberOf(o.article) }));
    const wording = result.wording.map((w) => ({
      outlet: w.outlet,
      sentence: w.sentence,
      phrases: w.phrases,
      citation: cites.cite(w.article),
      versus: { outlet: w.versus.outlet, sentence: w.versus.sentence, phrases: w.versus.phrases, citation: cites.cite(w.versus.article) },
    }));

    const comparison: Comparison = { outlets: rows, onlyIn, wording };
    return { kind: 'compare', comparison, citations: cites.list(), passages: rankPassages(hits, articles, cites) };
  },
};
