/** Per-user cooldown between questions. Pure: time comes from `now`. */
export type CooldownResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts the user's cooldown when they may ask now; otherwise says how long they still wait (whole seconds, at
   * least 1). `seconds` overrides the default (a server's own cooldown setting).
   */
  take(userId: string, seconds: number = this.seconds): CooldownResult {
    if (seconds <= 0) return { ok: true };
    const now = this.now();
    const until = this.until.get(userId);
    if (until !== undefined && until > now) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    }
    this.until.set(userId, now + seconds * 1000);
    this.sweep(now);
    return { ok: true };
  }

  /** Gives the user their turn back (e.g. when the question was refused before it reached the engine). */
  release(userId: string): void {
    this.until.delete(userId);
  }

  private sweep(now: number): void {
    if (this.until.size < 1000) return;
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}

export function cooldownMessage(retryAfterSeconds: number): string {
  return `You're asking a little fast: try again in ${retryAfterSeconds} s.`;
}
