import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Lock file beside the index folder: every writer (terminal, bot, shards) takes it, so two processes never rebuild the same index at once. */
export function reindexLockPath(indexDir: string): string {
  return path.join(path.dirname(indexDir), `.${path.basename(indexDir)}.reindex.lock`);
}

/** Whether a process with this id is running (a process of another user counts as running). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface HeldLock {
  /** When the lock was taken (ms since the epoch): files a writer left before then are a dead writer's. */
  readonly since: number;
  release(): Promise<void>;
}

/** Locks held by this process: two engines in one process (tests, shards in one process) are told apart too. */
const heldHere = new Set<string>();

/** Whether a live process other than this one holds the lock now (a hint for a quick refusal; taking it is what counts). */
export async function reindexLocked(indexDir: string): Promise<boolean> {
  try {
    const holder = JSON.parse(await readFile(reindexLockPath(indexDir), 'utf8')) as { pid?: unknown };
    return typeof holder.pid === 'number' && holder.pid !== process.pid && alive(holder.pid);
  } catch {
    return false;
  }
}

/** Takes the lock, or returns null when a live process (other than this one) holds it. A stale lock is replaced. */
export async function acquireReindexLock(indexDir: string): Promise<HeldLock | null> {
  const file = reindexLockPath(indexDir);
  if (heldHere.has(file)) return null;
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const since = Date.now();
      await writeFile(file, JSON.stringify({ pid: process.pid, startedAt: new Date(since).toISOString() }), { flag: 'wx' });
      heldHere.add(file);
      let released = false;
      return {
        since,
        release: async () => {
          if (released) return;
          released = true;
          await rm(file, { force: true });
          heldHere.delete(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: { pid?: unknown } = {};
    try {
      holder = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown };
    } catch {
      // unreadable: treat as stale
    }
    if (typeof holder.pid === 'number' && holder.pid !== process.pid && alive(holder.pid)) return null;
    if (heldHere.has(file)) return null; // taken by another engine of this process meanwhile
    await rm(file, { force: true });
  }
  return null;
}

/** Resolves once no live process holds the lock (checked every `intervalMs`). */
export async function waitForLock(indexDir: string, intervalMs = 250): Promise<void> {
  for (;;) {
    const lock = await acquireReindexLock(indexDir);
    if (lock) {
      await lock.release();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
