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
