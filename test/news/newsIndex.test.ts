/**
 * The news layer updated from the build before's (buildNewsIndex with `previous`: unchanged articles' statements, the
 * sentences and statement texts it read, word counts and question context updated by the changed passages) must be exactly the
 * one derived afresh, byte for byte as saved, whatever the change: a sentence added, words taken out, an article
 * removed or added, a new speaker (the directory changes: everything is derived again).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { buildNewsIndex } from '../../src/news/newsIndex.js';
import { newsFromJson, newsToJson } from '../../src/news/newsStore.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import type { Article } from '../../src/types.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

let articles: Article[];
let synthetic: Article[];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'news-update-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  articles = (await loadCorpus(CORPUS_DIR)).articles;
  await generateCorpus({ sourceDir: CORPUS_DIR, outDir: tmp, passages: 400, seed: 5 });
  synthetic = (await loadCorpus(tmp)).articles;
}, 120_000);

/** The news layer of `after` from `before`'s (as saved and read back), and derived afresh; and the two sentence indexes. */
function update(before: Article[], after: Article[]) {
  const passagesBefore = before.flatMap((a) => buildPassages(a));
  const passagesAfter = after.flatMap((a) => buildPassages(a));
  const news = newsFromJson(newsToJson(buildNewsIndex(before, passagesBefore)))!;
  const same = (a: Article) => before.some((b) => b.id === a.id && b.body === a.body && b.headline === a.headline && b.outlet === a.outlet && b.author === a.author);
  const unchanged = new Set(after.filter(same).map((a) => a.id));
  const updated = buildNewsIndex(after, passagesAfter, { news, passages: passagesBefore, articles: before, unchanged });
  const fresh = buildNewsIndex(after, passagesAfter);
  return { updated, fresh, previous: news };
}

function changed(i: number, body: (b: string) => string, from = articles): Article[] {
  return from.map((a, k) => (k === i ? { ...a, body: body(a.body), hash: `${a.hash}-edited` } : a));
}

