import { withoutMentions } from '../src/bot/text.js';
import { answerText } from '../src/answer/text.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../src/engine/createEngine.js';
import { isBotError } from '../src/errors.js';
import { testEngine, testWorkspace, type TestWorkspace } from './helpers/testEngine.js';

let ws: TestWorkspace;
let engine: AnswerEngine;

beforeAll(async () => {
  ws = testWorkspace({ copyCorpus: true });
  engine = await testEngine(ws.config);
});
afterAll(() => ws.cleanup());

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe('bad questions get a clear message', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t  '],
  ])('%s question -> QUESTION_EMPTY', async (_name, question) => {
    const error = await errorOf(engine.ask(question));
    expect(isBotError(error, 'QUESTION_EMPTY')).toBe(true);
    expect((error as Error).message).toContain('Please ask a question');
  });

  it.each([
    ['punctuation only', '???'],
    ['emoji only', '🙂🙂'],
  ])('regression: a wordless question (%s) was answered with random passages -> QUESTION_EMPTY', async (_name, question) => {
    const error = await errorOf(engine.ask(question));
    expect(isBotError(error, 'QUESTION_EMPTY')).toBe(true);
    expect((error as Error).message).toContain('in words');
  });

  it('regression: a question of mentions only, as the bot passes it on (mentions taken out) -> QUESTION_EMPTY', async () => {
    expect(withoutMentions('<@&123> @everyone <#456>')).toBe('');
    const error = await errorOf(engine.ask(withoutMentions('<@&123> @everyone <#456>')));
    expect(isBotError(error, 'QUESTION_EMPTY')).toBe(true);
  });

  it('regression: a question of common words only ("the") was answered with random passages -> abstains', async () => {
    const result = await engine.ask('the');
    expect(result.kind === 'abstain' && result.reason.code).toBe('NO_CONTENT_WORDS');
    expect(result.citations).toEqual([]);
    // Refused before anything is embedded or searched.
    expect(result.passages).toEqual([]);
    expect(result.timings.embedMs).toBe(0);
  });

  it('a 4,000-character question -> QUESTION_TOO_LONG naming the limit', async () => {
    const error = await errorOf(engine.ask('What did Kushner say? '.repeat(200).slice(0, 4000)));
    expect(isBotError(error, 'QUESTION_TOO_LONG')).toBe(true);
    expect((error as Error).message).toContain(String(ws.config.MAX_QUESTION_CHARS));
  });

  it('markdown and mentions in a question do not break answering', async () => {
    const result = await engine.ask('**What** did @everyone hear <@&123> Kushner say about the `milestone`?');
    expect(result.kind).not.toBe('abstain');
    expect(result.passages[0]!.text).toMatch(/milestone/);
  });
});

describe('hybrid retrieval on the real corpus', () => {
  it('groups a syndicated passage into one hit listing every outlet that carries it', async () => {
    const result = await engine.ask('Who provides security guarantees to the peacekeeping force?');
    const top = result.passages.find((p) => p.text.includes('set to provide security guarantees to the peacekeeping force'));
    expect(top, 'the PA passage on US guarantees is retrieved').toBeDefined();
    const outlets = [top!.outlet, ...top!.also.map((a) => a.outlet)].sort();
    expect(outlets).toEqual(['A News', 'The Independent']);
    // The same text is not listed twice as separate hits.
    expect(result.passages.filter((p) => p.text.includes('set to provide security guarantees to the peacekeeping force'))).toHaveLength(1);
  });

  it('cites every outlet carrying a quoted passage, and numbers sources in order of use', async () => {
    const result = await engine.ask('Who provides security guarantees to the peacekeeping force?');
    expect(result.citations.map((c) => c.n)).toEqual(result.citations.map((_, i) => i + 1));
    const marks = [...answerText(result).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(new Set(marks)).toEqual(new Set(result.citations.map((c) => c.n)));
    for (const c of result.citations) expect(c.outlet).not.toBe('Unknown outlet');
  });

  it('answers a paraphrase that shares no keywords with the passage', async () => {
    const result = await engine.ask('Will soldiers from Britain be stationed there once fighting stops?');
    const texts = result.passages.slice(0, 5).map((p) => p.text).join('\n');
    expect(texts).toMatch(/British (armed forces|troops)/);
  });
});

describe('reindex', () => {
  it('reports a corpus file with bad front matter by name and indexes the rest', async () => {
    const before = engine.sources().articles.length;
    writeFileSync(path.join(ws.config.CORPUS_DIR, 'broken.md'), '---\noutlet: [unclosed\nheadline: x\n---\nSome text about Kushner.\n');
    writeFileSync(path.join(ws.config.CORPUS_DIR, 'no-outlet.md'), '---\nheadline: "A headline"\n---\nText.\n');
    const report = await engine.reindex();
    expect(report.problems.map((p) => p.file).sort()).toEqual(['broken.md', 'no-outlet.md']);
    expect(report.problems.find((p) => p.file === 'no-outlet.md')!.message).toMatch(/no-outlet\.md: outlet/);
    expect(report.articles).toBe(before);
    expect(engine.sources().articles).toHaveLength(before);
  });

  it('reports added, changed and removed articles and embeds only new text', async () => {
    const corpus = ws.config.CORPUS_DIR;
    // A sentence no earlier run has embedded (the embedding cache is shared between runs).
    const nonce = Math.random().toString(36).slice(2);
    writeFileSync(
      path.join(corpus, 'zz-new.md'),
      `---\noutlet: "Test Outlet"\nheadline: "A new article"\npublished: "2026-01-08"\nurl: "https://example.com/new"\n---\nThe zebra crossing in Kyiv was repainted on Thursday, officials said (ref ${nonce}).\n`,
    );
    const report = await engine.reindex();
    expect(report.added).toEqual(['zz-new']);
    expect(report.changed).toEqual([]);
    expect(report.removed).toEqual([]);
    expect(report.embedded).toBe(1);
    const answer = await engine.ask('Was the zebra crossing repainted?');
    expect(answer.passages[0]!.outlet).toBe('Test Outlet');

    const { rmSync } = await import('node:fs');
    rmSync(path.join(corpus, 'zz-new.md'));
    const removed = await engine.reindex();
    expect(removed.removed).toEqual(['zz-new']);
    expect(removed.embedded).toBe(0);
  });

  it('refuses a second reindex while one runs, and keeps answering from the old index meanwhile', async () => {
    const first = engine.reindex();
    expect(engine.reindexing).toBe(true);
    const second = await errorOf(engine.reindex());
    expect(isBotError(second, 'REINDEX_IN_PROGRESS')).toBe(true);
    const answer = await engine.ask('Where will the military hubs be set up?');
    expect(answer.passages.length).toBeGreaterThan(0);
    await first;
    expect(engine.reindexing).toBe(false);
  });
});
