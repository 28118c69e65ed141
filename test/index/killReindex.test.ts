/**
 * `kill -9` of a reindex at many points (reading, embedding in the worker, saving): the index in use always
 * loads, the killed run's worker process does not outlive it, and the next reindex succeeds and cleans up.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS_DIR, readCurrentBuild } from '../../src/index/indexFiles.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { alive, reindexLockPath } from '../../src/index/lock.js';
import { generatedArticle } from '../helpers/generatedArticle.js';
import { REPO_ROOT, testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

/** KILL_ROUNDS raises the rounds for the README's counts. */
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 3);
let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace({ copyCorpus: true });
  await testEngine(ws.config);
});
afterAll(() => ws.cleanup());

function reindex(): { child: ReturnType<typeof spawn>; exit: Promise<number | null>; stderr: () => string } {
  // node itself (not the tsx wrapper, which runs the script in a child of its own): the kill hits the reindex.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/reindex.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CORPUS_DIR: ws.config.CORPUS_DIR,
      INDEX_DIR: ws.config.INDEX_DIR,
      EMBED_CACHE_DIR: path.join(ws.dir, 'cache'), // its own cache: every round embeds the new article
      MODEL_DIR: ws.config.MODEL_DIR,
      LOG_LEVEL: 'warn',
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, exit: once(child, 'exit').then(([code]) => code as number | null), stderr: () => stderr };
}

/** Pids named by build markers (`builds/<name>.writing`): the writers of builds in progress. */
function writerPids(): number[] {
  const root = path.join(ws.config.INDEX_DIR, BUILDS_DIR);
  return readdirSync(root)
    .filter((f) => f.endsWith('.writing'))
    .flatMap((f) => {
      try {
        return [(JSON.parse(readFileSync(path.join(root, f), 'utf8')) as { pid: number }).pid];
      } catch {
        return [];
      }
    });
}

describe('kill -9 during a reindex', () => {
  it(`at ${ROUNDS} points through the run: the index always loads, no worker outlives its reindex, the next reindex succeeds`, { timeout: 600_000 }, async () => {
    // How long an uninterrupted run takes, to spread the kills over it.
    writeFileSync(path.join(ws.config.CORPUS_DIR, 'generated-0.md'), generatedArticle(60, 1000));
    const t0 = Date.now();
    const full = reindex();
    expect(await full.exit, full.stderr()).toBe(0);
    const duration = Date.now() - t0;

    for (let round = 1; round <= ROUNDS; round++) {
      writeFileSync(path.join(ws.config.CORPUS_DIR, `generated-${round}.md`), generatedArticle(60, 1000 + round));
      const before = await readCurrentBuild(ws.config.INDEX_DIR);
      const run = reindex();
      await new Promise((resolve) => setTimeout(resolve, (duration * round) / (ROUNDS + 1)));
      run.child.kill('SIGKILL');
      await run.exit;

      // The index in use loads: the old build, or the new one when the kill came after the swap.
      const loaded = await loadIndex(ws.config.INDEX_DIR);
      expect([before, loaded.build]).toContain(await readCurrentBuild(ws.config.INDEX_DIR));
      expect(loaded.passages.length).toBeGreaterThan(50);
      // The worker process of the killed run goes away with it.
      for (let waited = 0; waited < 10_000 && writerPids().some(alive); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(writerPids().filter(alive), `round ${round}: a worker outlived its reindex`).toEqual([]);
    }

    // The next reindex takes the dead run's lock, succeeds, and removes the half builds.
    const next = reindex();
    expect(await next.exit, next.stderr()).toBe(0);
    expect(next.stderr()).not.toMatch(/\n\s+at /);
    const loaded = await loadIndex(ws.config.INDEX_DIR);
    expect(loaded.manifest.articles.map((a) => a.id)).toContain(`generated-${ROUNDS}`);
    expect(writerPids()).toEqual([]);
    expect(existsSync(reindexLockPath(ws.config.INDEX_DIR))).toBe(false);
  });
});
