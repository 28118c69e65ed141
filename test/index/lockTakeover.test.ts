/**
 * The stale-lock takeover race: several processes find the same stale reindex lock (its process is dead) at the
 * same moment. One takes it; nobody may hold it while another does.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexLockPath } from '../../src/index/lock.js';
import { repoRoot } from '../helpers/discordSpec.js';

const TSX = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const CONTENDERS = 6;
/** LOCK_ROUNDS raises the rounds for the README's counts. */
const ROUNDS = Number(process.env.LOCK_ROUNDS ?? 8);
const ROUND_MS = 600;
const HOLD_MS = 250;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'declaration-lock-race-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await once(child, 'exit');
  return child.pid!;
}

describe('reindex lock takeover', () => {
  it(`${CONTENDERS} processes at once on a stale lock: one takes it, never two at a time (${ROUNDS} rounds)`, async () => {
    const dirs: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const indexDir = path.join(dir, `round-${round}`, 'index');
      await mkdir(path.dirname(indexDir), { recursive: true });
      // A stale lock: round by round, one of the old format (no token) and one of the new.
      const stale = { pid: await deadPid(), startedAt: new Date().toISOString(), ...(round % 2 ? { token: 'ab'.repeat(16) } : {}) };
      await writeFile(reindexLockPath(indexDir), JSON.stringify(stale));
      dirs.push(indexDir);
    }
    // Starting tsx takes a while: the rounds begin once every contender has surely loaded.
    const startAt = Date.now() + 8_000;
    const runs = await Promise.all(
      Array.from({ length: CONTENDERS }, () =>
        promisify(execFile)(TSX, ['test/helpers/lockContender.ts', String(startAt), String(ROUND_MS), String(HOLD_MS), ...dirs], { cwd: repoRoot }),
      ),
    );
    const results = runs.flatMap((r) => r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { round: number; took: boolean; entered?: number; left?: number }));
    expect(results).toHaveLength(CONTENDERS * ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      // A contender that starts late may take the lock after the first one let it go; never while it is held.
      const takers = results.filter((r) => r.round === round && r.took).sort((a, b) => a.entered! - b.entered!);
      expect(takers.length, `round ${round}`).toBeGreaterThanOrEqual(1);
      for (let k = 1; k < takers.length; k++) expect(takers[k]!.entered!, `round ${round}: two holders at once`).toBeGreaterThanOrEqual(takers[k - 1]!.left!);
      // Released: the lock file is gone.
      await expect(readFile(reindexLockPath(dirs[round]!), 'utf8')).rejects.toThrow(/ENOENT/);
    }
  }, 120_000);
});
