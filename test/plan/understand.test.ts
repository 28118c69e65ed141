/** The planner on a small synthetic coverage: which plan each kind of question gets, before anything is searched. */
import { describe, expect, it } from 'vitest';
import { buildNewsIndex, statementsBy } from '../../src/news/newsIndex.js';
import type { QuestionPlan } from '../../src/plan/plan.js';
import { SPEAKER_RANK_DEPTH, understand, type PlanContext, type PlanOptions } from '../../src/plan/understand.js';
import type { ArticleMeta, Passage } from '../../src/types.js';

const articles: ArticleMeta[] = [
  { id: 'planet-1', outlet: 'Daily Planet', headline: 'Bridges promised for Ruritania', published: '2026-01-06', url: null, author: null },
  { id: 'bugle-1', outlet: 'The Bugle', headline: 'Ruritania deal signed', published: '2026-01-07', url: null, author: null },
];
const passages: Passage[] = [
  ['planet-1', 'Prime Minister Jane Smith said: “We will build three bridges in Ruritania before the winter.”'],
  ['planet-1', 'Tom Brown, the finance minister, told reporters the bridges would cost £40 million.'],
  ['planet-1', 'Jane Smith added that the deal was “a very good day for Ruritania”.'],
  ['bugle-1', 'The deal was signed in Zenda on Tuesday by Jane Smith and Tom Brown.'],
  ['bugle-1', 'Tom Brown said: “The money is there and the engineers are ready.”'],
].map(([articleId, text], i) => ({ id: `${articleId}#${i}`, articleId: articleId!, paragraph: i, text: text! }));

const news = buildNewsIndex(articles, passages);
const ctx: PlanContext = { coverage: news.question, outletCoverage: () => news.question, retrieveK: 10, topicWords: new Set(['ruritania', 'deal']), isEnglishWord: () => true, speaks: (id) => statementsBy(news, id).length > 0,
  headlines: (outlet) => articles.filter((a) => a.outlet === outlet).map((a) => a.headline),
  overview: () => articles.map((a) => a.headline).join('. '),
};
const plan = (question: string, options?: PlanOptions): QuestionPlan => understand(question, ctx, options);

