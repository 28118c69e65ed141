/** Pending /articles previews and removals, kept in memory for their owner for a limited time. */
import { randomBytes } from 'node:crypto';
import type { ArticleDraft } from '../ingest/draft.js';

export type Pending = { kind: 'add'; draft: ArticleDraft } | { kind: 'remove'; id: string; label: string };

interface Entry {
  owner: string;
  pending: Pending;
  expires: number;
}

/** How long a preview or a removal waits for its button (15 minutes, Discord's interaction token lifetime). */
export const PENDING_TTL_MS = 15 * 60_000;

export class PendingStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = PENDING_TTL_MS) {}

  /** Keeps `pending` for `owner`; returns its key (short, for custom ids). */
  put(owner: string, pending: Pending): string {
    this.sweep();
    const key = randomBytes(6).toString('hex');
    this.entries.set(key, { owner, pending, expires: Date.now() + this.ttlMs });
    return key;
  }

  /** The pending change and its owner, or null when unknown or expired. */
  get(key: string): { owner: string; pending: Pending } | null {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  replace(key: string, pending: Pending): void {
    const entry = this.entries.get(key);
    if (entry) entry.pending = pending;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expires < now) this.entries.delete(key);
  }
}
