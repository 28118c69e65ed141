import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import { reportReply } from '../../src/bot/format/reindex.js';
import { firstFew, formatReport, skippedLines, terminalProgress } from '../../src/cli/format.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { ReindexReport } from '../../src/index/report.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'declaration-gen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('synthetic corpus generator', () => {
  it('is deterministic by seed, reaches the size asked, and writes articles the corpus loader accepts', async () => {
    const a = await generateCorpus({ sourceDir: CORPUS_DIR, outDir: path.join(tmp, 'a'), passages: 300, seed: 5 });
    const b = await generateCorpus({ sourceDir: CORPUS_DIR, outDir: path.join(tmp, 'b'), passages: 300, seed: 5 });
    await generateCorpus({ sourceDir: CORPUS_DIR, outDir: path.join(tmp, 'c'), passages: 300, seed: 6 });
    expect(a.passages).toBeGreaterThanOrEqual(300);
    expect(a.files).toEqual(b.files);
    for (const f of a.files) expect(readFileSync(path.join(tmp, 'a', f), 'utf8')).toBe(readFileSync(path.join(tmp, 'b', f), 'utf8'));
    expect(readdirSync(path.join(tmp, 'c')).map((f) => readFileSync(path.join(tmp, 'c', f), 'utf8'))).not.toEqual(
      a.files.map((f) => readFileSync(path.join(tmp, 'a', f), 'utf8')),
    );
    const { articles, problems } = await loadCorpus(path.join(tmp, 'a'));
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(a.articles);
    expect(new Set(articles.map((x) => x.outlet)).size).toBeGreaterThan(3);
    expect(new Set(articles.map((x) => x.published)).size).toBeGreaterThan(3);
    expect(articles.some((x) => /said: "/.test(x.body))).toBe(true);
  }, 60_000);
});

describe('reindex reports at scale', () => {
  const report: ReindexReport = {
    added: Array.from({ length: 1000 }, (_, i) => `article-${i}`),
    changed: ['one'],
    removed: [],
    unchanged: 0,
    articles: 1001,
    passages: 20_000,
    sentences: 3_000,
    embedded: 23_000,
    texts: 23_000,
    ms: 600_000,
    problems: Array.from({ length: 12 }, (_, i) => ({ file: `bad-${i}.md`, message: 'no front matter' })),
  };

  it("the terminal's progress prints every stage and its last step, and in between one line per interval, not one per batch", () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = terminalProgress((l) => lines.push(l), 1000, () => clock);
    progress({ stage: 'reading', done: 0, total: 0, message: 'Reading the corpus' });
    for (let done = 32; done <= 20_000; done += 32) {
      clock += 50; // a batch every 50 ms: 625 batches in about 31 s
      progress({ stage: 'embedding', done, total: 20_000, message: `Indexed ${done}/20000` });
    }
    progress({ stage: 'embedding', done: 20_000, total: 20_000, message: 'Indexed 20000/20000' });
    progress({ stage: 'saving', done: 0, total: 0, message: 'Saving the index' });
    expect(lines[0]).toBe('  Reading the corpus');
    expect(lines[1]).toBe('  Indexed 32/20000 (0%)');
    expect(lines.at(-2)).toBe('  Indexed 20000/20000 (100%)');
    expect(lines.at(-1)).toBe('  Saving the index');
    expect(lines.filter((l) => l.startsWith('  Indexed')).length).toBeGreaterThan(30);
    expect(lines.filter((l) => l.startsWith('  Indexed')).length).toBeLessThan(36);
  });

  it('the terminal gives counts, then the first five names and how many more', () => {
    expect(firstFew(['a', 'b'])).toBe('a, b');
    const text = formatReport(report);
    expect(text).toContain('Articles: 1001 (1000 added, 1 changed, 0 removed, 0 unchanged)');
    expect(text).toContain('Added: article-0, article-1, article-2, article-3, article-4 …and 995 more');
    expect(text).toContain('Changed: one');
    expect(text).not.toContain('Removed:');
    expect(text).toContain('Skipped files: 12');
    expect(text).toContain('…and 7 more');
    expect(text.split('\n').length).toBeLessThan(15);
  });

  it('the first build inside `ask` lists the first five skipped files and how many more', () => {
    const lines = skippedLines(report.problems);
    expect(lines).toEqual([...report.problems.slice(0, 5).map((p) => `Skipped ${p.file}: ${p.message}`), '  …and 7 more']);
  });

  it('the bot gives the count in the heading, then the first five and how many more', () => {
    const [embed] = reportReply(report).embeds;
    const added = embed!.fields!.find((f) => f.name === 'Added (1000)')!;
    expect(added.value.split('\n')).toEqual(['• article-0', '• article-1', '• article-2', '• article-3', '• article-4', '…and 995 more']);
  });
});
