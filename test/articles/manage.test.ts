/**
 * Adding, removing, history and rollback on a copy of the corpus, with the fast hashing embedder: the corpus file and
 * the index change together or not at all, and every change is in the audit log.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistory, listArticles, previewFile, previewUrl, publishDraft, removeArticle } from '../../src/articles/manage.js';
import type { AnswerEngine } from '../../src/engine/createEngine.js';
import { isBotError } from '../../src/errors.js';
import { auditLogPath, type Actor } from '../../src/index/audit.js';
import { BUILDS_DIR, pruneBuilds, readCurrentBuild } from '../../src/index/indexFiles.js';
import type { FetchPolicy } from '../../src/ingest/safeFetch.js';
import type { Embedder } from '../../src/types.js';
import { hashingEmbedder } from '../helpers/hashingEmbedder.js';
import { page, startNewsServer, type NewsServer } from '../helpers/newsServer.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

const alice: Actor = { via: 'terminal', name: 'alice' };
const policy: FetchPolicy = { timeoutMs: 3000, maxBytes: 1_000_000, maxRedirects: 3, userAgent: 'test', allowPrivate: true };

/** The hashing embedder, made to fail while `failing` is set (a reindex that breaks half way). */
function flakyEmbedder(): Embedder & { failing: boolean } {
  const inner = hashingEmbedder({ id: 'test-hashing-manage' });
  const e = {
    id: inner.id,
    dimensions: inner.dimensions,
    failing: false,
    embed: (texts: string[]) => (e.failing ? Promise.reject(new Error('embedder broke')) : inner.embed(texts)),
  };
  return e;
}

let ws: TestWorkspace;
let server: NewsServer;
let engine: AnswerEngine;
let embedder: ReturnType<typeof flakyEmbedder>;
const deps = () => ({ config: ws.config, engine, policy });

beforeAll(async () => {
  ws = testWorkspace({ copyCorpus: true });
  ws.config.EMBED_CACHE_DIR = path.join(ws.dir, 'cache');
  server = await startNewsServer();
  embedder = flakyEmbedder();
  engine = await testEngine(ws.config, { embedder });
});
afterAll(async () => {
  await server.close();
  ws.cleanup();
});

function corpusFiles(): string[] {
  return readdirSync(ws.config.CORPUS_DIR).sort();
}

