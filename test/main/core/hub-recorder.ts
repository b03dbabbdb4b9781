// Test helper: records every event a hub pushes and waits for the first one (from now on) that matches.
import type { EventHub } from '../../../main/core/ipc/event-hub';
import type { EventName, EventPayloads } from '../../../main/shared/contract';

export interface Recorded<E extends EventName = EventName> {
  event: E;
  payload: EventPayloads[E];
  at: number;
}

export class HubRecorder {
  readonly seen: Recorded[] = [];
  private readonly waiters = new Set<{ test: (r: Recorded) => boolean; resolve: (r: Recorded) => void }>();
  readonly dispose: () => void;

  constructor(hub: EventHub) {
    this.dispose = hub.subscribe((event, payload) => {
      const recorded: Recorded = { event, payload, at: Date.now() } as Recorded;
      this.seen.push(recorded);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(recorded)) {
          this.waiters.delete(waiter);
          waiter.resolve(recorded);
        }
      }
    });
  }

  /** Resolves with the next matching event; rejects after `timeoutMs` saying what it waited for. */
  next<E extends EventName>(
    event: E,
    match: (payload: EventPayloads[E]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<Recorded<E>> {
    return new Promise((resolve, reject) => {
      const waiter = {
        test: (r: Recorded) => r.event === event && match(r.payload as EventPayloads[E]),
        resolve: (r: Recorded) => {
          clearTimeout(timer);
          resolve(r as Recorded<E>);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `no ${event} event (${what}) within ${timeoutMs} ms; saw ${JSON.stringify(this.seen.slice(-5).map((r) => r.payload))}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
