// Test helper: a GuestStatsSource whose lines the test pushes, built from frames like the in-guest collector's.
import type { GuestStatsFrame } from '../../../../../main/core/guest-stats/guest-stats-protocol';
import type { GuestStatsSource } from '../../../../../main/core/guest-stats/guest-source';

export type GuestEntry = GuestStatsFrame['c'][number];

const MiB = 1024 ** 2;

/** One container's counters with plausible defaults; tests override what they check. */
export function guestEntry(id: string, overrides: Partial<GuestEntry> = {}): GuestEntry {
  return {
    id,
    cpuUsec: 1_000_000,
    nrThrottled: 0,
    throttledUsec: 0,
    memBytes: 100 * MiB,
    memMaxBytes: 256 * MiB,
    inactiveFileBytes: 20 * MiB,
    swapBytes: 0,
    oomKills: 0,
    pids: 3,
    pidsMax: 64,
    readBytes: 0,
    writeBytes: 0,
    rxBytes: 1000,
    txBytes: 500,
    ...overrides,
  };
}

export class FakeGuestSource implements GuestStatsSource {
  started = false;
  closed = false;
  private readonly queue: string[] = [];
  private failure: Error | null = null;
  private ended = false;
  private wake: (() => void) | null = null;
  readonly lines: AsyncIterable<string> = { [Symbol.asyncIterator]: () => this.iterate() };

  push(...items: Array<GuestStatsFrame | string>): void {
    for (const item of items) this.queue.push(typeof item === 'string' ? item : JSON.stringify(item));
    this.poke();
  }

  fail(message: string): void {
    this.failure = new Error(message);
    this.poke();
  }

  end(): void {
    this.ended = true;
    this.poke();
  }

  close(): void {
    this.closed = true;
    this.poke();
  }

  private poke(): void {
    this.wake?.();
    this.wake = null;
  }

  private async *iterate(): AsyncGenerator<string> {
    this.started = true;
    for (;;) {
      while (this.queue.length > 0 && !this.closed) yield this.queue.shift() as string;
      if (this.closed) return;
      if (this.failure) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** Lets the collector's pump take every pushed line. */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
