// A bounded ring of log lines with listeners: what the Engine page shows of a Berth-owned engine's log, and
// what diagnostics copy. Memory stays fixed however long the engine runs.

export const LOG_LINES = 2000;

export class LogRing {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(lines: string[]) => void>();

  constructor(private readonly capacity: number = LOG_LINES) {}

  push(lines: string[]): void {
    if (lines.length === 0) return;
    this.lines.push(...lines.slice(-this.capacity));
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
    for (const listener of [...this.listeners]) listener(lines);
  }

  /** Oldest first. */
  all(): string[] {
    return [...this.lines];
  }

  last(count: number): string[] {
    return this.lines.slice(-count);
  }

  onLines(listener: (lines: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
