// The assembled store: ticks from the client land in the series; stopping unsubscribes.
import { describe, expect, it } from 'vitest';
import { createStatsStore } from '../../../renderer/src/stats/stats-store';
import type { StatsClient } from '../../../renderer/src/stats/watch-sync';
import { tick } from './fixtures';

describe('createStatsStore', () => {
  it('subscribes to stats:tick once started, and stops', () => {
    const listeners = new Set<(payload: unknown) => void>();
    const client = {
      bridge: null,
      invoke: async () => null,
      on: (event: string, listener: (payload: unknown) => void) => {
        if (event !== 'stats:tick') return () => undefined;
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as unknown as StatsClient;
    const store = createStatsStore(client);
    const stop = store.start();
    store.watches.watch({ ids: ['a'] });
    for (const listener of listeners) listener(tick(1000, [['a', { cpuPercent: 7 }]]));
    expect(store.series.latest('a')?.values[0]).toBe(7);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('keeps samples only of containers this window watches (the core sends every one it records)', () => {
    let listener: ((payload: unknown) => void) | null = null;
    const client = {
      bridge: null,
      invoke: async () => null,
      on: (event: string, next: (payload: unknown) => void) => {
        if (event === 'stats:tick') listener = next;
        return () => undefined;
      },
    } as unknown as StatsClient;
    const store = createStatsStore(client);
    const stop = store.start();
    const release = store.watches.watch({ ids: ['a'] });
    listener!(
      tick(1000, [
        ['a', { cpuPercent: 7 }],
        ['b', { cpuPercent: 9 }],
      ]),
    );
    expect(store.series.latest('a')?.values[0]).toBe(7);
    expect(store.series.latest('b')).toBeNull();
    release();
    store.watches.watch({ all: true });
    listener!(tick(2000, [['b', { cpuPercent: 9 }]]));
    expect(store.series.latest('b')?.values[0]).toBe(9);
    stop();
  });
});
