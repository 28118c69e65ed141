/**
 * The turns of each follow-up thread, in memory: what "what else did he say?" is read against. Nothing of a
 * conversation is written to the store (Discord keeps the thread itself); after a restart a thread's earlier
 * turns are read back from its messages (see threads.ts).
 */
import type { Turn } from '../plan/followUp.js';

/** Turns remembered per thread (the oldest dropped first). */
export const MAX_TURNS = 10;

export class Conversations {
  private readonly threads = new Map<string, Turn[]>();

  constructor(private readonly maxThreads = 1000) {}

  get(threadId: string): Turn[] | undefined {
    return this.threads.get(threadId);
  }

  set(threadId: string, turns: Turn[]): void {
    this.threads.delete(threadId);
    this.threads.set(threadId, turns.slice(-MAX_TURNS));
    while (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
  }

  add(threadId: string, turn: Turn): Turn[] {
    const turns = [...(this.threads.get(threadId) ?? []), turn];
    this.set(threadId, turns);
    return turns;
  }
}
