import { beforeAll, describe, expect, it } from 'vitest';
import { seedArticles } from './helpers/seedArticles.js';
import { buildPassages, MAX_PASSAGE_CHARS } from '../src/passages/buildPassages.js';
import { cleanParagraphs } from '../src/passages/clean.js';
import { joinLists } from '../src/passages/lists.js';
import { sentences } from '../src/text/sentences.js';
import type { Article, Passage } from '../src/types.js';

let articles: Article[];
let article: (idPart: string) => Article;
const texts = (idPart: string): string[] => buildPassages(article(idPart)).map((p) => p.text);
const passageWith = (idPart: string, fragment: string): string => {
  const found = texts(idPart).filter((t) => t.includes(fragment));
  expect(found, fragment).toHaveLength(1);
  return found[0] as string;
};

beforeAll(async () => {
  ({ articles, article } = await seedArticles());
});

describe('buildPassages', () => {
  it('numbers passages from 0 with ids `${articleId}#${paragraph}`', () => {
    for (const a of articles) {
      const passages = buildPassages(a);
      expect(passages.length).toBeGreaterThan(0);
      passages.forEach((p: Passage, i) => {
        expect(p).toEqual({ id: `${a.id}#${i}`, articleId: a.id, paragraph: i, text: p.text });
      });
    }
    expect(buildPassages(article('daily-mail'))[0]).toEqual({
      id: '2026-01-06-daily-mail-starmer-paves-way#0',
      articleId: '2026-01-06-daily-mail-starmer-paves-way',
      paragraph: 0,
      text: 'Sir Keir Starmer tonight paved the way for British troops to be sent to Ukraine as part of a peacekeeping force.',
    });
  });

  it('gives the same passages every time', () => {
    for (const a of articles) expect(buildPassages(a)).toEqual(buildPassages(a));
  });

  it('makes these many passages per seed article', () => {
    const counts = Object.fromEntries(articles.map((a) => [a.id, buildPassages(a).length]));
    expect(counts).toEqual({
      '2026-01-06-daily-mail-starmer-paves-way': 20,
      '2026-01-06-independent-british-troops-on-the-ground': 18,
      '2026-01-06-lbc-putin-not-ready-peace': 13,
      '2026-01-07-a-news-starmer-uk-troops-on-the-ground': 15,
      'tdpel-starmer-signals-british-troop-deployment': 34,
    });
  });

  it('keeps whitespace normalised and the original quote characters', () => {
    for (const a of articles) {
      for (const { text } of buildPassages(a)) expect(text).toBe(text.replace(/\s+/g, ' ').trim());
    }
    expect(texts('daily-mail').join(' ')).toContain('the ‘Paris Declaration’ –');
    expect(texts('lbc').join(' ')).toContain('the "Paris Declaration" as he stood');
  });
});

describe('splitting on sentence bounds', () => {
  it('loses no text and cuts no sentence: each sentence of the cleaned article is in exactly one passage', () => {
    for (const a of articles) {
      const paragraphs = joinLists(cleanParagraphs(a));
      const passages = buildPassages(a).map((p) => p.text);
      expect(passages.join(' ')).toBe(paragraphs.join(' '));
      for (const sentence of paragraphs.flatMap(sentences)) {
        expect(passages.filter((t) => t.includes(sentence)), sentence).toHaveLength(1);
      }
    }
  });

  it(`keeps passages within ${MAX_PASSAGE_CHARS} characters unless a passage is one sentence`, () => {
    for (const a of articles) {
      for (const { text } of buildPassages(a)) {
        if (text.length > MAX_PASSAGE_CHARS) expect(sentences(text), text).toHaveLength(1);
      }
    }
  });

  it("splits LBC's long scraped blocks into sentence-bounded passages that fit", () => {
    const block = cleanParagraphs(article('lbc')).find((p) => p.startsWith('French President Emmanuel Macron hosted'));
    expect(block?.length).toBeGreaterThan(2 * 400);
    const pieces = texts('lbc').filter((t) => block?.includes(t));
    expect(pieces).toHaveLength(2);
    expect(pieces.join(' ')).toBe(block);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expect(pieces[1]).toMatch(/^Starmer said the declaration signed today paves the way/);
    expect(Math.max(...texts('lbc').map((t) => t.length))).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
  });

  it('honours a smaller size limit', () => {
    for (const { text } of buildPassages(article('lbc'), { maxChars: 250 })) {
      if (text.length > 250) expect(sentences(text), text).toHaveLength(1);
    }
  });

  it('leaves short paragraphs whole, one passage each', () => {
    expect(texts('tdpel')).toEqual(cleanParagraphs(article('tdpel')));
  });
});

describe('quotations', () => {
  it('keeps the continuation of a quotation with its speaker inside a long LBC block', () => {
    expect(passageWith('lbc', 'Sir Keir said: "It\'s important')).toContain('"And we are closer to that goal than ever.');
    expect(passageWith('lbc', 'On the question of Greenland')).toMatch(
      /^Speaking following a meeting of the coalition of the willing in Paris, the Prime Minister said: .* "I've been equally clear .* on those issues\."$/,
    );
    expect(passageWith('lbc', 'Sir Keir said: "We can only get to a peace deal')).toContain(
      '"And so, we have to be frank, for all of Russia\'s words, Putin is not showing that he\'s ready for peace.',
    );
  });

  it('joins a paragraph that continues a quotation to the paragraph with its speaker', () => {
    expect(passageWith('daily-mail', 'He added: ‘This does not mean that we will make peace.')).toContain(
      '‘If Ukraine is going to make a final deal',
    );
    expect(passageWith('daily-mail', 'Sir Keir continued:')).toContain('‘We will keep the pressure up on Russia');
    expect(passageWith('independent', 'He added: “Those security protocols')).toMatch(/“They are as strong as anyone has ever seen\.”$/);
    expect(passageWith('a-news', 'He added: "Those security protocols')).toMatch(/"They are as strong as anyone has ever seen\."$/);
  });

  it('does not join a closed quotation to the next one', () => {
    expect(texts('daily-mail')).toContain('‘This is a vital part of our commitment to stand with Ukraine for the long-term,’ he added.');
  });
});

describe('lists', () => {
  it("keeps The Independent's list with its lead-in, as one passage", () => {
    const list = passageWith('independent', 'According to the Elysee, the Paris declaration by the Coalition of the Willing agreed:');
    expect(list).toBe(
      'According to the Elysee, the Paris declaration by the Coalition of the Willing agreed: ' +
        '– To participate in a US-led “ceasefire monitoring and verification mechanism”; ' +
        '– Ongoing efforts to arm Ukraine’s military, and to provide it with tactical support; ' +
        '– The pledge of French and British boots on the ground once the war is over; ' +
        '– “Binding commitments” to support Ukraine if there are armed attacks by Russia in future; ' +
        '– A long-term commitment to “deepen” defence ties with Kyiv.',
    );
    expect(sentences(list)).toHaveLength(1);
  });

  it('joins only list items that follow a lead-in', () => {
    const paragraphs = cleanParagraphs(article('independent'));
    expect(joinLists(paragraphs)).toHaveLength(paragraphs.length - 5);
    expect(joinLists(paragraphs.slice(-5))).toEqual(paragraphs.slice(-5));
  });
});
