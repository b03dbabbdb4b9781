// Test helper: collects one log stream's events from a core's hub, split into lines per fd in arrival order,
// and waits for a number of lines or for the stream's end.
import { randomUUID } from 'node:crypto';
import type { EventHub } from '../../../../main/core/ipc/event-hub';
import type { StreamData, StreamEnd, StreamFd } from '../../../../main/shared/stream-types';

export interface CollectedLine {
  fd: StreamFd;
  timestamp: string;
  text: string;
}

export class LogStreamCollector {
  readonly id = randomUUID();
  readonly lines: CollectedLine[] = [];
  /** Characters of the largest `stream:data` event: what the core buffered at most before sending. */
  largestEventChars = 0;
  events = 0;
  end: StreamEnd | null = null;
  private readonly partial = new Map<StreamFd, string>();
  private readonly waiters = new Set<() => void>();
  readonly dispose: () => void;

  constructor(hub: EventHub) {
    this.dispose = hub.subscribe((event, anyPayload) => {
      if (event === 'stream:data' && (anyPayload as StreamData).id === this.id) {
        this.events += 1;
        let chars = 0;
        for (const chunk of (anyPayload as StreamData).chunks) {
          chars += chunk.text.length;
          this.take(chunk.fd, chunk.text);
        }
        this.largestEventChars = Math.max(this.largestEventChars, chars);
      } else if (event === 'stream:end' && (anyPayload as StreamEnd).id === this.id) this.end = anyPayload as StreamEnd;
      else return;
      for (const waiter of [...this.waiters]) waiter();
    });
  }

  private take(fd: StreamFd, text: string): void {
    const parts = ((this.partial.get(fd) ?? '') + text).split('\n');
    this.partial.set(fd, parts.pop() ?? '');
    for (const part of parts) {
      const line = part.replace(/\r$/, '');
      const space = line.indexOf(' ');
      this.lines.push({ fd, timestamp: line.slice(0, space), text: line.slice(space + 1) });
    }
  }

  /** Resolves once `test` holds; rejects after `timeoutMs` with what was seen. */
  until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!test()) return;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = JSON.stringify({ lines: this.lines.slice(-5), end: this.end });
        reject(new Error(`[test] ${what} not seen within ${timeoutMs} ms; saw ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  ended(timeoutMs: number): Promise<StreamEnd> {
    return this.until(() => this.end !== null, timeoutMs, 'stream:end').then(() => this.end as StreamEnd);
  }
}
