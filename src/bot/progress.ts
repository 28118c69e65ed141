/**
 * Sends progress as edits of one reply without flooding Discord: the first update goes out at once, later ones at
 * most every `intervalMs` (the latest wins), one edit at a time. Failed edits are reported to `onError`, not thrown:
 * progress is best effort, the final report is not.
 */
export class ThrottledEditor<T> {
  private latest: T | null = null;
  private lastSent = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly send: (value: T) => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  update(value: T): void {
    if (this.closed) return;
    this.latest = value;
    this.schedule();
  }

  private schedule(): void {
    if (this.inFlight || this.timer || this.latest === null) return;
    const wait = this.lastSent + this.intervalMs - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, wait);
      return;
    }
    const value = this.latest;
    this.latest = null;
    this.lastSent = this.now();
    this.inFlight = this.send(value)
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      )
      .finally(() => {
        this.inFlight = null;
        if (!this.closed) this.schedule();
      });
  }

  /** Stops sending: drops what is pending and waits for an edit already on its way. */
  async close(): Promise<void> {
    this.closed = true;
    this.latest = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }
}
