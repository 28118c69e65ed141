/** passageOutlets and hitOutlets (src/answer/passages.ts): a passage's outlet by its article, kept per passage and per articles map. */
import { describe, expect, it } from 'vitest';
import type { ManifestArticle } from '../../src/index/manifest.js';
import { hitOutlets, passageOutlets } from '../../src/answer/passages.js';
import type { Passage } from '../../src/types.js';

const article = (id: string, outlet: string) => ({ id, outlet }) as unknown as ManifestArticle;
const passage = (articleId: string, paragraph = 0): Passage => ({ id: `${articleId}#${paragraph}`, articleId, paragraph, text: 'text' });

describe('passageOutlets', () => {
  it("gives a passage its article's outlet, and 'Unknown outlet' for an article not known", () => {
    const articles = new Map([['a1', article('a1', 'The Daily')], ['a2', article('a2', 'The Post')]]);
    const outletOf = passageOutlets(articles);
    expect(outletOf(passage('a1'))).toBe('The Daily');
    expect(outletOf(passage('a2', 3))).toBe('The Post');
    expect(outletOf(passage('gone'))).toBe('Unknown outlet');
  });

  it("answers from another build's articles by that build's map, not the passage's memory of another", () => {
    const p = passage('a1');
    expect(passageOutlets(new Map([['a1', article('a1', 'The Daily')]]))(p)).toBe('The Daily');
    expect(passageOutlets(new Map([['a1', article('a1', 'The Ledger')]]))(p)).toBe('The Ledger');
  });
});

describe('hitOutlets', () => {
  const articles = new Map([['a1', article('a1', 'The Daily')], ['a2', article('a2', 'The Post')], ['a3', article('a3', 'The Daily')]]);

  it("gives the outlets of a hit's passage and its copies, in that order", () => {
    const hit = { passage: passage('a2'), duplicates: [passage('a1'), passage('gone'), passage('a3')] };
    expect(hitOutlets(hit, articles)).toEqual(['The Post', 'The Daily', 'Unknown outlet', 'The Daily']);
    expect(hitOutlets(hit, articles)).toBe(hitOutlets(hit, articles));
  });

  it('looks again when the same passage comes with other copies', () => {
    const p = passage('a1');
    expect(hitOutlets({ passage: p, duplicates: [] }, articles)).toEqual(['The Daily']);
    expect(hitOutlets({ passage: p, duplicates: [passage('a2')] }, articles)).toEqual(['The Daily', 'The Post']);
  });
});
