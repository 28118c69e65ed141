/**
 * What is derived from the passages (the news layer, the search index) is built once per build, saved in the
 * build folder under the manifest's checksums, and loaded back at start: loading gives the same answers as
 * deriving, a damaged file is refused, a format-2 build (without them) still loads, and a reindex with nothing
 * changed carries the build over without cutting or embedding anything (and, in a new process, without loading the
 * model or the index: reindexIfUnchanged).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_FILE, SEARCH_FILE } from '../../src/engine/engineState.js';
import { reindexIfUnchanged } from '../../src/engine/unchangedReindex.js';
import { isBotError } from '../../src/errors.js';
import { auditLogPath, JsonLinesAuditLog } from '../../src/index/audit.js';
import { DUPLICATES_FILE } from '../../src/index/groupDuplicates.js';
import { buildDir, MANIFEST_FILE, readCurrentBuild, VECTORS_FILE } from '../../src/index/indexFiles.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { INDEX_FORMAT_VERSION } from '../../src/index/manifest.js';
import { buildNewsIndex } from '../../src/news/newsIndex.js';
import { newsFromJson, newsToJson } from '../../src/news/newsStore.js';
import { rewriteManifest } from '../helpers/manifestEdit.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace({ copyCorpus: true });
  await testEngine(ws.config);
}, 120_000);
afterAll(() => ws.cleanup());

const QUESTIONS = [
  'What did Kushner say?',
  'What did LBC report about Greenland?',
  'How did the outlets differ on Kushner\'s milestone quote?',
  'How many countries were at the meeting?',
  'What did Boris Johnson say about the deployment?',
];

async function currentDir(): Promise<string> {
  return buildDir(ws.config.INDEX_DIR, (await readCurrentBuild(ws.config.INDEX_DIR))!);
}

/** An answer without its timings, to compare two engines' answers. */
async function answers(engine: Awaited<ReturnType<typeof testEngine>>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUESTIONS) {
    const { timings: _t, ...rest } = await engine.ask(q);
    out.push(rest);
  }
  return out;
}

describe('derived files in the build folder', () => {
  it('are written, checksummed in the manifest (format 3 on), and round-trip to the same news layer', async () => {
    const dir = await currentDir();
    expect(existsSync(path.join(dir, NEWS_FILE))).toBe(true);
    expect(existsSync(path.join(dir, SEARCH_FILE))).toBe(true);
    const index = await loadIndex(ws.config.INDEX_DIR);
    expect(index.manifest.format).toBe(INDEX_FORMAT_VERSION);
    // The near-duplicate class pairs too, for the next build to compare only new classes (groupNearDuplicates).
    expect(Object.keys(index.manifest.checksums.derived ?? {}).sort()).toEqual([DUPLICATES_FILE, NEWS_FILE, SEARCH_FILE]);

    const built = buildNewsIndex(index.manifest.articles, index.passages);
    const loaded = newsFromJson(index.derived![NEWS_FILE]!)!;
    expect(loaded.statements).toEqual(built.statements);
    expect(loaded.groups.map((g) => g.statements.map((s) => s.id))).toEqual(built.groups.map((g) => g.statements.map((s) => s.id)));
    expect(loaded.speakers).toEqual(built.speakers);
    expect(loaded.directory).toEqual(built.directory);
    expect([...loaded.question.vocabulary].sort()).toEqual([...built.question.vocabulary].sort());
    expect([...loaded.question.places].sort()).toEqual([...built.question.places].sort());
    expect(loaded.mentionedIn).toEqual(built.mentionedIn);
    expect(loaded.sentences.tokens).toEqual(built.sentences.tokens);
    expect(loaded.weights('milestone')).toBe(built.weights('milestone'));
    expect(newsToJson(loaded)).toBe(newsToJson(built));
  });

  it('a new engine loading them answers exactly as the engine that derived them', async () => {
    const builder = await testEngine({ ...ws.config, INDEX_DIR: path.join(ws.dir, 'fresh-index') });
    const loader = await testEngine({ ...ws.config, INDEX_DIR: path.join(ws.dir, 'fresh-index') });
    expect(await answers(loader)).toEqual(await answers(builder));
  }, 120_000);

  it('a damaged news.json is refused like any other damaged file', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'damaged-index') };
    await testEngine(other);
    const file = path.join(buildDir(other.INDEX_DIR, (await readCurrentBuild(other.INDEX_DIR))!), NEWS_FILE);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('kushner'));
    bytes[at] = 0x78;
    writeFileSync(file, bytes);
    const error = await loadIndex(other.INDEX_DIR).then(() => null, (e: unknown) => e);
    expect(isBotError(error, 'INDEX_CORRUPT')).toBe(true);
    expect((error as Error).message).toContain('npm run reindex');
  }, 120_000);

  it('a damaged search.json (version 2, flat arrays) is refused, naming the file', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'damaged-search-index') };
    await testEngine(other);
    const file = path.join(buildDir(other.INDEX_DIR, (await readCurrentBuild(other.INDEX_DIR))!), SEARCH_FILE);
    const bytes = readFileSync(file);
    expect((JSON.parse(bytes.toString('utf8')) as { version: number }).version).toBe(2);
    const at = bytes.indexOf(Buffer.from('"docs":"')) + 12;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41; // one base64 digit of the postings
    writeFileSync(file, bytes);
    const error = await loadIndex(other.INDEX_DIR).then(() => null, (e: unknown) => e);
    expect(isBotError(error, 'INDEX_CORRUPT')).toBe(true);
    expect((error as Error).message).toContain(SEARCH_FILE);
    expect((error as Error).message).toContain('npm run reindex');
  }, 120_000);

  it('a format-2 build (no derived files) still loads, derives them at load, and answers the same', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'old-index') };
    const fresh = await testEngine(other);
    const expected = await answers(fresh);
    rewriteManifest(path.join(buildDir(other.INDEX_DIR, (await readCurrentBuild(other.INDEX_DIR))!), MANIFEST_FILE), (manifest) => {
      manifest.format = 2;
      delete manifest.checksums.derived;
    });
    const index = await loadIndex(other.INDEX_DIR);
    expect(index.derived).toEqual({});
    // A reindex with nothing changed writes it again with its derived files: not decided without loading.
    expect(await reindexIfUnchanged(other, { via: 'terminal', name: 'tester' })).toBeNull();
    expect(await answers(await testEngine(other))).toEqual(expected);
  }, 120_000);
});

