/** Words that say what kind of answer a question asks for (src/plan/answerType.ts, src/answer/rerank.ts). Data only. */

/**
 * What a "which X" / "what is the X" question asks for, by its noun. Only categories whose instances a passage
 * shows by their form are checked: a country or a city by its name, a person by their name, a number, an amount
 * of money, a date. Every other noun ("what is the goal of the cell", "which points does it list", "which older
 * accords failed") asks for something a passage gives in its own words, so the question is an open one: a
 * passage without the noun may answer it.
 */
export const CATEGORY_NOUNS = {
  country: ['country', 'countries', 'nation', 'nations', 'state', 'states'],
  city: ['city', 'cities', 'town', 'towns', 'capital', 'capitals'],
  person: [
    'person', 'people', 'representative', 'representatives', 'official', 'officials', 'leader', 'leaders', 'minister', 'ministers',
    'politician', 'politicians', 'diplomat', 'diplomats', 'negotiator', 'negotiators', 'envoy', 'envoys', 'delegate', 'delegates',
    'attendee', 'attendees', 'speaker', 'speakers', 'figure', 'figures', 'signatory', 'signatories', 'translator', 'interpreter',
    'spokesman', 'spokeswoman', 'spokesperson', 'journalist', 'journalists', 'reporter', 'reporters', 'author', 'participant', 'participants',
  ],
  quantity: ['number', 'numbers', 'toll', 'total', 'tally', 'size', 'count', 'percentage', 'proportion', 'share'],
  money: ['cost', 'costs', 'price', 'bill', 'budget', 'fee', 'fees', 'spending', 'funding'],
  date: ['date', 'dates', 'day', 'deadline', 'timetable', 'timeline', 'year', 'month', 'week'],
} as const;

/** `word`: a noun the coverage never uses ("what's the weather like"): only a passage with the word would answer. */
export type CategoryClass = 'country' | 'city' | 'person' | 'quantity' | 'percent' | 'age' | 'word';

/**
 * Nouns that ask for an explanation: "what is the goal of the cell", "what's the idea for …". A passage answers
 * them without the word, so the coverage lacking the word is no evidence that it cannot answer.
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
export const COUNTRY_NOUNS: ReadonlySet<string> = new Set(CATEGORY_NOUNS.country);

/** Words after "how much" that ask for money. */
export const MONEY_WORDS: ReadonlySet<string> = new Set(['money', 'cash', 'funding', 'funds', 'aid', 'spending', 'cost', 'costs', 'tax', 'taxpayers', 'budget', 'pounds', 'dollars', 'euros', 'billion', 'million', 'investment', 'pay', 'paying', 'spend', 'spent', 'give', 'giving', 'contribute']);

/** Words after "how much" that leave the thing measured to the verb: "how much will it cost", "how much is the uk paying". */
export const AFTER_MUCH: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'does', 'do', 'did', 'has', 'have', 'had', 'can', 'could', 'should', 'it', 'this', 'that', 'they', 'we', 'the', 'britain', 'uk', 'us', 'france', 'each']);
