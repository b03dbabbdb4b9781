// The retry schedule for reaching the engine: starts short so a restarting engine is found again quickly, stays
// quick for the first minute of an outage (an engine being restarted or upgraded), then doubles up to a ceiling
// of a minute or more so an engine that stays away costs almost nothing.

export interface BackoffOptions {
  /** The ceiling while the outage is young (`quickForMs`); the full ceiling applies after that. */
  quickMaxMs?: number;
  quickForMs?: number;
  now?: () => number;
}

export class Backoff {
  private previous = 0;
  private startedAt = 0;
  private readonly quickMaxMs: number;
  private readonly quickForMs: number;
  private readonly now: () => number;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    options: BackoffOptions = {},
  ) {
    if (!(minMs > 0) || !(maxMs >= minMs))
      throw new RangeError(`Backoff needs 0 < minMs <= maxMs (got ${minMs}, ${maxMs})`);
    this.quickMaxMs = Math.max(minMs, Math.min(maxMs, options.quickMaxMs ?? maxMs));
    this.quickForMs = options.quickForMs ?? 0;
    this.now = options.now ?? Date.now;
  }

  /** The delay before the next retry; each call doubles it, up to the ceiling that applies now. */
  next(): number {
    if (this.previous === 0) this.startedAt = this.now();
    const ceiling = this.now() - this.startedAt < this.quickForMs ? this.quickMaxMs : this.maxMs;
    // Doubling from the last delay (not from an attempt count) rises smoothly from the quick ceiling to the full one.
    const delay = this.previous === 0 ? this.minMs : Math.min(ceiling, Math.max(this.minMs, this.previous * 2));
    this.previous = delay;
    return delay;
  }

  /** After a success: the next failure retries at the shortest delay again. */
  reset(): void {
    this.previous = 0;
  }
}