describe('reindex with nothing changed', () => {
  it('keeps the build in use: nothing cut, embedded, derived or written', async () => {
    const engine = await testEngine(ws.config);
    const before = await loadIndex(ws.config.INDEX_DIR);
    const report = await engine.reindex();
    expect(report).toMatchObject({ added: [], changed: [], removed: [], embedded: 0, unchanged: before.manifest.articles.length });
    expect((await loadIndex(ws.config.INDEX_DIR)).build).toBe(before.build);

    // One changed article is not "nothing changed": it is cut and embedded again.
    const file = path.join(ws.config.CORPUS_DIR, before.manifest.articles[0]!.file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nA spokesman said the coalition would meet again in Paris next month.\n`);
    const changed = await engine.reindex();
    expect(changed.changed).toEqual([before.manifest.articles[0]!.id]);
    const rebuilt = await loadIndex(ws.config.INDEX_DIR);
    expect(rebuilt.passages.some((p) => p.text.includes('meet again in Paris next month'))).toBe(true);
    // The other articles' passages are taken over as they were.
    const others = (ps: typeof before.passages) => ps.filter((p) => p.articleId !== before.manifest.articles[0]!.id).map((p) => p.text);
    expect(others(rebuilt.passages)).toEqual(others(before.passages));
    expect(rebuilt.derived![NEWS_FILE]).not.toBe(before.derived![NEWS_FILE]);
  }, 120_000);
});

describe('reindex with nothing changed, without loading the model or the index (reindexIfUnchanged)', () => {
  const actor = { via: 'terminal' as const, name: 'tester' };

  it('reports what the full reindex reports and keeps the build in use, with an audit entry', async () => {
    const other = { ...ws.config, INDEX_DIR: path.join(ws.dir, 'quick-index') };
    const engine = await testEngine(other);
    const before = await loadIndex(other.INDEX_DIR);
    const quick = await reindexIfUnchanged(other, actor);
    const full = await engine.reindex();
    expect(quick).not.toBeNull();
    const { ms: _q, ...quickRest } = quick!;
    const { ms: _f, ...fullRest } = full;
    expect(quickRest).toEqual(fullRest);
    expect(await readCurrentBuild(other.INDEX_DIR)).toBe(before.build);
    const last = (await new JsonLinesAuditLog(auditLogPath(other.INDEX_DIR)).recent(2))[0]!;
    expect(last).toMatchObject({ action: 'reindex', ok: true, build: before.build, previousBuild: before.build, actor });
  }, 120_000);

  it('leaves the decision to the full reindex when an article changed, the index is damaged or the embedder differs', async () => {
    const other = { ...ws.config, CORPUS_DIR: path.join(ws.dir, 'quick-corpus'), INDEX_DIR: path.join(ws.dir, 'quick-index-2') };
    cpSync(ws.config.CORPUS_DIR, other.CORPUS_DIR, { recursive: true });
    await testEngine(other);
    expect(await reindexIfUnchanged(other, actor)).not.toBeNull();
    // Another embedder configured: its id is not the build's.
    expect(await reindexIfUnchanged({ ...other, EMBEDDING_MODEL: path.join(ws.dir, 'no-such-model') }, actor)).toBeNull();
    // A damaged vector file: the full reindex rebuilds it.
    const vectors = path.join(buildDir(other.INDEX_DIR, (await readCurrentBuild(other.INDEX_DIR))!), VECTORS_FILE);
    const original = readFileSync(vectors);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 5] = damaged[damaged.length - 5]! ^ 0xff;
    writeFileSync(vectors, damaged);
    expect(await reindexIfUnchanged(other, actor)).toBeNull();
    writeFileSync(vectors, original);
    expect(await reindexIfUnchanged(other, actor)).not.toBeNull();
    // A plain subfolder is not read by a reindex; another file is reported by it (the full reindex does that).
    mkdirSync(path.join(other.CORPUS_DIR, 'images'));
    expect(await reindexIfUnchanged(other, actor)).not.toBeNull();
    writeFileSync(path.join(other.CORPUS_DIR, 'notes.txt'), 'not an article');
    expect(await reindexIfUnchanged(other, actor)).toBeNull();
    rmSync(path.join(other.CORPUS_DIR, 'notes.txt'));
    // One changed article.
    const index = await loadIndex(other.INDEX_DIR);
    const file = path.join(other.CORPUS_DIR, index.manifest.articles[1]!.file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nThe ministers met again on Tuesday.\n`);
    expect(await reindexIfUnchanged(other, actor)).toBeNull();
  }, 120_000);
});
