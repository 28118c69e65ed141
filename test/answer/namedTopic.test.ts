/** The names a question asks about, on a small synthetic coverage. */
import { describe, expect, it } from 'vitest';
import { namedTopicWords } from '../../src/answer/namedTopic.js';
import { buildNewsIndex } from '../../src/news/newsIndex.js';
import type { ArticleMeta, Passage } from '../../src/types.js';

const articles: ArticleMeta[] = [{ id: 'planet-1', outlet: 'Daily Planet', headline: 'Bridges promised for Ruritania', published: '2026-01-06', url: null, author: null }];
const passages: Passage[] = [
  'Prime Minister Jane Smith said the bridges in Ruritania and Zenda would open before the winter.',
  'Tom Brown said Germany would pay for the engineers.',
].map((text, i) => ({ id: `planet-1#${i}`, articleId: 'planet-1', paragraph: i, text }));
const coverage = buildNewsIndex(articles, passages).question;

describe('namedTopicWords', () => {
  it('capitalised names, places in any case and names typed in lower case, when the coverage uses them', () => {
    expect(namedTopicWords('What did the Daily Planet say about Zenda?', coverage)).toEqual(['zenda']);
    expect(namedTopicWords('what did jane smith say about germany', coverage)).toEqual(['germany']);
    expect(namedTopicWords('compare coverage of zenda', coverage)).toEqual(['zenda']);
  });
  it('not common words, outlet names, words of office, names the coverage never uses, nor what `exclude` leaves out', () => {
    expect(namedTopicWords('what did the prime minister say about the bridges', coverage)).toEqual([]);
    expect(namedTopicWords('What did Boris say about Zenda?', coverage)).toEqual(['zenda']);
    expect(namedTopicWords('what did smith say about zenda', coverage, (w) => w === 'smith')).toEqual(['zenda']);
  });
  it('regression: an English word capitalised only for opening a sentence names nothing ("… the bridges? Need the exact quote", eval-bank-dev10)', () => {
    const speaker = (w: string) => ['jane', 'smith'].includes(w.toLowerCase());
    expect(namedTopicWords('What did Jane Smith say about the bridges? Need the exact quote', coverage, speaker)).toEqual([]);
    expect(namedTopicWords('What did Jane Smith say? Zenda is what I mean', coverage, speaker)).toEqual(['zenda']);
  });
});
