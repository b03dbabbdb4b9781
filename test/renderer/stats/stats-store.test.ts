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
    for (const listener of listeners) listener(tick(1000, [['a', { cpuPercent: 7 }]]));
    expect(store.series.latest('a')?.values[0]).toBe(7);
    stop();
    expect(listeners.size).toBe(0);
  });
});
