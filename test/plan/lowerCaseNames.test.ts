/** Names written in lower case are read as the same names capitalised: real corpus, real dictionary. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildNewsIndex, statementsBy } from '../../src/news/newsIndex.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { understand, type PlanContext } from '../../src/plan/understand.js';
import { englishWord } from '../../src/text/english.js';

let ctx: PlanContext;

beforeAll(async () => {
  const { articles } = await loadCorpus(path.resolve(import.meta.dirname, '..', '..', 'corpus'));
  const news = buildNewsIndex(articles, articles.flatMap((a) => buildPassages(a)));
  ctx = { coverage: news.question, outletCoverage: () => news.question, retrieveK: 10, topicWords: new Set(['paris', 'declaration']), isEnglishWord: (w) => englishWord(w, null), speaks: (id) => statementsBy(news, id).length > 0, headlines: () => [], overview: () => '' };
});

const refusal = (q: string) => {
  const plan = understand(q, ctx);
  return plan.kind === 'refuse' && plan.refusal.code === 'UNKNOWN_NAMES' ? plan.refusal.names : null;
};

describe('a name in the subject\'s place that the coverage never mentions', () => {
  it.each([
    ['did marco rubio attend the talks', 'marco rubio'],
    ['is the raf sending jets', 'raf'],
    ['is polnad sending troops too', 'polnad'],
  ])('"%s" is refused, naming %s', (q, name) => expect(refusal(q)).toEqual([name]));
  it.each([
    'what was learned at the florida meeting about the guarantees',
    'what did the uks head of government say about the shadow fleet',
    'wat are the militray hubs actualy for',
    'wtf are the binding commitments lol',
  ])('"%s" is not refused for its words', (q) => expect(refusal(q)).toBeNull());
});
