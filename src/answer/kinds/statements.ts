/**
 * "What did Kushner say?", "What did Starmer and Macron say?": each person's distinct statements in turn,
 * under one numbering of sources, cut to one outlet when the question names one. With no statement by
 * them: say so, and show what others said about them.
 */
import type { SpeakerEntry } from '../../news/directory.js';
import { inOutlet, statementsAbout, statementsBy } from '../../news/newsIndex.js';
import type { Hit } from '../../retrieval/retrieve.js';
import { abstain } from '../abstention.js';
import { CitationList } from '../citations.js';
import type { AnswerBody, AnswerContext, AnswerKind } from '../context.js';
import { speakerSection, STATEMENTS_SHOWN } from '../speakerAnswer.js';

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
    const cites = new CitationList(ctx.articles);
    // Several people share the room one person would have, each keeping at least two.
    const shown = ctx.shownStatements ?? (speaking.length === 1 ? STATEMENTS_SHOWN : Math.max(2, Math.floor(STATEMENTS_SHOWN / speaking.length) + 1));
    const parts = speaking.map(({ entry, groups }) =>
      speakerSection({ question: ctx.question, entry, groups, passageRank, passages: ctx.passagesById, articles: ctx.articles, cites, shown }),
    );
    const passages = parts.flatMap((p) => p.passages).map((p, i) => ({ ...p, rank: i + 1, citation: cites.numberOf(p.article) }));
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
