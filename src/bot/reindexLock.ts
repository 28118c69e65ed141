import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Lock file beside the index folder, so two processes (shards) never rebuild the same index at once. */
export function reindexLockPath(indexDir: string): string {
  return path.join(path.dirname(indexDir), `.${path.basename(indexDir)}.reindex.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the lock, or returns null when a live process (other than this one) holds it. A stale lock is replaced. */
export async function acquireReindexLock(indexDir: string): Promise<HeldLock | null> {
  const file = reindexLockPath(indexDir);
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { flag: 'wx' });
      return { release: () => rm(file, { force: true }) };
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
    await rm(file, { force: true });
  }
  return null;
}
