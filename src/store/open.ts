/**
 * Opens the store the settings name (STORE_PATH, STORE_SECRET) and applies the retention rule
 * (RETENTION_DAYS): records older than that are deleted now, and then every `PURGE_INTERVAL_MS` while the
 * process runs.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { ensureWritableDir, type Config } from '../config/config.js';
import { loadOrCreateSecret } from './secret.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a running process deletes records past the retention period. */
export const PURGE_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type StoreConfig = Pick<Config, 'STORE_PATH' | 'STORE_SECRET' | 'RETENTION_DAYS'>;

/** Where the generated secret lives when STORE_SECRET is not set: beside the database. */
export function secretFile(storePath: string): string {
  return path.join(path.dirname(storePath), `${path.basename(storePath)}.secret`);
}

/** Deletes what is older than RETENTION_DAYS; returns how many records went. */
export function purgeExpired(store: Store, retentionDays: number, now = Date.now()): Promise<number> {
  return store.purge(now - retentionDays * DAY_MS);
}

export async function openStore(config: StoreConfig, log?: Logger): Promise<Store> {
  await ensureWritableDir('STORE_PATH', path.dirname(config.STORE_PATH));
  const secret = config.STORE_SECRET ?? loadOrCreateSecret(secretFile(config.STORE_PATH));
  const store = new SqliteStore(config.STORE_PATH, secret);
  const purged = await purgeExpired(store, config.RETENTION_DAYS);
  if (purged > 0) log?.info({ purged, retentionDays: config.RETENTION_DAYS }, 'deleted records older than the retention period');
  return store;
}

/** Purges expired records periodically; returns the function that stops it. */
export function schedulePurge(store: Store, retentionDays: number, log?: Logger, intervalMs = PURGE_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    purgeExpired(store, retentionDays).then(
      (purged) => {
        if (purged > 0) log?.info({ purged, retentionDays }, 'deleted records older than the retention period');
      },
      (error: unknown) => log?.error({ err: error }, 'purging expired records failed'),
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
