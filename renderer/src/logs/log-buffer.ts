// The lines a Logs tab holds: a bounded window (50k lines by default) over a container's log. New lines are
// appended at the end (the oldest dropped past the bound), older pages prepended at the start (the newest
// dropped past the bound, and then the window no longer reaches the live end). Observable for
// useSyncExternalStore: `version` changes on every change, so a view re-renders once per batch, not per line.
import type { LogLine } from './log-line';

export class LogBuffer {
  private items: LogLine[] = [];
  private listeners = new Set<() => void>();
  private nextSeq = 0;
  private firstSeq = 0;
  version = 0;
  /** Lines older than the first one may exist (the follow began with a tail, or the bound dropped some). */
  hasOlder = true;
  /** The bound dropped the newest lines to keep older ones: the window no longer reaches the live end. */
  newerDropped = false;

  constructor(readonly capacity = 50_000) {}

  get lines(): readonly LogLine[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  /** The sequence number for the next appended line. */
  takeSeq = (): number => this.nextSeq++;

  /** Numbers for an older page, counting down from the first line held. */
  olderSeqs(count: number): () => number {
    let seq = this.firstSeq - count;
    this.firstSeq -= count;
    return () => seq++;
  }

  append(lines: LogLine[]): void {
    if (lines.length === 0 || this.newerDropped) return;
    if (this.items.length === 0) this.firstSeq = lines[0].seq;
    this.items.push(...lines);
    const excess = this.items.length - this.capacity;
    if (excess > 0) {
      // One splice per batch, not per line: a batch of a fast container holds hundreds of lines.
      this.items.splice(0, excess);
      this.firstSeq = this.items[0].seq;
      this.hasOlder = true;
    }
    this.changed();
  }

  prepend(lines: LogLine[], reachedStart: boolean): void {
    this.hasOlder = !reachedStart;
    if (lines.length > 0) {
      this.items = lines.concat(this.items);
      const excess = this.items.length - this.capacity;
      if (excess > 0) {
        this.items.length = this.capacity;
        this.newerDropped = true;
      }
    }
    this.changed();
  }

  /** Empties the window for a new follow; `hasOlder` says whether older lines may be asked for. */
  reset(hasOlder = true): void {
    this.items = [];
    this.hasOlder = hasOlder;
    this.newerDropped = false;
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
