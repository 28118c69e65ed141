import type { AnswerResult } from '../answer/types.js';

export interface CachedAnswer {
  result: AnswerResult;
  /** The title the answer was shown under (the question, or "What X said"). */
  title: string;
  /** Who asked: the user id of the command's user or of the mention's author. */
  owner: string;
  /** Whether the answer was shown only to its owner; then only the owner may press its buttons. */
  ephemeral: boolean;
  /** The message the answer was sent as (its "More sources" button opens page 0); null until it is sent. */
  messageId: string | null;
  /** The private "More sources" pages sent for this answer: message id -> the user it was shown to. */
  pages: Map<string, string>;
}

/** How many private pages an answer remembers (the oldest forgotten first). */
export const MAX_PAGES_PER_ANSWER = 50;

/** Records that `messageId` is a private page of `answer` shown to `userId`. */
export function rememberPage(answer: CachedAnswer, messageId: string, userId: string): void {
  answer.pages.delete(messageId);
  answer.pages.set(messageId, userId);
  while (answer.pages.size > MAX_PAGES_PER_ANSWER) {
    const oldest = answer.pages.keys().next().value;
    if (oldest === undefined) break;
    answer.pages.delete(oldest);
  }
}

/** A new cache entry for an answer about to be sent. */
export function cachedAnswer(fields: { result: AnswerResult; title: string; owner: string; ephemeral: boolean }): CachedAnswer {
  return { ...fields, messageId: null, pages: new Map() };
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
