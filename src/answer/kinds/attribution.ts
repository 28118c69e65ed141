/**
 * "Who said peace through strength?": the statements whose words the question quotes, found among those
 * the top passages carry, each with its speaker. When no quoted statement has those words, the passages
 * themselves are quoted (as a fact question would be).
 */
import { entryById } from '../../news/directory.js';
import type { StatementGroup } from '../../news/groupStatements.js';
import { contentTerms } from '../../text/tokens.js';
import { CitationList } from '../citations.js';
import type { AnswerKind } from '../context.js';
import { rankPassages } from '../passages.js';
import { statementLine } from '../speakerAnswer.js';
import { fact } from './fact.js';

/** How many top hits are searched for the statement. */
const DEPTH = 10;
/** Share of the quoted words a statement (with its sentence) must carry. */
const MIN_SHARE = 0.6;
/** Share of the quoted words enough for a statement the top passage carries ("who said putin's stunts only harden their resolve"). */
const TOP_SHARE = 0.5;
/** Statements within this share of the best are listed too (two people saying much the same). */
const NEAR_BEST = 0.85;

export const attribution: AnswerKind<'whoSaid'> = {
  kind: 'whoSaid',
  answer(plan, ctx) {
    const hits = ctx.hits.slice(0, plan.search.k);
    const top = new Map<string, number>();
    hits.slice(0, DEPTH).forEach((h, rank) => {
      for (const p of [h.passage, ...h.duplicates]) if (!top.has(p.id)) top.set(p.id, rank);
    });
    const wanted = new Set(contentTerms(plan.quote));
    const scored: { group: StatementGroup; share: number; rank: number }[] = [];
    for (const group of ctx.news.groups) {
      const rank = Math.min(...group.carriers.map((c) => top.get(c.passageId) ?? Number.POSITIVE_INFINITY));
      if (!Number.isFinite(rank)) continue;
      const have = new Set(group.statements.flatMap((s) => contentTerms(`${s.text} ${s.sentence}`)));
      let shared = 0;
      for (const t of wanted) if (have.has(t)) shared++;
      scored.push({ group, share: wanted.size ? shared / wanted.size : 0, rank });
    }
    scored.sort((a, b) => b.share - a.share || a.rank - b.rank);
    const best = scored[0];
    if (!best || (best.share < MIN_SHARE && !(best.rank === 0 && best.share >= TOP_SHARE))) {
      return fact.answer({ kind: 'fact', answerType: { kind: 'open' }, outlet: plan.search.outlet, unfamiliar: [], unknownShare: 0, search: plan.search }, ctx);
    }
    const cites = new CitationList(ctx.articles);
    const chosen: typeof scored = [];
    for (const s of scored) {
      if (s.share < best.share * NEAR_BEST || chosen.length === 2) break;
      if (!chosen.some((c) => c.group.speakerId === s.group.speakerId)) chosen.push(s);
    }
    const attributions = chosen.map(({ group }) => {
      const entry = entryById(ctx.news.directory, group.speakerId);
      const name = entry?.name ?? group.speakerId;
      return { speaker: { id: group.speakerId, name, role: entry?.role ?? null }, statement: statementLine(group, name, cites, ctx.articles) };
    });
    return { kind: 'attribution', quote: plan.quote, attributions, citations: cites.list(), passages: rankPassages(hits, ctx.articles, cites) };
  },
};
