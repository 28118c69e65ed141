/** Extraction from pages shaped like news sites, files, drafts and the corpus file they become. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/loadCorpus.js';
import { isBotError } from '../../src/errors.js';
import { corpusFileText, extractFromFile, furnitureSummary, makeDraft, redraft, slug } from '../../src/ingest/draft.js';
import { extractFromHtml, isoDay } from '../../src/ingest/extract.js';
import { page } from '../helpers/newsServer.js';

const context = { existingIds: new Set<string>(), indexed: [] };
const FURNITURE_TEXTS = [
  'We use cookies',
  'ADVERTISEMENT',
  'crossword app',
  'Related articles',
  'Starmer signs Paris Declaration',
  'Sign up to our World Briefing',
  'photographed in 2024',
  'Share on Facebook',
  'Most read',
  'Celebrity chef',
  'Comments are closed',
  'All rights reserved',
  'dataLayer',
  'Sport',
];

describe('extractFromHtml', () => {
  it('reads a news page: JSON-LD metadata first, the article text without furniture, the furniture counted', () => {
    const x = extractFromHtml(page('news-article.html'), 'https://www.dailytest.example/x');
    expect(x.details).toEqual({
      outlet: 'The Daily Test', // publisher by @id reference in the @graph, not og:site_name
      headline: 'Coordination cell for Ukraine force will sit at Mont Valérien, says admiral',
      published: '2026-01-07', // the date as the page writes it (23:15 in Paris), not converted to UTC
      author: 'Jane Reporter and Tom Writer',
      url: 'https://www.dailytest.example/world/europe/coordination-cell-mont-valerien-a1234.html',
    });
    expect(new Set(Object.values(x.from))).toEqual(new Set(['JSON-LD']));
    const text = x.paragraphs.join('\n');
    expect(text).toContain('Admiral Hervé Quillon, who was named to lead the cell, said:');
    expect(text).toContain('Officials in London said the first British liaison officers');
    for (const furniture of FURNITURE_TEXTS) expect(text).not.toContain(furniture);
    const kinds = Object.fromEntries(x.furniture.map((f) => [f.kind, f.count]));
    expect(kinds).toMatchObject({ 'cookie banner': 1, adverts: 2, 'picture captions': 1, 'share buttons': 1, 'newsletter and subscription boxes': 1, comments: 1 });
    expect(kinds['related-article lists']).toBeGreaterThanOrEqual(2);
    expect(kinds.navigation).toBeGreaterThanOrEqual(1);
    expect(kinds['scripts and styles']).toBe(3);
  });

  it('falls back to OpenGraph and meta tags', () => {
    const x = extractFromHtml(page('opengraph-only.html'), 'https://og.example/a');
    expect(x.details).toEqual({ outlet: 'OG Herald', headline: 'Allies agree on Paris coordination cell', published: '2026-01-09', author: 'Sam Byline', url: 'https://og.example/a' });
    expect(x.from).toEqual({ outlet: 'OpenGraph', headline: 'OpenGraph', published: 'OpenGraph', author: 'meta tags', url: 'link' });
  });

  it('leaves details the page does not give empty, for the moderator', () => {
    const x = extractFromHtml(page('no-metadata.html'));
    expect(x.details).toEqual({ outlet: null, headline: null, published: null, author: null, url: null });
    expect(x.paragraphs).toHaveLength(3);
  });

  it('keeps inline markup inside its paragraph and splits on line breaks', () => {
    const long = 'with enough words in it to count as the text of an article, which Readability wants before it keeps anything at all';
    const x = extractFromHtml(`<html><body><article><p>The <span class="x">cell</span> will <a href="/a">meet</a> <em>weekly</em>, ${long}.</p><div>First line ${long}<br>Second line ${long}</div></article></body></html>`);
    expect(x.paragraphs).toEqual([`The cell will meet weekly, ${long}.`, `First line ${long}`, `Second line ${long}`]);
  });

  it('reads dates written in other ways, and refuses impossible ones', () => {
    expect(isoDay('2026-01-06T18:30:00Z')).toBe('2026-01-06');
    expect(isoDay('Tue, 06 Jan 2026 18:30:00 GMT')).toBe('2026-01-06');
    expect(isoDay('2026-02-30')).toBeNull();
    expect(isoDay('soon')).toBeNull();
  });
});

describe('drafts', () => {
  it('previews the passages as they will be quoted, the furniture skipped, and writes a corpus file the reader accepts', () => {
    const draft = makeDraft(extractFromHtml(page('news-article.html')), { kind: 'url', url: 'https://x.example/a', finalUrl: 'https://x.example/a' }, {}, context);
    expect(draft.id).toBe('2026-01-07-the-daily-test-coordination-cell-for-ukraine-force-will');
    expect(draft.passages[0]).toMatch(/^The multinational coordination cell/);
    expect(draft.passages.some((p) => p.startsWith('By Jane Reporter'))).toBe(false); // the cleaner drops the byline
    expect(draft.missing).toEqual([]);
    expect(furnitureSummary(draft)).toMatch(/^cookie banner \(1\), navigation \(\d\), adverts \(2\)/);
    const text = corpusFileText(draft, 'moderator (Discord)', new Date('2026-12-02T00:00:00Z'));
    const article = parseArticle(`${draft.id}.md`, text);
    expect(article).toMatchObject({ outlet: 'The Daily Test', published: '2026-01-07', author: 'Jane Reporter and Tom Writer' });
    expect(text).toContain('added: "2026-12-02 by moderator (Discord), fetched from https://x.example/a"');
  });

  it("takes the moderator's details over the page's, and refuses a bad date", () => {
    const base = makeDraft(extractFromHtml(page('no-metadata.html')), { kind: 'file', name: 'cell.html' }, {}, context);
    expect(base.missing).toEqual(['outlet', 'headline']);
    expect(() => corpusFileText(base, 'x')).toThrow(/no outlet and no headline/);
    const fixed = redraft(base, { outlet: 'Wire: "Test"', headline: 'Cell to meet weekly', published: '2026-01-08' }, context);
    expect(fixed.missing).toEqual([]);
    expect(fixed.from).toMatchObject({ outlet: 'moderator', headline: 'moderator', published: 'moderator' });
    expect(fixed.id).toBe('2026-01-08-wire-test-cell-to-meet-weekly');
    expect(parseArticle('x.md', corpusFileText(fixed, 'me')).outlet).toBe('Wire: "Test"');
    for (const published of ['2026-02-30', '6 Jan', '2026-1-6']) {
      try {
        redraft(base, { published }, context);
        throw new Error('expected a refusal');
      } catch (error) {
        expect(isBotError(error, 'EXTRACT_MISSING_DETAILS')).toBe(true);
        expect((error as Error).message).toMatch(/not a real date written YYYY-MM-DD/);
      }
    }
  });

  it('makes the file name unique', () => {
    const x = extractFromHtml(page('opengraph-only.html'));
    const id = makeDraft(x, { kind: 'file', name: 'a.html' }, {}, context).id;
    expect(makeDraft(x, { kind: 'file', name: 'a.html' }, {}, { existingIds: new Set([id]), indexed: [] }).id).toBe(`${id}-2`);
    expect(slug('Élysée: “Paris” & co.')).toBe('elysee-paris-co');
  });

  it('reads Markdown with front matter and plain text; refuses other files and pages without text', () => {
    const md = extractFromFile('cell.md', '---\noutlet: MD Times\npublished: 2026-01-10\n---\n# The cell meets\n\nThe **coordination** cell met for [the first time](https://x.example) today in Paris.\n\n![photo](x.jpg)\n');
    expect(md.details).toMatchObject({ outlet: 'MD Times', headline: 'The cell meets', published: '2026-01-10' });
    expect(md.paragraphs).toEqual(['The coordination cell met for the first time today in Paris.']);
    expect(extractFromFile('notes.txt', 'One.\n\nTwo.').paragraphs).toEqual(['One.', 'Two.']);
    expect(() => extractFromFile('photo.png', 'x')).toThrow(/not an article file: give an .html, .md or .txt file/);
    expect(() => makeDraft(extractFromFile('empty.html', '<html><body><nav>Home</nav></body></html>'), { kind: 'file', name: 'empty.html' }, {}, context)).toThrow(/No article text was found in empty.html/);
  });
});
