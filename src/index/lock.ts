import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

interface LockRecord {
  pid: number;
  startedAt: string;
  /** Unique to one taking of the lock: a takeover names the exact stale instance it replaces. */
  token: string;
}

/** The lock file's text, or null when there is none. */
async function readRaw(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function holderOf(raw: string): { pid?: unknown; token?: unknown } {
  try {
    return JSON.parse(raw) as { pid?: unknown; token?: unknown };
  } catch {
    return {}; // unreadable: a writer that died mid-write (files are complete when they appear now)
  }
}

/** Which taking of the lock a file records: its token, or a hash of its text (older lock files have no token). */
function instanceOf(raw: string): string {
  const token = holderOf(raw).token;
  return typeof token === 'string' && /^[0-9a-f]{16,64}$/.test(token) ? token : createHash('sha256').update(raw).digest('hex').slice(0, 32);
}

/** A takeover claim whose taker died before finishing is given up after this long (ms). */
const CLAIM_STALE_MS = 10_000;

/**
 * Takes the lock, or returns null when a live process (other than this one) holds it. Taking is atomic: the lock
 * file appears complete (written aside, then hard-linked into place, which fails if it exists). A stale lock (its
 * process is dead) is replaced by exactly one taker: each stale instance can be claimed once (an exclusive
 * `<lock>.takeover-<instance>` file), the claimant checks that the lock still is that instance, then renames its
 * own lock over it. Two processes that both find the same stale lock never both take it.
 */
export async function acquireReindexLock(indexDir: string): Promise<HeldLock | null> {
  const file = reindexLockPath(indexDir);
  if (heldHere.has(file)) return null;
  await mkdir(path.dirname(file), { recursive: true });
  const since = Date.now();
  const record: LockRecord = { pid: process.pid, startedAt: new Date(since).toISOString(), token: randomBytes(16).toString('hex') };
  const text = JSON.stringify(record);
  const mine = `${file}.${record.token}.tmp`;
  await writeFile(mine, text);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(mine, file);
        return held(file, record);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const raw = await readRaw(file);
      if (raw === null) continue; // released meanwhile: try again
      const holder = holderOf(raw);
      if (typeof holder.pid === 'number' && holder.pid !== process.pid && alive(holder.pid)) return null;
      if (heldHere.has(file)) return null; // taken by another engine of this process meanwhile

      // Stale: claim this instance of it, once.
      const claim = `${file}.takeover-${instanceOf(raw)}`;
      try {
        await writeFile(claim, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!(await abandonedClaim(claim))) return null; // another process is taking it over now
        await rm(claim, { force: true });
        continue;
      }
      try {
        // Still the same stale lock? (Another taker may have replaced it and finished before our claim.)
        if ((await readRaw(file)) !== raw) continue;
        await rename(mine, file);
        return held(file, record);
      } finally {
        await rm(claim, { force: true });
      }
    }
    return null;
  } finally {
    await rm(mine, { force: true });
  }
}

/** A takeover claim left by a taker that died mid-way (its process is gone and the claim is old). */
async function abandonedClaim(claim: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await readFile(claim, 'utf8')) as { pid?: unknown };
    if (typeof owner.pid === 'number' && alive(owner.pid)) return false;
    return Date.now() - (await stat(claim)).mtimeMs > CLAIM_STALE_MS;
  } catch {
    return false; // gone meanwhile, or being written: not abandoned
  }
}

function held(file: string, record: LockRecord): HeldLock {
  heldHere.add(file);
  let released = false;
  return {
    since: Date.parse(record.startedAt),
    release: async () => {
      if (released) return;
      released = true;
      // Only our own lock is removed (nobody can take over a live holder's, but check anyway).
      const raw = await readRaw(file);
      if (raw !== null && holderOf(raw).token === record.token) await rm(file, { force: true });
      heldHere.delete(file);
    },
  };
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
