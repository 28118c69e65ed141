/** Citations at scale: a syndicated passage's carriers are named a few at a time, the rest counted (src/answer/citations.ts). */
import { describe, expect, it } from 'vitest';
import { CARRIERS_SHOWN, citeCarriers, CitationList, pickCarriers, uncitedText } from '../../src/answer/citations.js';
import type { ManifestArticle } from '../../src/index/manifest.js';

const outletOf = (id: string) => id.split('/')[0]!;

describe('pickCarriers', () => {
  it('keeps every carrier, in order, when there are at most CARRIERS_SHOWN', () => {
    const ids = ['a/1', 'a/2', 'b/1', 'c/1', 'a/3'].slice(0, CARRIERS_SHOWN);
    expect(pickCarriers(ids, outletOf)).toEqual({ kept: ids });
  });

  it('takes one article per outlet first, keeps their order, and counts the rest with the outlets not named', () => {
    const ids = ['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'c/1', 'd/1', 'e/1', 'f/1', 'f/2'];
    const { kept, uncited } = pickCarriers(ids, outletOf);
    expect(kept).toEqual(['a/1', 'b/1', 'c/1', 'd/1', 'e/1']);
    expect(uncited).toEqual({ articles: 5, outlets: 1 });
  });

  it('fills up with further articles of the same outlets when there are fewer outlets than places', () => {
    const { kept, uncited } = pickCarriers(['a/1', 'a/2', 'b/1', 'a/3', 'b/2', 'a/4', 'b/3'], outletOf, 3);
    expect(kept).toEqual(['a/1', 'a/2', 'b/1']);
    expect(uncited).toEqual({ articles: 4, outlets: 0 });
  });
});

describe('citeCarriers and uncitedText', () => {
  it('cites each article once and says how many other outlets carry it', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `o${i}/x`);
    const articles = new Map(ids.map((id) => [id, { id, outlet: outletOf(id), headline: id } as unknown as ManifestArticle]));
    const cites = new CitationList(articles);
    const { citations, uncited } = citeCarriers([...ids, ids[0]!], cites, articles);
    expect(citations).toEqual([1, 2, 3, 4, 5]);
    expect(cites.list()).toHaveLength(5);
    expect(uncitedText(uncited)).toBe(' (also in 7 other outlets)');
    expect(uncitedText({ articles: 1, outlets: 0 })).toBe(' (and 1 more article)');
    expect(uncitedText(undefined)).toBe('');
  });
});
