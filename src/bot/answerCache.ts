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
  /** Settles once the answer's message is sent and `messageId` is known (see `sentMessageId`). */
  sending: Promise<unknown> | null;
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
  return { ...fields, messageId: null, sending: null, pages: new Map() };
}

/**
 * Sends the answer's message and records its id. Discord shows the message (and its buttons) before the bot has
 * its id back: a press in between waits for `sending` (see `sentMessageId`) instead of being refused.
 */
export async function sendAnswer(answer: CachedAnswer, send: () => Promise<{ id: string }>): Promise<void> {
  const sending = send().then((message) => {
    answer.messageId = message.id;
  });
  answer.sending = sending;
  await sending;
}

/** The id of the answer's message, once the send in flight (if any) has settled; null when it was never sent. */
export async function sentMessageId(answer: CachedAnswer): Promise<string | null> {
  if (answer.messageId === null && answer.sending) await answer.sending.catch(() => {});
  return answer.messageId;
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