describe('the news layer updated from the build before', () => {
  it('equals the one derived afresh after a sentence is added, and takes the unchanged sentences as they were read', () => {
    const middle = Math.floor(articles.length / 2);
    const { updated, fresh, previous } = update(articles, changed(middle, (b) => `${b}\n\nA spokesman said on Friday that the talks would resume in Paris next week.\n`));
    expect(newsToJson(updated)).toBe(newsToJson(fresh));
    // The first sentence of the coverage (an unchanged article's) is the set the build before held, not read again.
    expect(updated.sentences.tokens[0]).toBe(previous.sentences.tokens[0]);
    // So are the first passage's tokens; the changed article's new passage is read (what tokenising it gives).
    expect(updated.passageTokens.at(0)).toBe(previous.passageTokens.at(0));
    const last = updated.passageTokens.length;
    expect(last).toBe(fresh.passageTokens.length);
    expect([...updated.passageTokens.at(last - 1)]).toEqual([...fresh.passageTokens.at(last - 1)]);
    expect(updated.statements.length).toBe(fresh.statements.length);
    // An unchanged statement's text is not read for names again: its tokens are the set the build before saved.
    const kept = updated.statements.find((s) => s.articleId === articles[0]!.id)!;
    expect(previous.textTokens.get(kept.text)).toBeDefined();
    expect(updated.textTokens.get(kept.text)).toBe(previous.textTokens.get(kept.text));
    expect([...updated.textTokens.get(kept.text)!]).toEqual([...fresh.textTokens.get(kept.text)!]);
    expect(updated.readings).toEqual(fresh.readings);
  });

  it('reads again for the directory only the texts holding a word whose lower-case use changed, and still equals the one derived afresh', () => {
    // A first name the coverage writes only capitalised, now also in lower case: it becomes an ordinary word.
    const passagesBefore = articles.flatMap((a) => buildPassages(a));
    const first = buildNewsIndex(articles, passagesBefore).directory.entries.find((e) => e.kind === 'person' && e.first !== null)!.name.split(' ')[0]!;
    const { updated, fresh, previous } = update(articles, changed(0, (b) => `${b}\n\nThe ${first.toLowerCase()} talks went on.\n`));
    expect(previous.readings!.lowerCase).not.toContain(first.toLowerCase());
    expect(updated.readings!.lowerCase).toContain(first.toLowerCase());
    const byText = (readings: NonNullable<typeof updated.readings>, passages: { text: string }[]) => new Map([...new Set(passages.map((p) => p.text))].map((t, i) => [t, readings.people[i]]));
    const before = byText(previous.readings!, passagesBefore);
    const after = byText(updated.readings!, changed(0, (b) => `${b}\n\nThe ${first.toLowerCase()} talks went on.\n`).flatMap((a) => buildPassages(a)));
    const others = articles.slice(1).flatMap((a) => buildPassages(a)).map((p) => p.text);
    const naming = others.find((t) => t.includes(first))!;
    const plain = others.find((t) => !t.toLowerCase().includes(first.toLowerCase()))!;
    expect(after.get(naming)).not.toBe(before.get(naming));
    expect(after.get(plain)).toBe(before.get(plain));
    expect(newsToJson(updated)).toBe(newsToJson(fresh));
  });

  it('equals the one derived afresh after words are taken out of an article', () => {
    const i = articles.findIndex((a) => a.body.split('\n\n').length > 3);
    const { updated, fresh } = update(articles, changed(i, (b) => b.split('\n\n').slice(0, -2).join('\n\n').replace(/\b(\w{6,})\b/g, 'word')));
    expect(newsToJson(updated)).toBe(newsToJson(fresh));
  });

  it('equals the one derived afresh after an article is removed, and after one is added', () => {
    const removed = update(articles, articles.filter((_, k) => k !== 1));
    expect(newsToJson(removed.updated)).toBe(newsToJson(removed.fresh));
    const copy = { ...articles[2]!, id: `${articles[2]!.id}-copy`, file: `${articles[2]!.id}-copy.md`, url: null, outlet: 'Another Outlet' };
    const added = update(articles, [...articles, copy]);
    expect(newsToJson(added.updated)).toBe(newsToJson(added.fresh));
  });

  it('equals the one derived afresh when only how often someone is named changes, taking the sentences as they were read', () => {
    const top = buildNewsIndex(articles, articles.flatMap((a) => buildPassages(a))).directory.entries[0]!;
    const { updated, fresh, previous } = update(articles, changed(1, (b) => `${b}\n\nThe talks were led by ${top.name} on Friday.\n`));
    const counts = (d: typeof top[]) => d.map((e) => e.mentions);
    const without = (d: typeof top[]) => JSON.stringify(d.map(({ mentions: _m, role: _r, ...e }) => e));
    // The directory is not the same (a mention more), but it reads every text the same.
    expect(counts(updated.directory.entries)).not.toEqual(counts(previous.directory.entries));
    expect(without(updated.directory.entries)).toBe(without(previous.directory.entries));
    expect(updated.sentences.tokens[0]).toBe(previous.sentences.tokens[0]);
    // An unchanged article's statements are the build before's, not found again.
    const unchanged = updated.statements.find((s) => s.articleId === articles[0]!.id)!;
    expect(previous.statements).toContain(unchanged);
    // The sentence brings no new lower-case word, so the directory's readings of the first text are the saved ones.
    expect(updated.readings!.lowerCase).toEqual(previous.readings!.lowerCase);
    expect(updated.readings!.people[0]).toBe(previous.readings!.people[0]);
    expect(updated.readings).toEqual(fresh.readings);
    expect(newsToJson(updated)).toBe(newsToJson(fresh));
  });

  it('equals the one derived afresh when the change brings a new speaker (the directory changes)', () => {
    const { updated, fresh, previous } = update(articles, changed(0, (b) => `${b}\n\n"We will not wait," French Foreign Minister Amelie Fontaine-Roux told reporters.\n`));
    expect(JSON.stringify(updated.directory)).not.toBe(JSON.stringify(previous.directory));
    expect(newsToJson(updated)).toBe(newsToJson(fresh));
  });

  it('equals the one derived afresh on a corpus of syndicated copies', () => {
    const middle = Math.floor(synthetic.length / 2);
    const appended = update(synthetic, changed(middle, (b) => `${b}\n\nA spokesman said on Friday that the talks would resume in Paris next week.\n`, synthetic));
    expect(newsToJson(appended.updated)).toBe(newsToJson(appended.fresh));
    expect(appended.updated.sentences.tokens[0]).toBe(appended.previous.sentences.tokens[0]);
    const cut = update(synthetic, changed(3, (b) => b.split('\n\n').slice(1).join('\n\n'), synthetic));
    expect(newsToJson(cut.updated)).toBe(newsToJson(cut.fresh));
    const removed = update(synthetic, synthetic.filter((_, k) => k !== 7));
    expect(newsToJson(removed.updated)).toBe(newsToJson(removed.fresh));
  }, 120_000);
});
