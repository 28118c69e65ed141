/** AnswerResults for the formatting tests, made of real passages from the corpus' articles. */
import type { Citation, PassagesAnswer, Quote, RankedPassage } from '../../src/answer/types.js';

export const ARTICLES = {
  dailyMail: {
    articleId: '2026-01-06-daily-mail-starmer-paves-way',
    outlet: 'Daily Mail',
    headline: 'Keir Starmer paves way for British troops to be sent to Ukraine as part of peacekeeping force as PM signs deal in Paris alongside Emmanuel Macron',
    published: '2026-01-06',
    url: null,
  },
  independent: {
    articleId: '2026-01-06-independent-british-troops-on-the-ground',
    outlet: 'The Independent',
    headline: 'British troops on the ground in Ukraine should peace be reached, Number 10 says',
    published: '2026-01-06',
    url: 'https://www.independent.co.uk/news/uk/home-news/keir-starmer-british-ukraine-emmanuel-macron-russia-b2895634.html',
  },
  lbc: {
    articleId: '2026-01-06-lbc-putin-not-ready-peace',
    outlet: 'LBC',
    headline: "Putin 'not showing that he's ready for peace'",
    published: '2026-01-06',
    url: 'https://www.lbc.co.uk/article/putin-not-ready-peace-starmer-uk-france-5HjdQKZ_2/',
  },
  aNews: {
    articleId: '2026-01-07-a-news-starmer-uk-troops-on-the-ground',
    outlet: 'A News',
    headline: 'Starmer: UK troops on the ground in Ukraine should peace be reached',
    published: '2026-01-07',
    url: 'https://www.anews.com.tr/diplomacy/2026/01/07/starmer-uk-troops-on-the-ground-in-ukraine-should-peace-be-reached',
  },
} as const;

type ArticleKey = keyof typeof ARTICLES;

const TEXTS = [
  'The UK and France will establish military hubs in Ukraine in the event of a peace deal with Russia, Sir Keir Starmer has confirmed during a meeting of the Coalition of the Willing.',
  '‘We discussed these issues in detail today, and so I can say that following a ceasefire, the UK and France will establish military hubs across Ukraine and build protected facilities for weapons of military equipment to support Ukraine’s defensive needs.’',
  'Mr Macron dubbed the agreement the “Paris declaration” and said via a translator that it offered “strong security guarantees”.',
  'US President Donald Trump “strongly stands behind” the security guarantee, his special envoy to the Middle East Steve Witkoff told the press conference.',
  'Sir Keir said the UK would participate in any US-led verification of any ceasefire and support the long-term provision of arms for Ukraine’s defence.',
  'A US guarantee, possibly in the form of air defence, has long been considered crucial to halting Russia from further military action in future.',
];

function passage(rank: number, key: ArticleKey, text: string, citation: number | null, also: ArticleKey[] = []): RankedPassage {
  const a = ARTICLES[key];
  return {
    rank,
    id: `${a.articleId}#${rank}`,
    text,
    article: a.articleId,
    paragraph: rank,
    outlet: a.outlet,
    headline: a.headline,
    published: a.published,
    url: a.url,
    score: 1 / rank,
    also: also.map((k, i) => ({ ...ARTICLES[k], article: ARTICLES[k].articleId, paragraph: i })),
    citation,
  };
}

function citation(n: number, key: ArticleKey): Citation {
  return { n, ...ARTICLES[key] };
}

/** A quote of a whole ranked passage, cited under `n`. */
export function quoteOf(p: RankedPassage, n: number): Quote {
  return { text: p.text, passageId: p.id, cutBefore: false, cutAfter: false, citations: [n] };
}

/** Three quoted passages from three articles (one syndicated), and six more passages not quoted. */
export function sampleAnswer(): PassagesAnswer {
  const passages = [
    passage(1, 'lbc', TEXTS[0]!, 1),
    passage(2, 'dailyMail', TEXTS[1]!, 2, ['independent', 'aNews']),
    passage(3, 'independent', TEXTS[2]!, 3),
    ...TEXTS.slice(3).map((t, i) => passage(4 + i, (['independent', 'dailyMail', 'aNews'] as const)[i]!, t, null)),
    passage(7, 'lbc', TEXTS[0]!.replace('The UK', 'Britain'), null, ['aNews']),
    passage(8, 'aNews', TEXTS[4]!, null),
  ];
  return {
    kind: 'passages',
    question: 'Where will the military hubs be?',
    quotes: passages.slice(0, 3).map((p, i) => quoteOf(p, i + 1)),
    match: 'strong',
    outlet: null,
    citations: [citation(1, 'lbc'), citation(2, 'dailyMail'), citation(3, 'independent')],
    passages,
    timings: { embedMs: 1, searchMs: 1, composeMs: 1 },
  };
}

/** An answer of at least `chars` characters: many quoted passages citing eight sources in turn. */
export function longAnswer(chars = 5000): PassagesAnswer {
  const keys = Object.keys(ARTICLES) as ArticleKey[];
  const citations = Array.from({ length: 8 }, (_, i) => ({ ...citation(i + 1, keys[i % keys.length]!), articleId: `article-${i + 1}` }));
  const quotes: Quote[] = [];
  const passages: RankedPassage[] = [];
  for (let i = 0, length = 0; length < chars; i++) {
    const n = (i % 8) + 1;
    const text = TEXTS[i % TEXTS.length]!;
    const p = { ...passage(i + 1, keys[i % keys.length]!, text, n), article: `article-${n}`, id: `article-${n}#${i + 1}` };
    passages.push(p);
    quotes.push(quoteOf(p, n));
    length += text.length + 6;
  }
  return { ...sampleAnswer(), quotes, citations, passages };
}
