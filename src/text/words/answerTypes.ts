/** Words that say what kind of answer a question asks for (src/plan/answerType.ts, src/answer/rerank.ts). Data only. */

/**
 * Nouns that ask for an explanation rather than an instance of a category: "what is the goal of the cell",
 * "what was the point of the meeting". A passage answers them without using the word ("to coordinate …"),
 * so they are open questions, not categories a passage must name ("which cities", "what weather").
 */
export const OPEN_NOUNS: ReadonlySet<string> = new Set(
  (
    'goal goals aim aims purpose purposes point objective objectives intention intentions idea ideas plan plans ' +
    'role roles reason reasons significance meaning message messages outcome outcomes result results ' +
    'point consequence consequences impact effect effects implication implications takeaway takeaways gist ' +
    'summary deal story situation status state position stance view views response reaction reactions mood ' +
    'thinking rationale motive motivation motivations mission function job task tasks difference differences ' +
    'problem problems issue issues concern concerns worry worries risk risks benefit benefits advantage advantages ' +
    'point thing things headline news latest update context background'
  ).split(/\s+/),
);

/** Category nouns a country's name answers: "which country hosted the talks" is answered by "France". */
export const COUNTRY_NOUNS: ReadonlySet<string> = new Set(['country', 'countries', 'nation', 'nations', 'state', 'states']);

/** Words after "how much" that ask for money. */
export const MONEY_WORDS: ReadonlySet<string> = new Set(['money', 'cash', 'funding', 'funds', 'aid', 'spending', 'cost', 'costs', 'tax', 'taxpayers', 'budget', 'pounds', 'dollars', 'euros', 'billion', 'million', 'investment', 'pay', 'paying', 'spend', 'spent', 'give', 'giving', 'contribute']);

/** Words after "how much" that leave the thing measured to the verb: "how much will it cost", "how much is the uk paying". */
export const AFTER_MUCH: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'does', 'do', 'did', 'has', 'have', 'had', 'can', 'could', 'should', 'it', 'this', 'that', 'they', 'we', 'the', 'britain', 'uk', 'us', 'france', 'each']);
