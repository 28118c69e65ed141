import type { AnswerResult } from '../answer/types.js';

export interface CachedAnswer {
  result: AnswerResult;
  /** The title the answer was shown under (the question, or "What X said"). */
  title: string;
}

/** Recent answers, by key, for the "More sources" button: least recently used dropped first, entries expire. */
export class AnswerCache {
  private readonly entries = new Map<string, { value: CachedAnswer; expires: number }>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  set(key: string, value: CachedAnswer): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get(key: string): CachedAnswer | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }
}
