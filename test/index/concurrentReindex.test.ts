import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/createEngine.js';
import { isBotError } from '../../src/errors.js';
import { readCurrentBuild } from '../../src/index/indexFiles.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { REPO_ROOT, testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

const ROUNDS = 5;
/** Each round starts two processes (~8 s of CPU each); 3 by default keeps the whole suite's load bounded, CONCURRENT_REINDEX_ROUNDS for more. */
const PROCESS_ROUNDS = Number(process.env.CONCURRENT_REINDEX_ROUNDS ?? 3);
let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace();
  await testEngine(ws.config);
});
afterAll(() => ws.cleanup());

/** CURRENT names a complete build that loads (a swap may land between reading CURRENT and loading: either build is fine). */
async function expectLoadable(): Promise<void> {
  const before = await readCurrentBuild(ws.config.INDEX_DIR);
  const loaded = await loadIndex(ws.config.INDEX_DIR);
  const after = await readCurrentBuild(ws.config.INDEX_DIR);
  expect([before, after]).toContain(loaded.build);
  expect(loaded.passages.length).toBeGreaterThan(50);
}

describe('two reindexes at once', () => {
  // Each reindex starts a worker process that loads the embedding model: a few seconds a round.
  it(`two engines on one index folder, ${ROUNDS} rounds: one wins, the other is refused cleanly, readers always load`, { timeout: 240_000 }, async () => {
    const a: AnswerEngine = await testEngine(ws.config);
    const b: AnswerEngine = await testEngine(ws.config);
    let readerDone = false;
    let reads = 0;
    // A reader loading CURRENT all along: never sees a missing or half-written build.
    const reader = (async () => {
      while (!readerDone) {
        await expectLoadable();
        reads++;
      }
    })();
    const outcomes = { ran: 0, refused: 0 };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const results = await Promise.allSettled([a.reindex(), b.reindex()]);
        for (const r of results) {
          if (r.status === 'fulfilled') outcomes.ran++;
          else {
            expect(isBotError(r.reason, 'REINDEX_IN_PROGRESS'), String(r.reason)).toBe(true);
            expect((r.reason as Error).message).toMatch(/already running/);
            outcomes.refused++;
          }
        }
        expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
        await expectLoadable();
      }
    } finally {
      readerDone = true;
      await reader;
    }
    expect(outcomes.ran + outcomes.refused).toBe(2 * ROUNDS);
    expect(outcomes.ran).toBeGreaterThanOrEqual(ROUNDS);
    expect(reads).toBeGreaterThan(0);
    // Both engines answer from a loadable index afterwards.
    expect((await a.ask('Where will the coordination cell be based?')).kind).toBeDefined();
  });

  it(`two \`reindex\` processes at once, ${PROCESS_ROUNDS} rounds: no raw stack, CURRENT always loads`, { timeout: 300_000 }, async () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const env = {
      ...process.env,
      CORPUS_DIR: ws.config.CORPUS_DIR,
      INDEX_DIR: ws.config.INDEX_DIR,
      EMBED_CACHE_DIR: ws.config.EMBED_CACHE_DIR,
      MODEL_DIR: ws.config.MODEL_DIR,
      LOG_LEVEL: 'silent',
    };
    const run = async () => {
      const child = spawn(tsx, [path.join(REPO_ROOT, 'src', 'cli', 'reindex.ts')], { cwd: ws.dir, env });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      return { code, stderr, stdout };
    };
    let clean = 0;
    let refused = 0;
    for (let round = 0; round < PROCESS_ROUNDS; round++) {
      const results = await Promise.all([run(), run()]);
      for (const r of results) {
        expect(r.stderr, 'a raw stack trace').not.toMatch(/^\s+at .+\(.*:\d+:\d+\)/m);
        if (r.code === 0) clean++;
        else {
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(/already running in another process/);
          refused++;
        }
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
      await expectLoadable();
    }
    console.log(`concurrent reindex processes: ${PROCESS_ROUNDS} rounds, ${clean} runs finished, ${refused} refused with REINDEX_IN_PROGRESS`);
    expect(clean + refused).toBe(2 * PROCESS_ROUNDS);
  });
});
