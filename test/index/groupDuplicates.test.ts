/**
 * Near-duplicate groups after a change, from the build before's class pairs (duplicates.json): only classes of
 * passages that are new are compared, and the groups and the pairs saved must be exactly a fresh build's, whatever
 * the change (a sentence added, an article removed, a perturbed copy added); a missing or damaged file is compared
 * afresh.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { groupDuplicates, groupNearDuplicates } from '../../src/index/groupDuplicates.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import type { Article, Passage } from '../../src/types.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'duplicates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let articles: Article[];
let before: Passage[];

beforeAll(async () => {
  await generateCorpus({ sourceDir: CORPUS_DIR, outDir: tmp, passages: 600, seed: 7 });
  articles = (await loadCorpus(tmp)).articles;
  before = articles.flatMap((a) => buildPassages(a));
}, 120_000);

const passagesOf = (list: Article[]): Passage[] => list.flatMap((a) => buildPassages(a));

function sinceBefore(after: Passage[], saved = groupNearDuplicates(before).saved) {
  return { updated: groupNearDuplicates(after, { passages: before, saved }), fresh: groupNearDuplicates(after) };
}

describe('near-duplicate groups from the build before\'s pairs', () => {
  it('are a fresh build\'s after a sentence is added, an article removed, a perturbed copy added', () => {
    const middle = Math.floor(articles.length / 2);
    const appended = articles.map((a, k) => (k === middle ? { ...a, body: `${a.body}\n\nA spokesman said on Friday that the talks would resume in Paris next week.\n` } : a));
    const removed = articles.filter((_, k) => k !== 4);
    const source = articles.find((a) => a.body.split('\n\n').length > 2)!;
    const copy = { ...source, id: `${source.id}-copy`, body: source.body.replace(/\bthe\b/, 'a').replace(/\b(\w+)\.\s*$/, 'today.') };
    for (const after of [appended, removed, [...articles, copy]].map(passagesOf)) {
      const { updated, fresh } = sinceBefore(after);
      expect(updated.groups).toEqual(fresh.groups);
      expect(updated.saved).toBe(fresh.saved);
      expect(updated.groups).toEqual(groupDuplicates(after));
    }
  });

  it('take the pairs the build before saved as they are (only new classes are compared)', () => {
    const after = passagesOf(articles.filter((_, k) => k !== 4));
    const file = JSON.parse(groupNearDuplicates(before).saved) as { pairs: string };
    expect(file.pairs.length).toBeGreaterThan(0);
    const { updated, fresh } = sinceBefore(after, JSON.stringify({ ...file, pairs: '' }));
    // With its pairs left out, the unchanged classes are not found near each other again.
    expect(updated.groups).not.toEqual(fresh.groups);
  });

  it('are compared afresh when the saved pairs are missing or do not hold together', () => {
    const after = passagesOf(articles.slice(1));
    for (const saved of [undefined, 'not json', JSON.stringify({ version: 1, classes: 3, pairs: 'AAAA' }), JSON.stringify({ version: 99, classes: 0, pairs: '' })]) {
      const { updated, fresh } = sinceBefore(after, saved);
      expect(updated.groups).toEqual(fresh.groups);
      expect(updated.saved).toBe(fresh.saved);
    }
  });
});
