/**
 * The per-install secret member ids are hashed with. Given by STORE_SECRET, or generated once (32 random bytes)
 * into a file beside the database, readable by this user only (mode 600). Created with O_EXCL, so two shard
 * processes starting together end up with the same secret: the second reads what the first wrote.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { BotError } from '../errors.js';

const MIN_SECRET_CHARS = 32;

function readSecret(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text.length >= MIN_SECRET_CHARS ? text : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BotError('CONFIG_INVALID', `The store's secret file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { file }, { cause: error });
  }
}

/** The secret in `file`, creating it (mode 600) when it does not exist yet. */
export function loadOrCreateSecret(file: string): string {
  const existing = readSecret(file);
  if (existing !== null) {
    // Tighten a copy restored with looser permissions.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return existing;
  }
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new BotError('CONFIG_INVALID', `The store's secret file ${file} cannot be created (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { file }, { cause: error });
    }
    // Another process created it between our read and our write: use theirs (it may still be being written).
    for (let attempt = 0; attempt < 50; attempt++) {
      const theirs = readSecret(file);
      if (theirs !== null) return theirs;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    throw new BotError('CONFIG_INVALID', `The store's secret file ${file} exists but holds no usable secret; delete it or set STORE_SECRET.`, { file });
  }
}

/** HMAC-SHA256 of a member id, hex, cut to 32 characters (128 bits). */
export function hashMember(secret: string, memberId: string): string {
  return createHmac('sha256', secret).update(memberId).digest('hex').slice(0, 32);
}
