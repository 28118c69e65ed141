import { beforeAll, describe, expect, it } from 'vitest';
import { seedArticles } from './helpers/seedArticles.js';
import { cleanParagraphs } from '../src/passages/clean.js';
import { isByline, isShareButtons, removeInlineFurniture, stripScrapeDate } from '../src/passages/furniture.js';
import { isHeading, stripGluedHeading } from '../src/passages/headings.js';
import { splitParagraphs } from '../src/passages/split.js';
import type { Article } from '../src/types.js';

let articles: Article[];
let article: (idPart: string) => Article;
const cleaned = (idPart: string): string[] => cleanParagraphs(article(idPart));
const allCleanedText = (idPart: string): string => cleaned(idPart).join('\n');

beforeAll(async () => {
  ({ articles, article } = await seedArticles());
});

describe('splitParagraphs', () => {
  it('splits a file without blank lines one paragraph a line (Daily Mail)', () => {
    const paragraphs = splitParagraphs(article('daily-mail').body);
    expect(paragraphs).toHaveLength(25);
    expect(paragraphs[0]).toBe(
      'Sir Keir Starmer tonight paved the way for British troops to be sent to Ukraine as part of a peacekeeping force.',
    );
  });

  it('splits a file with blank lines on the blank lines (The Independent)', () => {
    const paragraphs = splitParagraphs(article('independent').body);
    expect(paragraphs).toHaveLength(26);
    expect(paragraphs[1]).toBe(
      'British armed forces will be deployed on the ground in Ukraine in the event of a ceasefire with Russia, Number 10 has said.',
    );
  });
});

describe('splitParagraphs, mixed files', () => {
  it('regression: a paragraph added after a blank line to a one-paragraph-a-line file leaves the other paragraphs as they were', () => {
    const body = article('daily-mail').body;
    const before = splitParagraphs(body);
    const after = splitParagraphs(`${body.trimEnd()}\n\nThe Prime Minister will update MPs on Wednesday.`);
    expect(after).toEqual([...before, 'The Prime Minister will update MPs on Wednesday.']);
  });

  it('joins a paragraph wrapped over several lines between blank lines', () => {
    const body = 'First paragraph that is wrapped\nover two lines here.\n\nSecond one.';
    expect(splitParagraphs(body)).toEqual(['First paragraph that is wrapped over two lines here.', 'Second one.']);
  });
});

describe('page furniture', () => {
  it('removes the scrape date prefix', () => {
    expect(article('lbc').body.startsWith(' date 2026-01-06 ')).toBe(true);
    expect(stripScrapeDate(article('lbc').body).startsWith('British armed forces will be deployed')).toBe(true);
    for (const a of articles) expect(cleanParagraphs(a).join('\n')).not.toContain('date 2026-01-06');
  });

  it("removes The Independent's donation appeal", () => {
    const text = allCleanedText('independent');
    for (const phrase of ['Your support', 'Support Now', 'paywalls', 'Read more']) expect(text).not.toContain(phrase);
    expect(cleaned('independent')[0]).toBe(
      'British armed forces will be deployed on the ground in Ukraine in the event of a ceasefire with Russia, Number 10 has said.',
    );
  });

  it('removes "Read more:" links at the end of a paragraph, several in a row (LBC)', () => {
    const raw =
      'A summary of the agreement shared by the Elysee, the official residence of the French president, said the agreement would include a "proposed US-led ceasefire monitoring and verification mechanism". ' +
      "Read more: 'Nobody can take us': Trump declares US has world's most 'lethal military' as Europe rejects Greenland plans " +
      'Read more: Nearly half of Americans don’t support Trump’s Russia-Ukraine efforts, poll reveals';
    expect(removeInlineFurniture(raw)).toBe(
      'A summary of the agreement shared by the Elysee, the official residence of the French president, said the agreement would include a "proposed US-led ceasefire monitoring and verification mechanism".',
    );
    const text = allCleanedText('lbc');
    expect(text).not.toContain('Read more');
    expect(text).not.toContain('Nearly half of Americans');
    expect(text).toContain('"proposed US-led ceasefire monitoring and verification mechanism".');
  });

  it('removes "Listen to this article Loading audio..."', () => {
    expect(removeInlineFurniture('Listen to this article Loading audio...')).toBe('');
    expect(allCleanedText('lbc')).not.toMatch(/Listen to this article|Loading audio/);
  });

  it('removes picture captions standing alone', () => {
    for (const caption of [
      "Ukraine's President Volodymyr Zelenskyy, left, France's President Emmanuel Macron and Britain's Prime Minister Keir Starmer, right. Picture: Alamy",
      "Leaders Gather For 'Coalition Of The Willing' Meeting In France. Picture: Getty",
      'World leaders in Paris. Picture: Alamy',
    ]) {
      expect(removeInlineFurniture(caption)).toBe('');
    }
    const text = allCleanedText('lbc');
    expect(text).not.toContain('Picture:');
    expect(text).not.toContain('World leaders in Paris');
    expect(text).not.toContain('Zelenskyy, left,');
    // The caption is gone, the article's own (different) sentence stays.
    expect(text).not.toContain('further measures on oil, Starmer has said.');
    expect(text).toContain('further measures on oil, the Prime Minister has said.');
  });

  it('removes a caption glued to the start of a block, with or without text after it', () => {
    const firstLine = article('lbc').body.split('\n')[0] as string;
    expect(firstLine).toBe(
      ' date 2026-01-06 British armed forces will be deployed on the ground in Ukraine in the event of a ceasefire with Russia. Picture: Getty',
    );
    expect(removeInlineFurniture(stripScrapeDate(firstLine))).toBe('');
    expect(
      removeInlineFurniture(
        'World leaders in Paris. Picture: Alamy The UK will continue to put pressure on Russia with further measures on oil, the Prime Minister has said.',
      ),
    ).toBe('The UK will continue to put pressure on Russia with further measures on oil, the Prime Minister has said.');
    expect(cleaned('lbc')[0]).toBe(
      'The UK and France will establish military hubs in Ukraine in the event of a peace deal with Russia, Sir Keir Starmer has confirmed during a meeting of the Coalition of the Willing.',
    );
  });

  it('removes share buttons', () => {
    const share = 'Share on Facebook «||» Share on Twitter «||» Share on Reddit «||» Share on LinkedIn';
    expect(splitParagraphs(article('tdpel').body).at(-1)).toBe(share);
    expect(isShareButtons(share)).toBe(true);
    expect(allCleanedText('tdpel')).not.toContain('Share on');
    expect(cleaned('tdpel').at(-1)).toMatch(/^If that happens, the plans agreed in Paris/);
  });

  it('removes bylines', () => {
    expect(isByline('By Ella Bennett')).toBe(true);
    expect(cleaned('lbc')).not.toContain('By Ella Bennett');
  });

  it('keeps every paragraph of a file without furniture (A News)', () => {
    expect(cleaned('a-news')).toEqual(splitParagraphs(article('a-news').body));
  });
});

