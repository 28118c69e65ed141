import { describe, expect, it } from 'vitest';
import { citedNumbers, isHttpUrl, link, neutralizeMentions, shownAsText, truncate, truncateCited } from '../../src/bot/text.js';

describe('neutralizeMentions', () => {
  it('keeps @everyone, @here, user and role mentions from rendering as mentions', () => {
    const out = neutralizeMentions('Hey @everyone and @here, <@123>, <@!456> and <@&789> read this');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!\d|<@&\d/);
    expect(out.replace(/\u200b/g, '')).toBe('Hey @everyone and @here, <@123>, <@!456> and <@&789> read this');
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeMentions('Starmer said “closer than ever” [1]')).toBe('Starmer said “closer than ever” [1]');
  });
});

describe('truncate', () => {
  it('returns short text unchanged', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts at a word boundary and ends with an ellipsis within the limit', () => {
    const text = 'The UK and France will establish military hubs across Ukraine after a ceasefire';
    const out = truncate(text, 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out.endsWith('…')).toBe(true);
    expect(text.startsWith(out.slice(0, -1))).toBe(true);
    expect(out.slice(0, -1)).not.toMatch(/\s$/);
    expect(text.charAt(out.length - 1)).toBe(' ');
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('🇺🇦'.repeat(50), 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('truncateCited', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `“Passage ${i} ${'words that were quoted from the article '.repeat(6).trim()}.” [${(i % 7) + 1}]`);
  const answer = lines.join('\n');

  it('returns an answer within the limit unchanged', () => {
    expect(truncateCited(answer, answer.length)).toBe(answer);
  });

  it('keeps whole lines while they fit and attributes the cut line with its own markers', () => {
    const max = 1000;
    const out = truncateCited(answer, max);
    expect(out.length).toBeLessThanOrEqual(max);
    const outLines = out.split('\n');
    const last = outLines.at(-1)!;
    outLines.slice(0, -1).forEach((l, i) => expect(l).toBe(lines[i]));
    const index = outLines.length - 1;
    expect(last).toMatch(/…” \[\d+\]$/);
    expect(last.endsWith(`[${(index % 7) + 1}]`)).toBe(true);
    expect(lines[index]!.startsWith(last.split('…')[0]!)).toBe(true);
  });

  it('never leaves half a marker, whatever the limit', () => {
    const dense = Array.from({ length: 60 }, (_, i) => `“Quote number ${i}.” [${i + 1}][${i + 2}][${i + 3}]`).join(' ');
    for (let max = 30; max < 400; max += 7) {
      const out = truncateCited(dense, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/\[\d*$/);
      expect(out).not.toMatch(/\[\d+(?!\d*\])/);
      for (const n of citedNumbers(out)) expect(dense).toContain(`[${n}]`);
    }
  });
});

describe('links', () => {
  it('escapes brackets in link text and parentheses in addresses', () => {
    expect(link('A [bracketed] headline', 'https://example.org/a_(b)')).toBe('[A \\[bracketed\\] headline](https://example.org/a_%28b%29)');
  });

  it('gives plain text when there is no usable address', () => {
    expect(link('Headline', null)).toBe('Headline');
    expect(link('Headline', 'javascript:alert(1)')).toBe('Headline');
    expect(isHttpUrl('https://www.lbc.co.uk/article/x')).toBe(true);
  });
});

describe('regression: markdown and masked links from a question were rendered', () => {
  it('shows a question\'s markdown, headings and masked links as typed, and keeps citation markers', () => {
    const shown = shownAsText('# What did **[click me](https://evil.example)** say @everyone? “quoted” [1][2]');
    expect(shown).not.toMatch(/(^|[^\\])\[click me\]\(/);
    expect(shown).toContain('\\*\\*');
    expect(shown.startsWith('\\#')).toBe(true);
    expect(shown).not.toContain('@everyone');
    expect(citedNumbers(shown)).toEqual(new Set([1, 2]));
  });
});
