// The current time for relative times and countdowns, ticking every `intervalMs` while anything shows it.
// One timer per interval however many components read it.
import { useSyncExternalStore } from 'react';

interface Clock {
  now: number;
  subscribe(listener: () => void): () => void;
  get(): number;
}

/** How often relative times ("42 seconds ago") refresh in tables. */
export const relativeTimeTickMs = 10_000;

const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  const clock: Clock = {
    now: Date.now(),
    get: () => clock.now,
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        // The clock may have slept: React re-reads the snapshot after subscribing and sees the fresh time.
        clock.now = Date.now();
        timer = setInterval(() => {
          clock.now = Date.now();
          for (const notify of [...listeners]) notify();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
  clocks.set(intervalMs, clock);
  return clock;
}

export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.get);
}
