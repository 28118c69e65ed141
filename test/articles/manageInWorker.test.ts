/**
 * A moderator's add or remove builds in the reindex worker process, as /reindex does, not on the bot's own thread:
 * the worker writes the build without swapping it in, the engine checks the change against the report, then swaps
 * the build in, or removes it and puts the corpus back. The default embedder, loaded by the worker.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDraft, previewFile, removeArticle } from '../../src/articles/manage.js';
import type { AnswerEngine } from '../../src/engine/createEngine.js';
import { BotError, isBotError } from '../../src/errors.js';
import type { Actor } from '../../src/index/audit.js';
import type { ReindexProgress } from '../../src/index/buildIndex.js';
import { BUILDS_DIR, readCurrentBuild } from '../../src/index/indexFiles.js';
import type { FetchPolicy } from '../../src/ingest/safeFetch.js';
import { page } from '../helpers/newsServer.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

const alice: Actor = { via: 'terminal', name: 'alice' };
const policy: FetchPolicy = { timeoutMs: 3000, maxBytes: 1_000_000, maxRedirects: 3, userAgent: 'test', allowPrivate: true };

let ws: TestWorkspace;
let engine: AnswerEngine;
const deps = () => ({ config: ws.config, engine, policy });
const builds = () => readdirSync(path.join(ws.config.INDEX_DIR, BUILDS_DIR)).filter((n) => !n.includes('.')).sort();

beforeAll(async () => {
  ws = testWorkspace({ copyCorpus: true });
  engine = await testEngine({ ...ws.config, REINDEX_IN_WORKER: true });
}, 120_000);
afterAll(() => ws.cleanup());

describe('managing articles with the build in the worker process', () => {
  it('regression: publishing builds in the worker (it built on the bot\'s own thread), and the new build answers', { timeout: 180_000 }, async () => {
    const before = await readCurrentBuild(ws.config.INDEX_DIR);
    const draft = await previewFile('cell.html', page('no-metadata.html'), deps(), { outlet: 'Upload Times', headline: 'Cell to meet weekly' });
    const progress: ReindexProgress[] = [];
    const result = await publishDraft(draft, alice, deps(), (p) => progress.push(p));
    // The worker's first word, before it has read anything: the build did not run in this thread.
    expect(progress[0]?.message).toBe('Starting the build');
    expect(result.report.added).toEqual([result.id]);
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(result.build);
    expect(result.build).not.toBe(before);
    expect(engine.sources().articles.map((a) => a.id)).toContain(result.id);

    const removed = await removeArticle(result.id, alice, deps());
    expect(removed.report.removed).toEqual([result.id]);
    expect(engine.sources().articles.map((a) => a.id)).not.toContain(result.id);
    expect(readdirSync(ws.config.CORPUS_DIR).some((f) => f.startsWith('.'))).toBe(false);
  });

  it('a change the report does not bear out leaves CURRENT, the corpus and the builds as they were', { timeout: 180_000 }, async () => {
    const current = await readCurrentBuild(ws.config.INDEX_DIR);
    const kept = builds();
    const file = path.join(ws.config.CORPUS_DIR, 'worker-check.md');
    const text = '---\noutlet: "Check Wire"\nheadline: "A check"\npublished: "2026-01-09"\nurl: null\nauthor: null\n---\nThe coordination cell met in Paris on Friday, a test article says.\n';
    const refused = engine.reindex(undefined, {
      actor: alice,
      action: 'add',
      change: {
        apply: async () => writeFileSync(file, text),
        revert: async () => rmSync(file, { force: true }),
        verify: () => {
          throw new BotError('ARTICLE_NOT_INDEXED', 'The article was not added: refused by this test.', {});
        },
      },
    });
    await expect(refused).rejects.toSatisfy((e) => isBotError(e, 'ARTICLE_NOT_INDEXED'));
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(current);
    expect(existsSync(file)).toBe(false);
    // The build the worker wrote for the refused change is gone; the others are untouched.
    expect(builds()).toEqual(kept);
    expect(engine.sources().articles.some((a) => a.outlet === 'Check Wire')).toBe(false);
  });
});
