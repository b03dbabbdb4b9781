// The retry schedule for reaching the engine: starts short so a restarting engine is found again quickly, then
// doubles up to a ceiling so a stopped engine costs almost nothing.

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
  ) {
    if (!(minMs > 0) || !(maxMs >= minMs)) throw new RangeError(`Backoff needs 0 < minMs <= maxMs (got ${minMs}, ${maxMs})`);
  }

  /** The delay before the next retry; each call doubles it, up to the ceiling. */
  next(): number {
    // Capped exponent: 2 ** attempt stays finite however long the engine stays away.
    const delay = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    return delay;
  }

  /** After a success: the next failure retries at the shortest delay again. */
  reset(): void {
    this.attempt = 0;
  }
}
