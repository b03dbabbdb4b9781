// When a VM's data disk is trimmed: shortly after what frees space in the engine (debounced, so a prune of fifty
// images is one trim, yet trimmed within maxWaitMs even while events keep coming), on a slow timer for whatever
// frees space without an event (a container's own deletions, logs), and at once when asked (Compact). One trim at
// a time: a request during a trim runs after it, since the running one may have missed what was just freed.
export interface TrimTiming {
  /** Quiet time after the last poke before trimming. */
  debounceMs: number;
  /** The longest a poke waits, however many follow it. */
  maxWaitMs: number;
  /** The timer's period; 0 turns it off. */
  intervalMs: number;
}

export const TRIM_TIMING: TrimTiming = { debounceMs: 5_000, maxWaitMs: 30_000, intervalMs: 60 * 60_000 };

export interface TrimScheduleOptions<T> {
  trim: () => Promise<T>;
  /** A failed scheduled trim is said here (nobody awaits it); trimNow's failure goes to its caller. */
  failed: (error: Error) => void;
  timing?: TrimTiming;
}

export class TrimSchedule<T> {
  private readonly timing: TrimTiming;
  private debounce: NodeJS.Timeout | null = null;
  private firstPokeAt: number | null = null;
  private readonly interval: NodeJS.Timeout | null;
  private chain: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: TrimScheduleOptions<T>) {
    this.timing = options.timing ?? TRIM_TIMING;
    this.interval = this.timing.intervalMs > 0 ? setInterval(() => this.scheduled(), this.timing.intervalMs) : null;
    this.interval?.unref();
  }

  /** Something freed space: trim once things are quiet, or maxWaitMs after the first poke at the latest. */
  poke(): void {
    if (this.disposed) return;
    const now = Date.now();
    this.firstPokeAt ??= now;
    const wait = Math.min(this.timing.debounceMs, this.firstPokeAt + this.timing.maxWaitMs - now);
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.scheduled(), Math.max(0, wait));
    this.debounce.unref();
  }

  /** Trims now (after a trim in progress, if any); a pending debounced trim is folded into this one. */
  trimNow(): Promise<T> {
    this.clearPending();
    const run = this.chain.then(
      () => this.options.trim(),
      () => this.options.trim(),
    );
    this.chain = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.disposed = true;
    this.clearPending();
    if (this.interval) clearInterval(this.interval);
  }

  private scheduled(): void {
    if (this.disposed) return;
    this.trimNow().catch((error: Error) => this.options.failed(error));
  }

  private clearPending(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    this.firstPokeAt = null;
  }
}
