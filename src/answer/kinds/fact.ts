/**
 * Facts and paraphrases: retrieve -> re-rank by the kind of answer asked for -> decide -> quote. The best
 * part of each top passage is quoted and cited to every outlet carrying it, unless the search found nothing
 * or none of the top passages holds the kind of answer asked for.
 */
import { abstain } from '../abstention.js';
import { CitationList } from '../citations.js';
import type { AnswerKind } from '../context.js';
import { lacksAnswerType, similarityEvidence } from '../decide.js';
import { quoteHit, rankPassages } from '../passages.js';
import { findMentions } from '../../news/mentions.js';
import { rerankByAnswerType, typeMatcher } from '../rerank.js';

export const fact: AnswerKind<'fact'> = {
  kind: 'fact',
  answer(plan, ctx) {
    const { answerType, outlet } = plan;
    const matcher = answerType.kind === 'open' ? null : typeMatcher(answerType, ctx.related, { namesPerson: (text) => findMentions(text, ctx.news.directory).some((m) => m.entry.kind === 'person') });
    // A category ("which cities") is checked, not ranked by: its noun is already a word of the query.
    const rerank = matcher !== null && answerType.kind !== 'category';
    const hits = (rerank ? rerankByAnswerType(ctx.hits, matcher) : ctx.hits).slice(0, plan.search.k);
    const scoped = { ...ctx, hits };
    if (hits.length === 0) return abstain({ code: 'NO_MATCH', outlet }, scoped);
    const closeness = ctx.calibration ? similarityEvidence(ctx.hits, plan.unfamiliar, ctx.calibration, plan.unknownShare) : 'strong';
    // A question that names an outlet, mostly in words the coverage uses ("tdpel - what's next according to them"), is
    // about the coverage however far its passages are: a weak match, not another subject.
    const aboutOutlet = outlet !== null && plan.unknownShare < 0.5;
    if (closeness === 'off-topic' && !aboutOutlet) return abstain({ code: 'OFF_TOPIC' }, scoped);
    if (closeness === 'unfamiliar') return abstain({ code: 'UNKNOWN_NAMES', names: plan.unfamiliar, outlet }, scoped);
    if (matcher && answerType.kind !== 'open' && lacksAnswerType(hits, matcher)) {
      return abstain({ code: 'ANSWER_TYPE_MISSING', answerType, outlet }, scoped);
    }
    const cites = new CitationList(ctx.articles);
    const quotes = hits.slice(0, ctx.quoted).map((hit) => quoteHit(hit, ctx.question, ctx.articles, cites, outlet, ctx.news));
    return { kind: 'passages', quotes, match: closeness === 'weak' || closeness === 'off-topic' ? 'weak' : 'strong', outlet, citations: cites.list(), passages: rankPassages(hits, ctx.articles, cites) };
  },
};