describe('headline and repeated lines', () => {
  it('keeps only the first of two lines that repeat each other (Daily Mail captions)', () => {
    const paragraphs = cleaned('daily-mail');
    const paved = paragraphs.filter((p) => p.startsWith('Sir Keir Starmer tonight paved the way'));
    expect(paved).toEqual([
      'Sir Keir Starmer tonight paved the way for British troops to be sent to Ukraine as part of a peacekeeping force.',
    ]);
    const signed = paragraphs.filter((p) => p.startsWith('Sir Keir signed the agreement alongside'));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(/‘Coalition of the Willing’\.$/);
    expect(paragraphs).toHaveLength(23);
  });

  it('drops lines identical to the headline (TDPel repeats it twice)', () => {
    const { headline } = article('tdpel');
    expect(splitParagraphs(article('tdpel').body).filter((p) => p === headline)).toHaveLength(2);
    expect(cleaned('tdpel')).not.toContain(headline);
    expect(cleaned('tdpel')[0]).toMatch(/^As diplomatic efforts around the Ukraine war intensify/);
  });
});

describe('section headings', () => {
  const tdpelHeadings = [
    'Keir Starmer Signals UK Readiness for Peacekeeping',
    'The Paris Declaration and the Coalition of the Willing',
    'Starmer Warns Peace Is Close but Not Guaranteed',
    'Pressure on Russia to Continue',
    'What the Agreement Means on the Ground',
    'UK Role in Ceasefire Monitoring and Arms Support',
    'Macron and Kushner Emphasise Security Guarantees',
    'Peace Through Strength, Not Just Promises',
    'Downing Street Confirms Deployment Plans',
    'What’s Next?',
  ];

  it('recognises title-case and question headings, and removes them (TDPel)', () => {
    const paragraphs = cleaned('tdpel');
    for (const heading of tdpelHeadings) {
      expect(isHeading(heading), heading).toBe(true);
      expect(paragraphs).not.toContain(heading);
    }
    expect(paragraphs).toHaveLength(34);
  });

  it('recognises a quoted-phrase headline', () => {
    expect(isHeading("Putin 'not showing that he's ready for peace'")).toBe(true);
  });

  it('does not take short sentences, quotations, list items or a list lead-in for headings', () => {
    for (const text of [
      'He said it represents a long-term commitment to Ukraine’s future safety.',
      '“They are as strong as anyone has ever seen.”',
      'This only hardens our resolve.',
      'Mr Macron said ‘strong security guarantees’ were at the heart of Tuesday’s declaration.',
      '– A long-term commitment to “deepen” defence ties with Kyiv.',
      '– The pledge of French and British boots on the ground once the war is over;',
      'According to the Elysee, the Paris declaration by the Coalition of the Willing agreed:',
    ]) {
      expect(isHeading(text), text).toBe(false);
    }
  });

  it('strips a heading glued to the start of a paragraph and keeps the paragraph (LBC)', () => {
    const paragraphs = cleaned('lbc');
    const glued = paragraphs.find((p) => p.includes('Putin is ready to make compromises'));
    expect(glued).toMatch(
      /^The UK will continue to put pressure on Russia with further measures on oil, the Prime Minister has said\. Sir Keir said: "We can only get to a peace deal/,
    );
    expect(paragraphs.join('\n')).not.toContain("Putin 'not showing that he's ready for peace' The UK");
  });

  it('finds the glued heading by its shape, not because it is the headline', () => {
    const lbc = article('lbc');
    const withOtherHeadline = cleanParagraphs({ ...lbc, headline: 'Starmer in Paris' });
    expect(withOtherHeadline).toEqual(cleanParagraphs(lbc));
  });

  it('strips a glued title-case heading before a sentence opener', () => {
    expect(
      stripGluedHeading(
        'What the Agreement Means on the Ground The Prime Minister described the Paris Declaration as a clear statement of intent to deploy forces once peace is secured.',
      ),
    ).toBe('The Prime Minister described the Paris Declaration as a clear statement of intent to deploy forces once peace is secured.');
  });

  it('leaves every kept paragraph of the corpus alone (no heading or byline left, none stripped twice)', () => {
    for (const a of articles) {
      for (const paragraph of cleanParagraphs(a)) {
        expect(isHeading(paragraph), paragraph).toBe(false);
        expect(isByline(paragraph), paragraph).toBe(false);
        expect(stripGluedHeading(paragraph), paragraph).toBe(paragraph);
      }
    }
  });
});
