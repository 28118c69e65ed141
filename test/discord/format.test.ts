import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { answerReply, MORE_PAGE_SIZE, moreCustomId, morePage, parseMoreCustomId, unquotedPassages } from '../../src/bot/format/answer.js';
import { embedLength, textReply } from '../../src/bot/format/common.js';
import { progressReply, reportReply } from '../../src/bot/format/reindex.js';
import { sourcesReply } from '../../src/bot/format/sources.js';
import { Limits } from '../../src/bot/limits.js';
import { citedNumbers } from '../../src/bot/text.js';
import { answerText } from '../../src/answer/text.js';
import type { Abstention } from '../../src/answer/types.js';
import type { SourcesInfo } from '../../src/engine/types.js';
import type { ReindexReport } from '../../src/index/report.js';
import { ARTICLES, longAnswer, sampleAnswer } from '../helpers/answers.js';

/** Every limit Discord documents for one message's embeds. */
function expectWithinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(Limits.embedsPerMessage);
  expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(Limits.embedTotal);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(Limits.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(Limits.embedDescription);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(Limits.embedFields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(Limits.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(Limits.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(Limits.footerText);
  }
}

describe('answerReply', () => {
  it('shows the answer with its markers, then one field per source: outlet, date, headline, link, also in', () => {
    const reply = answerReply(sampleAnswer(), { title: 'Where will the military hubs be?', moreKey: '42' });
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('Where will the military hubs be?');
    expect(embed!.description).toBe(answerText(sampleAnswer()));
    expect(embed!.fields!.map((f) => f.name)).toEqual(['[1] LBC · 6 Jan 2026', '[2] Daily Mail · 6 Jan 2026', '[3] The Independent · 6 Jan 2026']);
    expect(embed!.fields![0]!.value).toBe(`[Putin 'not showing that he's ready for peace'](${ARTICLES.lbc.url})`);
    // The Daily Mail has no known address; its passage was syndicated by two outlets that do.
    expect(embed!.fields![1]!.value).toBe(
      `${ARTICLES.dailyMail.headline} (no link known)\nAlso in [The Independent](${ARTICLES.independent.url}), [A News](${ARTICLES.aNews.url})`,
    );
    expectWithinLimits(reply.embeds);
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('adds link buttons for the sources with an address and a More sources button for the passages not quoted', () => {
    const reply = answerReply(sampleAnswer(), { title: 'q', moreKey: '42' });
    const [links, more] = reply.components;
    expect(links!.components.map((b) => ('url' in b ? [b.label, b.url] : null))).toEqual([
      ['[1] LBC', ARTICLES.lbc.url],
      ['[3] The Independent', ARTICLES.independent.url],
    ]);
    expect(more!.components[0]).toMatchObject({ label: 'More sources', custom_id: moreCustomId('42', 0) });
    expect(answerReply(sampleAnswer(), { title: 'q', moreKey: null }).components).toHaveLength(1);
  });

  it('cuts a 5,000-character answer to the limits and keeps a source for every marker still shown', () => {
    const result = longAnswer(5000);
    const text = answerText(result);
    expect(text.length).toBeGreaterThanOrEqual(5000);
    const reply = answerReply(result, { title: 'x'.repeat(400), moreKey: '1' });
    const [embed] = reply.embeds;
    expectWithinLimits(reply.embeds);
    expect(embed!.title!.length).toBe(Limits.embedTitle);
    const description = embed!.description!;
    expect(description.length).toBeLessThan(text.length);
    expect(description.length).toBeGreaterThan(3000);
    expect(description).not.toMatch(/\[\d*$/m);
    // Every line shown ends attributed; the last is the cut one.
    for (const line of description.split('\n')) expect(line).toMatch(/(\[\d+\])+$/);
    expect(description.split('\n').at(-1)).toMatch(/…” \[\d+\]$/);
    const fieldNumbers = embed!.fields!.map((f) => Number(/^\[(\d+)\]/.exec(f.name)![1]));
    expect(new Set(fieldNumbers)).toEqual(citedNumbers(description));
  });

  it('stays within the limits with 25 sources carrying long headlines, addresses and syndicated copies', () => {
    const result = longAnswer(8000);
    const base = result.passages[0]!;
    result.citations = Array.from({ length: 25 }, (_, i) => ({
      n: i + 1,
      articleId: `article-${i + 1}`,
      outlet: `Outlet ${i} `.repeat(8),
      headline: 'A very long headline about the Paris Declaration '.repeat(8),
      published: '2026-01-06',
      url: `https://example.org/${'segment/'.repeat(60)}${i}`,
    }));
    result.passages = result.citations.map((c, i) => ({
      ...base,
      rank: i + 1,
      citation: c.n,
      also: Array.from({ length: 12 }, (_, j) => ({ ...base, article: `syndicated-${i}-${j}`, paragraph: j, outlet: `Syndicator ${j}`, url: `https://example.com/${'x'.repeat(300)}` })),
    }));
    result.quotes = result.citations.map((c, i) => ({ text: 'Quoted words from the coverage. '.repeat(10).trim(), passageId: result.passages[i]!.id, cutBefore: false, cutAfter: false, citations: [c.n] }));
    const reply = answerReply(result, { title: 'q', moreKey: '1' });
    expectWithinLimits(reply.embeds);
    expect(reply.embeds[0]!.description!.length).toBeGreaterThan(2000);
    for (const row of reply.components) expect(row.components.length).toBeLessThanOrEqual(Limits.buttonsPerRow);
  });

  it('never lets corpus or question text mention anyone', () => {
    const result = sampleAnswer();
    result.quotes = [{ ...result.quotes[0]!, text: '@everyone should read this, <@&123456> too' }];
    result.citations[0] = { ...result.citations[0]!, outlet: '@here News', headline: 'Headline for <@98765>' };
    const reply = answerReply(result, { title: 'Ping @everyone and <@&555>?', moreKey: null });
    const json = JSON.stringify(reply);
    expect(json).not.toMatch(/@everyone|@here|<@&?\d/);
    expect(reply.allowedMentions.parse).toEqual([]);
  });

  it('shows an abstention with its reason and suggested questions, without sources or buttons', () => {
    const { question, passages, timings } = sampleAnswer();
    const result: Abstention = {
      kind: 'abstain',
      question,
      reason: { code: 'UNKNOWN_NAMES', names: ['Germany'], outlet: null },
      suggestions: ['Where will the military hubs be?', 'What did Kushner say?'],
      about: null,
      citations: [],
      passages,
      timings,
    };
    const reply = answerReply(result, { title: 'What does Germany think?', moreKey: '9' });
    const [embed] = reply.embeds;
    expect(embed!.description).toBe(
      "The coverage I have doesn't answer that. The coverage never mentions Germany.\n\n**You could ask:**\n• Where will the military hubs be?\n• What did Kushner say?",
    );
    expect(embed!.fields).toEqual([]);
    expect(reply.components).toEqual([]);
  });
});

describe('morePage', () => {
  it('pages through the passages the answer did not quote, in rank order', () => {
    const result = sampleAnswer();
    const unquoted = unquotedPassages(result);
    expect(unquoted.map((p) => p.rank)).toEqual([4, 5, 6, 7, 8]);
    const first = morePage(result, { title: 'q', key: '42', page: 0 });
    expect(first.embeds[0]!.fields!.map((f) => f.name.split(' ')[0])).toEqual(['#4', '#5', '#6']);
    expect(first.embeds[0]!.fields![0]!.value).toContain(`> ${unquoted[0]!.text}`);
    expect(first.components.at(-1)!.components[0]).toMatchObject({ custom_id: moreCustomId('42', 1) });
    const second = morePage(result, { title: 'q', key: '42', page: 1 });
    expect(second.embeds[0]!.fields!.map((f) => f.name.split(' ')[0])).toEqual(['#7', '#8']);
    expect(second.embeds[0]!.fields![0]!.value).toContain('Also in [A News]');
    expect(second.components.flatMap((r) => r.components).some((b) => 'custom_id' in b)).toBe(false);
    expect(second.embeds[0]!.footer!.text).toBe(`Page 2 of ${Math.ceil(5 / MORE_PAGE_SIZE)} · passages ranked 7–8`);
  });

  it('counts a passage as quoted only when the answer quotes it, not merely because its article is cited', () => {
    const result = sampleAnswer();
    // Another passage of the cited LBC article, ranked but not quoted.
    result.passages.push({ ...result.passages[0]!, rank: 9, paragraph: 30, id: `${result.passages[0]!.article}#30`, text: 'Leaders Gather For the Coalition Of The Willing Meeting In France, where the declaration was signed.', citation: 1 });
    // Quoted with a cut: part of a passage still counts as quoted.
    result.quotes[1] = { ...result.quotes[1]!, text: result.passages[1]!.text.slice(0, 60), cutAfter: true };
    expect(unquotedPassages(result).map((p) => p.rank)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('reads its custom id back', () => {
    expect(parseMoreCustomId(moreCustomId('1234567890123456789', 3))).toEqual({ key: '1234567890123456789', page: 3 });
    expect(parseMoreCustomId('other:1:2')).toBeNull();
  });
});

describe('sourcesReply', () => {
  const article = (i: number, outlet: string) => ({
    id: `a${i}`,
    outlet,
    headline: `Headline number ${i} about the Paris Declaration and the deployment of forces to Ukraine after a ceasefire`,
    published: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    url: i % 3 === 0 ? null : `https://example.org/${i}`,
    author: null,
    passages: 10,
  });

  it('lists outlets and articles with dates and links, and when the index was built', () => {
    const info: SourcesInfo = { builtAt: '2026-01-08T10:00:00.000Z', embedder: 'transformers:Xenova/all-MiniLM-L6-v2', dimensions: 384, passages: 30, articles: [article(1, 'LBC'), article(2, 'Daily Mail'), article(3, 'LBC')] };
    const [embed] = sourcesReply(info).embeds;
    expect(embed!.description).toContain('3 articles from 2 outlets, 30 passages.');
    expect(embed!.description).toContain(`<t:${Date.parse(info.builtAt) / 1000}:f>`);
    expect(embed!.fields!.map((f) => f.name)).toEqual(['Daily Mail (1)', 'LBC (2)']);
    expect(embed!.fields![1]!.value).toBe(
      `• ${article(3, 'LBC').headline} · 4 Jan 2026 · no link known\n• [${article(1, 'LBC').headline}](https://example.org/1) · 2 Jan 2026`,
    );
  });

  it('stays within the limits with hundreds of articles', () => {
    const articles = Array.from({ length: 300 }, (_, i) => article(i, `Outlet ${i % 40}`));
    const reply = sourcesReply({ builtAt: '2026-01-08T10:00:00.000Z', embedder: 'e', dimensions: 1, passages: 3000, articles });
    expectWithinLimits(reply.embeds);
    expect(reply.embeds[0]!.fields!.at(-1)!.name).toMatch(/^…and \d+ more outlets$/);
  });
});

describe('reindex replies', () => {
  it('shows the stages done, the current one with its count, and who started it', () => {
    const [embed] = progressReply({ stage: 'embedding', done: 40, total: 98, message: 'Embedding passages' }, 'moderator').embeds;
    expect(embed!.description!.split('\n').slice(0, 5)).toEqual([
      '✅ Reading the corpus',
      '✅ Splitting passages',
      '▶️ **Embedding passages** `███████░░░░░░░░░` 40/98',
      '▫️ Building the index',
      '▫️ Saving the index',
    ]);
    expect(embed!.footer!.text).toContain('Started by moderator');
  });

  it('reports what changed, with headlines for the article ids, within the limits', () => {
    const report: ReindexReport = {
      added: Array.from({ length: 400 }, (_, i) => `new-${i}`),
      changed: ['a1'],
      removed: [],
      unchanged: 4,
      articles: 405,
      passages: 4000,
      sentences: 600,
      embedded: 4500,
      texts: 4600,
      ms: 12_345,
      problems: [{ file: 'bad.md', message: 'no front matter' }],
    };
    const reply = reportReply(report, new Map([['a1', 'LBC: Putin not ready']]));
    const [embed] = reply.embeds;
    expectWithinLimits(reply.embeds);
    expect(embed!.description).toContain('401 articles changed since the last build.');
    expect(embed!.fields!.map((f) => f.name)).toEqual(['Added (400)', 'Changed (1)', 'Skipped files (1)']);
    expect(embed!.fields![0]!.value).toMatch(/…and \d+ more$/);
    expect(embed!.fields![1]!.value).toBe('• LBC: Putin not ready');
  });

  it('regression: a skipped symbolic link is named without its target (a server path) in the public report', () => {
    const report: ReindexReport = {
      added: [],
      changed: [],
      removed: [],
      unchanged: 5,
      articles: 5,
      passages: 100,
      sentences: 35,
      embedded: 0,
      texts: null,
      ms: 1000,
      problems: [{ file: 'dangling.md', message: 'dangling.md: a symbolic link whose target does not exist', detail: 'it points at /srv/secret/gone.md' }],
    };
    const text = JSON.stringify(reportReply(report).embeds);
    expect(text).toContain('dangling.md');
    expect(text).not.toContain('/srv/secret');
  });
});

describe('textReply', () => {
  it('cuts to 2,000 characters and neutralises mentions', () => {
    const reply = textReply(`@everyone ${'x'.repeat(3000)}`);
    expect(reply.content!.length).toBeLessThanOrEqual(2000);
    expect(reply.content).not.toContain('@everyone');
  });
});
