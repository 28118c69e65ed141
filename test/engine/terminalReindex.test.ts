/**
 * `npm run reindex` after a change builds in its own process without an engine (terminalReindex): the report and
 * audit entry a full reindex gives, the build in use extended rather than rebuilt, and the cases it leaves to the
 * engine (no build yet, a build by another embedder). The model is loaded only when a text is new (lazyEmbedder).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import { lazyEmbedder } from '../../src/engine/buildRun.js';
import { terminalReindex, terminalReindexLocked } from '../../src/engine/terminalReindex.js';
import { reindexIfUnchanged } from '../../src/engine/unchangedReindex.js';
import { reindexLockPath } from '../../src/index/lock.js';
import { auditLogPath } from '../../src/index/audit.js';
import { readCurrentBuild } from '../../src/index/indexFiles.js';
import { sentenceUnits } from '../../src/index/buildIndex.js';
import { freshLabels } from '../../src/index/labels.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { NEWS_FILE, SEARCH_FILE } from '../../src/engine/engineState.js';
import { DUPLICATES_FILE } from '../../src/index/groupDuplicates.js';
import { CORPUS_DIR, testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

const actor = { via: 'terminal' as const, name: 'tester' };
let ws: TestWorkspace;
let corpus: string;

beforeAll(async () => {
  ws = testWorkspace();
  corpus = path.join(ws.dir, 'corpus');
  await generateCorpus({ sourceDir: CORPUS_DIR, outDir: corpus, passages: 200, seed: 5 });
}, 120_000);
afterAll(() => ws.cleanup());

describe('terminalReindex', () => {
  it('leaves a corpus with no build yet to the engine', async () => {
    expect(await terminalReindex({ ...ws.config, CORPUS_DIR: corpus, INDEX_DIR: path.join(ws.dir, 'none') }, actor)).toBeNull();
  });

  it('after one changed article: reports it, extends the graph of the build in use, records the audit entry', async () => {
    const config = { ...ws.config, CORPUS_DIR: corpus, INDEX_DIR: path.join(ws.dir, 'index') };
    await testEngine(config);
    const before = await readCurrentBuild(config.INDEX_DIR);
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
    appendFileSync(path.join(corpus, files[3]!), '\n\nA spokesman said on Friday that the talks would resume in Paris next week.\n');
    const stages: string[] = [];
    const report = await terminalReindex(config, actor, { onProgress: (p) => stages.push(p.stage) });
    expect(report).not.toBeNull();
    expect(report!.changed).toHaveLength(1);
    expect(report!.embedded).toBeLessThanOrEqual(2);
    expect(stages.at(-1)).toBe('done');
    const index = await loadIndex(config.INDEX_DIR);
    // One vector per distinct text: the report counts those, not passages and sentences (copies share theirs).
    expect(report!.texts).toBe(freshLabels(index.passages.map((p) => p.text), sentenceUnits(index.passages)).texts.length);
    expect(report!.texts).toBeLessThan(report!.passages + report!.sentences);
    expect(index.build).not.toBe(before);
    // The graph is extended: the changed article's new text added after the others (a fresh build orders it by passage).
    expect(index.labels).not.toEqual(freshLabels(index.passages.map((p) => p.text), sentenceUnits(index.passages)).labels);
    const audit = readFileSync(auditLogPath(config.INDEX_DIR), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.at(-1)).toMatchObject({ action: 'reindex', ok: true, actor, build: index.build, previousBuild: before, changes: { changed: report!.changed } });
  }, 180_000);

  it('derives exactly the files a fresh build of the same corpus derives', async () => {
    const config = { ...ws.config, CORPUS_DIR: corpus, INDEX_DIR: path.join(ws.dir, 'index') };
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
    appendFileSync(path.join(corpus, files[7]!), '\n\nThe minister said the ceasefire would hold until the spring.\n');
    const report = await reindexIfUnchanged(config, actor, (lock, read) => terminalReindexLocked(config, actor, lock, read));
    expect(report?.changed).toHaveLength(1);
    await testEngine({ ...config, INDEX_DIR: path.join(ws.dir, 'fresh') });
    const [a, b] = await Promise.all([loadIndex(config.INDEX_DIR), loadIndex(path.join(ws.dir, 'fresh'))]);
    expect(a.passages).toEqual(b.passages);
    for (const file of [NEWS_FILE, SEARCH_FILE, DUPLICATES_FILE]) expect(a.derived![file]).toBe(b.derived![file]);
    const { builtAt: _a, checksums: _ca, ...manifestA } = a.manifest;
    const { builtAt: _b, checksums: _cb, ...manifestB } = b.manifest;
    expect(manifestA).toEqual(manifestB);
  }, 180_000);

  it('as `npm run reindex` runs it: under the no-change check\'s lock, from what the check read (build and corpus files not read again)', async () => {
    const config = { ...ws.config, CORPUS_DIR: corpus, INDEX_DIR: path.join(ws.dir, 'index') };
    const before = await readCurrentBuild(config.INDEX_DIR);
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
    const file = path.join(corpus, files[5]!);
    appendFileSync(file, '\n\nThe talks would resume in Paris next week, a spokesman said.\n');
    const checked = readFileSync(file, 'utf8');
    const report = await reindexIfUnchanged(config, actor, async (lock, read) => {
      expect(existsSync(reindexLockPath(config.INDEX_DIR))).toBe(true);
      expect(read.current?.build).toBe(before);
      expect(read.corpus?.get(files[5]!)).toBe(checked);
      // Written after the check: the build is made from the text the check read and hashed.
      writeFileSync(file, `${checked}\nWritten after the check.\n`);
      return terminalReindexLocked(config, actor, lock, read);
    });
    expect(report?.changed).toEqual([files[5]!.replace(/\.md$/, '')]);
    const index = await loadIndex(config.INDEX_DIR);
    expect(index.build).not.toBe(before);
    expect(index.manifest.articles.find((a) => a.file === files[5])!.hash).toBe(createHash('sha256').update(checked).digest('hex'));
    expect(index.passages.some((p) => p.text.includes('Written after the check'))).toBe(false);
    expect(existsSync(reindexLockPath(config.INDEX_DIR))).toBe(false);
  }, 180_000);

  it('leaves a model it cannot identify without loading it (or another than the build\'s) to the engine', async () => {
    const config = { ...ws.config, CORPUS_DIR: corpus, INDEX_DIR: path.join(ws.dir, 'index') };
    expect(await terminalReindex({ ...config, EMBEDDING_MODEL: 'some/other-model' }, actor)).toBeNull();
  });
});

describe('lazyEmbedder', () => {
  it('loads the model on the first embed only, and refuses a model that is not the one it stood for', async () => {
    let loads = 0;
    const model = { id: 'm', dimensions: 2, embed: async (texts: string[]) => texts.map(() => Float32Array.from([1, 0])) };
    const lazy = lazyEmbedder('m', 2, async () => (loads++, model));
    expect(lazy.loaded()).toBe(false);
    expect(loads).toBe(0);
    await lazy.embed(['a']);
    await lazy.embed(['b']);
    expect(loads).toBe(1);
    const wrong = lazyEmbedder('m', 3, async () => model);
    await expect(wrong.embed(['a'])).rejects.toThrow('the model loaded is m (2 dimensions), not m (3)');
  });
});
