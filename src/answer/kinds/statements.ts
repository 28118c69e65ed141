/**
 * "What did Kushner say?", "What did Starmer and Macron say?": each person's distinct statements in turn,
 * under one numbering of sources, cut to one outlet when the question names one. With no statement by
 * them: say so, and show what others said about them.
 */
import { isDictionaryWord } from '../../text/english.js';
import type { SpeakerEntry } from '../../news/directory.js';
import { inOutlet, statementsAbout, statementsBy } from '../../news/newsIndex.js';
import type { StoredPassage } from '../../index/passageStore.js';
import type { Hit } from '../../retrieval/retrieve.js';
import { abstain } from '../abstention.js';
import { namedTopicWords } from '../namedTopic.js';
import { speakerPhrase } from '../../plan/questionAnalysis.js';
import { CitationList } from '../citations.js';
import type { AnswerBody, AnswerContext, AnswerKind } from '../context.js';
import { placeTerm, placeTerms, speakerSection, STATEMENTS_SHOWN, topicTerms } from '../speakerAnswer.js';
import type { StatementGroup } from '../../news/groupStatements.js';
import { foldName } from '../../text/fold.js';
import { placesIn } from '../../text/places.js';
import { placeForms, placeKey } from '../../news/places.js';
import { contentTerms, stem } from '../../text/tokens.js';
import { EVENT_NOUNS } from '../../topic/profile.js';

const EVENT_TERMS: ReadonlySet<string> = new Set(EVENT_NOUNS.flatMap((w) => contentTerms(w)));

/** Content words of each loaded passage, worked out once (a widely carried statement stands in hundreds of them). */
const PASSAGE_TERMS = new WeakMap<StoredPassage, string[]>();

function passageTerms(passage: StoredPassage): string[] {
  let terms = PASSAGE_TERMS.get(passage);
  if (!terms) {
    terms = [...contentTerms(passage.text), ...placeTerms(passage.text)];
    PASSAGE_TERMS.set(passage, terms);
  }
  return terms;
}

/** Rank of each passage id (and its syndicated copies) in the retrieval, to put statements on the question's topic first. */
function rankOfPassages(hits: readonly Hit[]): Map<string, number> {
  const passageRank = new Map<string, number>();
  hits.forEach((h, i) => {
    for (const p of [h.passage, ...h.duplicates]) if (!passageRank.has(p.id)) passageRank.set(p.id, i);
  });
  return passageRank;
}

function statementsOf(ctx: AnswerContext, entry: SpeakerEntry, outlet: string | null) {
  const all = statementsBy(ctx.news, entry.id);
  return { all, groups: outlet ? inOutlet(all, [...ctx.articles.values()], outlet) : all };
}

/** One person with nothing to show: another outlet has them, or others spoke about them, or nothing at all. */
function nothingBy(entry: SpeakerEntry, outlet: string | null, ctx: AnswerContext, passageRank: ReadonlyMap<string, number>): AnswerBody {
  const name = entry.name;
  if (outlet && statementsBy(ctx.news, entry.id).length > 0) {
    return abstain({ code: 'NOT_IN_OUTLET', speaker: name, outlet }, ctx, { suggestions: [`What did ${name} say?`] });
  }
  const reason = { code: 'NO_STATEMENT' as const, speakers: [name], outlet };
  const about = statementsAbout(ctx.news, entry.id);
  if (about.length === 0) return abstain(reason, ctx);
  const cites = new CitationList(ctx.articles);
  const nameOf = (id: string) => ctx.news.directory.entries.find((e) => e.id === id)?.name ?? id;
  const { section, passages } = speakerSection({
    question: ctx.question,
    entry,
    groups: about,
    passageRank,
    passages: ctx.passagesById,
    articles: ctx.articles,
    cites,
    nameOf,
  });
  return { kind: 'abstain', reason, suggestions: [], about: { subject: name, statements: section.statements }, citations: cites.list(), passages };
}

/**
 * The question's topic as written ("greenland"), when none of its words (nor words close to them) is in any
 * passage carrying one of the person's statements; null when the question has no topic or the passages touch it.
 */