describe('managing articles', () => {
  it('a failed reindex leaves the corpus and the index as they were, and is in the audit log', async () => {
    const files = corpusFiles();
    const build = await readCurrentBuild(ws.config.INDEX_DIR);
    const draft = await previewUrl(`${server.base}/news/article`, deps());
    embedder.failing = true;
    try {
      await expect(publishDraft(draft, alice, deps())).rejects.toThrow(/embedder broke/);
    } finally {
      embedder.failing = false;
    }
    expect(corpusFiles()).toEqual(files);
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(build);
    expect(engine.sources().articles.map((a) => a.id)).not.toContain(draft.id);
    const last = (await engine.audit.recent(1))[0]!;
    expect(last).toMatchObject({ action: 'add', ok: false, actor: alice, article: { id: draft.id }, error: { message: expect.stringMatching(/embedder broke/) } });
  });

  it('publishes a fetched article: the file is written, the index rebuilt, the audit log written', async () => {
    const before = await readCurrentBuild(ws.config.INDEX_DIR);
    const draft = await previewUrl(`${server.base}/news/article`, deps());
    const result = await publishDraft(draft, alice, deps());
    expect(result.report.added).toEqual([draft.id]);
    expect(existsSync(path.join(ws.config.CORPUS_DIR, result.file))).toBe(true);
    expect(engine.sources().articles.find((a) => a.id === draft.id)).toMatchObject({ outlet: 'The Daily Test', published: '2026-01-07', passages: draft.passages.length });
    const answer = await engine.ask('What did Admiral Quillon say?');
    expect(answer.kind).toBe('statements');
    expect(answer.citations.map((c) => c.outlet)).toEqual(['The Daily Test']);
    const last = (await engine.audit.recent(1))[0]!;
    expect(last).toMatchObject({ action: 'add', ok: true, actor: alice, build: result.build, previousBuild: before, changes: { added: [draft.id], removed: [], changed: [] } });
    expect(readFileSync(auditLogPath(ws.config.INDEX_DIR), 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses the same link twice, before writing anything', async () => {
    const files = corpusFiles();
    const draft = await previewUrl(`${server.base}/news/article`, deps());
    await expect(publishDraft(draft, alice, deps())).rejects.toThrow(/The Daily Test's article "Coordination cell .*" \(.*\) already has this link/);
    expect(corpusFiles()).toEqual(files);
  });

  it('lists the corpus with passages and the files skipped', async () => {
    const list = await listArticles(ws.config);
    expect(list.articles.find((a) => a.outlet === 'The Daily Test')).toMatchObject({ status: 'indexed', url: expect.stringMatching(/^https:\/\/www\.dailytest\.example\//) });
    expect(list.skipped).toEqual([]);
  });

  it('history names who made each build and what changed; rollback swaps an older build in and says what differs', async () => {
    const history = await buildHistory(ws.config);
    expect(history[0]).toMatchObject({ current: true, action: 'add', by: alice, changes: { added: [expect.stringMatching(/the-daily-test/)] } });
    expect(Object.values(history[0]!.labels)).toEqual(['The Daily Test: Coordination cell for Ukraine force will sit at Mont Valérien, says admiral']);
    const older = history[1]!;
    const bob: Actor = { via: 'discord', name: 'bob', id: '123' };
    const r = await engine.rollback(older.build, bob);
    expect(r.build).toBe(older.build);
    expect(r.differs).toEqual([expect.stringMatching(/^2026-01-07-the-daily-test-.*\.md: in the corpus, not in this build$/)]);
    expect(await readCurrentBuild(ws.config.INDEX_DIR)).toBe(older.build);
    expect(await engine.ask('What did Admiral Quillon say?')).toMatchObject({ kind: 'abstain', citations: [] });
    expect((await engine.audit.recent(1))[0]).toMatchObject({ action: 'rollback', ok: true, actor: bob, build: older.build, changes: { removed: [expect.stringMatching(/the-daily-test/)] } });
    await expect(engine.rollback('2020-01-01T00-00-00-000Z-abcdef', bob)).rejects.toThrow(/No kept index build is named/);
    await expect(engine.rollback('../../etc', bob)).rejects.toSatisfy((e) => isBotError(e, 'BUILD_UNKNOWN'));
  });

  it('removes an article (a reindex takes the corpus in again first)', async () => {
    await engine.reindex(undefined, { actor: alice });
    const id = engine.sources().articles.find((a) => a.outlet === 'The Daily Test')!.id;
    const result = await removeArticle(id, alice, deps());
    expect(result.report.removed).toEqual([id]);
    expect(existsSync(path.join(ws.config.CORPUS_DIR, `${id}.md`))).toBe(false);
    expect(corpusFiles().some((f) => f.startsWith('.'))).toBe(false);
    expect(await engine.ask('What did Admiral Quillon say?')).toMatchObject({ kind: 'abstain', citations: [] });
    await expect(removeArticle('no-such-article', alice, deps())).rejects.toThrow(/No article in the corpus has the id "no-such-article"/);
    await expect(removeArticle('../corpus', alice, deps())).rejects.toSatisfy((e) => isBotError(e, 'ARTICLE_UNKNOWN'));
  });

  it('adds an uploaded file once its missing details are given', async () => {
    const draft = await previewFile('cell.html', page('no-metadata.html'), deps(), { outlet: 'Upload Times', headline: 'Cell to meet weekly' });
    expect(draft.missing).toEqual([]);
    const result = await publishDraft(draft, alice, deps());
    expect(readFileSync(path.join(ws.config.CORPUS_DIR, result.file), 'utf8')).toMatch(/^---\noutlet: "Upload Times"\nheadline: "Cell to meet weekly"\npublished: null\nurl: null/);
  });

  it('keeps the newest INDEX_BUILDS_KEPT builds whatever their age', async () => {
    const root = path.join(ws.config.INDEX_DIR, BUILDS_DIR);
    const before = readdirSync(root).filter((n) => !n.includes('.')).sort();
    expect(before.length).toBeGreaterThan(3);
    await pruneBuilds(ws.config.INDEX_DIR, { keepNewest: 3, graceMs: 0 });
    const after = readdirSync(root).filter((n) => !n.includes('.')).sort();
    expect(after).toEqual(before.slice(-3));
  });
});

describe('removing the last article', () => {
  it('is refused by the reindex, and the file is put back', async () => {
    const one = testWorkspace({ copyCorpus: true });
    try {
      one.config.EMBED_CACHE_DIR = path.join(one.dir, 'cache');
      const files = readdirSync(one.config.CORPUS_DIR);
      for (const f of files.slice(1)) rmSync(path.join(one.config.CORPUS_DIR, f));
      const e = await testEngine(one.config, { embedder: hashingEmbedder({ id: 'test-hashing-one' }) });
      const build = await readCurrentBuild(one.config.INDEX_DIR);
      await expect(removeArticle(files[0]!.replace(/\.md$/, ''), alice, { config: one.config, engine: e })).rejects.toSatisfy((err) => isBotError(err, 'CORPUS_EMPTY'));
      expect(readdirSync(one.config.CORPUS_DIR)).toEqual([files[0]]);
      expect(await readCurrentBuild(one.config.INDEX_DIR)).toBe(build);
    } finally {
      one.cleanup();
    }
  });
});
