/**
 * One process contending for reindex locks (test/index/lockTakeover.test.ts): for each round, at the agreed
 * moment, it tries to take the lock of that round's index folder (which starts with a stale lock); when it gets
 * it, it records when it entered and left, holding it for a while. Prints one JSON line per round.
 * Usage: tsx lockContender.ts <startAtMs> <roundMs> <holdMs> <indexDir>...
 */
import { acquireReindexLock } from '../../src/index/lock.js';

const [startAt, roundMs, holdMs, ...dirs] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

for (const [round, dir] of dirs.entries()) {
  await sleep(Number(startAt) + round * Number(roundMs) - Date.now());
  const lock = await acquireReindexLock(dir!);
  if (!lock) {
    console.log(JSON.stringify({ round, pid: process.pid, took: false }));
    continue;
  }
  const entered = Date.now();
  await sleep(Number(holdMs));
  const left = Date.now();
  await lock.release();
  console.log(JSON.stringify({ round, pid: process.pid, took: true, entered, left }));
}