function topicNeverTouched(ctx: AnswerContext, entry: SpeakerEntry, groups: readonly StatementGroup[]): string | null {
  // The person's own names, as folded spellings meet ("witkof" is Witkoff), and "according (to)".
  // The words that describe the speaker too ("the man in charge at Downing Street", "the trump envoy who isn't
  // kushner"): they are whom, not what about.
  const own = new Set([...entry.aliases, entry.name, 'according', speakerPhrase(ctx.question) ?? ''].flatMap((a) => a.split(/\s+/)).map(foldName));
  const asked = namedTopicWords(ctx.question, ctx.news.question, (w) => own.has(foldName(w)));
  const terms = topicTerms(ctx.question, entry);
  const topic = new Set(asked.map(stem).filter((t) => terms.has(t)));
  // A place asked about by any of its names ("the us", "america"): touched when a passage names it by any other.
  const questionPlaces = placesIn(ctx.question);
  const asPlace = new Map(questionPlaces.flatMap((p) => contentTerms(p.text).map((t) => [t, placeTerm(p.key)] as const)));
  // A place the topic's profile links to a country ("Florida", "Mar-a-Lago": the US) is touched where the country is.
  for (const w of asked) {
    if (asPlace.has(stem(w)) || placeKey(w.toLowerCase()) === undefined) continue;
    // As the passages' place terms key it: by the first of its forms a text names ("united states" for "florida").
    const place = placeForms(w.toLowerCase())
      .map((f) => placesIn(f)[0])
      .find((m) => m !== undefined);
    if (place) asPlace.set(stem(w), placeTerm(place.key));
  }
  const places = questionPlaces.filter((p) => terms.has(placeTerm(p.key)));
  const seen = new Set<string>();
  for (const g of groups) for (const c of g.carriers) seen.add(c.passageId);
  const have = new Set<string>();
  for (const id of seen) {
    const passage = ctx.passagesById.get(id);
    if (passage) for (const t of passageTerms(passage)) have.add(t);
  }
  if (topic.size === 0 && places.length === 0) return plainTopicNeverTouched(ctx, terms, have, seen);
  for (const t of topic) {
    if (have.has(t) || ctx.related(t).some((r) => have.has(stem(r))) || have.has(asPlace.get(t) ?? '')) return null;
  }
  for (const p of places) if (have.has(placeTerm(p.key))) return null;
  // As a sentence writes it: "the UK", "Putin" (a name typed in lower case).
  const written = asked
    .filter((w) => topic.has(stem(w)) && !places.some((p) => p.text.toLowerCase().split(' ').includes(w.toLowerCase())))
    .map((w) => {
      const place = placesIn(w)[0];
      if (place) return placeName(place.name);
      return /^\p{Ll}/u.test(w) && !isDictionaryWord(w) ? w[0]!.toUpperCase() + w.slice(1) : w;
    });
  written.push(...places.map((p) => placeName(p.name)));
  return written.length > 0 ? [...new Set(written)].join(' ') : null;
}

/** "about giving up territory": the words after "about", when none of them (nor a word close to one) is in a passage quoting the person and the retrieval ranks none of those passages near the top. */
function plainTopicNeverTouched(ctx: AnswerContext, terms: ReadonlySet<string>, have: ReadonlySet<string>, seen: ReadonlySet<string>): string | null {
  // The phrase ends with its sentence ("about the announcement? Need the exact quote").
  const m = /\b(?:about|regarding)\s+([^?!.]+?)[\s]*(?:[?!.]|$)/iu.exec(ctx.question);
  if (!m) return null;
  const phrase = m[1]!;
  const said = contentTerms(phrase);
  if (!said.some((t) => terms.has(t))) return null;
  // The event itself ("about the announcement", "about the deal"): whatever they said is on it.
  if (said.every((t) => EVENT_TERMS.has(t))) return null;
  // Touched by any word of the phrase, the person's role words too ("trump's support" for Trump's envoy).
  for (const t of said) if (have.has(t) || ctx.related(t).some((r) => have.has(stem(r)))) return null;
  if (ctx.hits.slice(0, 3).some((h) => [h.passage, ...h.duplicates].map((p) => p.id).some((id) => seen.has(id)))) return null;
  return phrase;
}

/** A place as a sentence names it: "the UK", "the US", "the EU"; "America", "France". */
function placeName(name: string): string {
  return /^[A-Z]{2,3}$/.test(name) ? `the ${name}` : name;
}

export const statements: AnswerKind<'statements'> = {
  kind: 'statements',
  answer(plan, ctx) {
    const { speakers, outlet } = plan;
    const passageRank = rankOfPassages(ctx.hits.slice(0, plan.search?.k ?? 0));
    const people = speakers.map((entry) => ({ entry, ...statementsOf(ctx, entry, outlet) }));
    const speaking = people.filter((p) => p.groups.length > 0);
    if (speaking.length === 0) {
      if (speakers.length === 1) return nothingBy(speakers[0]!, outlet, ctx, passageRank);
      return abstain({ code: 'NO_STATEMENT', speakers: speakers.map((e) => e.name), outlet }, ctx);
    }
    // One person, asked about a topic none of the passages quoting them touches: they are never quoted on it.
    if (speakers.length === 1 && speaking.length === 1) {
      const offTopic = topicNeverTouched(ctx, speaking[0]!.entry, speaking[0]!.groups);
      if (offTopic) return abstain({ code: 'NO_STATEMENT_ON_TOPIC', speaker: speaking[0]!.entry.name, topic: offTopic }, ctx, { suggestions: [`What did ${speaking[0]!.entry.name} say?`] });
    }
    const cites = new CitationList(ctx.articles);
    // Several people share the room one person would have, each keeping at least two.
    const shown = ctx.shownStatements ?? (speaking.length === 1 ? STATEMENTS_SHOWN : Math.max(2, Math.floor(STATEMENTS_SHOWN / speaking.length) + 1));
    const parts = speaking.map(({ entry, groups }) =>
      speakerSection({ question: ctx.question, entry, groups, passageRank, passages: ctx.passagesById, articles: ctx.articles, cites, shown }),
    );
    // The sources list takes each person's best-matching statement in turn, so every person asked about is near the top.
    const passages = interleave(parts.map((p) => p.passages)).map((p, i) => ({ ...p, rank: i + 1, citation: cites.numberOf(p.article) }));
    return {
      kind: 'statements',
      sections: parts.map((p) => p.section),
      without: people.filter((p) => p.groups.length === 0).map((p) => p.entry.name),
      outlet,
      citations: cites.list(),
      passages,
    };
  },
};

/** Round-robin merge: the first of each list, then the second of each, and so on. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}
