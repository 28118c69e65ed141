import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, BUILDS_DIR, currentPointerPath, pruneBuilds, readCurrentBuild, startBuild } from '../../src/index/indexFiles.js';
import { loadIndex } from '../../src/index/loadIndex.js';
import { acquireReindexLock } from '../../src/index/lock.js';
import { saveIndex } from '../../src/index/saveIndex.js';
import { testEngine, testWorkspace, type TestWorkspace } from '../helpers/testEngine.js';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace();
  await testEngine(ws.config);
});
afterAll(() => ws.cleanup());

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

function builds(): string[] {
  return readdirSync(path.join(ws.config.INDEX_DIR, BUILDS_DIR)).sort();
}

function makeOld(file: string, minutes = 30): void {
  const t = new Date(Date.now() - minutes * 60_000);
  utimesSync(file, t, t);
}

describe('regression: pruning could delete a build in progress or in use', () => {
  it('never removes the current build, the one before it, a build being written, nor a young build', async () => {
    const indexDir = ws.config.INDEX_DIR;
    const before = (await readCurrentBuild(indexDir))!;
    const young = await saveIndex(indexDir, await loadIndex(indexDir)); // now current; `before` is the previous one
    const writing = await startBuild(indexDir); // a build this process is writing now
    // A build another live process is writing: its marker names that process.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const foreign = '2020-01-01T00-00-00-000Z-aaaaaa';
      mkdirSync(buildDir(indexDir, foreign));
      writeFileSync(`${buildDir(indexDir, foreign)}.writing`, JSON.stringify({ pid: other.pid }));
      makeOld(buildDir(indexDir, foreign));
      makeOld(buildDir(indexDir, before));
      makeOld(buildDir(indexDir, young));

      const removed = await pruneBuilds(indexDir, { keep: [before] });
      expect(removed).toEqual([]);
      for (const name of [before, young, writing.name, foreign]) expect(existsSync(buildDir(indexDir, name))).toBe(true);
    } finally {
      other.kill();
      await once(other, 'exit');
    }
    expect((await loadIndex(indexDir)).build).toBe(young);
  });

  it('removes half-written builds of dead writers and stale CURRENT temp files, but not a young complete build', async () => {
    const indexDir = ws.config.INDEX_DIR;
    const current = (await readCurrentBuild(indexDir))!;
    const dead = await deadPid();
    const crashed = '2021-01-01T00-00-00-000Z-bbbbbb';
    mkdirSync(buildDir(indexDir, crashed));
    writeFileSync(path.join(buildDir(indexDir, crashed), 'vectors.hnsw'), 'half');
    writeFileSync(`${buildDir(indexDir, crashed)}.writing`, JSON.stringify({ pid: dead }));
    const unmarkedYoung = '2022-01-01T00-00-00-000Z-cccccc';
    mkdirSync(buildDir(indexDir, unmarkedYoung));
    const unmarkedOld = '2022-01-01T00-00-00-000Z-dddddd';
    mkdirSync(buildDir(indexDir, unmarkedOld));
    makeOld(buildDir(indexDir, unmarkedOld));
    const staleTmp = `${currentPointerPath(indexDir)}.deadbeef.tmp`;
    writeFileSync(staleTmp, 'x\n');
    makeOld(staleTmp, 1);

    const lock = (await acquireReindexLock(indexDir))!;
    try {
      const freshTmp = `${currentPointerPath(indexDir)}.feedface.tmp`;
      writeFileSync(freshTmp, 'y\n'); // written after the lock was taken: not stale
      const removed = await pruneBuilds(indexDir, { lockedSince: lock.since });
      expect(removed).toEqual(expect.arrayContaining([crashed, unmarkedOld]));
      expect(removed).not.toContain(current);
      expect(removed).not.toContain(unmarkedYoung);
      expect(existsSync(staleTmp)).toBe(false);
      expect(existsSync(freshTmp)).toBe(true);
    } finally {
      await lock.release();
    }
    expect(builds()).toContain(current);
    expect(builds()).toContain(unmarkedYoung);
    expect(builds().some((b) => b.endsWith('.writing') && b.startsWith(crashed))).toBe(false);
  });

  it('a save that fails before the switch removes its own half-written build', async () => {
    const indexDir = ws.config.INDEX_DIR;
    const listed = builds();
    await expect(
      saveIndex(indexDir, await loadIndex(indexDir), {
        beforeSwitch: () => {
          throw new Error('simulated failure');
        },
      }),
    ).rejects.toThrow('simulated failure');
    expect(builds()).toEqual(listed);
  });
});