describe('understand', () => {
  it('refuses a question of common words only, with nothing to search', () => {
    expect(plan('what is the')).toEqual({ kind: 'refuse', refusal: { code: 'NO_CONTENT_WORDS' }, search: null });
  });

  it('refuses a sum ("what\'s 2+2"), which was answered with a weak match, but a number may be a name ("no 10")', () => {
    for (const q of ["what's 2+2", 'what is 12 x 7']) expect(plan(q)).toEqual({ kind: 'refuse', refusal: { code: 'NO_CONTENT_WORDS' }, search: null });
    for (const q of ['what did no 10 say', 'did the g7 meet']) {
      const p = plan(q);
      expect(p.kind === 'refuse' ? p.refusal.code : p.kind).not.toBe('NO_CONTENT_WORDS');
    }
  });

  it('"what happened?", "tl;dr": the coverage as a whole, searched by the headlines the context gives; "what happened to it" needs an earlier answer', () => {
    for (const q of ['what happened?', 'tl;dr', 'catch me up']) {
      const p = plan(q);
      expect(p.kind).toBe('fact');
      if (p.kind !== 'fact') return;
      expect(p.search.text).toBe('Bridges promised for Ruritania. Ruritania deal signed');
      expect(p.answerType).toEqual({ kind: 'open' });
      expect(p.unfamiliar).toEqual([]);
    }
    expect(plan('what happened to it').kind).toBe('clarify');
    expect(plan('what happened to the bridges').kind).toBe('fact');
    const scoped = plan('what happened to the bridges');
    if (scoped.kind === 'fact') expect(scoped.search.text).toBe('what happened to the bridges');
  });

  it('refuses names the coverage never mentions, and still lists the nearest passages', () => {
    const p = plan('What did Boris Johnson say about the bridges?');
    expect(p.kind).toBe('refuse');
    if (p.kind !== 'refuse') return;
    expect(p.refusal).toEqual({ code: 'UNKNOWN_NAMES', names: ['Boris Johnson'], outlet: null });
    expect(p.search?.text).toBe('What did Boris Johnson say about the bridges?');
  });

  it("asks for one person's statements, ranked deep enough to order all of them", () => {
    const p = plan('What did Jane Smith say?');
    expect(p.kind).toBe('statements');
    if (p.kind !== 'statements') return;
    expect(p.speakers.map((s) => s.name)).toEqual(['Jane Smith']);
    expect(p.search?.k).toBe(SPEAKER_RANK_DEPTH);
  });

  it('"anything from tom brown?", "did we hear from jane smith": their statements', () => {
    for (const [q, name] of [['anything from tom brown?', 'Tom Brown'], ['did we hear from jane smith', 'Jane Smith']] as const) {
      const p = plan(q);
      expect(p.kind, q).toBe('statements');
      if (p.kind === 'statements') expect(p.speakers.map((s) => s.name)).toEqual([name]);
    }
  });

  it('asks for several people in turn: "What did Smith and Brown say?"', () => {
    const p = plan('What did Smith and Brown say?');
    expect(p.kind === 'statements' && p.speakers.map((s) => s.name)).toEqual(['Jane Smith', 'Tom Brown']);
  });

  it('scopes to an outlet the question names, or the option names', () => {
    const named = plan('What did the Daily Planet report about the bridges?');
    expect(named.kind === 'fact' && named.outlet).toBe('Daily Planet');
    const option = plan('What about the bridges?', { outlet: 'the bugle' });
    expect(option.kind === 'fact' && option.search.outlet).toBe('The Bugle');
  });

  it('an outlet named with nothing else to look up is its coverage as a whole, searched by its headlines', () => {
    for (const question of ['What did the Daily Planet report?', 'anything from the daily planet', "daily planet's take?"]) {
      const p = plan(question);
      expect(p.kind === 'fact' && [p.outlet, p.search.text]).toEqual(['Daily Planet', 'Bridges promised for Ruritania']);
    }
    const topic = plan('What did the Daily Planet report about the bridges?');
    expect(topic.kind === 'fact' && topic.search.text).toBe('What did the Daily Planet report about the bridges?');
  });

  it('an unknown outlet option is an error naming the outlets', () => {
    expect(() => plan('What about the bridges?', { outlet: 'The Times' })).toThrow(/Daily Planet, The Bugle/);
  });

  it('compares the outlets when asked how they differ, across every outlet', () => {
    const p = plan('How did the outlets differ on the bridges?');
    expect(p.kind).toBe('compare');
    expect(p.kind === 'compare' && p.search.outlet).toBeNull();
  });

  it('compares people, not outlets, when it names people and no outlet: their statements in turn', () => {
    const people = plan('Compare what Smith and Brown said about the bridges');
    expect(people.kind === 'statements' && people.speakers.map((s) => s.name)).toEqual(['Jane Smith', 'Tom Brown']);
    expect(plan('How do Smith and Brown differ on the deal?').kind).toBe('statements');
    // The outlets' coverage of them, when the question speaks of outlets or names them.
    expect(plan('How did the papers differ on Smith and Brown?').kind).toBe('compare');
    expect(plan('How did the Daily Planet and The Bugle differ on Smith?').kind).toBe('compare');
    // One person: there is no one to compare them with but the outlets.
    expect(plan('How did the coverage of Smith differ?').kind).toBe('compare');
  });

  it('types a fact by the kind of answer it asks for', () => {
    const cost = plan('How much will the bridges cost?');
    expect(cost.kind === 'fact' && cost.answerType.kind).toBe('amount');
    const count = plan('How many bridges will be built?');
    expect(count.kind === 'fact' && count.answerType).toEqual({ kind: 'count', focus: ['bridges'] });
    const open = plan('Tell me about the deal in Zenda');
    expect(open.kind === 'fact' && open.answerType.kind).toBe('open');
  });

  it('without the news layer: a fact, whatever it asks, and no speaker or outlet reading', () => {
    const p = plan('What did Jane Smith say?', { news: false });
    expect(p.kind).toBe('fact');
    expect(p.kind === 'fact' && p.outlet).toBeNull();
  });
});

describe('understand: messages that are not questions about the coverage', () => {
  it.each<[string, QuestionPlan['kind']]>([
    ['hi', 'chat'],
    ['thanks!', 'chat'],
    ['which outlets covered this?', 'coverage'],
    ['what else did he say?', 'clarify'],
    ['who said "three bridges"?', 'whoSaid'],
  ])('%s -> %s', (question, kind) => {
    expect(plan(question).kind).toBe(kind);
  });

  it('a question in another language is refused as such, not searched for unknown names', () => {
    expect(plan("Qu'a dit Smith ?")).toEqual({ kind: 'refuse', refusal: { code: 'NOT_ENGLISH', language: 'French' }, search: null });
  });

  it('countries and bodies the coverage never mentions are unknown names in any case; aliases of ones it does are not', () => {
    const germany = plan('did germany sign the deal?');
    expect(germany.kind === 'refuse' && germany.refusal).toEqual({ code: 'UNKNOWN_NAMES', names: ['Germany'], outlet: null });
  });

  it('two outlets named in one question compare them', () => {
    expect(plan('How do the Daily Planet and The Bugle describe the deal?').kind).toBe('compare');
  });
});
